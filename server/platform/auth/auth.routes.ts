import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './sessions.js';
import { mustActor } from '../http/request-context.js';
import { unauthorized } from '../errors.js';
import { ROLE_LABELS } from './roles.js';

const Me = z.object({
  user: z.object({
    id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), roleLabel: z.string(),
    orgUnitId: z.string().nullable(), orgUnitName: z.string().nullable(),
  }),
  csrfToken: z.string(),
  expiresAt: z.string(),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOpts = () => ({
    path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.ctx.config.cookieSecure,
  });

  app.post('/api/auth/login', {
    schema: {
      tags: ['身份'], summary: '登录',
      body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(200) }),
    },
  }, async (req, reply) => {
    const s = await app.services.auth.login(req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
    reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOpts(), expires: new Date(s.expiresAt) });
    return { ok: true, csrfToken: s.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['身份'], summary: '退出登录' } }, async (req, reply) => {
    if (req.session) await app.services.auth.logout(req.session);
    reply.clearCookie(SESSION_COOKIE, cookieOpts());
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['身份'], summary: '当前用户', response: { 200: Me } } }, async (req) => {
    if (!req.session) unauthorized();
    const s = req.session!;
    return {
      user: { id: s.actor.userId, username: s.actor.username, displayName: s.actor.displayName, role: s.actor.role, roleLabel: ROLE_LABELS[s.actor.role], orgUnitId: s.actor.orgUnitId, orgUnitName: s.actor.orgUnitName },
      csrfToken: s.csrfToken, expiresAt: s.expiresAt, mustChangePassword: s.mustChangePassword, demo: app.ctx.config.mode === 'demo',
    };
  });

  app.post('/api/auth/password', {
    schema: { tags: ['身份'], summary: '修改密码', body: z.object({ current: z.string().min(1, '请输入当前密码').max(200), next: z.string().min(1, '请输入新密码').max(200) }) },
  }, async (req) => {
    mustActor(req.actor);
    await app.services.auth.changePassword(req.session!, req.body.current, req.body.next, req.ip);
    return { ok: true };
  });
};
