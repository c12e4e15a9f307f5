import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordBody,
  DemoAccountsResponse,
  LoginBody,
  MeResponse,
} from '../../shared/contracts/auth.contract.ts';
import { OkResponse } from '../../shared/contracts/common.contract.ts';
import { authenticate, changePassword, login, logout } from '../../services/auth.service.ts';
import { listDemoAccounts } from '../../services/demo/demo-accounts.service.ts';
import { meView } from '../../services/me.service.ts';
import { callerOf, clearSessionCookie, setSessionCookie } from '../auth.ts';
import type { RouteDeps } from '../app.ts';

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { deps, secureCookies, loginRateLimit },
) => {
  app.get(
    '/api/auth/demo-accounts',
    { config: { public: true }, schema: { tags: ['auth'], response: { 200: DemoAccountsResponse } } },
    async () => listDemoAccounts(deps),
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: MeResponse } },
    },
    async (req, reply) => {
      const { token } = await login(deps, req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(reply, token, secureCookies);
      const caller = await authenticate(deps, token);
      return meView(deps, caller!);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: OkResponse } } },
    async (req, reply) => {
      await logout(deps, callerOf(req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: MeResponse } } }, async (req) =>
    meView(deps, callerOf(req)),
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: OkResponse } } },
    async (req) => {
      const caller = callerOf(req);
      await changePassword(deps, caller, req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
};
