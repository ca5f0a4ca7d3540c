import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../../platform/http/request-context.js';
import { authorize } from '../../../platform/policy/policy.js';
import { SuggestionListQuery } from '../suggestions.schemas.js';
import { sendXlsx } from '../tools.xlsx.js';
import { exportSuggestions } from './export.js';
import { importTemplate } from './template.js';
import { xlsxPolicy } from './xlsx.policy.js';
import { ImportReportView } from './xlsx.schemas.js';
import { MAX_IMPORT_BYTES, readImportUpload } from './upload.js';

const UPLOAD = '（multipart/form-data：sessionId、createMissingDeputies、file；或 JSON：sessionId、createMissingDeputies、fileName、contentBase64；≤ 10 MB）';

export const xlsxRoutes: FastifyPluginAsyncZod = async (app) => {
  const imp = () => app.services.suggestionTools.import;
  const bodyLimit = Math.ceil(MAX_IMPORT_BYTES * 1.4) + 4096;

  app.post('/api/suggestions/import/dry-run', {
    bodyLimit, schema: { tags: ['建议办理'], summary: `试导入 Excel：逐行检查并返回报告，不写入${UPLOAD}`, response: { 200: ImportReportView } },
  }, async (req) => {
    const actor = mustActor(req.actor);
    imp().assertCanImport(actor);
    return imp().dryRun(actor, await readImportUpload(req));
  });

  app.post('/api/suggestions/import', {
    bodyLimit, schema: { tags: ['建议办理'], summary: `从 Excel 导入一个届次的建议：任一行有误则全部不导入（400，details 为报告）${UPLOAD}`, response: { 200: ImportReportView } },
  }, async (req) => {
    const actor = mustActor(req.actor);
    imp().assertCanImport(actor);
    return imp().import(actor, await readImportUpload(req));
  });

  app.get('/api/suggestions/export.xlsx', {
    schema: { tags: ['建议办理'], summary: '导出建议清单为 Excel（与建议列表相同的筛选条件和权限范围）', querystring: SuggestionListQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const actor = mustActor(req.actor);
    authorize(xlsxPolicy, actor, 'export', null);
    const out = await exportSuggestions(app.ctx.db, (q) => app.services.suggestions.suggestions.list(actor, q), req.query, app.ctx.clock.today());
    return sendXlsx(reply, out.buffer, `建议清单_${out.sessionName ?? app.ctx.clock.today()}.xlsx`);
  });

  app.get('/api/suggestions/import/template.xlsx', {
    schema: { tags: ['建议办理'], summary: '建议导入模板（含填写说明）' },
  }, async (req, reply) => {
    imp().assertCanImport(mustActor(req.actor));
    return sendXlsx(reply, await importTemplate(), '建议导入模板.xlsx');
  });
};
