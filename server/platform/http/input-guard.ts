import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Characters no field may hold: C0 controls except tab, line feed and carriage return (PostgreSQL cannot
 * store NUL in text), DEL, Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every
 * plane) and lone surrogates. XML 1.0 cannot hold any of them, so a reply point with one would make the
 * official .docx unreadable.
 */
export const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Noncharacter_Code_Point}\p{Cs}]/u;

const describe = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The path (`body.points.0.text`) and character of the first string that holds a forbidden character. */
export function findForbidden(value: unknown, where: string, depth = 0): { field: string; char: string } | null {
  if (typeof value === 'string') {
    const m = FORBIDDEN_CHARS.exec(value);
    return m ? { field: where, char: describe(m[0]) } : null;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbidden(value[i], `${where}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const km = FORBIDDEN_CHARS.exec(k);
    if (km) return { field: `${where}.${k.replace(new RegExp(FORBIDDEN_CHARS.source, 'gu'), '?')}`, char: describe(km[0]) };
    const hit = findForbidden(v, `${where}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

const PART_LABEL: Record<string, string> = { params: '路径', query: '查询参数', body: '请求内容' };

/**
 * Refuses, before validation and before any query, a request whose decoded path parameters, query string
 * or JSON body holds a forbidden character: a Chinese 400 `invalid_characters` naming the field, the same
 * on both databases.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      const hit = findForbidden(value, part);
      if (hit) {
        const field = hit.field.slice(part.length + 1) || hit.field;
        throw new AppError(400, 'invalid_characters', `${PART_LABEL[part]}中的“${field}”含有不允许的字符（${hit.char}，如控制字符或非字符），请删除后重试`, { field: hit.field, char: hit.char });
      }
    }
  });
}
