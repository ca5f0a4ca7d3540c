import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Queryable } from '../db/database.js';
import { dialectOf } from '../db/database.js';
import type { Viewer } from '../auth/roles.js';
import { newId } from '../ids.js';
import type { Clock } from '../clock.js';

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_LOCK_KEY = 7_270_001;

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

/** A point the chain is known to have passed: the row `seq` had hash `head_hash`, with `entries` rows up to it. */
export interface ChainAnchor {
  seq: number;
  head_hash: string;
  entries: number;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
  /** The latest anchor: the chain is checked against it. */
  anchor: { seq: number } | null;
  /** Rows after the latest anchor (not yet covered by a checkpoint). */
  unanchored: number;
  /** The chain ends before an anchor's row, or that row is gone: rows were cut away. */
  missing: { anchorSeq: number; lastSeq: number; reason: string } | null;
  /** An anchor's row has another hash: the run between the last anchor that holds and it was rewritten. */
  rewritten: { fromSeq: number; toSeq: number; reason: string } | null;
}

/**
 * Walks the chain in order: the first row whose hash or link does not hold, and — against the anchors
 * (keyed checkpoints) — a missing tail or a run rewritten with recomputed hashes, which links alone cannot show.
 */
export async function verifyAuditChain(db: Db, opts: { anchors?: ChainAnchor[]; batch?: number } = {}): Promise<ChainReport> {
  const batch = opts.batch ?? 2000;
  const anchors = [...(opts.anchors ?? [])].sort((a, b) => a.seq - b.seq);
  const bySeq = new Map<number, ChainAnchor[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  let firstBroken: ChainReport['firstBroken'] = null;
  let lastHeld: number | null = null;
  let rewritten: ChainReport['rewritten'] = null;
  const seen = new Set<number>();
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      checked++;
      const seq = Number(row.seq);
      if (!firstBroken && row.prev_hash !== prev) {
        firstBroken = { seq, id: row.id, reason: '与上一条记录的链接断开（上一条记录被删除或改动）' };
      } else if (!firstBroken && chainHash(row) !== row.hash) {
        firstBroken = { seq, id: row.id, reason: '记录内容与其哈希不符（该记录被改动）' };
      }
      for (const a of bySeq.get(seq) ?? []) {
        seen.add(seq);
        if (a.head_hash === row.hash && a.entries === checked) lastHeld = seq;
        else if (!rewritten) {
          const fromSeq = (lastHeld ?? 0) + 1;
          rewritten = { fromSeq, toSeq: seq, reason: `序号 ${fromSeq} 至 ${seq} 之间的记录被改写或删除（与序号 ${seq} 处的检查点不符）` };
        }
      }
      prev = row.hash;
      lastSeq = seq;
    }
  }
  const latest = anchors.at(-1) ?? null;
  let missing: ChainReport['missing'] = null;
  const lost = anchors.find((a) => !seen.has(a.seq));
  if (lost) {
    missing = lost.seq > lastSeq
      ? { anchorSeq: lost.seq, lastSeq, reason: `尾部缺失：检查点表明日志至少到序号 ${lost.seq}，现存最后一条为序号 ${lastSeq}` }
      : { anchorSeq: lost.seq, lastSeq, reason: `检查点所在的记录（序号 ${lost.seq}）不存在：该处的记录被删除` };
  }
  let unanchored = 0;
  if (latest) {
    const r = await db.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).where('seq', '>', latest.seq).executeTakeFirstOrThrow();
    unanchored = Number(r.n);
  } else {
    unanchored = checked;
  }
  return {
    ok: !firstBroken && !missing && !rewritten,
    checked, firstBroken, anchor: latest ? { seq: latest.seq } : null, unanchored, missing, rewritten,
  };
}
