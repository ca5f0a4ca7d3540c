import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from './database.js';

/** The few column types that differ between SQLite and PostgreSQL. */
export function columnTypes(db: Kysely<any>) {
  const pg = dialectOf(db) === 'postgres';
  return {
    pg,
    blob: pg ? sql`bytea` : sql`blob`,
    /** 64-bit counters and money in fen. */
    bigint: pg ? ('bigint' as const) : ('integer' as const),
    real: pg ? sql`double precision` : sql`real`,
  };
}
