import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const HealthOk = z.object({
  status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), dbMs: z.number(), instance: z.string(), mode: z.enum(['demo', 'production']),
});
export const HealthDown = z.object({ status: z.literal('error'), code: z.literal('db_unavailable'), message: z.string(), database: z.enum(['sqlite', 'postgres']) });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['平台'], summary: '健康检查（含数据库）', response: { 200: HealthOk, 503: HealthDown } } }, async (_req, reply) => {
    const started = Date.now();
    try {
      await sql`select 1`.execute(app.ctx.db);
      return { status: 'ok' as const, database: app.ctx.dialect, dbMs: Date.now() - started, instance: app.ctx.config.instanceId, mode: app.ctx.config.mode };
    } catch {
      return reply.status(503).send({ status: 'error' as const, code: 'db_unavailable' as const, message: '数据库不可用', database: app.ctx.dialect });
    }
  });
};
