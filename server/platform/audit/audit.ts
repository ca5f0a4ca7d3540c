import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Queryable } from '../db/database.js';
import { dialectOf } from '../db/database.js';
import type { Viewer } from '../auth/roles.js';
import { newId } from '../ids.js';
import type { Clock } from '../clock.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_KEY = 7_270_001;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

interface ChainFields {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
}

/** SM3 over the row's fields in a fixed order: any change to a stored row changes its hash. */
export function chainHash(row: ChainFields): string {
  const canonical = JSON.stringify([
    row.id, row.at, row.actor_id, row.actor_name, row.action, row.entity_type, row.entity_id,
    row.before_json, row.after_json, row.prev_hash,
  ]);
  return createHash('sm3').update(canonical, 'utf8').digest('hex');
}

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one entry to the hash chain. Call inside the transaction that makes the change, so the change
 * and its record commit together. On PostgreSQL an advisory lock keeps concurrent instances in one chain.
 */
export async function recordAudit(tx: Queryable, clock: Clock, actor: Viewer | { system: string }, entry: AuditEntry): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: ChainFields = {
    id: newId(),
    at: clock.nowIso(),
    actor_id: actor && 'userId' in actor ? actor.userId : null,
    actor_name: actor === null ? '公众' : 'system' in actor ? actor.system : `${actor.displayName}（${actor.username}）`,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insertInto('audit_log').values({ ...fields, hash: chainHash(fields) }).execute();
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
}

/** Walks the chain in order and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batch = 2000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of rows) {
      checked++;
      if (row.prev_hash !== prev) {
        return { ok: false, checked, firstBroken: { seq: Number(row.seq), id: row.id, reason: '与上一条记录的链接断开（上一条记录被删除或改动）' } };
      }
      if (chainHash(row) !== row.hash) {
        return { ok: false, checked, firstBroken: { seq: Number(row.seq), id: row.id, reason: '记录内容与其哈希不符（该记录被改动）' } };
      }
      prev = row.hash;
      lastSeq = Number(row.seq);
    }
  }
}
