import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { chainHash, recordAudit } from './audit.js';
import { auditKeyFor, exportCheckpoints, parseCheckpointExport, verifyAuditLog, writeAuditCheckpoint } from './checkpoint.js';

describe('keyed checkpoints of the audit chain', () => {
  let env: TestEnv;
  let key: Buffer;
  beforeEach(async () => {
    env = await createTestEnv({ seed: false });
    key = auditKeyFor(env.ctx.config);
    for (let i = 0; i < 6; i++) await recordAudit(env.ctx.db, env.ctx.clock, { system: 't' }, { action: `c.${i}`, entityType: 'x', entityId: String(i) });
  });
  afterEach(async () => { await env.close(); });

  const seqs = async () => (await env.ctx.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));

  it('an intact chain verifies against its checkpoint; later entries are reported as not yet anchored', async () => {
    const cp = await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    expect(cp).toMatchObject({ entries: await (async () => (await seqs()).length)() });
    expect(await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key)).toBeNull();
    await recordAudit(env.ctx.db, env.ctx.clock, { system: 't' }, { action: 'c.late', entityType: 'x', entityId: null });
    const r = await verifyAuditLog(env.ctx.db, key);
    expect(r).toMatchObject({ ok: true, checkpoints: 1, anchor: { seq: cp!.seq }, unanchored: 1, missing: null, rewritten: null });
  });

  it('reports a cut tail', async () => {
    const cp = await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    const all = await seqs();
    await sql`delete from audit_log where seq >= ${all[4]}`.execute(env.ctx.db);
    const r = await verifyAuditLog(env.ctx.db, key);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toBeNull(); // the links alone cannot see it
    expect(r.missing).toMatchObject({ anchorSeq: cp!.seq, lastSeq: all[3] });
    expect(r.missing!.reason).toContain('尾部缺失');
  });

  it('reports a cut tail even when new entries were appended after the cut', async () => {
    await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    const all = await seqs();
    await sql`delete from audit_log where seq >= ${all[4]}`.execute(env.ctx.db);
    await recordAudit(env.ctx.db, env.ctx.clock, { system: 't' }, { action: 'c.after-cut', entityType: 'x', entityId: null });
    const r = await verifyAuditLog(env.ctx.db, key);
    expect(r.ok).toBe(false);
    expect(r.missing?.reason).toContain(`序号 ${all[5]}`);
  });

  it('reports a run rewritten with recomputed hashes', async () => {
    const first = await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    for (let i = 0; i < 4; i++) await recordAudit(env.ctx.db, env.ctx.clock, { system: 't' }, { action: `d.${i}`, entityType: 'x', entityId: String(i) });
    const second = await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    // Rewrite entry d.1 and recompute every hash after it, so each link holds again.
    const rows = await env.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const at = rows.findIndex((r) => r.action === 'd.1');
    let prev = rows[at - 1].hash;
    for (const row of rows.slice(at)) {
      const changed = { ...row, after_json: row.action === 'd.1' ? '{"forged":true}' : row.after_json, prev_hash: prev };
      const hash = chainHash(changed);
      await env.ctx.db.updateTable('audit_log').set({ after_json: changed.after_json, prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
      prev = hash;
    }
    const r = await verifyAuditLog(env.ctx.db, key);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toBeNull();
    expect(r.rewritten).toMatchObject({ fromSeq: first!.seq + 1, toSeq: second!.seq });
    expect(Number(rows[at].seq)).toBeGreaterThan(first!.seq);
  });

  it('refuses a checkpoint forged without the key, and one recomputed after a rewrite', async () => {
    const cp = await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    await env.ctx.db.updateTable('audit_checkpoint').set({ entries: 99 }).where('id', '=', cp!.id).execute();
    const r = await verifyAuditLog(env.ctx.db, key);
    expect(r.ok).toBe(false);
    expect(r.forged).toEqual([{ id: cp!.id, seq: cp!.seq }]);
    const other = await verifyAuditLog(env.ctx.db, Buffer.alloc(16, 7));
    expect(other.forged).toHaveLength(1);
  });

  it('the exported copy catches checkpoints deleted from the database together with the tail', async () => {
    await writeAuditCheckpoint(env.ctx.db, env.ctx.clock, key);
    const exported = parseCheckpointExport(JSON.stringify(await exportCheckpoints(env.ctx.db)));
    const all = await seqs();
    await sql`delete from audit_log where seq >= ${all[3]}`.execute(env.ctx.db);
    await sql`delete from audit_checkpoint`.execute(env.ctx.db);
    expect((await verifyAuditLog(env.ctx.db, key)).ok).toBe(true); // nothing in the database shows it…
    const r = await verifyAuditLog(env.ctx.db, key, exported);
    expect(r.ok).toBe(false); // …the copy kept elsewhere does
    expect(r.missing?.reason).toContain('尾部缺失');
    expect(r.removedFromDatabase).toHaveLength(1);
  });

  it('a scheduled job writes checkpoints periodically', async () => {
    env.clock.advanceMs(2 * 3600_000);
    await env.ctx.jobs.scheduleDue();
    await env.ctx.jobs.runDue(50);
    const r = await verifyAuditLog(env.ctx.db, key);
    expect(r.checkpoints).toBe(1);
    expect(r.unanchored).toBe(0);
  });
});
