import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['平台'], summary: '健康检查（含数据库）' } }, async (_req, reply) => {
    const started = Date.now();
    try {
      await sql`select 1`.execute(app.ctx.db);
      return { status: 'ok', database: app.ctx.dialect, dbMs: Date.now() - started, instance: app.ctx.config.instanceId, mode: app.ctx.config.mode };
    } catch {
      return reply.status(503).send({ status: 'error', code: 'db_unavailable', message: '数据库不可用', database: app.ctx.dialect });
    }
  });
};
