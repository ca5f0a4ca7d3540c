import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../platform/http/request-context.js';
import { CheckResult, DocxQuery, IdParams, PdfQuery, ReplyDocumentInfo, TakeNumberBody } from './documents.schemas.js';
import { AllocateBody, DocNumberView, ManualBody, PrefixListView, RegistryQuery, RegistryView, ReserveBody, UseBody, VoidBody } from './registry.schemas.js';
import { ImportBody, ImportPreview, ImportResult } from './import.schemas.js';
import { UPLOAD_BODY_LIMIT, UploadJson, uploadOf } from './upload.js';
import { contentDisposition } from './reply-document.js';
import { PdfConversionError } from '../../platform/docgen/pdf.js';
import type { DownloadFile } from './reply-document.service.js';

const tags = ['公文'];

function send(reply: FastifyReply, file: DownloadFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = () => app.services.documents;

  // ——— 发文字号登记簿 ———
  app.get('/api/doc-numbers/prefixes', { schema: { tags, summary: '可查看的发文字号前缀及年份', response: { 200: PrefixListView } } },
    (req) => s().registry.prefixes(mustActor(req.actor)));
  app.get('/api/doc-numbers', { schema: { tags, summary: '某前缀某年的发文字号登记簿', querystring: RegistryQuery, response: { 200: RegistryView } } },
    (req) => s().registry.list(mustActor(req.actor), req.query.prefix, req.query.year));
  app.post('/api/doc-numbers/allocate', { schema: { tags, summary: '取号：分配下一个发文字号', body: AllocateBody, response: { 200: DocNumberView } } },
    (req) => s().registry.allocate(mustActor(req.actor), req.body));
  app.post('/api/doc-numbers/reserve', { schema: { tags, summary: '预留发文字号', body: ReserveBody, response: { 200: z.array(DocNumberView) } } },
    (req) => s().registry.reserve(mustActor(req.actor), req.body));
  app.post('/api/doc-numbers/manual', { schema: { tags, summary: '手工登记历史发文字号（查重）', body: ManualBody, response: { 200: DocNumberView } } },
    (req) => s().registry.manual(mustActor(req.actor), req.body));
  app.post('/api/doc-numbers/:id/use', { schema: { tags, summary: '启用预留的发文字号', params: IdParams, body: UseBody, response: { 200: DocNumberView } } },
    (req) => s().registry.use(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/doc-numbers/:id/void', { schema: { tags, summary: '作废发文字号（不再使用）', params: IdParams, body: VoidBody, response: { 200: DocNumberView } } },
    (req) => s().registry.void(mustActor(req.actor), req.params.id, req.body));

  // ——— 答复公文 ———
  app.get('/api/replies/:id/document', { schema: { tags, summary: '答复公文信息：文号、主送代表、可否下载', params: IdParams, response: { 200: ReplyDocumentInfo } } },
    (req) => s().replies.info(mustActor(req.actor), req.params.id));
  app.post('/api/replies/:id/doc-number', { schema: { tags, summary: '为答复取号（或启用预留号）', params: IdParams, body: TakeNumberBody, response: { 200: ReplyDocumentInfo } } },
    (req) => s().replies.takeNumber(mustActor(req.actor), req.params.id, req.body));
  app.get('/api/replies/:id/document.docx', { schema: { tags, summary: '下载答复 .docx（联合或逐人；逐人为 .zip）', params: IdParams, querystring: DocxQuery } },
    async (req, reply) => send(reply, await s().replies.docx(mustActor(req.actor), req.params.id, req.query)));
  app.get('/api/replies/:id/document.pdf', { schema: { tags, summary: '下载答复 PDF（需安装 LibreOffice）', params: IdParams, querystring: PdfQuery } },
    async (req, reply) => {
      try {
        return send(reply, await s().replies.pdfFile(mustActor(req.actor), req.params.id, req.query));
      } catch (e) {
        // LibreOffice's output goes to the log only; the response carries the Chinese message.
        if (e instanceof Error && e.cause instanceof PdfConversionError) req.log.error({ code: e.cause.code, detail: e.cause.detail }, 'PDF conversion failed');
        throw e;
      }
    });

  // ——— 格式检查与导入 ———
  // Uploads: multipart/form-data (field `file`) or JSON { fileName, contentBase64 }.
  app.post('/api/documents/check', { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, summary: '按 GB/T 9704 检查上传的 .docx（≤ 10 MB）', body: UploadJson, response: { 200: CheckResult } } },
    (req) => s().check.check(mustActor(req.actor), uploadOf(req, req.body)));
  app.post('/api/documents/import/parse', { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, summary: '解析上传的答复（.txt/.md/.docx），供人工核对', body: UploadJson, response: { 200: ImportPreview } } },
    (req) => s().importer.preview(mustActor(req.actor), uploadOf(req, req.body)));
  app.post('/api/documents/import', { schema: { tags, summary: '确认导入：建立届次、代表、建议、交办、答复及文号', body: ImportBody, response: { 200: ImportResult } } },
    (req) => s().importer.confirm(mustActor(req.actor), req.body));
};
