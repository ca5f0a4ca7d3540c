import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { formatDocNumber, parseDocNumber, validateDocNumber, type DocNumber } from '../../../domain/docnumber.js';
import { documentsPolicy, registryPolicy, type PrefixAccess } from './documents.policy.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { registryRepo as repo } from './registry.repo.js';
import type { DocNumberTable } from './documents.tables.js';
import {
  DOC_NUMBER_STATE_LABELS, DOC_NUMBER_STATES, type AllocateBody, type DocNumberViewT, type ManualBody, type ReserveBody, type UseBody, type VoidBody,
} from './registry.schemas.js';

type Row = DocNumberTable & { org_name?: string | null };
type State = (typeof DOC_NUMBER_STATES)[number];

export function presentNumber(r: Row): DocNumberViewT {
  const state = (DOC_NUMBER_STATES as readonly string[]).includes(r.state) ? (r.state as State) : 'allocated';
  return {
    id: r.id, prefix: r.prefix, year: r.year, serial: r.serial, number: r.number_text, state, stateLabel: DOC_NUMBER_STATE_LABELS[state],
    voidedFrom: r.voided_from, title: r.title, refType: r.ref_type, refId: r.ref_id, orgUnitId: r.org_unit_id, orgUnitName: r.org_name ?? null,
    note: r.note, voidReason: r.void_reason, createdByName: r.created_by_name, createdAt: r.created_at, voidedByName: r.voided_by_name,
    voidedAt: r.voided_at, version: r.version,
  };
}

const actorName = (a: Actor) => `${a.displayName}（${a.username}）`;
const audited = (r: Row) => ({ number: r.number_text, state: r.state, title: r.title, refType: r.ref_type, refId: r.ref_id, note: r.note, voidReason: r.void_reason });

export interface AllocateOptions {
  prefix: string;
  year: number;
  state: 'allocated' | 'reserved';
  title: string | null;
  note?: string | null;
  refType?: string | null;
  refId?: string | null;
  orgUnitId?: string | null;
}

export interface ManualOptions {
  number: DocNumber;
  title: string;
  note?: string | null;
  refType?: string | null;
  refId?: string | null;
  orgUnitId?: string | null;
}

/**
 * The document-number registry (发文字号登记簿). Serials come from a counter row per (prefix, year) that each
 * allocation updates inside its transaction, with a unique (prefix, year, serial) constraint behind it: no
 * number is handed out twice, also with several instances on PostgreSQL. A voided number keeps its row and is
 * never used again; a number entered by hand is checked against the registry and moves the counter past it.
 */
export class RegistryService {
  constructor(private readonly ctx: AppContext) {}

  private get currentYear(): number {
    return Number(this.ctx.clock.today().slice(0, 4));
  }

  async access(db: Queryable, prefix: string): Promise<PrefixAccess> {
    return { prefix, ownerOrgIds: (await repo.ownersOf(db, prefix)).map((o) => o.id) };
  }

  private checkYear(year: number) {
    if (year > this.currentYear) badRequest(`不能为未来年份（${year}年）取号`, 'future_year');
  }

  async prefixes(actor: Actor) {
    authorize(documentsPolicy, actor, 'registry', null);
    const units = await repo.unitsWithPrefix(this.ctx.db);
    const pairs = await repo.prefixYears(this.ctx.db);
    const byPrefix = new Map<string, { units: Array<{ id: string; name: string }>; years: Map<number, { year: number; count: number; nextSerial: number }> }>();
    const entry = (p: string) => {
      let e = byPrefix.get(p);
      if (!e) byPrefix.set(p, (e = { units: [], years: new Map() }));
      return e;
    };
    for (const u of units) entry(u.doc_prefix!.trim()).units.push({ id: u.id, name: u.name });
    for (const p of pairs) entry(p.prefix).years.set(p.year, { year: p.year, count: p.count, nextSerial: p.next_serial ?? 1 });
    const out = [];
    for (const [prefix, e] of byPrefix) {
      const access: PrefixAccess = { prefix, ownerOrgIds: e.units.map((u) => u.id) };
      if (registryPolicy.read(actor, access) !== true) continue;
      if (!e.years.has(this.currentYear)) e.years.set(this.currentYear, { year: this.currentYear, count: 0, nextSerial: 1 });
      out.push({
        prefix, units: e.units, years: [...e.years.values()].sort((a, b) => b.year - a.year),
        canManage: registryPolicy.manage(actor, access) === true,
      });
    }
    // Own unit's prefix first, then prefixes of units, then historical ones.
    out.sort((a, b) => Number(b.canManage) - Number(a.canManage) || Number(b.units.length > 0) - Number(a.units.length > 0) || a.prefix.localeCompare(b.prefix, 'zh-CN'));
    return { currentYear: this.currentYear, prefixes: out };
  }

  async list(actor: Actor, prefix: string, year: number) {
    const access = await this.access(this.ctx.db, prefix);
    authorize(registryPolicy, actor, 'read', access);
    const rows = await repo.list(this.ctx.db, prefix, year);
    const nextSerial = await repo.nextSerial(this.ctx.db, prefix, year);
    const counts: Record<string, number> = { allocated: 0, reserved: 0, voided: 0, manual: 0 };
    for (const r of rows) counts[r.state] = (counts[r.state] ?? 0) + 1;
    return {
      prefix, year, nextSerial, nextNumber: safeFormat({ prefix, year, serial: nextSerial }), counts,
      canManage: registryPolicy.manage(actor, access) === true, items: rows.map(presentNumber),
    };
  }

  async allocate(actor: Actor, body: z.infer<typeof AllocateBody>) {
    const year = body.year ?? this.currentYear;
    this.checkYear(year);
    const access = await this.access(this.ctx.db, body.prefix);
    authorize(registryPolicy, actor, 'manage', access);
    this.assertKnownPrefix(access);
    const row = await this.ctx.db.transaction().execute((tx) =>
      this.allocateIn(tx, actor, { prefix: body.prefix, year, state: 'allocated', title: body.title, note: body.note ?? null, orgUnitId: this.ownerFor(actor, access) }));
    return this.view(row.id);
  }

  async reserve(actor: Actor, body: z.infer<typeof ReserveBody>) {
    const year = body.year ?? this.currentYear;
    this.checkYear(year);
    const access = await this.access(this.ctx.db, body.prefix);
    authorize(registryPolicy, actor, 'manage', access);
    this.assertKnownPrefix(access);
    const rows = await this.ctx.db.transaction().execute(async (tx) => {
      const out: Row[] = [];
      for (let i = 0; i < body.count; i++) {
        out.push(await this.allocateIn(tx, actor, { prefix: body.prefix, year, state: 'reserved', title: null, note: body.note ?? null, orgUnitId: this.ownerFor(actor, access) }));
      }
      return out;
    });
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  private async view(id: string): Promise<DocNumberViewT> {
    return presentNumber((await repo.get(this.ctx.db, id))!);
  }

  /** A reserved number is given to a document. */
  async use(actor: Actor, id: string, body: z.infer<typeof UseBody>) {
    const current = (await repo.get(this.ctx.db, id)) ?? notFound('发文字号不存在');
    authorize(registryPolicy, actor, 'manage', await this.access(this.ctx.db, current!.prefix));
    const row = await this.ctx.db.transaction().execute((tx) => this.useIn(tx, actor, current!, body.version, { title: body.title }));
    return presentNumber({ ...row, org_name: current!.org_name });
  }

  async useIn(tx: Queryable, actor: Actor, current: Row, version: number, target: { title: string; refType?: string | null; refId?: string | null }): Promise<Row> {
    if (current.state !== 'reserved') conflict(`${current.number_text}当前为“${stateLabel(current.state)}”，只有预留的号码可以启用`, 'invalid_state');
    const patch = { state: 'allocated', title: target.title, ref_type: target.refType ?? null, ref_id: target.refId ?? null, updated_at: this.ctx.clock.nowIso() };
    if (!(await repo.update(tx, current.id, version, patch))) staleWrite('该发文字号');
    const next: Row = { ...current, ...patch, version: version + 1 };
    await recordAudit(tx, this.ctx.clock, actor, { action: 'doc_number.use', entityType: 'doc_number', entityId: current.id, before: audited(current), after: audited(next) });
    return next;
  }

  async void(actor: Actor, id: string, body: z.infer<typeof VoidBody>) {
    const current = (await repo.get(this.ctx.db, id)) ?? notFound('发文字号不存在');
    authorize(registryPolicy, actor, 'manage', await this.access(this.ctx.db, current!.prefix));
    if (current!.state === 'voided') conflict(`${current!.number_text}已作废`, 'invalid_state');
    const row = await this.ctx.db.transaction().execute(async (tx) => {
      if (current!.ref_type === 'reply' && current!.ref_id) await this.releaseFromReply(tx, actor, current!);
      const now = this.ctx.clock.nowIso();
      const patch = {
        state: 'voided', voided_from: current!.state, void_reason: body.reason, voided_by: actor.userId, voided_by_name: actorName(actor),
        voided_at: now, updated_at: now,
      };
      if (!(await repo.update(tx, id, body.version, patch))) staleWrite('该发文字号');
      const next: Row = { ...current!, ...patch, version: body.version + 1 };
      await recordAudit(tx, this.ctx.clock, actor, { action: 'doc_number.void', entityType: 'doc_number', entityId: id, before: audited(current!), after: audited(next) });
      return next;
    });
    return presentNumber(row);
  }

  /** A draft reply gives its number back when the number is voided; a submitted reply has gone out with it. */
  private async releaseFromReply(tx: Queryable, actor: Actor, n: Row) {
    const reply = await tx.selectFrom('reply').select(['id', 'state', 'doc_number', 'version']).where('id', '=', n.ref_id!).executeTakeFirst();
    if (!reply || reply.doc_number !== n.number_text) return;
    if (reply.state === 'submitted') conflict(`${n.number_text}已用于已提交的答复，不能作废`, 'number_in_use');
    const r = await tx.updateTable('reply').set({ doc_number: null, version: reply.version + 1, updated_at: this.ctx.clock.nowIso() })
      .where('id', '=', reply.id).where('version', '=', reply.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) staleWrite('该答复');
    await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.doc_number_release', entityType: 'reply', entityId: reply.id, before: { docNumber: reply.doc_number }, after: { docNumber: null } });
  }

  async manual(actor: Actor, body: z.infer<typeof ManualBody>) {
    const number = parseManual(body.number);
    this.checkYear(number.year);
    const access = await this.access(this.ctx.db, number.prefix);
    authorize(registryPolicy, actor, 'manage', access);
    const row = await this.ctx.db.transaction().execute((tx) =>
      this.manualIn(tx, actor, { number, title: body.title, note: body.note ?? null, orgUnitId: this.ownerFor(actor, access) }));
    return this.view(row.id);
  }

  // ——— used by the other services of the module, inside their transactions ———

  async allocateIn(tx: Queryable, actor: Actor, o: AllocateOptions): Promise<Row> {
    const now = this.ctx.clock.nowIso();
    await repo.ensureCounter(tx, o.prefix, o.year, now);
    let serial = await repo.takeSerial(tx, o.prefix, o.year, now);
    // Numbers entered by hand below the counter are skipped, never duplicated.
    while (await repo.findBySerial(tx, o.prefix, o.year, serial)) serial = await repo.takeSerial(tx, o.prefix, o.year, now);
    const row: DocNumberTable = {
      id: newId(), prefix: o.prefix, year: o.year, serial, number_text: formatDocNumber({ prefix: o.prefix, year: o.year, serial }), state: o.state,
      voided_from: null, title: o.title, ref_type: o.refType ?? null, ref_id: o.refId ?? null, org_unit_id: o.orgUnitId ?? null, note: o.note ?? null,
      void_reason: null, created_by: actor.userId, created_by_name: actorName(actor), created_at: now, voided_by: null, voided_by_name: null,
      voided_at: null, version: 1, updated_at: now,
    };
    await this.insert(tx, row);
    await recordAudit(tx, this.ctx.clock, actor, { action: `doc_number.${o.state === 'reserved' ? 'reserve' : 'allocate'}`, entityType: 'doc_number', entityId: row.id, after: audited(row) });
    return row;
  }

  async manualIn(tx: Queryable, actor: Actor, o: ManualOptions): Promise<Row> {
    const { prefix, year, serial } = o.number;
    const text = formatDocNumber(o.number);
    const now = this.ctx.clock.nowIso();
    await repo.ensureCounter(tx, prefix, year, now);
    await repo.raiseCounter(tx, prefix, year, serial, now);
    const taken = await repo.findBySerial(tx, prefix, year, serial);
    if (taken) {
      conflict(taken.state === 'voided' ? `${text}已作废，作废的号码不能再使用` : `${text}已登记（${stateLabel(taken.state)}${taken.title ? `：${taken.title}` : ''}），不能重复登记`, 'duplicate_number');
    }
    const row: DocNumberTable = {
      id: newId(), prefix, year, serial, number_text: text, state: 'manual', voided_from: null, title: o.title, ref_type: o.refType ?? null,
      ref_id: o.refId ?? null, org_unit_id: o.orgUnitId ?? null, note: o.note ?? null, void_reason: null, created_by: actor.userId,
      created_by_name: actorName(actor), created_at: now, voided_by: null, voided_by_name: null, voided_at: null, version: 1, updated_at: now,
    };
    await this.insert(tx, row);
    await recordAudit(tx, this.ctx.clock, actor, { action: 'doc_number.manual', entityType: 'doc_number', entityId: row.id, after: audited(row) });
    return row;
  }

  private async insert(tx: Queryable, row: DocNumberTable) {
    try {
      await repo.insert(tx, row);
    } catch (e) {
      if (isUniqueViolation(e)) conflict(`${row.number_text}已被占用，请重试`, 'duplicate_number');
      throw e;
    }
  }

  private assertKnownPrefix(access: PrefixAccess) {
    if (access.ownerOrgIds.length === 0) badRequest(`“${access.prefix}”不是任何单位的发文字号前缀，请先在单位管理中设置`, 'unknown_prefix');
  }

  /** The unit a number belongs to: the acting unit, else the only unit with the prefix. */
  private ownerFor(actor: Actor, access: PrefixAccess): string | null {
    if (actor.role === 'unit_staff' && actor.orgUnitId && access.ownerOrgIds.includes(actor.orgUnitId)) return actor.orgUnitId;
    return access.ownerOrgIds.length === 1 ? access.ownerOrgIds[0] : null;
  }
}

function stateLabel(state: string): string {
  return DOC_NUMBER_STATE_LABELS[state as State] ?? state;
}

function safeFormat(n: DocNumber): string {
  return validateDocNumber(n).length ? `${n.prefix}〔${n.year}〕${n.serial}号` : formatDocNumber(n);
}

/** Any bracket form as typed (高工信发[2024]037号, （）, 【】, 第…号) → the number; 400 with the reason otherwise. */
export function parseManual(input: string): DocNumber {
  const n = parseDocNumber(input);
  if (!n) badRequest(`无法识别发文字号“${input}”，应形如 高工信发〔2024〕37号`, 'invalid_number');
  return n!;
}
