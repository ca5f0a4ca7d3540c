/** Small helpers the suggestion tools share. */

export interface ClassItem { code: string; label: string }

/** The classification scheme stored on a rule set (JSON [{code, label}]); empty when unreadable. */
export function classScheme(json: string | null | undefined): ClassItem[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x) => x && typeof x.code === 'string').map((x) => ({ code: x.code, label: String(x.label ?? '') })) : [];
  } catch {
    return [];
  }
}

export const classLabelOf = (json: string | null | undefined, code: string | null) => (code ? classScheme(json).find((c) => c.code === code)?.label ?? null : null);

/** 人大七届六次 */
export const sessionName = (s: { body: string; short_name: string }) => `${s.body}${s.short_name}`;
