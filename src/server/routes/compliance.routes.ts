import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../shared/contracts/common.contract.ts';
import {
  AsOfQuery,
  DashboardQuery,
  DashboardResponse,
  FindingsPageQuery,
  FindingsQuery,
  FindingsResponse,
  ScorecardResponse,
} from '../../shared/contracts/compliance.contract.ts';
import { complianceDashboard } from '../../services/compliance/dashboard.ts';
import { queryFindings } from '../../services/compliance/findings-query.ts';
import { exportFindingsXlsx } from '../../services/compliance/findings-xlsx.ts';
import { scorecard } from '../../services/compliance/scorecard.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';
import { sendXlsx } from './files.ts';

const tags = ['compliance'];

/** Findings, scorecards and the dashboard of the caller's org subtree (403 outside it). */
export const complianceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/compliance/findings',
    { schema: { tags, querystring: FindingsPageQuery, response: { 200: FindingsResponse } } },
    async (req) => queryFindings(deps, callerOf(req).scope, req.query),
  );

  app.get(
    '/api/compliance/findings.xlsx',
    { schema: { tags, querystring: FindingsQuery } },
    async (req, reply) => {
      const file = await exportFindingsXlsx(deps, callerOf(req).scope, req.query);
      return sendXlsx(reply, file.name, file.body);
    },
  );

  app.get(
    '/api/compliance/scorecard/:orgId',
    {
      schema: {
        tags,
        params: z.object({ orgId: Uuid }),
        querystring: AsOfQuery,
        response: { 200: ScorecardResponse },
      },
    },
    async (req) => scorecard(deps, callerOf(req).scope, req.params.orgId, req.query.asOf),
  );

  app.get(
    '/api/compliance/dashboard',
    { schema: { tags, querystring: DashboardQuery, response: { 200: DashboardResponse } } },
    async (req) => complianceDashboard(deps, callerOf(req).scope, req.query),
  );
};
