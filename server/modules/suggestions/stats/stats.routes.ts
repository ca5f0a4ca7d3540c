import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../../platform/http/request-context.js';
import { sendXlsx } from '../tools.xlsx.js';
import { StatsQuery, StatsReportView } from './stats.schemas.js';
import { statsWorkbook } from './stats.xlsx.js';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = () => app.services.suggestionTools.stats;

  app.get('/api/suggestions/stats', {
    schema: { tags: ['建议办理'], summary: '办理统计：按届次、按单位（办复率、满意率、分类构成等）', querystring: StatsQuery, response: { 200: StatsReportView } },
  }, (req) => s().report(mustActor(req.actor), req.query));

  app.get('/api/suggestions/stats.xlsx', {
    schema: { tags: ['建议办理'], summary: '办理统计导出为 Excel', querystring: StatsQuery },
  }, async (req, reply) => {
    const report = await s().report(mustActor(req.actor), req.query);
    const buf = await statsWorkbook(report);
    return sendXlsx(reply, buf, `建议办理统计_${report.sessionName ?? '全部届次'}_${report.today}.xlsx`);
  });
};
