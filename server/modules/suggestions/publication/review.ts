/**
 * The redaction review of a reply before publication, pure: which fields are published, what the automatic
 * search for personal data found in each, what the reviewer kept or added, and the redacted result.
 */
import { KIND_LABELS, findPersonalData, type RedactionKind } from '../../../../domain/text/redact.js';

export interface ReviewField {
  /** 'suggestionTitle' | 'intro' | 'point:<id>:heading' | 'point:<id>:text' | 'closing' | 'contactPerson' | 'contactPhone' */
  key: string;
  label: string;
  text: string;
}

export type ManualRedaction =
  | { id: string; field: string; start: number; end: number }
  | { id: string; phrase: string };

/** What the reviewer decided; stored in reply.redactions_json with the review's history. */
export interface ReviewDecisions {
  /** Keys of automatic findings to leave visible (e.g. a number that is in fact an office line). */
  keep: string[];
  manual: ManualRedaction[];
}

export interface ReviewRecord extends ReviewDecisions {
  reviewedAt?: string | null;
  reviewedBy?: string | null;
  /** Set when a published reply was taken down; cleared when published again. */
  withdrawn?: { reason: string; at: string; by: string } | null;
  /** What was hidden in the published version (set when publishing). */
  applied?: Array<{ field: string; kind: string; original: string; replacement: string }>;
}

export type FindingKind = RedactionKind | 'manual';
export const FINDING_LABELS: Record<FindingKind, string> = { ...KIND_LABELS, manual: '人工隐去' };
export const MANUAL_REPLACEMENT = '［已隐去］';

export interface Finding {
  key: string;
  field: string;
  start: number;
  end: number;
  kind: FindingKind;
  original: string;
  replacement: string;
  source: 'auto' | 'manual';
  manualId: string | null;
  /** Kept visible by the reviewer (automatic findings only). */
  kept: boolean;
}

export interface FieldReview extends ReviewField {
  findings: Finding[];
  redacted: string;
  /** The text cut into pieces; a piece that a finding covers carries its key. */
  segments: Array<{ text: string; findingKey: string | null }>;
}

export const emptyRecord = (): ReviewRecord => ({ keep: [], manual: [] });

export function parseRecord(json: string | null): ReviewRecord {
  if (!json) return emptyRecord();
  try {
    const v = JSON.parse(json);
    return { ...emptyRecord(), ...v, keep: Array.isArray(v.keep) ? v.keep : [], manual: Array.isArray(v.manual) ? v.manual : [] };
  } catch {
    return emptyRecord();
  }
}

const findingKey = (field: string, start: number, end: number) => `${field}@${start}-${end}`;

/** A phone field is searched as "联系电话：…" so that a bare local number counts as a phone. */
const PHONE_PREFIX = '联系电话：';

export interface ReviewOptions {
  /** Official lines of the replying unit: never hidden. */
  keepNumbers: string[];
}

function autoFindings(f: ReviewField, opts: ReviewOptions): Finding[] {
  const isPhone = f.key === 'contactPhone';
  const text = isPhone ? PHONE_PREFIX + f.text : f.text;
  const shift = isPhone ? PHONE_PREFIX.length : 0;
  return findPersonalData(text, { keepNumbers: opts.keepNumbers }).map((r) => ({
    key: findingKey(f.key, r.start - shift, r.end - shift), field: f.key, start: r.start - shift, end: r.end - shift, kind: r.kind,
    original: r.original, replacement: r.replacement, source: 'auto' as const, manualId: null, kept: false,
  }));
}

function manualFindings(f: ReviewField, manual: ManualRedaction[]): Finding[] {
  const out: Finding[] = [];
  for (const m of manual) {
    if ('phrase' in m) {
      if (!m.phrase) continue;
      let at = f.text.indexOf(m.phrase);
      while (at >= 0) {
        const end = at + m.phrase.length;
        out.push({ key: findingKey(f.key, at, end), field: f.key, start: at, end, kind: 'manual', original: m.phrase, replacement: MANUAL_REPLACEMENT, source: 'manual', manualId: m.id, kept: false });
        at = f.text.indexOf(m.phrase, end);
      }
    } else if (m.field === f.key && m.start >= 0 && m.end <= f.text.length && m.start < m.end) {
      out.push({ key: findingKey(f.key, m.start, m.end), field: f.key, start: m.start, end: m.end, kind: 'manual', original: f.text.slice(m.start, m.end), replacement: MANUAL_REPLACEMENT, source: 'manual', manualId: m.id, kept: false });
    }
  }
  return out;
}

/** Active redactions with overlaps merged: the merged range shows the manual replacement. */
function activeRanges(findings: Finding[]): Array<{ start: number; end: number; replacement: string }> {
  const act = findings.filter((f) => !f.kept).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<{ start: number; end: number; replacement: string }> = [];
  for (const f of act) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end || f.replacement !== last.replacement) last.replacement = MANUAL_REPLACEMENT;
      last.end = Math.max(last.end, f.end);
    } else out.push({ start: f.start, end: f.end, replacement: f.replacement });
  }
  return out;
}

function segmentsOf(text: string, findings: Finding[]) {
  const bounds = new Set<number>([0, text.length]);
  for (const f of findings) { bounds.add(f.start); bounds.add(f.end); }
  const cuts = [...bounds].sort((a, b) => a - b);
  const segs: Array<{ text: string; findingKey: string | null }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    if (s === e) continue;
    // The innermost (shortest) finding covering the piece names it.
    const cover = findings.filter((f) => f.start <= s && f.end >= e).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    segs.push({ text: text.slice(s, e), findingKey: cover?.key ?? null });
  }
  return segs;
}

/** Every field with its findings (automatic and manual, with the reviewer's choices) and its redacted text. */
export function reviewFields(fields: ReviewField[], decisions: ReviewDecisions, opts: ReviewOptions): FieldReview[] {
  const keep = new Set(decisions.keep);
  return fields.map((f) => {
    const auto = autoFindings(f, opts).map((x) => ({ ...x, kept: keep.has(x.key) }));
    const manual = manualFindings(f, decisions.manual);
    const findings = [...auto, ...manual.filter((m) => !auto.some((a) => a.key === m.key && !a.kept))].sort((a, b) => a.start - b.start);
    let redacted = '';
    let at = 0;
    for (const r of activeRanges(findings)) {
      redacted += f.text.slice(at, r.start) + r.replacement;
      at = r.end;
    }
    redacted += f.text.slice(at);
    return { ...f, findings, redacted, segments: segmentsOf(f.text, findings) };
  });
}

/** The findings actually applied (not kept), for the record kept with the published version. */
export const appliedOf = (reviewed: FieldReview[]) =>
  reviewed.flatMap((f) => f.findings.filter((x) => !x.kept).map((x) => ({ field: f.key, kind: x.kind, original: x.original, replacement: x.replacement })));
