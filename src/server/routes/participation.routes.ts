import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import { ParticipationQuery, ParticipationResponse } from '../../shared/contracts/participation.contract.ts';
import { orgParticipation } from '../../services/participation/participation.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['participation'];

/** Members' participation in organizational life (LIFE-018 streaks, LIFE-019 rates) of one org. */
export const participationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/orgs/:id/participation',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ParticipationQuery,
        response: { 200: ParticipationResponse },
      },
    },
    async (req) => orgParticipation(deps, callerOf(req).scope, req.params.id, req.query.year),
  );
};
