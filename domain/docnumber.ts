/**
 * Document numbers (发文字号) per GB/T 9704-2012 §7.2.4: issuing-organ code, the full year in hexagonal
 * brackets 〔〕 and the serial number, without zero padding and without 第 — e.g. 高工信发〔2024〕37号.
 * Pure: no I/O.
 */

export interface DocNumber {
  /** Issuing-organ code (机关代字), e.g. 高工信发. */
  prefix: string;
  /** Full year, e.g. 2024. */
  year: number;
  /** Serial number (发文顺序号), from 1. */
  serial: number;
}

export class DocNumberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocNumberError';
  }
}

export const DOC_NUMBER_MIN_YEAR = 1949;
export const DOC_NUMBER_MAX_YEAR = 2100;
export const DOC_NUMBER_MAX_PREFIX = 20;

const PREFIX_RE = /^\p{L}+$/u;

/** Chinese messages for every rule the number breaks; empty when it is valid. */
export function validateDocNumber(n: DocNumber): string[] {
  const errors: string[] = [];
  const prefix = typeof n.prefix === 'string' ? n.prefix : '';
  const length = [...prefix].length;
  if (length === 0) errors.push('机关代字不能为空');
  else if (length > DOC_NUMBER_MAX_PREFIX) errors.push(`机关代字不能超过${DOC_NUMBER_MAX_PREFIX}个字`);
  else if (!PREFIX_RE.test(prefix)) errors.push('机关代字只能由汉字或字母组成');
  if (!Number.isInteger(n.year) || n.year < DOC_NUMBER_MIN_YEAR || n.year > DOC_NUMBER_MAX_YEAR) {
    errors.push(`年份应为${DOC_NUMBER_MIN_YEAR}至${DOC_NUMBER_MAX_YEAR}之间的四位整数`);
  }
  if (!Number.isInteger(n.serial) || n.serial < 1) errors.push('发文顺序号应为不小于1的整数');
  return errors;
}

/** The standard form 高工信发〔2024〕37号; throws DocNumberError (Chinese message) when invalid. */
export function formatDocNumber(n: DocNumber): string {
  const errors = validateDocNumber(n);
  if (errors.length > 0) throw new DocNumberError(`发文字号不正确：${errors.join('；')}`);
  return `${n.prefix}〔${n.year}〕${n.serial}号`;
}

const OPEN = '〔\\[（［【(﹝〖';
const CLOSE = '〕\\]）］】)﹞〗';
const BODY = `(\\p{L}+?)\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d+)\\s*号`;
const WHOLE_RE = new RegExp(`^${BODY}$`, 'u');
const INNER_RE = new RegExp(BODY, 'u');

/** Full-width digits and spaces to their ASCII forms. */
function normalise(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\u3000\u00a0]/g, ' ');
}

function fromMatch(m: RegExpMatchArray): DocNumber | null {
  const n: DocNumber = { prefix: m[1], year: Number(m[2]), serial: Number(m[3]) };
  return validateDocNumber(n).length === 0 ? n : null;
}

/**
 * Reads a document number written in any common variant — 〔〕 [] （） ［］ 【】 () brackets, full- or
 * half-width digits, an optional 第, zero-padded serials — or returns null.
 */
export function parseDocNumber(s: string): DocNumber | null {
  if (typeof s !== 'string') return null;
  const m = normalise(s).trim().match(WHOLE_RE);
  return m ? fromMatch(m) : null;
}

/** True only for the exact standard form, e.g. 高工信发〔2024〕37号. */
export function isCanonicalDocNumber(s: string): boolean {
  const n = parseDocNumber(s);
  return n !== null && formatDocNumber(n) === s;
}

/**
 * Finds a document number inside a longer line (e.g. one that also carries 签发人：…). `raw` is the text as
 * written in the line (after full-width digits were made ASCII, so its length matches the original).
 */
export function findDocNumber(line: string): { raw: string; number: DocNumber } | null {
  if (typeof line !== 'string') return null;
  const text = normalise(line);
  const m = text.match(INNER_RE);
  if (!m || m.index === undefined) return null;
  const number = fromMatch(m);
  if (!number) return null;
  return { raw: line.slice(m.index, m.index + m[0].length), number };
}
