import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../domain/dates.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import {
  OrgPointsResponse,
  PersonPointsResponse,
  PointsDecisionBody,
  PointsEntryBody,
  PointsEntryView,
  PointsItemBody,
  PointsItemUpdateBody,
  PointsItemView,
  PointsItemsResponse,
  PublicationView,
  PublishBody,
} from '../../shared/contracts/points.contract.ts';
import { YearQuery } from '../../shared/contracts/study.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import {
  createPointsItem,
  listPointsItems,
  updatePointsItem,
} from '../../services/study/points-catalog.service.ts';
import { createPointsEntry, decidePointsEntry } from '../../services/study/points-entries.service.ts';
import { orgPoints, personPoints, publishQuarter } from '../../services/study/points-report.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['points'];

/** Points (EDU-007): catalog, entries with approval, monthly tally, quarterly publication, yearly ranking. */
export const pointsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  const yearOf = (q: { year?: number }) => q.year ?? Number(shanghaiDate(deps.clock()).slice(0, 4));

  app.get(
    '/api/orgs/:id/points-items',
    { schema: { tags, params: IdParams, response: { 200: PointsItemsResponse } } },
    async (req) => listPointsItems(deps, callerOf(req).scope, req.params.id),
  );

  app.post(
    '/api/orgs/:id/points-items',
    { schema: { tags, params: IdParams, body: PointsItemBody, response: { 201: PointsItemView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createPointsItem(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.patch(
    '/api/points-items/:id',
    { schema: { tags, params: IdParams, body: PointsItemUpdateBody, response: { 200: PointsItemView } } },
    async (req) => {
      const c = callerOf(req);
      return updatePointsItem(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.get(
    '/api/people/:id/points',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: PersonPointsResponse } } },
    async (req) => personPoints(deps, callerOf(req).scope, req.params.id, yearOf(req.query)),
  );

  app.post(
    '/api/people/:id/points',
    { schema: { tags, params: IdParams, body: PointsEntryBody, response: { 201: PointsEntryView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createPointsEntry(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/points-entries/:id/decision',
    { schema: { tags, params: IdParams, body: PointsDecisionBody, response: { 200: PointsEntryView } } },
    async (req) => {
      const c = callerOf(req);
      return decidePointsEntry(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.get(
    '/api/orgs/:id/points',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: OrgPointsResponse } } },
    async (req) => orgPoints(deps, callerOf(req).scope, req.params.id, yearOf(req.query)),
  );

  app.post(
    '/api/orgs/:id/points/publications',
    { schema: { tags, params: IdParams, body: PublishBody, response: { 201: PublicationView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return publishQuarter(deps, c.scope, actorOf(c), req.params.id, req.body.quarter);
    },
  );
};
