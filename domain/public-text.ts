/**
 * Guards for text that the public portal shows (facility descriptions, progress notes, enrolment guides):
 * no personal mobile numbers, ID-card numbers or personal e-mail addresses; contact lines are office lines.
 */
import { findPersonalData, KIND_LABELS } from './text/redact.js';

/** Chinese problems for each labelled text that holds personal data; empty when all are fit to publish. */
export function publicTextProblems(fields: Record<string, string | null | undefined>): string[] {
  const problems: string[] = [];
  for (const [label, text] of Object.entries(fields)) {
    if (!text) continue;
    const found = findPersonalData(text).filter((r) => r.kind !== 'landline');
    if (found.length) {
      const kinds = [...new Set(found.map((r) => KIND_LABELS[r.kind]))].join('、');
      problems.push(`“${label}”将公开显示，不能包含${kinds}（${found.map((r) => r.replacement).join('、')}），请改为单位办公电话或删去`);
    }
  }
  return problems;
}

const PHONE_SHAPE = /^(?:[(（]?0\d{2,3}[)）]?[-－\s]?)?\d{7,8}(?:[-－转]\d{1,5})?$/;

/** A public contact must be an office landline (e.g. 0356-5241566 or 5241566), never a mobile number. */
export function officialPhoneProblem(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const s = phone.trim();
  if (findPersonalData(s).some((r) => r.kind === 'mobile')) return '联系电话只能填写单位办公电话，不能填写个人手机号码';
  if (!PHONE_SHAPE.test(s)) return `联系电话“${s}”格式无效，应为办公固定电话，如 0356-5241566 或 5241566`;
  return null;
}
