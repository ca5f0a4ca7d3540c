import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFields } from './parse-fields.js';

describe('form fields outside a route schema are checked like a route body', () => {
  const Schema = z.object({ note: z.string().max(10, '说明不能超过 10 个字'), version: z.coerce.number().int().positive() });

  it('accepts and coerces valid fields', () => {
    expect(parseFields(Schema, { note: '现场照片', version: '3' })).toEqual({ note: '现场照片', version: 3 });
  });

  it('refuses control and non-characters with a Chinese 400 naming the field', () => {
    for (const bad of ['a\u0000b', '\uFFFF', 'x\uD800']) {
      expect(() => parseFields(Schema, { note: bad, version: '1' })).toThrow(expect.objectContaining({ status: 400, code: 'invalid_characters', message: expect.stringContaining('note') }));
    }
  });

  it('gives the zod message in Chinese for invalid values', () => {
    expect(() => parseFields(Schema, { note: '一二三四五六七八九十十一', version: '1' })).toThrow(expect.objectContaining({ status: 400, code: 'validation_failed', message: expect.stringContaining('说明不能超过 10 个字') }));
  });
});
