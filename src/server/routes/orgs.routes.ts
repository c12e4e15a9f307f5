import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, QueryBool } from '../../shared/contracts/common.contract.ts';
import {
  ElectionBody,
  ElectionView,
  ElectionsResponse,
  OrgChangeBody,
  OrgChangeView,
  OrgChangesResponse,
  OrgChildrenQuery,
  OrgCreateBody,
  OrgDetail,
  OrgDissolveBody,
  OrgListResponse,
  OrgMoveBody,
  OrgNode,
  OrgSearchQuery,
  OrgSearchResponse,
  OrgUpdateBody,
  PositionBody,
  PositionEndBody,
  PositionView,
  PositionsResponse,
} from '../../shared/contracts/orgs.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { getOrgDetail, listChildren, listRoots, searchOrgs } from '../../services/org/org-read.service.ts';
import {
  createPosition,
  endPosition,
  getPositions,
  listElections,
  listOrgChanges,
  recordElection,
  recordOrgChange,
} from '../../services/org/org-records.service.ts';
import { createOrg, dissolveOrg, moveOrg, updateOrg } from '../../services/org/org-write.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get('/api/orgs/roots', { schema: { tags, response: { 200: OrgListResponse } } }, async (req) => ({
    items: await listRoots(deps, callerOf(req).scope),
  }));

  app.get(
    '/api/orgs/search',
    { schema: { tags, querystring: OrgSearchQuery, response: { 200: OrgSearchResponse } } },
    async (req) => searchOrgs(deps, callerOf(req).scope, req.query.q, req.query.includeDissolved),
  );

  app.get(
    '/api/orgs/:id',
    { schema: { tags, params: IdParams, response: { 200: OrgDetail } } },
    async (req) => getOrgDetail(deps, callerOf(req).scope, req.params.id),
  );

  app.get(
    '/api/orgs/:id/children',
    { schema: { tags, params: IdParams, querystring: OrgChildrenQuery, response: { 200: OrgListResponse } } },
    async (req) => ({
      items: await listChildren(deps, callerOf(req).scope, req.params.id, req.query.includeDissolved),
    }),
  );

  app.post(
    '/api/orgs',
    { schema: { tags, body: OrgCreateBody, response: { 201: OrgNode } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createOrg(deps, c.scope, actorOf(c), req.body);
    },
  );

  app.patch(
    '/api/orgs/:id',
    { schema: { tags, params: IdParams, body: OrgUpdateBody, response: { 200: OrgNode } } },
    async (req) => {
      const c = callerOf(req);
      return updateOrg(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/orgs/:id/move',
    { schema: { tags, params: IdParams, body: OrgMoveBody, response: { 200: OrgNode } } },
    async (req) => {
      const c = callerOf(req);
      return moveOrg(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/orgs/:id/dissolve',
    { schema: { tags, params: IdParams, body: OrgDissolveBody, response: { 200: OrgNode } } },
    async (req) => {
      const c = callerOf(req);
      return dissolveOrg(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.get(
    '/api/orgs/:id/changes',
    { schema: { tags, params: IdParams, response: { 200: OrgChangesResponse } } },
    async (req) => ({
      items: await listOrgChanges(deps, callerOf(req).scope, req.params.id),
    }),
  );

  app.post(
    '/api/orgs/:id/changes',
    { schema: { tags, params: IdParams, body: OrgChangeBody, response: { 201: OrgChangeView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return recordOrgChange(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.get(
    '/api/orgs/:id/elections',
    { schema: { tags, params: IdParams, response: { 200: ElectionsResponse } } },
    async (req) => ({
      items: await listElections(deps, callerOf(req).scope, req.params.id),
    }),
  );

  app.post(
    '/api/orgs/:id/elections',
    { schema: { tags, params: IdParams, body: ElectionBody, response: { 201: ElectionView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return recordElection(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.get(
    '/api/orgs/:id/positions',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ all: QueryBool.default(false) }),
        response: { 200: PositionsResponse },
      },
    },
    async (req) => ({ items: await getPositions(deps, callerOf(req).scope, req.params.id, req.query.all) }),
  );

  app.post(
    '/api/orgs/:id/positions',
    { schema: { tags, params: IdParams, body: PositionBody, response: { 201: PositionView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createPosition(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/positions/:id/end',
    { schema: { tags, params: IdParams, body: PositionEndBody, response: { 200: PositionView } } },
    async (req) => {
      const c = callerOf(req);
      return endPosition(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );
};
