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
