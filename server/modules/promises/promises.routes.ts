import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../platform/http/request-context.js';
import { parseFields } from '../../platform/http/parse-fields.js';
import {
  ConfirmBody, DiscardBody, EditBody, EvidenceFields, EvidenceParams, IdParams, LedgerQuery, ManualCreate, ProgressBody, PublicLedger,
  PublicLedgerQuery, PublicPromise, RateBody, RestoreBody, SourceBody, StatusBody, SummaryQuery, VoidBody,
} from './promises.schemas.js';
import { checkEvidenceFile, readEvidenceForm } from './evidence-files.js';

const tags = ['承诺'];


const EvidenceJson = EvidenceFields.extend({ version: z.number().int().positive() });

export const promiseRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = () => app.services.promises;

  // ------------------------------------------------------------ ledger
  app.get('/api/promises', { schema: { tags, summary: '承诺台账（按权限范围；单位、届次、状态、逾期、30 天内到期可组合筛选）', querystring: LedgerQuery } },
    (req) => s().ledger.list(mustActor(req.actor), req.query));
  app.get('/api/promises/summary', { schema: { tags, summary: '承诺台账汇总：按单位、届次或状态', querystring: SummaryQuery } },
    (req) => s().ledger.summary(mustActor(req.actor), req.query));
  app.get('/api/promises/export', { schema: { tags, summary: '导出承诺台账（.xlsx，筛选条件同台账）', querystring: LedgerQuery } }, async (req, reply) => {
    const { buffer, fileName } = await s().ledger.export(mustActor(req.actor), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="promises.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(buffer);
  });
  app.get('/api/promises/dashboard', { schema: { tags, summary: '工作台：本单位临期、逾期、待确认的承诺；代表待评价的承诺' } },
    (req) => s().ledger.dashboard(mustActor(req.actor)));
  app.get('/api/promises/to-rate', { schema: { tags, summary: '代表：待评价落实情况的承诺', querystring: z.object({ all: z.enum(['0', '1']).optional() }) } },
    (req) => s().delivery.toRate(mustActor(req.actor), { all: req.query.all === '1' }));
  app.get('/api/promises/:id', { schema: { tags, summary: '承诺详情：变更记录、佐证材料、代表评价、关联项目', params: IdParams } },
    (req) => s().ledger.detail(mustActor(req.actor), req.params.id));

  // ------------------------------------------------------------ proposals and review
  app.get('/api/replies/:id/promises', { schema: { tags, summary: '答复中的承诺：待确认的建议（含原文和时限依据）、已确认、已舍弃', params: IdParams } },
    (req) => s().proposals.panel(mustActor(req.actor), req.params.id));
  app.post('/api/replies/:id/promises/extract', { schema: { tags, summary: '从答复中提取承诺（只新增尚未提取过的）', params: IdParams } },
    (req) => s().proposals.extract(mustActor(req.actor), req.params.id));
  app.post('/api/replies/:id/promises', { schema: { tags, summary: '主办单位手工登记一项承诺（直接确认）', params: IdParams, body: ManualCreate } },
    (req) => s().proposals.addManual(mustActor(req.actor), req.params.id, req.body));
  app.get('/api/suggestions/:id/promises', { schema: { tags, summary: '建议的承诺及“答复满意”“落实满意”', params: IdParams } },
    (req) => s().delivery.ofSuggestion(mustActor(req.actor), req.params.id));
  app.post('/api/promises/:id/confirm', { schema: { tags, summary: '确认承诺（可同时修改内容、时限、责任单位、目标、关联项目）', params: IdParams, body: ConfirmBody } },
    (req) => s().proposals.confirm(mustActor(req.actor), req.params.id, req.body));
  app.patch('/api/promises/:id', { schema: { tags, summary: '修改承诺（带版本号；确认后改期须办理延期）', params: IdParams, body: EditBody } },
    (req) => s().proposals.edit(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/promises/:id/discard', { schema: { tags, summary: '舍弃一项承诺建议', params: IdParams, body: DiscardBody } },
    (req) => s().proposals.discard(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/promises/:id/restore', { schema: { tags, summary: '恢复已舍弃的承诺建议', params: IdParams, body: RestoreBody } },
    (req) => s().proposals.restore(mustActor(req.actor), req.params.id, req.body));

  // ------------------------------------------------------------ source of progress (one fact, entered once)
  app.get('/api/promises/:id/source-options', { schema: { tags, summary: '可关联的进度来源：重点项目及其里程碑、园区绿化目标、园区设施', params: IdParams } },
    (req) => s().sources.options(mustActor(req.actor), req.params.id));
  app.put('/api/promises/:id/source', { schema: { tags, summary: '关联或解除进度来源（带版本号）：关联后进度、状态和完成日期取自来源', params: IdParams, body: SourceBody } },
    (req) => s().sources.set(mustActor(req.actor), req.params.id, req.body));

  // ------------------------------------------------------------ lifecycle
  app.post('/api/promises/:id/status', { schema: { tags, summary: '更新状态：推进中、已完成、已延期（原因+新时限）、已终止（原因）', params: IdParams, body: StatusBody } },
    (req) => s().lifecycle.setStatus(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/promises/:id/progress', { schema: { tags, summary: '更新进度（0–100）和完成数值', params: IdParams, body: ProgressBody } },
    (req) => s().lifecycle.setProgress(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/promises/:id/evidence', {
    schema: { tags, summary: '上传佐证（multipart/form-data：version、note、happenedOn、internal、file；文件不超过 10 MB，图片、PDF 或 Word/Excel；或 JSON 无文件）', params: IdParams },
  }, async (req) => {
    const actor = mustActor(req.actor);
    if (!req.isMultipart()) {
      const b = parseFields(EvidenceJson, req.body ?? {});
      return s().evidence.add(actor, req.params.id, b, null, b.version);
    }
    await s().evidence.assertCanAdd(actor, req.params.id); // refuse before reading any upload
    const form = await readEvidenceForm(req);
    const fields = parseFields(EvidenceFields, form.fields);
    const version = parseFields(z.coerce.number({ message: '缺少版本号' }).int().positive('缺少版本号'), form.fields.version);
    const file = form.file ? await checkEvidenceFile(form.file.data, form.file.filename) : null;
    return s().evidence.add(actor, req.params.id, fields, file, version);
  });
  app.post('/api/promises/:id/evidence/:evidenceId/void', { schema: { tags, summary: '作废一条佐证（保留记录）', params: EvidenceParams, body: VoidBody } },
    (req) => s().evidence.void(mustActor(req.actor), req.params.id, req.params.evidenceId, req.body));
  app.get('/api/promises/:id/evidence/:evidenceId/file', { schema: { tags, summary: '下载佐证文件', params: EvidenceParams } }, async (req, reply) => {
    const f = await s().evidence.file(mustActor(req.actor), req.params.id, req.params.evidenceId);
    const inline = f.mime.startsWith('image/') || f.mime === 'application/pdf';
    return reply.type(f.mime).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(Buffer.from(f.data));
  });

  // ------------------------------------------------------------ delivery ratings
  app.post('/api/promises/:id/ratings', { schema: { tags, summary: '代表评价落实情况：兑现、部分兑现、未兑现（承诺有新进展后可重新评价）', params: IdParams, body: RateBody } },
    (req) => s().delivery.rate(mustActor(req.actor), req.params.id, req.body));

  // ------------------------------------------------------------ public (no login)
  const pub = ['公开'];
  app.get('/api/public/promises', { schema: { tags: pub, summary: '公开：承诺台账（仅已公开答复中已确认的承诺）', querystring: PublicLedgerQuery, response: { 200: PublicLedger } } },
    (req) => s().public.list(req.query));
  app.get('/api/public/promises/:id', { schema: { tags: pub, summary: '公开：承诺详情及其状态、进度变化', params: IdParams, response: { 200: PublicPromise } } },
    (req) => s().public.get(req.params.id));
};
