import dayjs, { type Dayjs } from 'dayjs';
import type { Reply, ReplyPoint } from './types';

/** The reply editor's form values and how they map to the API. */
export const DEFAULT_CLOSING = '以上答复你们是否满意，如有意见，敬请反馈。';
export const PHONE = /^(1\d{10}|(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?)$/;

export interface PointDraft { id?: string; version?: number; heading: string; text: string; responsibleOrgId: string | null }
export interface ReplyDraft {
  docNumber: string; classCode: string | null; signer: string; contactPerson: string; contactPhone: string;
  intro: string; closing: string; replyDate: Dayjs | null; points: PointDraft[];
}

export const HEADER_FIELDS = ['docNumber', 'classCode', 'signer', 'contactPerson', 'contactPhone', 'intro', 'closing', 'replyDate'] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];

/** The server's reply as form values. */
export function toDraft(r: Reply): ReplyDraft {
  return {
    docNumber: r.docNumber ?? '', classCode: r.classCode, signer: r.signer ?? '', contactPerson: r.contactPerson ?? '',
    contactPhone: r.contactPhone ?? '', intro: r.intro ?? '', closing: r.closing || DEFAULT_CLOSING,
    replyDate: r.replyDate ? dayjs(r.replyDate) : null,
    points: r.points.map(toPointDraft),
  };
}
export const toPointDraft = (p: ReplyPoint): PointDraft => ({ id: p.id, version: p.version, heading: p.heading ?? '', text: p.text, responsibleOrgId: p.responsibleOrg?.id ?? null });

/** A header field as the API wants it (empty → null). */
export function headerValue(d: ReplyDraft, f: HeaderField): string | null {
  if (f === 'replyDate') return d.replyDate ? d.replyDate.format('YYYY-MM-DD') : null;
  if (f === 'closing') return d.closing.trim() || DEFAULT_CLOSING;
  const v = d[f];
  return typeof v === 'string' ? (v.trim() || null) : v;
}
export const pointBody = (p: PointDraft) => ({ heading: p.heading.trim() || null, text: p.text.trim(), responsibleOrgId: p.responsibleOrgId ?? null });
export const samePoint = (p: PointDraft, q: ReplyPoint) => {
  const a = pointBody(p);
  return a.heading === (q.heading ?? null) && a.text === q.text && a.responsibleOrgId === (q.responsibleOrg?.id ?? null);
};

