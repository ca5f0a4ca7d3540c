/**
 * Small matchers shared by the reply normaliser and the field extractors: dates, document numbers,
 * signature lines, salutations and the phrases that open a reply's closing.
 */
import { parseCnInt, parseDigitByDigit } from './cn-numerals.js';

// ---------------------------------------------------------------- dates

export interface DateMatch {
  /** YYYY-MM-DD */
  iso: string;
  start: number;
  end: number;
}

const AR_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const CN_DATE = /([〇零○OＯ0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十廿卅]{1,3})\s*日/g;
const NUMERIC_DATE = /(?<!\d)(\d{4})\s*([-./／])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d:：])/g;

function isoDate(y: number | null, m: number | null, d: number | null): string | null {
  if (y === null || m === null || d === null) return null;
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date written out in the text (2024年8月22日, 二〇二四年八月二十二日, 2024-08-22), in order. */
export function findDates(s: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of s.matchAll(AR_DATE)) {
    push(found, isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m);
  }
  for (const m of s.matchAll(CN_DATE)) {
    push(found, isoDate(parseDigitByDigit(m[1]), parseCnInt(m[2]), parseCnInt(m[3])), m);
  }
  for (const m of s.matchAll(NUMERIC_DATE)) {
    push(found, isoDate(Number(m[1]), Number(m[3]), Number(m[4])), m);
  }
  return found.sort((a, b) => a.start - b.start);
}

function push(out: DateMatch[], iso: string | null, m: RegExpMatchArray) {
  if (iso && m.index !== undefined) out.push({ iso, start: m.index, end: m.index + m[0].length });
}

/** A note written after the date on the same line: 2024年8月22日（此件公开发布） */
const TRAILING_NOTE = /[（(][^（()）]*(此件|公开|发布)[^（()）]*[）)]\s*$/;

const SEAL = /[（(]\s*(印章|盖章|公章|章|签章|单位盖章|单位印章)\s*[）)]/g;

/**
 * The date of a signature line: the line is a date alone, or a signing organ followed by the date
 * (高平市工业和信息化局　2024年8月22日). Returns the date and the organ text before it ('' when none).
 */
export function signatureDate(line: string): { iso: string; before: string } | null {
  const s = line.replace(SEAL, ' ').replace(TRAILING_NOTE, '').trim();
  const dates = findDates(s);
  if (dates.length !== 1) return null;
  const [d] = dates;
  const after = s.slice(d.end).trim();
  if (after !== '') return null;
  const before = s.slice(0, d.start).trim();
  if (before !== '' && !isOrganName(before)) return null;
  return { iso: d.iso, before };
}

/** A signature date damaged in publication: 年, 月 or 日 lost (2012年12月20, 2023619, 2023年6 19日). */
export interface DamagedDate {
  /** The date repaired when only one reading is a real date, else null. */
  iso: string | null;
  /** As written. */
  raw: string;
  /** What is wrong with it, in Chinese. */
  reason: string;
  before: string;
}

const CN_DAMAGED_TAIL = /([〇零○OＯ0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十廿卅]{1,3})$/;
const DAMAGED_TAIL = /((?:19|20)\d{2})\s*(年)?\s*(\d{1,2})\s*(月)?\s*(\d{1,2})?\s*(日)?$/;

/**
 * A line that is a date with 年, 月 or 日 missing, alone or after the signing organ. The day and month are
 * repaired when exactly one split of the digits gives a real date (2023619 → 2023-06-19); 2023111 (1月11日
 * or 11月1日) is left unrepaired.
 */
export function damagedSignatureDate(line: string): DamagedDate | null {
  const s = line.replace(SEAL, ' ').replace(TRAILING_NOTE, '').trim();
  if (findDates(s).length > 0) return null;
  const cn = CN_DAMAGED_TAIL.exec(s);
  if (cn && cn.index !== undefined) {
    const before = s.slice(0, cn.index).trim();
    if (before !== '' && !isOrganName(before)) return null;
    const raw = cn[0].trim();
    const iso = isoDate(parseDigitByDigit(cn[1]), parseCnInt(cn[2]), parseCnInt(cn[3]));
    if (!iso) return { iso: null, raw, before, reason: `落款日期“${raw}”缺少“日”，无法推定，请填写` };
    const [yy, mm, dd] = iso.split('-').map(Number);
    return { iso, raw, before, reason: `落款日期“${raw}”缺少“日”，按${yy}年${mm}月${dd}日推定，请核对` };
  }
  const m = DAMAGED_TAIL.exec(s);
  if (!m || m.index === undefined) return null;
  const before = s.slice(0, m.index).trim();
  if (before !== '' && !isOrganName(before)) return null;
  const raw = m[0].trim();
  const [, year, nian, mid, yue, tail, ri] = m;
  const lost = [nian ? '' : '年', yue ? '' : '月', ri ? '' : '日'].filter(Boolean);
  if (lost.length === 0) return null;
  // A bare run of digits must be a whole compact date (7 or 8 digits), not a phone or a count.
  if (!nian && !yue && !ri && !/^\d{7,8}$/.test(raw.replace(/\s+/g, ''))) return null;
  const y = Number(year);
  const candidates = new Set<string>();
  if (yue || tail !== undefined) {
    const mm = Number(mid);
    const dd = tail !== undefined ? Number(tail) : NaN;
    const iso = isoDate(y, mm, dd);
    if (iso) candidates.add(iso);
  }
  if (!yue) {
    const digits = `${mid}${tail ?? ''}`;
    for (let k = 1; k <= 2 && k < digits.length; k++) {
      if (digits.length - k > 2) continue;
      const iso = isoDate(y, Number(digits.slice(0, k)), Number(digits.slice(k)));
      if (iso) candidates.add(iso);
    }
  }
  const missing = `缺少“${lost.join('”“')}”`;
  if (candidates.size === 1) {
    const [iso] = candidates;
    const [yy, mm, dd] = iso.split('-').map(Number);
    return { iso, raw, before, reason: `落款日期“${raw}”${missing}，按${yy}年${mm}月${dd}日推定，请核对` };
  }
  if (candidates.size === 0) return { iso: null, raw, before, reason: `落款日期“${raw}”${missing}，无法推定，请填写` };
  return { iso: null, raw, before, reason: `落款日期“${raw}”${missing}，可读作${[...candidates].join('或')}，请填写` };
}

// ---------------------------------------------------------------- document numbers

const OPEN = '〔\\[（［【(﹝〖〈《';
const CLOSE = '〕\\]）］】)﹞〗〉》';
const DOC_NUMBER = new RegExp(
  `([\\p{Script=Han}A-Za-z]{1,20})\\s*[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*(第?)\\s*(\\d{1,5})\\s*号`,
  'u',
);

const YEAR_IN_BRACKETS = new RegExp(`[${OPEN}]\\s*(?:19|20)\\d{2}\\s*[${CLOSE}]`);

/**
 * A document number in the line, with its brackets normalised to the hexagonal 〔〕 of GB/T 9704 and
 * spaces removed; the prefix, any 第 and the serial stay as written.
 */
export function findDocNumber(line: string): { value: string; start: number; end: number } | null {
  if (!YEAR_IN_BRACKETS.test(line)) return null;
  const m = DOC_NUMBER.exec(line);
  if (!m || m.index === undefined) return null;
  return { value: `${m[1]}〔${m[2]}〕${m[3]}${m[4]}号`, start: m.index, end: m.index + m[0].length };
}

// ---------------------------------------------------------------- organs and signature lines

const ORGAN_END =
  /(局|委员会|委|办公室|办|政府|中心|公司|集团|院|所|厅|部|处|科|室|站|队|署|社|馆|办事处|街道|镇|乡|联合会|协会|商会|学校|医院|银行|支行|分行|管委会)$/;
const NOT_ORGAN_START = /^(为|在|由|向|对|与|经|将|请|按|据|根据|协调|联系|报|及|和|并|是|从|把|被|让|使|等|该|其|已|现|目前|同时)/;

/** A bare organ name such as 高平市工业和信息化局 (no sentence punctuation, organ-like ending). */
export function isOrganName(raw: string): boolean {
  const s = raw.replace(SEAL, '').replace(/\s+/g, '');
  if (s.length < 3 || s.length > 40) return false;
  if (!/^[\p{Script=Han}（）()、·\dA-Za-z]+$/u.test(s)) return false;
  if (NOT_ORGAN_START.test(s)) return false;
  return ORGAN_END.test(s);
}

/** A red-header line: 高平市工业和信息化局文件. Returns the organ part or null. */
export function redHeaderOrgan(line: string): string | null {
  const s = line.replace(/\s+/g, '');
  const m = /^(.{3,40}?)(文件|公函|函件)$/u.exec(s);
  if (!m || /关于|答复|建议/.test(m[1])) return null;
  return isOrganName(m[1]) ? m[1] : null;
}

// ---------------------------------------------------------------- class marks, salutations, closing

/** A classification mark opening the title line: 【B类】关于…的答复 */
export const LEADING_CLASS_MARK = /^[（(【\[［]\s*((?:[A-Da-d]|[甲乙丙丁])\s*类?)\s*[）)】\]］]\s*/;

/** A line that is only a classification mark: A, （A）, B类, 【C】, 甲类. */
export const CLASS_MARK_LINE = /^[（(【\[［]?\s*(?:[A-Da-d]|[甲乙丙丁])\s*类?\s*[）)】\]］]?$/;

/** 尊敬的张三、李四代表：/ 张三等5名代表：/ 王五委员： — the addressee line of a reply. */
export const SALUTATION = /^(?:尊敬的)?([^：:。；]{1,120}?)(代表|委员|同志|先生|女士)们?\s*(?:(?:[，,]?\s*(?:您|你)们?好\s*)?[：:]|[，,]\s*(?:您|你)们?好\s*[！!。，,]?\s*$)/;

const PARTY_OR_GROUP =
  /^(?:尊敬的)?((?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|工商联|中国国民党革命委员会|中国民主同盟|中国民主建国会|中国民主促进会|中国农工民主党|中国致公党|台湾民主自治同盟)[^：:。，]{0,30}|[^：:。，]{1,20}(?:界别|界|专门委员会|专委会|工作委员会|小组))\s*[：:]\s*$/;

/** The addressee of a reply written to a party or group (政协 proposals by 民盟…市委员会 etc.). */
export function groupAddressee(line: string): string | null {
  const m = PARTY_OR_GROUP.exec(line.trim());
  return m ? m[1].replace(/\s+/g, '') : null;
}

export function isSalutation(line: string): boolean {
  const m = SALUTATION.exec(line);
  if (m && !/关于|建议|答复|提案|议案|收悉|领衔|附议|联名|姓名/.test(m[1])) return true;
  return groupAddressee(line) !== null;
}

/** Paragraphs that always belong to the closing: 以上答复…, 特此答复, 附件, 抄送, contact lines. */
export const HARD_CLOSING =
  /^(以上(答复|意见|回复|办理|情况|是)|特此(答复|函复|回复|复函|说明)|此复|专此(答复|函复)|领导签字|签发人|签字[：:]|附件[：:\s\d]|附件$|抄送|抄报|主题词|[（(]?此件(公开|主动|不予?公开|依申请)|[（(]?(联系人|联系电话|联系方式|经办人|承办人|办理人)(及(其)?(联系)?(电话|方式))?\s*[：:])/;

/**
 * Paragraphs that open the closing once the points have begun: thanks, invitations to give feedback,
 * and the summary that speaks to the proposers again (关于你们就…提出的建议，…).
 */
export const SOFT_CLOSING =
  /^(再次|衷心|诚挚|真诚|非常|特别|由衷)?(感谢|谢谢)|^最后[，,](再次|衷心|感谢|欢迎|希望|恳请|敬请)|^(欢迎|恳请|敬请|希望)(您|你)|^(您|你)们?(如|若)(有|对)|^如(您|你)?们?(有|对).{0,20}(意见|疑问|不满意|问题)|^(关于|对|针对)(您|你)们?(就|所|提出|领衔|的)|^(您|你)们?(所提|提出)的(建议|提案|议案)/;
