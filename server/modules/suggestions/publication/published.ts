/**
 * The shape of a published reply as stored in reply.published_json: only redacted text, nothing internal.
 * Read by the public endpoints and the search index.
 */
export interface PublishedPoint {
  ordinal: number;
  heading: string | null;
  text: string;
  responsibleOrgName: string | null;
}

export interface PublishedReply {
  /** 关于市人大七届六次会议第187号建议的答复 */
  title: string;
  suggestion: { id: string; number: number | null; title: string; sessionId: string; sessionName: string; kind: string; category: string };
  unit: { id: string; name: string };
  docNumber: string | null;
  round: number;
  classCode: string | null;
  classLabel: string | null;
  /** 尊敬的郜义鹏、李科、杜小林、韩志峰、万建勤代表： */
  addressee: string;
  intro: string | null;
  points: PublishedPoint[];
  closing: string;
  /**
   * The signature as the official document shows it: the issuing unit over the date (成文日期). The signer (签发人)
   * is not on the document and is not published.
   */
  signature: { organ: string; date: string | null };
  contactPerson: string | null;
  contactPhone: string | null;
  replyDate: string | null;
  redactionCount: number;
}

/** The published copy, or null when there is none or it is not in this shape (never half-read). */
export const parsePublished = (json: string | null): PublishedReply | null => {
  if (!json) return null;
  try {
    const v = JSON.parse(json);
    const ok = v && typeof v.title === 'string' && v.suggestion && typeof v.suggestion.title === 'string' && typeof v.suggestion.sessionName === 'string'
      && v.unit && typeof v.unit.name === 'string' && Array.isArray(v.points) && typeof v.closing === 'string';
    if (!ok) return null;
    // Copies published before the signature was stored carried the signer's name instead: never shown.
    const { signer: _signer, ...rest } = v as PublishedReply & { signer?: unknown };
    const signature = rest.signature && typeof rest.signature.organ === 'string' ? rest.signature : { organ: rest.unit.name, date: rest.replyDate ?? null };
    return { ...rest, signature };
  } catch {
    return null;
  }
};

/** The text a visitor can read, in reading order: what the public search indexes. */
export function publishedText(p: PublishedReply): string[] {
  return [p.title, p.suggestion.title, p.docNumber, p.unit.name, p.intro, ...p.points.flatMap((pt) => [pt.heading, pt.text])].filter((x): x is string => !!x);
}
