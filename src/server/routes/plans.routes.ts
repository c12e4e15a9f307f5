import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../domain/dates.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import {
  PlanDraftBody,
  PlanFilingResponse,
  PlanItemsBody,
  PlanResponse,
  PlanVersionBody,
  PlanYearQuery,
} from '../../shared/contracts/plans.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { getPlan, listPlanFilings } from '../../services/plans/plan-read.service.ts';
import { filePlan, generatePlanDraft, savePlanItems } from '../../services/plans/plan-write.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['plans'];

/** Annual plans (年度计划, LIFE-014): a branch drafts, edits and files; its parent sees each branch's filing. */
export const planRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  const thisYear = () => Number(shanghaiDate(deps.clock()).slice(0, 4));

  app.get(
    '/api/orgs/:id/plan',
    { schema: { tags, params: IdParams, querystring: PlanYearQuery, response: { 200: PlanResponse } } },
    async (req) => getPlan(deps, callerOf(req).scope, req.params.id, req.query.year ?? thisYear()),
  );

  app.post(
    '/api/orgs/:id/plan',
    { schema: { tags, params: IdParams, body: PlanDraftBody, response: { 201: PlanResponse } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return generatePlanDraft(deps, c.scope, actorOf(c), req.params.id, req.body.year);
    },
  );

  app.put(
    '/api/plans/:id/items',
    { schema: { tags, params: IdParams, body: PlanItemsBody, response: { 200: PlanResponse } } },
    async (req) => {
      const c = callerOf(req);
      return savePlanItems(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.post(
    '/api/plans/:id/file',
    { schema: { tags, params: IdParams, body: PlanVersionBody, response: { 200: PlanResponse } } },
    async (req) => {
      const c = callerOf(req);
      return filePlan(deps, c.scope, actorOf(c), req.params.id, req.body.version);
    },
  );

  app.get(
    '/api/orgs/:id/plans',
    { schema: { tags, params: IdParams, querystring: PlanYearQuery, response: { 200: PlanFilingResponse } } },
    async (req) => listPlanFilings(deps, callerOf(req).scope, req.params.id, req.query.year ?? thisYear()),
  );
};
