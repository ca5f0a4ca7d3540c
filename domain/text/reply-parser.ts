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
 */
import {
  dateOf, docNumberOf, headerTexts, issuingOrganOf, replyClassOf, signatureOf, subjectOf,
} from './reply-fields.js';
import { layoutOf, type Layout } from './reply-layout.js';
import { meetingRef, type Congress } from './reply-meeting.js';
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
}

export function emptyReply(): ParsedReply {
  return {
    docNumber: null, issuingOrgan: null, title: null, congress: null, session: null, suggestionNumber: null,
    proposers: [], subject: null, points: [], replyClass: null, date: null, contactPerson: null, contactPhone: null,
  };
}

export function parseReply(text: string): ParsedReply {
  const layout = attempt(() => layoutOf(typeof text === 'string' ? text : ''), null);
  if (!layout) return emptyReply();
  const salutation = layout.salutationIndex >= 0 ? layout.paras[layout.salutationIndex].text : '';
  const addressees = attempt(() => addresseesOf(salutation), { names: [], role: null });
  const intro = attempt(() => introOf(layout, salutation), '');
  const header = attempt(() => headerTexts(layout), []);
  const meeting = attempt(
    () => meetingRef([layout.title ?? '', ...header, intro], addressees.role, layout.title),
    { congress: null, session: null, suggestionNumber: null },
  );
  const signature = attempt(() => signatureOf(layout), { index: -1, date: null, organOnLine: '' });
  const contact = attempt(() => contactIn(contactLines(layout)), { person: null, phone: null });
  return {
    docNumber: attempt(() => docNumberOf(layout), null),
    issuingOrgan: attempt(() => issuingOrganOf(layout, signature), null),
    title: layout.title,
    congress: meeting.congress,
    session: meeting.session,
    suggestionNumber: meeting.suggestionNumber,
    proposers: attempt(() => proposersOf(header, addressees.names, intro), []),
    subject: attempt(() => subjectOf(intro, header, layout.title), null),
    points: attempt(() => extractPoints(layout), []),
    replyClass: attempt(() => replyClassOf(layout), null),
    date: attempt(() => dateOf(layout, signature), null),
    contactPerson: contact.person,
    contactPhone: contact.phone,
  };
}

/**
 * Proposers as the text lists them: labelled lists (领衔代表：…　附议代表：…) are the fullest, then the
 * salutation, then the intro (李建新等6名代表提出的…).
 */
function proposersOf(header: string[], addressed: string[], intro: string): string[] {
  const labelled = proposersFromLabels(header);
  if (labelled.length > 0) return labelled;
  return addressed.length > 0 ? addressed : proposersInIntro(intro);
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
