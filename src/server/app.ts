import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../services/deps.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandler } from './errors.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { calendarRoutes } from './routes/calendar.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { complianceRoutes } from './routes/compliance.routes.ts';
import { pointsRoutes } from './routes/points.routes.ts';
import { studyRoutes } from './routes/study.routes.ts';
import { importRoutes, UPLOAD_MAX_BYTES } from './routes/import.routes.ts';
import { meetingImportRoutes } from './routes/meeting-import.routes.ts';
import { meetingWorkflowRoutes } from './routes/meeting-workflow.routes.ts';
import { meetingRoutes } from './routes/meetings.routes.ts';
import { orgRoutes } from './routes/orgs.routes.ts';
import { parameterRoutes } from './routes/parameters.routes.ts';
import { participationRoutes } from './routes/participation.routes.ts';
import { peopleRoutes } from './routes/people.routes.ts';
import { planRoutes } from './routes/plans.routes.ts';
import { meetingBookRoutes } from './routes/meeting-books.routes.ts';
import { scoreRoutes } from './routes/scores.routes.ts';
import { standardsRoutes } from './routes/standards.routes.ts';

export type RouteDeps = { deps: Deps; secureCookies: boolean; loginRateLimit: number };
export type AppOptions = {
  logger?: boolean | { level: string };
  /** Directory of the built web app; served with SPA fallback when it exists. */
  webDir?: string;
  secureCookies?: boolean;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit?: number;
};

/** A registered route, for the permission matrix. */
export type RouteEntry = { method: string; url: string; public: boolean };

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIR = path.resolve(here, '../../dist/web');

/** Builds the HTTP app (no listen). */
export async function buildApp(
  deps: Deps,
  opts: AppOptions = {},
): Promise<FastifyInstance & { routeTable: RouteEntry[] }> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => Math.random().toString(36).slice(2, 10),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || !r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) continue;
      routeTable.push({ method: m, url: r.url, public: Boolean(r.config?.public) });
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'zhibu API', description: '支部 — 党支部建设标准化管理系统 API', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerErrorHandler(app);
  registerAuth(app, deps);

  app.get('/api/health', { config: { public: true } }, async () => ({ ok: true }));
  const routeDeps: RouteDeps = {
    deps,
    secureCookies: opts.secureCookies ?? false,
    loginRateLimit: opts.loginRateLimit ?? 10,
  };
  await app.register(authRoutes, routeDeps);
  await app.register(orgRoutes, routeDeps);
  await app.register(parameterRoutes, routeDeps);
  await app.register(meetingRoutes, routeDeps);
  await app.register(meetingWorkflowRoutes, routeDeps);
  await app.register(meetingImportRoutes, routeDeps);
  await app.register(peopleRoutes, routeDeps);
  await app.register(importRoutes, routeDeps);
  await app.register(auditRoutes, routeDeps);
  await app.register(standardsRoutes, routeDeps);
  await app.register(complianceRoutes, routeDeps);
  await app.register(studyRoutes, routeDeps);
  await app.register(pointsRoutes, routeDeps);
  await app.register(calendarRoutes, routeDeps);
  await app.register(planRoutes, routeDeps);
  await app.register(meetingBookRoutes, routeDeps);
  await app.register(scoreRoutes, routeDeps);
  await app.register(participationRoutes, routeDeps);

  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  // wildcard: files added by a rebuild are served without a restart; misses fall through to the SPA
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    return reply
      .code(404)
      .send({ code: 'route_not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
  return Object.assign(app, { routeTable });
}
