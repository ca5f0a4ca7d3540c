/**
 * Reads an existing reply to a deputy's suggestion (or a CPPCC member's proposal) into structured fields.
 * Pure: no I/O. Never throws; a field the text does not state is null (or [] for lists), never guessed.
 *
 * Choices for the ambiguous cases (see the helpers for details):
 * - docNumber: brackets normalised to 〔〕 (高工信发[2024]37号 → 高工信发〔2024〕37号), the rest as written.
 * - session: short form in Chinese numerals (第7届…第6次 → 七届六次).
 * - suggestionNumber: the number without zero padding (第0123号 → 123); 议案 and 提案 numbers too.
 * - proposers: names as written — labelled lists (领衔代表/附议代表) first, else the salutation, else the
 *   intro; 张三等5名代表 gives [张三]; a party or group addressee (民盟高平市委员会：) is the one proposer.
 * - points: top-level numbered items only; nothing numbered → []. A heading is the Markdown heading, bold
 *   lead or short first sentence; a point whose first sentence is long prose has heading null.
 * - replyClass: Latin classes as the letter ("A"), Chinese ones with 类 ("甲类"), labelled words as written.
 * - date: the signature date, else a labelled reply date; publication dates of web pages never.
 * - contact: first contact person and first phone of the closing note (phones tidied: － → -).
 * - confidence: for every field, whether it was read as written ('sure'), is a guess to check ('unsure': a
 *   damaged date repaired, the organ taken from the page's 来源, …) or was not found ('missing'), with the
 *   reason in Chinese for the person importing.
 */
import {
  dateRead, docNumberRead, headerTexts, issuingOrganRead, replyClassRead, signatureOf, subjectOf, type FieldRead,
} from './reply-fields.js';
import { layoutOf, type Layout } from './reply-layout.js';
import { meetingRef, type Congress } from './reply-meeting.js';
import { parseCnInt } from './cn-numerals.js';
import { closeCjkSpaces } from './reply-normalize.js';
import { addresseesOf, contactIn, proposersFromLabels, proposersInIntro } from './reply-people.js';
import { extractPoints, type ReplyPoint } from './reply-points.js';

export type { Congress } from './reply-meeting.js';
export type { ReplyPoint } from './reply-points.js';

export interface ParsedReply {
  docNumber: string | null;
  issuingOrgan: string | null;
  title: string | null;
  congress: Congress | null;
  session: string | null;
  suggestionNumber: number | null;
  proposers: string[];
  subject: string | null;
  points: ReplyPoint[];
  replyClass: string | null;
  date: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  confidence: Confidence;
}

export type FieldName = Exclude<keyof ParsedReply, 'confidence'>;
export interface FieldConfidence {
  level: 'sure' | 'unsure' | 'missing';
  reason: string | null;
}
export type Confidence = Record<FieldName, FieldConfidence>;

export const FIELD_LABELS: Record<FieldName, string> = {
  docNumber: '发文字号', issuingOrgan: '发文机关', title: '标题', congress: '人大/政协', session: '届次', suggestionNumber: '建议编号',
  proposers: '提出人', subject: '建议标题', points: '答复要点', replyClass: '答复类别', date: '成文日期', contactPerson: '联系人',
  contactPhone: '联系电话',
};

type Fields = Omit<ParsedReply, 'confidence'>;

/** Sure when present, missing (未找到…) when empty, unless a field's reader said otherwise. */
function confidenceOf(fields: Fields, said: Partial<Record<FieldName, FieldConfidence>>): Confidence {
  const out = {} as Confidence;
  for (const key of Object.keys(FIELD_LABELS) as FieldName[]) {
    const v = fields[key];
    const empty = v === null || (Array.isArray(v) && v.length === 0);
    out[key] = said[key] ?? (empty ? { level: 'missing', reason: `未找到${FIELD_LABELS[key]}` } : { level: 'sure', reason: null });
  }
  return out;
}

function level<T>(r: FieldRead<T>): FieldConfidence {
  return { level: r.level, reason: r.reason };
}

export function emptyReply(): ParsedReply {
  const fields: Fields = {
    docNumber: null, issuingOrgan: null, title: null, congress: null, session: null, suggestionNumber: null,
    proposers: [], subject: null, points: [], replyClass: null, date: null, contactPerson: null, contactPhone: null,
  };
  return { ...fields, confidence: confidenceOf(fields, {}) };
}

export function parseReply(text: string): ParsedReply {
  if (typeof text !== 'string' || text.trim() === '') return emptyReply();
  const layout = attempt(() => layoutOf(text), null);
  if (!layout) return emptyReply();
  const salutation = layout.salutationIndex >= 0 ? layout.paras[layout.salutationIndex].text : '';
  const addressees = attempt(() => addresseesOf(salutation), { names: [], role: null });
  const intro = attempt(() => introOf(layout, salutation), '');
  const header = attempt(() => headerTexts(layout), []);
  const meeting = attempt(
    () => meetingRef([layout.title ?? '', ...header, intro], addressees.role, layout.title),
    { congress: null, session: null, suggestionNumber: null },
  );
  const signature = attempt(() => signatureOf(layout), { index: -1, date: null, organOnLine: '', damaged: null });
  const contact = attempt(() => contactIn(contactLines(layout)), { person: null, phone: null });
  const missing = <T>(value: T): FieldRead<T> => ({ value, level: 'missing', reason: null });
  const docNumber = attempt(() => docNumberRead(layout), missing(null));
  const organ = attempt(() => issuingOrganRead(layout, signature), missing(null));
  const replyClass = attempt(() => replyClassRead(layout), missing(null));
  const date = attempt(() => dateRead(layout, signature), missing(null));
  const proposers = attempt(() => proposersOf(header, addressees.names, intro, salutation), missing([]));
  const subject = attempt(() => subjectRead(intro, header, layout.title), missing(null));
  const fields: Fields = {
    docNumber: docNumber.value,
    issuingOrgan: organ.value,
    title: layout.title,
    congress: meeting.congress,
    session: meeting.session,
    suggestionNumber: meeting.suggestionNumber,
    proposers: proposers.value,
    subject: subject.value,
    points: attempt(() => extractPoints(layout), []),
    replyClass: replyClass.value,
    date: date.value,
    contactPerson: contact.person,
    contactPhone: contact.phone,
  };
  const said: Partial<Record<FieldName, FieldConfidence>> = {};
  for (const [key, read] of [['docNumber', docNumber], ['issuingOrgan', organ], ['replyClass', replyClass], ['date', date],
    ['proposers', proposers], ['subject', subject]] as Array<[FieldName, FieldRead<unknown>]>) {
    if (read.reason !== null) said[key] = level(read);
  }
  return { ...fields, confidence: confidenceOf(fields, said) };
}

const SOME_MORE = /^(.{1,40}?)等\s*([\d一二三四五六七八九十两]+)\s*[名位个]?\s*(代表|委员)/;

/**
 * Proposers as the text lists them: labelled lists (领衔代表：…　附议代表：…) are the fullest, then the
 * salutation, then the intro (李建新等6名代表提出的…). 张三等5名代表 names only the first: unsure.
 */
function proposersOf(header: string[], addressed: string[], intro: string, salutation: string): FieldRead<string[]> {
  const labelled = proposersFromLabels(header);
  if (labelled.length > 0) return { value: labelled, level: 'sure', reason: null };
  const fromIntro = addressed.length === 0;
  const names = fromIntro ? proposersInIntro(intro) : addressed;
  if (names.length === 0) return { value: [], level: 'missing', reason: '未找到提出人（称呼或正文中未写代表姓名），请填写' };
  const some = SOME_MORE.exec((fromIntro ? intro : salutation).replace(/^尊敬的/, ''));
  const count = some ? (/^\d+$/.test(some[2]) ? Number(some[2]) : parseCnInt(some[2]) ?? Infinity) : 0;
  if (some && count > names.length) {
    return {
      value: names, level: 'unsure',
      reason: `原文写作“${some[0]}”，只写出了${names.join('、')}，其余提出人请补填`,
    };
  }
  if (fromIntro) return { value: names, level: 'unsure', reason: '称呼中没有代表姓名，提出人按正文推定，请核对' };
  return { value: names, level: 'sure', reason: null };
}

/** The subject; one that does not end as a suggestion's title (…的建议) is kept as written but unsure. */
function subjectRead(intro: string, header: string[], title: string | null): FieldRead<string | null> {
  const subject = subjectOf(intro, header, title);
  if (!subject) return { value: null, level: 'missing', reason: '未找到建议标题，请填写' };
  if (!/(建议|提案|议案|意见)$/.test(subject)) {
    return { value: subject, level: 'unsure', reason: `建议标题“${subject}”未以“的建议”结尾，按原文采用，请核对` };
  }
  return { value: subject, level: 'sure', reason: null };
}

/** One field's failure must not cost the others. */
function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The salutation's remainder and the paragraphs between it and the first point (at most three without points). */
function introOf(layout: Layout, salutation: string): string {
  const colon = salutation.search(/[：:]/);
  const parts = colon >= 0 ? [salutation.slice(colon + 1)] : [];
  const end = layout.points.length > 0 ? layout.points[0].start : Math.min(layout.bodyStart + 3, layout.closingStart);
  for (let i = layout.bodyStart; i < end; i++) parts.push(layout.paras[i].text);
  return parts.map(closeCjkSpaces).filter((p) => p !== '').join('\n');
}

/** Closing note first, then the header, then any other paragraph outside the points. */
function contactLines(layout: Layout): string[] {
  const texts = layout.paras.map((p) => p.text);
  const inPoints = new Set<number>();
  for (const p of layout.points) for (let i = p.start; i < p.end; i++) inPoints.add(i);
  const rest = texts.filter((_, i) => i < layout.closingStart && !inPoints.has(i));
  return [...texts.slice(layout.closingStart), ...rest];
}
