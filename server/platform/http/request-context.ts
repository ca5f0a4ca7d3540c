import type { FastifyRequest } from 'fastify';
import type { SessionInfo } from '../auth/sessions.js';
import type { Actor, Viewer } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import type { Services } from '../../services.js';
import { unauthorized } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    /** The logged-in user, or null for the public. */
    actor: Viewer;
  }
  interface FastifyInstance {
    ctx: AppContext;
    services: Services;
    /** Every route registered, for the permission matrix test. */
    routeList: Array<{ method: string; url: string }>;
  }
}

/** For routes that need a login: the actor, or a 401. Policies still decide what the actor may do. */
export function mustActor(actor: Viewer): Actor {
  if (!actor) unauthorized();
  return actor as Actor;
}

/**
 * The route a request reached, as Fastify matched it on the decoded path (`/%61pi/health` is `/api/health`),
 * or the decoded path when no route matched. Decisions about the API (rate limit, session, CSRF) use this,
 * never the raw URL.
 */
export function routePath(req: FastifyRequest): string {
  const route = req.routeOptions?.url;
  if (route && route !== '/*') return route;
  const raw = req.url.split('?')[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const isApiRequest = (req: FastifyRequest) => routePath(req).startsWith('/api/');
