import JSZip from 'jszip';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, allowed } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, badRequest, conflict, forbidden, notFound, staleWrite } from '../../platform/errors.js';
import { renderReplyCopies, renderReplyDocx, safeFileName, ReplyRenderError, type ReplyDocument } from '../../platform/docgen/reply-docx.js';
import { PdfConversionError } from '../../platform/docgen/pdf.js';
import { replyDocumentPolicy, type ReplyAccess } from './documents.policy.js';
import { copyRecipients, loadReplySource, reservedNumbers, type ReplySource } from './reply-document.repo.js';
import { buildReplyDocument } from './reply-document.js';
import { PdfMaker } from './pdf-maker.js';
import { registryRepo } from './registry.repo.js';
import type { RegistryService } from './registry.service.js';

export interface DownloadFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Bump when the renderer's output changes, so cached PDFs are made again. */
const RENDER_VERSION = 2;

/** A reply's official document: its number (取号), the .docx (joint or one per deputy) and the PDF. */
export class ReplyDocumentService {
  readonly pdf = new PdfMaker();

  constructor(private readonly ctx: AppContext, private readonly registry: RegistryService) {}

  private async source(id: string): Promise<ReplySource> {
    return (await loadReplySource(this.ctx.db, id)) ?? (notFound('答复不存在') as never);
  }

  private access(src: ReplySource): ReplyAccess {
    return { state: src.reply.state, unitId: src.reply.unit_id, addresseeUserIds: src.signers.map((s) => s.user_id).filter((u): u is string => !!u) };
  }

  private async document(src: ReplySource): Promise<ReplyDocument> {
    return buildReplyDocument(src, await copyRecipients(this.ctx.db, src.session.body), this.ctx.clock.today());
  }

  async info(actor: Actor, id: string) {
    const src = await this.source(id);
    const access = this.access(src);
    authorize(replyDocumentPolicy, actor, 'download', access);
    const prefix = src.unit.doc_prefix?.trim() || null;
    const mayNumber = allowed(replyDocumentPolicy, actor, 'number', access);
    const doc = await this.document(src);
    return {
      replyId: src.reply.id,
      replyState: src.reply.state,
      version: src.reply.version,
      title: doc.title,
      docNumber: src.reply.doc_number,
      unit: { id: src.unit.id, name: src.unit.name, docPrefix: prefix },
      mode: (src.ruleSet?.reply_mode === 'per_deputy' ? 'per_deputy' : 'joint') as 'joint' | 'per_deputy',
      deputies: this.visibleDeputies(actor, src),
      canTakeNumber: mayNumber && !src.reply.doc_number && !!prefix,
      numberHint: !mayNumber ? null : src.reply.doc_number ? null : prefix ? null : '本单位未设置发文字号前缀，请联系系统管理员在“单位”中设置',
      reservedNumbers: mayNumber && prefix && !src.reply.doc_number
        ? (await reservedNumbers(this.ctx.db, prefix)).map((n) => ({ id: n.id, number: n.number_text, note: n.note }))
        : [],
      pdfAvailable: await this.pdf.available(),
    };
  }

  /** Deputies see only themselves among the addressees when copies are per deputy. */
  private visibleDeputies(actor: Actor, src: ReplySource) {
    const all = src.signers.map((s) => ({ id: s.deputy_id, name: s.name, userId: s.user_id }));
    const mine = actor.role === 'deputy' ? all.filter((d) => d.userId === actor.userId) : all;
    return mine.map(({ id, name }) => ({ id, name }));
  }

  /** 取号: the next number of the unit's prefix (or one it reserved), stored on the reply and in the registry. */
  async takeNumber(actor: Actor, id: string, body: { version: number; numberId?: string }) {
    const src = await this.source(id);
    authorize(replyDocumentPolicy, actor, 'number', this.access(src));
    if (src.reply.doc_number) conflict(`该答复已有发文字号${src.reply.doc_number}`, 'has_number');
    const prefix = src.unit.doc_prefix?.trim();
    if (!prefix) badRequest(`${src.unit.name}未设置发文字号前缀，请联系系统管理员在“单位”中设置`, 'no_prefix');
    if (src.reply.version !== body.version) staleWrite('该答复');
    const title = (await this.document(src)).title;
    const year = Number((src.reply.reply_date ?? this.ctx.clock.today()).slice(0, 4));
    await this.ctx.db.transaction().execute(async (tx) => {
      let number: string;
      if (body.numberId) {
        const reserved = (await registryRepo.get(tx, body.numberId)) ?? notFound('预留的发文字号不存在');
        if (reserved!.prefix !== prefix) forbidden(`${reserved!.number_text}不是本单位的发文字号`);
        number = (await this.registry.useIn(tx, actor, reserved!, reserved!.version, { title, refType: 'reply', refId: id })).number_text;
      } else {
        number = (await this.registry.allocateIn(tx, actor, { prefix: prefix!, year, state: 'allocated', title, refType: 'reply', refId: id, orgUnitId: src.unit.id })).number_text;
      }
      const r = await tx.updateTable('reply').set({ doc_number: number, version: body.version + 1, updated_at: this.ctx.clock.nowIso() })
        .where('id', '=', id).where('version', '=', body.version).where('doc_number', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) staleWrite('该答复');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.doc_number', entityType: 'reply', entityId: id, before: { docNumber: null }, after: { docNumber: number } });
    });
    return this.info(actor, id);
  }

  /** The reply as .docx: joint, one copy for one deputy, or (per deputy) a .zip with one copy each. */
  async docx(actor: Actor, id: string, q: { mode?: 'joint' | 'per_deputy'; deputy?: string }): Promise<DownloadFile> {
    const src = await this.source(id);
    authorize(replyDocumentPolicy, actor, 'download', this.access(src));
    const doc = await this.document(src);
    const mode = q.mode ?? (src.ruleSet?.reply_mode === 'per_deputy' ? 'per_deputy' : 'joint');
    const single = this.singleDeputy(actor, src, q.deputy, mode);
    return render(async () => {
      if (single) {
        const [copy] = await renderReplyCopies({ ...doc, addressees: [single] }, 'per_deputy');
        return { fileName: copy.fileName, contentType: DOCX, data: copy.data };
      }
      if (mode === 'joint') {
        const [copy] = await renderReplyCopies(doc, 'joint');
        return { fileName: copy.fileName, contentType: DOCX, data: copy.data };
      }
      const zip = new JSZip();
      for (const copy of await renderReplyCopies(doc, 'per_deputy')) zip.file(copy.fileName, copy.data);
      const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      return { fileName: safeFileName(`${doc.docNumber ?? doc.title}（逐人答复）`, '.zip'), contentType: 'application/zip', data };
    });
  }

  async pdfFile(actor: Actor, id: string, q: { deputy?: string }): Promise<DownloadFile> {
    const src = await this.source(id);
    authorize(replyDocumentPolicy, actor, 'download', this.access(src));
    const doc = await this.document(src);
    const mode = src.ruleSet?.reply_mode === 'per_deputy' ? 'per_deputy' : 'joint';
    const single = this.singleDeputy(actor, src, q.deputy, q.deputy ? 'per_deputy' : mode);
    const target = single ? { ...doc, addressees: [single] } : doc;
    if (!(await this.pdf.available())) throw new AppError(503, 'pdf_unavailable', '未安装 LibreOffice，无法生成 PDF，请下载 .docx');
    const base = doc.docNumber ?? doc.title;
    try {
      const data = await this.pdf.make({ v: RENDER_VERSION, target }, () => render(() => renderReplyDocx(target)));
      return { fileName: safeFileName(single ? `${base}-${single}` : base, '.pdf'), contentType: 'application/pdf', data };
    } catch (e) {
      if (e instanceof PdfConversionError) {
        // The message is the converter's Chinese one; what LibreOffice printed stays on the error for the log.
        const status = e.code === 'unavailable' ? 503 : e.code === 'timeout' ? 504 : 422;
        throw Object.assign(new AppError(status, `pdf_${e.code}`, e.message), { cause: e });
      }
      throw e;
    }
  }

  /**
   * The one deputy a copy is for: the one asked for (who must be an addressee), or — for a deputy downloading
   * per-deputy copies — the deputy themself.
   */
  private singleDeputy(actor: Actor, src: ReplySource, deputyId: string | undefined, mode: 'joint' | 'per_deputy'): string | null {
    if (deputyId) {
      const s = src.signers.find((g) => g.deputy_id === deputyId) ?? (badRequest('该代表不是本答复的主送对象', 'not_addressee') as never);
      if (actor.role === 'deputy' && s.user_id !== actor.userId) forbidden('只能下载答复给本人的答复件');
      return s.name;
    }
    if (actor.role === 'deputy' && mode === 'per_deputy') return src.signers.find((g) => g.user_id === actor.userId)?.name ?? null;
    return null;
  }
}

/** Renderer errors (a missing title, a bad date) become 409s the unit can act on. */
async function render<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReplyRenderError) conflict(`答复内容不完整，无法生成公文：${e.message}`, 'render_failed');
    throw e;
  }
}
