/**
 * The parts of a reply the field parser does not return but the reply record keeps: the intro (开头语, between
 * the salutation and the first point) and the closing lines (from the end of the points to the signature).
 * Read from the parser's own layout, so both agree on where the points are. Pure.
 */
import { layoutOf } from '../../../domain/text/reply-layout.js';

/** Lines that belong to the signature block, the 附注 or the 版记, not to the closing words. */
const SIGNATURE_LINE = /^[（(]?\s*(领导签字|签发人|签字|签批|审核|核稿|拟稿|联系人|联系电话|联系方式|电话|附注|附件|抄送|印发|主题词|承办人)/;
const DATE_LINE = /^\s*([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年.{1,3}月.{1,3}日\s*$/;

export interface ReplySections {
  intro: string | null;
  closing: string | null;
}

export function replySections(text: string, issuingOrgan: string | null): ReplySections {
  try {
    const layout = layoutOf(text);
    const texts = layout.paras.map((p) => p.text.trim());
    const introParts: string[] = [];
    if (layout.salutationIndex >= 0) {
      const s = texts[layout.salutationIndex];
      const colon = s.search(/[：:]/);
      if (colon >= 0 && s.slice(colon + 1).trim()) introParts.push(s.slice(colon + 1).trim());
    }
    const introEnd = layout.points.length > 0 ? layout.points[0].start : layout.closingStart;
    for (let i = layout.bodyStart; i < introEnd; i++) introParts.push(texts[i]);
    const closing: string[] = [];
    const organ = issuingOrgan?.replace(/\s+/g, '') ?? null;
    for (let i = layout.closingStart; i < texts.length; i++) {
      const t = texts[i];
      const compact = t.replace(/\s+/g, '');
      if (SIGNATURE_LINE.test(t) || DATE_LINE.test(t) || (organ && (compact === organ || compact === `${organ}（盖章）`))) break;
      closing.push(t);
    }
    const join = (parts: string[]) => (parts.filter(Boolean).length ? parts.filter(Boolean).join('\n') : null);
    return { intro: join(introParts), closing: join(closing) };
  } catch {
    return { intro: null, closing: null };
  }
}
