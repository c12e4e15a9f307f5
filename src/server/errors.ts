import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind } from '../domain/errors.ts';

export const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  locked: 423,
  rate_limited: 429,
};

const WHERE: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** One error handler: domain errors → {code, message, details}; zod → 400; unknown → 500 (logged, never echoed). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(STATUS[err.kind]).send({
        code: err.code,
        message: err.message,
        ...(err.details !== undefined ? { details: err.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '无效',
      }));
      const first = details[0];
      const where = WHERE[err.validationContext ?? 'body'] ?? '';
      return reply.code(400).send({
        code: 'validation',
        message: `${where}有误：${first ? `${first.path ? `${first.path}：` : ''}${first.message}` : '格式不正确'}`,
        details,
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ code: 'internal_error', message: '服务器内部错误' });
    }
    if (err.statusCode === 429)
      return reply.code(429).send({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .code(err.statusCode)
        .send({ code: err.code?.toLowerCase() ?? 'bad_request', message: badRequestMessage(err) });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'internal_error', message: '服务器内部错误，请稍后重试' });
  });
}

function badRequestMessage(err: FastifyError): string {
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return '不支持的内容类型';
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return '请求内容不能为空';
  if (err.code === 'FST_REQ_FILE_TOO_LARGE') return '文件过大';
  if (err.statusCode === 413) return '请求内容过大';
  return '请求格式不正确';
}
