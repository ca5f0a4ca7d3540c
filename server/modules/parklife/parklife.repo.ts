import type { Kysely } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { deleteVersioned, updateVersioned } from '../../platform/db/versioned.js';
import type { GreeningYearTable } from './parklife.tables.js';

export type ParkTable = 'park_facility' | 'bus_route' | 'greening_entry' | 'utility_service' | 'school_enrolment';

/** Every query of the park-life module, the same on SQLite and PostgreSQL. */
export class ParkLifeRepo {
  constructor(private readonly db: Queryable) {}

  in(q: Queryable) {
    return new ParkLifeRepo(q);
  }

  private get any() {
    return this.db as Kysely<any>;
  }

  list<Row>(table: ParkTable, order: string[]): Promise<Row[]> {
    let q = this.any.selectFrom(table).selectAll();
    for (const o of order) q = q.orderBy(o);
    return q.execute() as Promise<Row[]>;
  }

  get<Row>(table: ParkTable, id: string): Promise<Row | undefined> {
    return this.any.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst() as Promise<Row | undefined>;
  }

  async insert(table: ParkTable | 'greening_year', row: object) {
    await this.any.insertInto(table).values(row).execute();
  }

  /** A version-checked update (409 `stale_write` naming `what` when the row changed first). */
  versioned<T extends ParkTable | 'greening_year'>(table: T, id: string, version: number, patch: Partial<DB[T]>, what: string): Promise<number> {
    return updateVersioned(this.db, table, id, version, patch, what);
  }

  /** A version-checked delete (409 `stale_write` when the row changed or is gone). */
  deleteVersioned(table: ParkTable, id: string, version: number, what: string): Promise<void> {
    return deleteVersioned(this.db, table, id, version, what);
  }

  /** Whether another row already has these values (unique keys such as a facility's name). */
  async taken(table: ParkTable, values: Record<string, unknown>, exceptId?: string): Promise<boolean> {
    let q = this.any.selectFrom(table).select('id');
    for (const [k, v] of Object.entries(values)) q = q.where(k, '=', v);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return !!(await q.executeTakeFirst());
  }

  greeningYears(): Promise<GreeningYearTable[]> {
    return this.db.selectFrom('greening_year').selectAll().orderBy('year', 'desc').execute();
  }

  greeningYear(year: number) {
    return this.db.selectFrom('greening_year').selectAll().where('year', '=', year).executeTakeFirst();
  }

  async enrolmentsOfFacility(facilityId: string): Promise<number> {
    const r = await this.db.selectFrom('school_enrolment').select((e) => e.fn.countAll<number>().as('n')).where('facility_id', '=', facilityId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  projectExists(id: string) {
    return this.db.selectFrom('project').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  }
}
