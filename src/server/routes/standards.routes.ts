import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PackDocResponse,
  PackIdParams,
  PackListResponse,
} from '../../shared/contracts/standards.contract.ts';
import { getPackDoc, listPacks } from '../../services/standards/pack-docs.ts';
import type { RouteDeps } from '../app.ts';

const tags = ['standards'];

/** The standard packs, readable as documents (no org data: any signed-in user). */
export const standardsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  app.get('/api/standards/packs', { schema: { tags, response: { 200: PackListResponse } } }, async () =>
    listPacks(),
  );

  app.get(
    '/api/standards/packs/:id',
    { schema: { tags, params: PackIdParams, response: { 200: PackDocResponse } } },
    async (req) => getPackDoc(req.params.id),
  );
};
