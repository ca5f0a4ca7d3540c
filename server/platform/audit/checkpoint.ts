import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import { dialectOf } from '../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { loadKey, type KeySpec } from '../crypto/field-crypto.js';
import { AUDIT_LOCK_KEY, verifyAuditChain, type ChainAnchor, type ChainReport } from './audit.js';

/**
 * Keyed checkpoints of the audit chain. The chain's own hashes are unkeyed SM3: whoever can write the
 * database can cut its tail or rewrite a run and recompute every hash after it. A checkpoint records the
 * chain head (seq, hash, number of rows) with an HMAC-SM3 under the audit key, which lives outside the
 * database like the data key (QUNEI_AUDIT_KEY or `<dataDir>/audit.key`). `audit verify` then checks the
 * chain against the checkpoints — those in the database and, better, an exported copy kept elsewhere.
 */
export const AUDIT_KEY_SPEC: KeySpec = { envName: 'QUNEI_AUDIT_KEY', fileName: 'audit.key', label: '审计检查点密钥', refusal: '无法写入或校验审计检查点' };
export const CHECKPOINT_EXPORT_FORMAT = 'qunei-audit-checkpoints/1';

export interface Checkpoint {
  id: string;
  seq: number;
  headHash: string;
  entries: number;
  at: string;
  mac: string;
}

export function auditKeyFor(config: Pick<Config, 'mode' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Buffer {
  return loadKey(AUDIT_KEY_SPEC, { mode: config.mode, dataDir: config.dataDir, envKey: env.QUNEI_AUDIT_KEY });
}

export function checkpointMac(key: Buffer, cp: Omit<Checkpoint, 'mac'>): string {
  return createHmac('sm3', key).update(`${CHECKPOINT_EXPORT_FORMAT}\n${cp.id}\n${cp.seq}\n${cp.headHash}\n${cp.entries}\n${cp.at}`, 'utf8').digest('hex');
}

const macHolds = (key: Buffer, cp: Checkpoint) => {
  const expected = Buffer.from(checkpointMac(key, cp), 'hex');
  const got = Buffer.from(/^[0-9a-f]{64}$/.test(cp.mac) ? cp.mac : '', 'hex');
  return got.length === expected.length && timingSafeEqual(got, expected);
};

/**
 * Writes a checkpoint of the current chain head (none when the log is empty or nothing was added since the
 * last one). Holds the audit lock on PostgreSQL, so the head read is the head.
 */
export async function writeAuditCheckpoint(db: Db, clock: Clock, key: Buffer): Promise<Checkpoint | null> {
  return db.transaction().execute(async (tx) => {
    if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
    const head = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (!head) return null;
    const last = await tx.selectFrom('audit_checkpoint').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (last && Number(last.seq) >= Number(head.seq)) return null;
    const count = await tx.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const base = { id: newId(), seq: Number(head.seq), headHash: head.hash, entries: Number(count.n), at: clock.nowIso() };
    const cp: Checkpoint = { ...base, mac: checkpointMac(key, base) };
    await tx.insertInto('audit_checkpoint').values({ id: cp.id, seq: cp.seq, head_hash: cp.headHash, entries: cp.entries, at: cp.at, mac: cp.mac }).execute();
    return cp;
  });
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), headHash: r.head_hash, entries: Number(r.entries), at: r.at, mac: r.mac }));
}

/** What the operator keeps elsewhere (JSON). */
export async function exportCheckpoints(db: Db) {
  return { format: CHECKPOINT_EXPORT_FORMAT, checkpoints: await listCheckpoints(db) };
}

/** Reads an exported file's content; throws a Chinese message when it is not one. */
export function parseCheckpointExport(text: string): Checkpoint[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('检查点文件不是有效的 JSON');
  }
  const d = data as { format?: unknown; checkpoints?: unknown };
  if (d?.format !== CHECKPOINT_EXPORT_FORMAT || !Array.isArray(d.checkpoints)) throw new Error(`检查点文件格式无法识别（应为 ${CHECKPOINT_EXPORT_FORMAT}）`);
  return d.checkpoints.map((c: Record<string, unknown>) => ({
    id: String(c.id), seq: Number(c.seq), headHash: String(c.headHash), entries: Number(c.entries), at: String(c.at), mac: String(c.mac),
  }));
}

export interface AuditReport extends ChainReport {
  checkpoints: number;
  /** Checkpoints whose HMAC does not hold (forged, altered, or made with another key). */
  forged: Array<{ id: string; seq: number }>;
  /** Exported checkpoints no longer in the database. */
  removedFromDatabase: Array<{ id: string; seq: number }>;
  latestCheckpointAt: string | null;
}

/** The chain checked against every checkpoint with a valid HMAC: the database's and the exported ones. */
export async function verifyAuditLog(db: Db, key: Buffer, exported: Checkpoint[] = []): Promise<AuditReport> {
  const stored = await listCheckpoints(db);
  const storedIds = new Set(stored.map((c) => c.id));
  const all = new Map<string, Checkpoint>();
  for (const c of [...stored, ...exported]) if (!all.has(c.id)) all.set(c.id, c);
  const forged: AuditReport['forged'] = [];
  const valid: Checkpoint[] = [];
  for (const c of all.values()) (macHolds(key, c) ? valid : forged).push(c);
  // An exported checkpoint that was copied into the database altered shows as forged above, by its id.
  for (const c of exported) {
    const inDb = stored.find((s) => s.id === c.id);
    if (inDb && (inDb.mac !== c.mac || inDb.seq !== c.seq || inDb.headHash !== c.headHash) && !forged.some((f) => f.id === c.id)) forged.push(inDb);
  }
  const anchors: ChainAnchor[] = valid.map((c) => ({ seq: c.seq, head_hash: c.headHash, entries: c.entries }));
  const chain = await verifyAuditChain(db, { anchors });
  const latest = [...valid].sort((a, b) => a.seq - b.seq).at(-1) ?? null;
  const removed = exported.filter((c) => !storedIds.has(c.id));
  return {
    ...chain,
    ok: chain.ok && forged.length === 0 && removed.length === 0,
    checkpoints: valid.length,
    forged: forged.map((c) => ({ id: c.id, seq: c.seq })),
    removedFromDatabase: removed.map((c) => ({ id: c.id, seq: c.seq })),
    latestCheckpointAt: latest?.at ?? null,
  };
}
