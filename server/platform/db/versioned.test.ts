import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { AppError } from '../errors.js';
import { deleteVersioned, updateVersioned } from './versioned.js';

describe('versioned writes (one behaviour for every module)', () => {
  let env: TestEnv;
  let id: string;
  beforeAll(async () => {
    env = await createTestEnv();
    id = (await env.ctx.db.selectFrom('park_facility').select(['id', 'version']).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await env.close(); });

  const version = async () => (await env.ctx.db.selectFrom('park_facility').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  it('writes when the version matches and returns the next one', async () => {
    const v = await version();
    expect(await updateVersioned(env.ctx.db, 'park_facility', id, v, { internal_note: '第一次修改' }, '该设施')).toBe(v + 1);
    expect(await version()).toBe(v + 1);
  });

  it('refuses a stale version with a 409 and a Chinese message, and changes nothing', async () => {
    const v = await version();
    const err = await updateVersioned(env.ctx.db, 'park_facility', id, v - 1, { internal_note: '过期的修改' }, '该设施').catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 409, code: 'stale_write', message: '该设施已被他人修改，请刷新后重试' });
    const row = await env.ctx.db.selectFrom('park_facility').select(['internal_note', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ internal_note: '第一次修改', version: v });
  });

  it('of two writers with the same version, exactly one wins', async () => {
    const v = await version();
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => updateVersioned(env.ctx.db, 'park_facility', id, v, { internal_note: `并发${n}` }, '该设施')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['stale_write', 'stale_write', 'stale_write']);
  });

  it('deletes only at the current version', async () => {
    const v = await version();
    await expect(deleteVersioned(env.ctx.db, 'park_facility', id, v + 5, '该设施')).rejects.toMatchObject({ status: 409, code: 'stale_write' });
    await deleteVersioned(env.ctx.db, 'park_facility', id, v, '该设施');
    expect(await env.ctx.db.selectFrom('park_facility').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    await expect(deleteVersioned(env.ctx.db, 'park_facility', id, v, '该设施')).rejects.toMatchObject({ status: 409 });
  });
});
