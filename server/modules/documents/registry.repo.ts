import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { DocNumberTable } from './documents.tables.js';


/** Every query of the document-number registry. */
export const registryRepo = {
  /** Units whose doc_prefix is this prefix. */
  async ownersOf(db: Queryable, prefix: string): Promise<Array<{ id: string; name: string }>> {
    return db.selectFrom('org_unit').select(['id', 'name']).where('doc_prefix', '=', prefix).orderBy('name').execute();
  },

  async unitPrefix(db: Queryable, orgUnitId: string | null): Promise<string | null> {
    if (!orgUnitId) return null;
    const row = await db.selectFrom('org_unit').select('doc_prefix').where('id', '=', orgUnitId).executeTakeFirst();
    return row?.doc_prefix?.trim() || null;
  },

  async unitsWithPrefix(db: Queryable) {
    return db.selectFrom('org_unit').select(['id', 'name', 'doc_prefix']).where('doc_prefix', 'is not', null).where('doc_prefix', '!=', '').orderBy('name').execute();
  },

  /** (prefix, year) pairs that have a counter or numbers. */
  async prefixYears(db: Queryable): Promise<Array<{ prefix: string; year: number; next_serial: number | null; count: number }>> {
    const counters = await db.selectFrom('doc_number_counter').select(['prefix', 'year', 'next_serial']).execute();
    const counts = await db.selectFrom('doc_number').select(['prefix', 'year', (e) => e.fn.countAll<number>().as('count')]).groupBy(['prefix', 'year']).execute();
    const key = (p: string, y: number) => `${p}\u0000${y}`;
    const out = new Map<string, { prefix: string; year: number; next_serial: number | null; count: number }>();
    for (const c of counters) out.set(key(c.prefix, c.year), { prefix: c.prefix, year: c.year, next_serial: c.next_serial, count: 0 });
    for (const c of counts) {
      const k = key(c.prefix, c.year);
      const hit = out.get(k);
      if (hit) hit.count = Number(c.count);
      else out.set(k, { prefix: c.prefix, year: c.year, next_serial: null, count: Number(c.count) });
    }
    return [...out.values()];
  },

  async list(db: Queryable, prefix: string, year: number) {
    return db.selectFrom('doc_number')
      .leftJoin('org_unit', 'org_unit.id', 'doc_number.org_unit_id')
      .selectAll('doc_number').select('org_unit.name as org_name')
      .where('doc_number.prefix', '=', prefix).where('doc_number.year', '=', year)
      .orderBy('doc_number.serial', 'desc').execute();
  },

  async get(db: Queryable, id: string) {
    return db.selectFrom('doc_number')
      .leftJoin('org_unit', 'org_unit.id', 'doc_number.org_unit_id')
      .selectAll('doc_number').select('org_unit.name as org_name')
      .where('doc_number.id', '=', id).executeTakeFirst();
  },

  async findByRef(db: Queryable, refType: string, refId: string) {
    return db.selectFrom('doc_number').selectAll().where('ref_type', '=', refType).where('ref_id', '=', refId).where('state', '!=', 'voided').execute();
  },

  async findBySerial(db: Queryable, prefix: string, year: number, serial: number) {
    return db.selectFrom('doc_number').selectAll().where('prefix', '=', prefix).where('year', '=', year).where('serial', '=', serial).executeTakeFirst();
  },

  async nextSerial(db: Queryable, prefix: string, year: number): Promise<number> {
    const row = await db.selectFrom('doc_number_counter').select('next_serial').where('prefix', '=', prefix).where('year', '=', year).executeTakeFirst();
    return row?.next_serial ?? 1;
  },

  /** The counter row of (prefix, year), created at 1 when missing. */
  async ensureCounter(tx: Queryable, prefix: string, year: number, now: string): Promise<void> {
    await tx.insertInto('doc_number_counter')
      .values({ id: newId(), prefix, year, next_serial: 1, version: 1, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['prefix', 'year']).doNothing())
      .execute();
  },

  /**
   * Takes the next serial: one UPDATE … RETURNING on the counter row. On PostgreSQL the row stays locked until
   * the transaction ends, so concurrent allocations (from any instance) queue here and each gets its own serial.
   */
  async takeSerial(tx: Queryable, prefix: string, year: number, now: string): Promise<number> {
    const row = await tx.updateTable('doc_number_counter')
      .set((eb) => ({ next_serial: eb('next_serial', '+', 1), version: eb('version', '+', 1), updated_at: now }))
      .where('prefix', '=', prefix).where('year', '=', year)
      .returning('next_serial')
      .executeTakeFirstOrThrow();
    return row.next_serial - 1;
  },

  /** Locks the counter row and moves it past `serial` when a number is entered by hand above it. */
  async raiseCounter(tx: Queryable, prefix: string, year: number, serial: number, now: string): Promise<void> {
    await tx.updateTable('doc_number_counter')
      .set({
        next_serial: sql<number>`case when next_serial > ${serial} then next_serial else ${serial + 1} end`,
        version: sql<number>`version + 1`,
        updated_at: now,
      })
      .where('prefix', '=', prefix).where('year', '=', year)
      .execute();
  },

  async insert(tx: Queryable, row: DocNumberTable): Promise<void> {
    await tx.insertInto('doc_number').values(row).execute();
  },

  /** Version-checked update: false when someone else changed the row first. */
  async update(tx: Queryable, id: string, version: number, patch: Partial<DocNumberTable>): Promise<boolean> {
    const r = await tx.updateTable('doc_number').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
