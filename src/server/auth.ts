import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../domain/errors.ts';
import { type Caller, authenticate } from '../services/auth.service.ts';
import type { Deps } from '../services/deps.ts';

export const SESSION_COOKIE = 'zhibu_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Route needs no session (login, demo accounts, health). */
    public?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the caller from the session cookie on every /api request (scope computed now from
 * grants and org paths); refuses non-public routes without a session, and state-changing
 * requests without the session's CSRF token.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('caller', null);
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    req.caller = await authenticate(deps, req.cookies[SESSION_COOKIE]);
    if (req.routeOptions.config.public) return;
    if (!req.caller) throw unauthenticated('登录已过期或未登录，请重新登录');
    if (UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, req.caller.user.csrfToken)) {
        throw new AppError('forbidden', 'csrf_failed', '请求校验失败（CSRF），请刷新页面后重试');
      }
    }
  });
}

/** The authenticated caller of a non-public route. */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw unauthenticated();
  return req.caller;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
