import type { z } from 'zod';
import { AppError, badRequest } from '../errors.js';
import { findForbidden } from './input-guard.js';

/**
 * Validates data that did not come through a route's schema (the text fields of a multipart form) the way
 * a route's schema would: the same refusal of control and non-characters as the input guard, then zod,
 * with the same Chinese 400 `validation_failed`.
 */
export function parseFields<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const hit = findForbidden(data, 'fields');
  if (hit) {
    const field = hit.field.replace(/^fields\.?/, '') || '表单';
    throw new AppError(400, 'invalid_characters', `表单中的“${field}”含有不允许的字符（${hit.char}，如控制字符或非字符），请删除后重试`, { field, char: hit.char });
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}`).join('；');
    badRequest(`输入有误：${msg}`, 'validation_failed');
  }
  return (r as { data: z.infer<T> }).data;
}
