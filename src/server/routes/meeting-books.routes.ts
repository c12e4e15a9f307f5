import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../domain/dates.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import { LedgerQuery, LedgerResponse } from '../../shared/contracts/ledger.contract.ts';
import { meetingBook } from '../../services/meetings/meeting-book.ts';
import { exportMeetingsXlsx } from '../../services/meetings/meetings-xlsx.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';
import { sendXlsx } from './files.ts';

const tags = ['meetings'];

/** The year's meeting records of a branch in bulk: the print ledger (会议记录本) and the xlsx export. */
export const meetingBookRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  const thisYear = () => Number(shanghaiDate(deps.clock()).slice(0, 4));

  app.get(
    '/api/orgs/:id/ledger',
    { schema: { tags, params: IdParams, querystring: LedgerQuery, response: { 200: LedgerResponse } } },
    async (req) => meetingBook(deps, callerOf(req).scope, req.params.id, req.query.year ?? thisYear()),
  );

  app.get(
    '/api/orgs/:id/meetings.xlsx',
    { schema: { tags, params: IdParams, querystring: LedgerQuery } },
    async (req, reply) => {
      const year = req.query.year ?? thisYear();
      const file = await exportMeetingsXlsx(deps, callerOf(req).scope, req.params.id, year);
      return sendXlsx(reply, file.name, file.body);
    },
  );
};
