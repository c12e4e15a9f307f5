import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarQuery,
  CalendarResponse,
  CalendarTokenCreated,
  CalendarTokenStatus,
  TodoResponse,
} from '../../shared/contracts/calendar.contract.ts';
import { IdParams, OkResponse } from '../../shared/contracts/common.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { monthOrNow, myCalendar, orgCalendar } from '../../services/calendar/calendar.service.ts';
import { createToken, feedFor, revokeTokens, tokenStatus } from '../../services/calendar/feed.service.ts';
import { myTodos } from '../../services/calendar/todos.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['calendar'];
/** Feed requests allowed per client address per minute (calendar apps poll every few minutes). */
export const FEED_RATE_LIMIT = 30;

export const calendarRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/orgs/:id/calendar',
    { schema: { tags, params: IdParams, querystring: CalendarQuery, response: { 200: CalendarResponse } } },
    async (req) => orgCalendar(deps, callerOf(req).scope, req.params.id, monthOrNow(deps, req.query.month)),
  );

  app.get(
    '/api/me/calendar',
    { schema: { tags, querystring: CalendarQuery, response: { 200: CalendarResponse } } },
    async (req) => {
      const c = callerOf(req);
      return myCalendar(deps, c.scope, c.user.personId, monthOrNow(deps, req.query.month));
    },
  );

  app.get('/api/me/todos', { schema: { tags, response: { 200: TodoResponse } } }, async (req) => {
    const c = callerOf(req);
    return myTodos(deps, c.scope, c.user.personId);
  });

  app.get(
    '/api/me/calendar-token',
    { schema: { tags, response: { 200: CalendarTokenStatus } } },
    async (req) => tokenStatus(deps, callerOf(req).user.id),
  );

  app.post(
    '/api/me/calendar-token',
    { schema: { tags, response: { 200: CalendarTokenCreated } } },
    async (req) => {
      const c = callerOf(req);
      return createToken(deps, actorOf(c), c.user.id);
    },
  );

  app.delete('/api/me/calendar-token', { schema: { tags, response: { 200: OkResponse } } }, async (req) => {
    const c = callerOf(req);
    await revokeTokens(deps, actorOf(c), c.user.id);
    return { ok: true as const };
  });

  // Public: the token in the path is the credential (unknown or revoked → 404). Outside /api, so no session.
  app.get(
    '/ics/:file',
    {
      config: { public: true, rateLimit: { max: FEED_RATE_LIMIT, timeWindow: '1 minute' } },
      schema: { hide: true, params: z.object({ file: z.string().max(100) }) },
    },
    async (req, reply) => {
      const m = /^(.+)\.ics$/.exec(req.params.file);
      const body = m ? await feedFor(deps, m[1]) : null;
      if (body === null)
        return reply.code(404).send({ code: 'calendar_feed_not_found', message: '日历订阅地址无效或已撤销' });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
};
