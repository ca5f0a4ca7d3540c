/** What the documents API returns (server/modules/documents/*.schemas.ts). */
export type DocNumberState = 'allocated' | 'reserved' | 'voided' | 'manual';

export interface DocNumber {
  id: string;
  prefix: string;
  year: number;
  serial: number;
  number: string;
  state: DocNumberState;
  stateLabel: string;
  voidedFrom: string | null;
  title: string | null;
  refType: string | null;
  refId: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  note: string | null;
  voidReason: string | null;
  createdByName: string;
  createdAt: string;
  voidedByName: string | null;
  voidedAt: string | null;
  version: number;
}

export interface PrefixList {
  currentYear: number;
  prefixes: Array<{ prefix: string; units: Array<{ id: string; name: string }>; years: Array<{ year: number; count: number; nextSerial: number }>; canManage: boolean }>;
}

export interface Registry {
  prefix: string;
  year: number;
  nextSerial: number;
  nextNumber: string;
  canManage: boolean;
  counts: Record<string, number>;
  items: DocNumber[];
}

export interface ReplyDocumentInfo {
  replyId: string;
  replyState: string;
  version: number;
  title: string;
  docNumber: string | null;
  unit: { id: string; name: string; docPrefix: string | null };
  mode: 'joint' | 'per_deputy';
  deputies: Array<{ id: string; name: string }>;
  canTakeNumber: boolean;
  numberHint: string | null;
  reservedNumbers: Array<{ id: string; number: string; note: string | null }>;
  pdfAvailable: boolean;
}

export interface FormatIssue {
  code: string;
  message: string;
  where: string;
}

export interface CheckResult {
  fileName: string;
  size: number;
  ok: boolean;
  checkedAt: string;
  issues: FormatIssue[];
}

export interface ParsedReply {
  docNumber: string | null;
  issuingOrgan: string | null;
  title: string | null;
  congress: '人大' | '政协' | null;
  session: string | null;
  suggestionNumber: number | null;
  proposers: string[];
  subject: string | null;
  points: Array<{ ordinal: number; heading: string | null; text: string }>;
  replyClass: string | null;
  date: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  /** Per field: read as written, a guess to check, or not found, with the reason in Chinese. */
  confidence: Record<Exclude<keyof ParsedReply, 'confidence'>, { level: 'sure' | 'unsure' | 'missing'; reason: string | null }>;
}

export interface ImportPreview {
  fileName: string;
  text: string;
  parsed: ParsedReply;
  intro: string | null;
  closing: string | null;
  match: {
    unit: { id: string; name: string } | null;
    session: { id: string; shortName: string; fullName: string } | null;
    deputies: Array<{ name: string; deputyId: string | null }>;
    duplicateSuggestionId: string | null;
    docNumberTaken: string | null;
  };
  warnings: string[];
}

export interface ImportResult {
  suggestionId: string;
  replyId: string;
  sessionId: string;
  sessionCreated: boolean;
  deputiesCreated: string[];
  docNumber: string | null;
  unitName: string;
  title: string;
  state: 'closed' | 'awaiting_feedback';
}

export const STATE_COLORS: Record<DocNumberState, string> = { allocated: 'blue', reserved: 'gold', voided: 'default', manual: 'purple' };

/** 1 → 一 … 99 → 九十九, as the reply numbers its points. */
export function cnOrdinal(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : d[tens]}十${n % 10 ? d[n % 10] : ''}`;
}
