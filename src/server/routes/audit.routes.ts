import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListResponse, AuditQuery } from '../../shared/contracts/audit.contract.ts';
import { listAudit } from '../../services/audit.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditListResponse } } },
    async (req) => {
      const res = await listAudit(deps, callerOf(req).scope, req.query);
      return { ...res, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
};
