import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validationError } from '../../domain/errors.ts';
import { IdParams } from '../../shared/contracts/common.contract.ts';
import {
  AttachmentListResponse,
  AttachmentParams,
  AttachmentUploadQuery,
  AttachmentView,
  ReviewQueueResponse,
} from '../../shared/contracts/meeting-workflow.contract.ts';
import { actorOf } from '../../services/auth.service.ts';
import {
  addAttachment,
  attachmentMaxBytes,
  listAttachments,
  readAttachment,
  removeAttachment,
  tooLarge,
} from '../../services/meetings/meeting-attachments.service.ts';
import { reviewQueue } from '../../services/meetings/meeting-review-queue.service.ts';
import type { RouteDeps } from '../app.ts';
import { callerOf } from '../auth.ts';

const tags = ['meetings'];

/** Review queue of the parent org and attachments (photos, 签到表) of meeting records. */
export const meetingWorkflowRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/orgs/:id/meetings/review-queue',
    { schema: { tags, params: IdParams, response: { 200: ReviewQueueResponse } } },
    async (req) => ({ items: await reviewQueue(deps, callerOf(req).scope, req.params.id) }),
  );

  app.get(
    '/api/meetings/:id/attachments',
    { schema: { tags, params: IdParams, response: { 200: AttachmentListResponse } } },
    async (req) => listAttachments(deps, callerOf(req).scope, req.params.id),
  );

  app.post(
    '/api/meetings/:id/attachments',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: AttachmentUploadQuery,
        response: { 201: AttachmentView },
      },
    },
    async (req, reply) => {
      const c = callerOf(req);
      if (!req.isMultipart()) throw validationError('请以 multipart/form-data 上传文件（字段名 file）');
      const max = attachmentMaxBytes();
      const file = await req.file({ limits: { fileSize: max, files: 1 } });
      if (!file) throw validationError('没有收到文件（字段名 file）');
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(file.filename);
        throw err;
      }
      if (file.file.truncated) throw tooLarge(file.filename);
      const out = await addAttachment(deps, c.scope, actorOf(c), req.params.id, {
        kind: req.query.kind,
        fileName: file.filename,
        content,
        version: req.query.version,
        reason: req.query.reason,
      });
      reply.code(201);
      return out;
    },
  );

  app.get(
    '/api/meetings/:id/attachments/:attachmentId',
    { schema: { tags, params: AttachmentParams } },
    async (req, reply) => {
      const a = await readAttachment(deps, callerOf(req).scope, req.params.id, req.params.attachmentId);
      const inline = a.mime.startsWith('image/') || a.mime === 'application/pdf';
      return reply
        .header('content-type', a.mime)
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        )
        .header('cache-control', 'private, max-age=0')
        .send(a.content);
    },
  );

  app.delete(
    '/api/meetings/:id/attachments/:attachmentId',
    { schema: { tags, params: AttachmentParams } },
    async (req, reply) => {
      const c = callerOf(req);
      await removeAttachment(deps, c.scope, actorOf(c), req.params.id, req.params.attachmentId);
      return reply.code(204).send();
    },
  );
};
