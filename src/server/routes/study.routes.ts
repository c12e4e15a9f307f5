import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../domain/dates.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import {
  BranchStudyResponse,
  CreditSettingBody,
  CreditSettingResponse,
  PersonStudyResponse,
  StudyRecordBody,
  StudyRecordUpdateBody,
  StudyRecordView,
  VersionBody,
  YearQuery,
} from '../../shared/contracts/study.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { getCreditSetting, setCreditSetting } from '../../services/study/credit-setting.service.ts';
import {
  createStudyRecord,
  deleteStudyRecord,
  updateStudyRecord,
} from '../../services/study/study-records.service.ts';
import { branchStudy, personStudy } from '../../services/study/study-summary.service.ts';
import { exportStudyXlsx } from '../../services/study/study-xlsx.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';
import { sendXlsx } from './files.ts';

const tags = ['study'];

/** Study hours (EDU-001…006): a person's records and yearly summary, an org's table, meeting credit. */
export const studyRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  const yearOf = (q: { year?: number }) => q.year ?? Number(shanghaiDate(deps.clock()).slice(0, 4));

  app.get(
    '/api/people/:id/study',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: PersonStudyResponse } } },
    async (req) => personStudy(deps, callerOf(req).scope, req.params.id, yearOf(req.query)),
  );

  app.post(
    '/api/people/:id/study-records',
    { schema: { tags, params: IdParams, body: StudyRecordBody, response: { 201: StudyRecordView } } },
    async (req, reply) => {
      const c = callerOf(req);
      reply.code(201);
      return createStudyRecord(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.patch(
    '/api/study-records/:id',
    { schema: { tags, params: IdParams, body: StudyRecordUpdateBody, response: { 200: StudyRecordView } } },
    async (req) => {
      const c = callerOf(req);
      return updateStudyRecord(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );

  app.delete(
    '/api/study-records/:id',
    { schema: { tags, params: IdParams, body: VersionBody } },
    async (req) => {
      const c = callerOf(req);
      return deleteStudyRecord(deps, c.scope, actorOf(c), req.params.id, req.body.version);
    },
  );

  app.get(
    '/api/orgs/:id/study',
    { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: BranchStudyResponse } } },
    async (req) => branchStudy(deps, callerOf(req).scope, req.params.id, yearOf(req.query)),
  );

  app.get(
    '/api/orgs/:id/study.xlsx',
    { schema: { tags, params: IdParams, querystring: YearQuery } },
    async (req, reply) => {
      const file = await exportStudyXlsx(deps, callerOf(req).scope, req.params.id, yearOf(req.query));
      return sendXlsx(reply, file.name, file.body);
    },
  );

  app.get(
    '/api/orgs/:id/study-credit',
    { schema: { tags, params: IdParams, response: { 200: CreditSettingResponse } } },
    async (req) => getCreditSetting(deps, callerOf(req).scope, req.params.id),
  );

  app.put(
    '/api/orgs/:id/study-credit',
    { schema: { tags, params: IdParams, body: CreditSettingBody, response: { 200: CreditSettingResponse } } },
    async (req) => {
      const c = callerOf(req);
      return setCreditSetting(deps, c.scope, actorOf(c), req.params.id, req.body);
    },
  );
};
