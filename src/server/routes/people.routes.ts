import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, QueryBool } from '../../shared/contracts/common.contract.ts';
import {
  IdNumberResponse,
  PersonCreateBody,
  PersonCreatedResponse,
  PersonDetail,
  PersonListQuery,
  PersonListResponse,
  PersonUpdateBody,
  StatusChangeBody,
} from '../../shared/contracts/people.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { listPeople } from '../../services/people/person-list.ts';
import { getPersonDetail, revealIdNumber } from '../../services/people/person-read.service.ts';
import { changeStatus, createPerson, updatePerson } from '../../services/people/person-write.service.ts';
import { exportPeopleXlsx } from '../../services/people/roster-xlsx.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';
import { sendXlsx } from './files.ts';

const tags = ['people'];

/** A reply serializer for a body that is already JSON text. */
const asIs = (payload: unknown) => payload as string;

export const peopleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/people',
    { schema: { tags, querystring: PersonListQuery, response: { 200: PersonListResponse } } },
    // the hottest route: PostgreSQL renders the page as the contract's JSON and it is sent as is
    // (no parse, no zod re-validation: docs/benchmarks.md `list`); people.db.test.ts parses real
    // responses with PersonListResponse.strict()
    async (req, reply) => {
      const { json } = await listPeople(deps, callerOf(req).scope, req.query);
      return reply
        .type('application/json; charset=utf-8')
        .serializer(asIs)
        .send(json as never);
    },
  );

  app.get(
    '/api/people/export.xlsx',
    { schema: { tags, querystring: PersonListQuery.extend({ unmask: QueryBool.default(false) }) } },
    async (req, reply) => {
      const c = callerOf(req);
      const { unmask, ...q } = req.query;
      return sendXlsx(reply, '人员名册', await exportPeopleXlsx(deps, c.scope, actorOf(c), q, unmask));
    },
  );

  app.get(
    '/api/people/:id',
    { schema: { tags, params: IdParams, response: { 200: PersonDetail } } },
    async (req) => getPersonDetail(deps, callerOf(req).scope, req.params.id),
  );

  app.get(
    '/api/people/:id/id-number',
    { schema: { tags, params: IdParams, response: { 200: IdNumberResponse } } },
    async (req) => {
      const c = callerOf(req);
      return revealIdNumber(deps, c.scope, actorOf(c), req.params.id);
    },
  );

  app.post(
    '/api/people',
    { schema: { tags, body: PersonCreateBody, response: { 201: PersonCreatedResponse } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createPerson(deps, c.scope, actorOf(c), req.body);
    },
  );

  app.patch(
    '/api/people/:id',
    { schema: { tags, params: IdParams, body: PersonUpdateBody, response: { 200: PersonDetail } } },
    async (req) => {
      const c = callerOf(req);
      return updatePerson(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/people/:id/status',
    { schema: { tags, params: IdParams, body: StatusChangeBody, response: { 200: PersonDetail } } },
    async (req) => {
      const c = callerOf(req);
      return changeStatus(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );
};
