import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validationError } from '../../domain/errors.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import { MeetingImportQuery, MeetingImportResponse } from '../../shared/contracts/meeting-import.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { importMeetingSheet } from '../../services/meetings/meeting-import.ts';
import { meetingImportTemplate } from '../../services/meetings/meeting-import-xlsx.ts';
import { orgForWrite } from '../../services/scope-guard.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';
import { sendXlsx } from './files.ts';
import { UPLOAD_MAX_BYTES } from './import.routes.ts';

const tags = ['meetings'];

export const meetingImportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/orgs/:id/meetings/import-template.xlsx',
    { schema: { tags, params: IdParams } },
    async (req, reply) => {
      await orgForWrite(deps.db, callerOf(req).scope, req.params.id);
      return sendXlsx(reply, '会议记录导入模板', await meetingImportTemplate());
    },
  );

  app.post(
    '/api/orgs/:id/meetings/import',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: MeetingImportQuery,
        response: { 200: MeetingImportResponse },
      },
    },
    async (req) => {
      const c = callerOf(req);
      if (!req.isMultipart()) throw validationError('请以 multipart/form-data 上传文件（字段名 file）');
      const file = await req.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
      if (!file) throw validationError('没有收到文件（字段名 file）');
      const buf = await file.toBuffer();
      return importMeetingSheet(deps, c.scope, actorOf(c), req.params.id, buf, req.query.dryRun);
    },
  );
};
