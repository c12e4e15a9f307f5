import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../services/auth.service.ts';
import { saveIndicatorScore } from '../../services/compliance/indicator-scores.ts';
import { ScoreBody, ScoreParams, ScoreResponse } from '../../shared/contracts/scores.contract.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['compliance'];

/** Human scoring of MANUAL/SEMI indicators: 自评 by the branch, 考评 by an evaluator above it. */
export const scoreRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.put(
    '/api/orgs/:id/indicators/:indicatorId/score',
    { schema: { tags, params: ScoreParams, body: ScoreBody, response: { 200: ScoreResponse } } },
    async (req) => {
      const c = callerOf(req);
      return saveIndicatorScore(deps, c.scope, actorOf(c), req.params.id, req.params.indicatorId, req.body);
    },
  );
};
