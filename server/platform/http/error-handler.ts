import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { isUniqueViolation, UNIQUE_VIOLATION_MESSAGE } from '../db/unique-violation.js';

const FIELD_NAMES: Record<string, string> = {};

/** Errors are JSON with a stable code and a Chinese message; stacks stay in the log. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details ?? undefined, requestId: req.id });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        const field = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const where = field ? `${FIELD_NAMES[field] ?? field}：` : '';
        return `${where}${v.message ?? '格式不正确'}`;
      });
      return reply.status(400).send({ code: 'validation_failed', message: `输入有误：${issues.join('；')}`, details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })), requestId: req.id });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, cause: err.cause?.issues }, 'response did not match its schema');
      return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请联系管理员', requestId: req.id });
    }
    // A race the service did not name (two people saving the same thing at once) is a conflict, never a 500.
    if (isUniqueViolation(err)) return reply.status(409).send({ code: 'duplicate', message: UNIQUE_VIOLATION_MESSAGE, requestId: req.id });
    // A value the database cannot hold (an integer past PostgreSQL's 32 bits, say) is the input's fault.
    const dbCode = (err as { code?: string }).code;
    if (dbCode === '22003') return reply.status(400).send({ code: 'out_of_range', message: '输入的数值超出允许范围', requestId: req.id });
    if (dbCode === '22001') return reply.status(400).send({ code: 'too_long', message: '输入的文字过长', requestId: req.id });
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return reply.status(429).send({ code: 'rate_limited', message: '请求过于频繁，请稍后再试', requestId: req.id });
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send({ code: 'too_large', message: '文件或请求过大', requestId: req.id });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.status(415).send({ code: 'unsupported_media_type', message: '不支持的请求内容类型', requestId: req.id });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && fe.code?.startsWith('FST_'))) {
      return reply.status(400).send({ code: 'bad_request', message: '请求格式不正确', requestId: req.id });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请联系管理员', requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ code: 'not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}`, requestId: req.id });
  });
}
