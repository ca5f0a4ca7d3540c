import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { isApiRequest, routePath } from './request-context.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** All a session with a temporary password may do until the password is changed (and log in afresh). */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout', 'POST /api/auth/login']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Resolves the session for every API request and demands the CSRF token on state-changing ones. */
export function installAuthHook(app: FastifyInstance) {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!isApiRequest(req)) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = await resolveSession(app.ctx.db, app.ctx.clock, token);
    req.session = session;
    req.actor = session?.actor ?? null;
    if (session?.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(`${req.method} ${routePath(req)}`)) {
      const route = routePath(req);
      if (route === '/api/health' || route.startsWith('/api/public/')) {
        // What the public may see, this visitor sees as the public.
        req.session = null;
        req.actor = null;
        return;
      }
      throw new AppError(403, 'must_change_password', '请先修改初始密码，修改后才能使用系统');
    }
    if (SAFE.has(req.method) || CSRF_EXEMPT.has(routePath(req))) return;
    if (!session) return; // routes that need a login answer 401 themselves
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
      throw new AppError(403, 'csrf', '页面已过期或请求来源不可信，请刷新页面后重试');
    }
  });
}
