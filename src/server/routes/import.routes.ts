import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validationError } from '../../domain/errors.ts';
import { RosterImportQuery, RosterImportResponse } from '../../shared/contracts/import.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import { importRoster } from '../../services/people/roster-import.ts';
import { rosterTemplate } from '../../services/people/roster-xlsx.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';
import { sendXlsx } from './files.ts';

const tags = ['import'];
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get('/api/import/roster-template.xlsx', { schema: { tags } }, async (req, reply) => {
    callerOf(req);
    return sendXlsx(reply, '党员名册导入模板', await rosterTemplate());
  });

  app.post(
    '/api/import/roster',
    { schema: { tags, querystring: RosterImportQuery, response: { 200: RosterImportResponse } } },
    async (req) => {
      const c = callerOf(req);
      if (!req.isMultipart()) throw validationError('请以 multipart/form-data 上传文件（字段名 file）');
      const file = await req.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
      if (!file) throw validationError('没有收到文件（字段名 file）');
      const buf = await file.toBuffer();
      return importRoster(deps, c.scope, actorOf(c), req.query.orgId, buf, req.query.dryRun);
    },
  );
};
