import type { Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // Every mutable row: demo flag, version, timestamps.
  const common = (b: any): { execute(): Promise<void> } =>
    b.addColumn('is_demo', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull());

  await common(db.schema
    .createTable('park_facility')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('capacity_unit', 'text', (c) => c.notNull())
    .addColumn('area_m2', t.real)
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('internal_note', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))).execute();

  await common(db.schema
    .createTable('bus_route')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('route_no', 'text', (c) => c.notNull().unique())
    .addColumn('from_stop', 'text', (c) => c.notNull())
    .addColumn('to_stop', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('bidirectional', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_departure', 'text', (c) => c.notNull())
    .addColumn('last_departure', 'text', (c) => c.notNull())
    .addColumn('headway_min', 'integer')
    .addColumn('headway_max', 'integer')
    .addColumn('departures_json', 'text')
    .addColumn('fare', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('internal_note', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))).execute();

  await common(db.schema
    .createTable('greening_year')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('target_m2', t.real, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())).execute();

  await common(db.schema
    .createTable('greening_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('area_m2', t.real, (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())).execute();
  await db.schema.createIndex('greening_entry_year_idx').on('greening_entry').columns(['year', 'entry_date']).execute();

  await common(db.schema
    .createTable('utility_service')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expected_on', 'text')
    .addColumn('operating_since', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('internal_note', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))).execute();

  await common(db.schema
    .createTable('school_enrolment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_name', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.references('park_facility.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('places', 'integer')
    .addColumn('area_served', 'text', (c) => c.notNull())
    .addColumn('how_to_apply', 'text', (c) => c.notNull())
    .addColumn('contact_office', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('internal_note', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('school_enrolment_school_year_uq', ['school_name', 'year'])).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
