import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../platform/http/request-context.js';
import { OrgUnitCreate, OrgUnitUpdate, OrgUnitView, TempPassword, UserCreate, UserUpdate, UserView } from './admin.schemas.js';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = () => app.services.admin;

  app.get('/api/org-units', { schema: { tags: ['管理'], summary: '单位列表', response: { 200: z.array(OrgUnitView) } } },
    (req) => s().listOrgs(mustActor(req.actor)));
  app.post('/api/org-units', { schema: { tags: ['管理'], summary: '新建单位', body: OrgUnitCreate, response: { 200: OrgUnitView } } },
    (req) => s().createOrg(mustActor(req.actor), req.body));
  app.patch('/api/org-units/:id', { schema: { tags: ['管理'], summary: '修改单位（带版本号）', params: IdParams, body: OrgUnitUpdate, response: { 200: OrgUnitView } } },
    (req) => s().updateOrg(mustActor(req.actor), req.params.id, req.body));

  app.get('/api/users', {
    schema: { tags: ['管理'], summary: '用户列表', querystring: z.object({ role: z.string().optional(), orgUnitId: z.string().optional(), q: z.string().max(40).optional() }), response: { 200: z.array(UserView) } },
  }, (req) => s().listUsers(mustActor(req.actor), req.query));
  app.post('/api/users', { schema: { tags: ['管理'], summary: '新建用户（返回一次性初始密码）', body: UserCreate, response: { 200: TempPassword } } },
    (req) => s().createUser(mustActor(req.actor), req.body));
  app.patch('/api/users/:id', { schema: { tags: ['管理'], summary: '修改用户：角色、单位、停用（带版本号）', params: IdParams, body: UserUpdate, response: { 200: UserView } } },
    (req) => s().updateUser(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/users/:id/reset-password', { schema: { tags: ['管理'], summary: '重置密码', params: IdParams, response: { 200: TempPassword } } },
    (req) => s().resetPassword(mustActor(req.actor), req.params.id));

  app.get('/api/audit', {
    schema: {
      tags: ['管理'], summary: '审计日志',
      querystring: z.object({
        action: z.string().max(60).optional(), entityType: z.string().max(60).optional(), entityId: z.string().max(64).optional(),
        actorId: z.string().max(64).optional(), from: z.string().max(30).optional(), to: z.string().max(30).optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, (req) => s().listAudit(mustActor(req.actor), req.query));
};
