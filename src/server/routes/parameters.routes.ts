import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import {
  OverrideBody,
  ParameterKeyParams,
  ParametersResponse,
  RemoveOverrideBody,
} from '../../shared/contracts/parameters.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import {
  effectiveParameters,
  removeOverride,
  setOverride,
} from '../../services/compliance/parameters.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['standards'];

export const parameterRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/orgs/:id/parameters',
    { schema: { tags, params: IdParams, response: { 200: ParametersResponse } } },
    async (req) => effectiveParameters(deps, callerOf(req).scope, req.params.id),
  );

  app.put(
    '/api/orgs/:id/parameters/:key',
    {
      schema: { tags, params: ParameterKeyParams, body: OverrideBody, response: { 200: ParametersResponse } },
    },
    async (req) => {
      const c = callerOf(req);
      return setOverride(deps, c.scope, actorOf(c), req.params.id, req.params.key, req.body);
    },
  );

  app.delete(
    '/api/orgs/:id/parameters/:key',
    {
      schema: {
        tags,
        params: ParameterKeyParams,
        body: RemoveOverrideBody,
        response: { 200: ParametersResponse },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return removeOverride(deps, c.scope, actorOf(c), req.params.id, req.params.key, req.body.reason);
    },
  );
};
