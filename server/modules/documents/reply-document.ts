/**
 * From a reply in the system to the ReplyDocument the GB/T 9704 renderer lays out. Pure: the rows in, the
 * document out.
 */
import { DEFAULT_CLOSING, type ReplyDocument } from '../../platform/docgen/reply-docx.js';
import type { ReplySource } from './reply-document.repo.js';
import type { CongressSessionTable, SuggestionTable } from '../suggestions/suggestions.tables.js';

/** 关于市人大七届六次会议第187号建议的答复 / 关于市政协十五届五次会议第12号提案的答复 */
export function replyTitle(src: { session: Pick<CongressSessionTable, 'body' | 'short_name'>; suggestion: Pick<SuggestionTable, 'kind' | 'number' | 'title'> }): string {
  const organ = src.session.body === '政协' ? '市政协' : '市人大';
  const kind = src.suggestion.kind === '提案' ? '提案' : '建议';
  const meeting = `${organ}${src.session.short_name}会议`;
  return src.suggestion.number ? `关于${meeting}第${src.suggestion.number}号${kind}的答复` : `关于${meeting}“${src.suggestion.title}”的答复`;
}

export function buildReplyDocument(src: ReplySource, cc: string[], today: string): ReplyDocument {
  const { reply, unit, session, ruleSet } = src;
  const date = reply.reply_date ?? today;
  const showClass = !!ruleSet && ruleSet.class_mark_on_doc === 1 && !!reply.class_code?.trim();
  return {
    issuingOrgan: unit.name,
    docNumber: reply.doc_number,
    classMark: showClass ? reply.class_code!.trim() : null,
    title: replyTitle(src),
    addressees: src.signers.map((s) => s.name),
    addresseeSuffix: session.body === '政协' ? '委员' : '代表',
    intro: reply.intro,
    points: src.points.map((p, i) => ({ ordinal: i + 1, heading: p.heading ?? '', text: p.text })),
    closing: reply.closing?.trim() ? reply.closing : DEFAULT_CLOSING,
    signerOrgan: unit.name,
    date,
    contactPerson: reply.contact_person,
    // The unit's official line stands in when the reply names no phone: the 附注 is part of the form.
    contactPhone: reply.contact_phone ?? unit.official_phone,
    cc,
    printedBy: `${unit.name}办公室`,
    printedOn: date,
  };
}

/** attachment; filename="…" (ASCII stand-in); filename*=UTF-8''… (the real name, RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
