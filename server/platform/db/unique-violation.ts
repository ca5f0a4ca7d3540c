/** A unique index said no, on either database (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (
    e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/** The Chinese 409 the error handler gives a unique violation no caller named more precisely. */
export const UNIQUE_VIOLATION_MESSAGE = '与已有记录重复（可能有人同时提交了相同内容），请刷新后重试';
