import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../domain/dates.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import {
  MeetingBody,
  MeetingListQuery,
  MeetingListResponse,
  MeetingReviewBody,
  MeetingRevisionBody,
  MeetingUpdateBody,
  MeetingVersionBody,
  MeetingView,
  RosterQuery,
  RosterResponse,
} from '../../shared/contracts/meetings.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { getMeeting, listMeetings, rosterOn } from '../../services/meetings/meeting-read.service.ts';
import {
  createMeeting,
  reviewMeeting,
  reviseMeeting,
  submitMeeting,
  updateMeeting,
} from '../../services/meetings/meeting-write.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['meetings'];

export const meetingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/orgs/:id/meetings',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: MeetingListQuery,
        response: { 200: MeetingListResponse },
      },
    },
    async (req) => ({
      items: await listMeetings(
        deps,
        callerOf(req).scope,
        req.params.id,
        req.query.year ?? Number(shanghaiDate(deps.clock()).slice(0, 4)),
      ),
    }),
  );

  app.get(
    '/api/orgs/:id/meetings/roster',
    { schema: { tags, params: IdParams, querystring: RosterQuery, response: { 200: RosterResponse } } },
    async (req) => rosterOn(deps, callerOf(req).scope, req.params.id, req.query.date),
  );

  app.post(
    '/api/orgs/:id/meetings',
    { schema: { tags, params: IdParams, body: MeetingBody, response: { 201: MeetingView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createMeeting(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.get(
    '/api/meetings/:id',
    { schema: { tags, params: IdParams, response: { 200: MeetingView } } },
    async (req) => getMeeting(deps, callerOf(req).scope, req.params.id),
  );

  app.patch(
    '/api/meetings/:id',
    { schema: { tags, params: IdParams, body: MeetingUpdateBody, response: { 200: MeetingView } } },
    async (req) => {
      const c = callerOf(req);
      return updateMeeting(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/meetings/:id/submit',
    { schema: { tags, params: IdParams, body: MeetingVersionBody, response: { 200: MeetingView } } },
    async (req) => {
      const c = callerOf(req);
      return submitMeeting(deps, c.scope, actorOf(c), req.params.id, req.body.version);
    },
  );

  app.post(
    '/api/meetings/:id/review',
    { schema: { tags, params: IdParams, body: MeetingReviewBody, response: { 200: MeetingView } } },
    async (req) => {
      const c = callerOf(req);
      return reviewMeeting(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/meetings/:id/revisions',
    { schema: { tags, params: IdParams, body: MeetingRevisionBody, response: { 200: MeetingView } } },
    async (req) => {
      const c = callerOf(req);
      return reviseMeeting(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );
};
