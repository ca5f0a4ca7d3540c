import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from '../../migrations.js';

describe('migrations', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv({ seed: false }); });
  afterAll(async () => { await env.close(); });

  it('a database is at the latest migration after start-up, and a second run applies nothing', async () => {
    const done = await env.ctx.db.selectFrom('qunei_migration' as never).select('name' as never).execute() as Array<{ name: string }>;
    expect(done.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(env.ctx.db)).toEqual([]);
  });

  it("a module's new migration numbered below migrations already run is still applied (existing databases get it)", async () => {
    // Pretend this database was made before 0101 existed: undo it and forget that it ran.
    await migrations['0101_suggestion_list_index'].down!(env.ctx.db);
    await sql`delete from qunei_migration where name = '0101_suggestion_list_index'`.execute(env.ctx.db);
    expect(await migrateToLatest(env.ctx.db)).toEqual(['0101_suggestion_list_index']);
  });
});
