import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installAuthHook } from './platform/http/auth-hook.js';
import { installInputGuard } from './platform/http/input-guard.js';
import { buildServices } from './services.js';
import { registerRoutes } from './routes.js';
import { newId } from './platform/ids.js';
import { isApiRequest } from './platform/http/request-context.js';

z.config(z.locales.zhCN());

/** One structured line per request, when it completes (Fastify's default writes a second one when it starts). */
class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    // Fastify's serializers turn these into { method, url, host, remoteAddress, remotePort } and { statusCode }.
    const line = { req, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

export interface BuildOptions {
  logger?: boolean | object;
  /** API requests per minute per client address (QUNEI_RATE_LIMIT_PER_MIN, default 600). */
  rateLimitPerMinute?: number;
  /** Directory of the built web app; omitted in API-only tests. */
  webDir?: string | null;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => newId(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For only from the configured proxies (QUNEI_TRUST_PROXY); otherwise the peer is the client.
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy : false,
    logController: new OneLinePerRequest(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  const routeList: Array<{ method: string; url: string }> = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeList.push({ method: m, url: r.url });
  });
  app.decorate('services', buildServices(ctx));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(rateLimit, { max: opts.rateLimitPerMinute ?? Number(process.env.QUNEI_RATE_LIMIT_PER_MIN ?? 600), timeWindow: '1 minute', allowList: (req) => !isApiRequest(req) });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: 'qunei 区内办 API', version: '0.1.0', description: '建议办理、公文、承诺与园区服务的接口。错误均为 JSON：{ code, message }。' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installErrorHandler(app);
  installAuthHook(app);
  installInputGuard(app);
  await registerRoutes(app);

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
    const index = fs.readFileSync(path.join(opts.webDir, 'index.html'));
    const portalPath = path.join(opts.webDir, 'portal.html');
    const portal = fs.existsSync(portalPath) ? fs.readFileSync(portalPath) : index;
    // The single-page apps handle their own paths; the API's 404s stay JSON.
    app.get('/*', (req, reply) => {
      const url = req.url.split('?')[0];
      if (url.startsWith('/api/')) return reply.status(404).send({ code: 'not_found', message: '接口不存在' });
      const file = path.join(opts.webDir!, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
      if (url !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(url.slice(1));
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      return reply.send(url === '/public' || url.startsWith('/public/') ? portal : index);
    });
  }
  return app;
}
