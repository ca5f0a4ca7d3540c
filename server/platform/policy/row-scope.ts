/**
 * Row scope declared once: who may read which rows of a module, per role, as data. From the one declaration
 * come both the verdict on a loaded row (true or the Chinese reason for refusing, for the detail endpoint and
 * the policy) and the SQL filter (a Kysely boolean expression for list, search, count, export and statistics
 * queries on both databases), so the readers cannot drift apart.
 *
 * A role's scope is a list of alternatives; a row is readable when all conditions of any alternative hold.
 * A condition compares a column of the row with a constant or a value of the actor, or asks that some
 * related row (signers, assignments, …) match its own conditions:
 *
 *   unit_staff: { any: [[some('assignments', col('unit_id').is(orgOf), col('state').isNot('returned'))]], reason: '…' }
 *
 * A value of the actor that is null (unit staff without a unit) matches nothing.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor, Role, Viewer } from '../auth/roles.js';

type Scalar = string | number;
/** A constant, or a value taken from the actor (null: the condition holds for no row). */
export type Value = Scalar | ((actor: Actor) => Scalar | null);

export type ColumnCond =
  | { kind: 'cmp'; col: string; op: '=' | '<>'; value: Value }
  | { kind: 'set'; col: string; op: 'in' | 'not in'; values: readonly Scalar[] };
export type Cond = ColumnCond | { kind: 'some'; rel: string; where: ColumnCond[] };

/** A condition on a column of the row (or, inside `some`, of the related row). */
export function col(name: string) {
  return {
    is: (value: Value): ColumnCond => ({ kind: 'cmp', col: name, op: '=', value }),
    isNot: (value: Value): ColumnCond => ({ kind: 'cmp', col: name, op: '<>', value }),
    in: (...values: Scalar[]): ColumnCond => ({ kind: 'set', col: name, op: 'in', values }),
    notIn: (...values: Scalar[]): ColumnCond => ({ kind: 'set', col: name, op: 'not in', values }),
  };
}

/** Some row of the relation `rel` meets all these conditions. */
export const some = (rel: string, ...where: ColumnCond[]): Cond => ({ kind: 'some', rel, where });

/** Values of the actor, for conditions. */
export const actorOrg = (a: Actor) => a.orgUnitId;
export const actorUser = (a: Actor) => a.userId;

/**
 * A relation: rows of `table` whose column `on[0]` equals the row's column `on[1]`; optionally joined to a
 * second table (`join.on`: its column, the relation's column) whose listed columns the conditions may name;
 * `where`: conditions every related row must meet to count at all (e.g. signers who did not decline).
 */
export interface Relation {
  table: string;
  on: [string, string];
  join?: { table: string; on: [string, string]; columns: string[] };
  where?: ColumnCond[];
}

export interface RoleScope {
  /** Alternatives: the row is readable when every condition of one of them holds. `[[]]`: every row; `[]`: none. */
  any: Cond[][];
  /** Why a row outside the scope is refused. */
  reason: string;
  /** More precise reasons: the first condition listed here that the row fails gives its reason. */
  because?: Array<[Cond, string]>;
  /**
   * The scope holds most rows (e.g. everything but drafts): a membership test is then written as "not among
   * the few unreadable rows" rather than "among the many readable ones".
   */
  wide?: boolean;
}

export interface RowScopeDecl {
  /** The module's table and its key column. */
  table: string;
  key?: string;
  relations?: Record<string, Relation>;
  roles: Partial<Record<Role, RoleScope>>;
  /** Refusal for the public (no login). */
  publicReason?: string;
  /** Refusal for a role that is not listed. */
  otherReason: string;
}

/** A row as the verdict sees it: its columns, and the rows of each relation under the relation's name. */
export type ScopeRow = Record<string, unknown>;

export interface RowScope {
  readonly decl: RowScopeDecl;
  /** true, or the Chinese reason why the viewer may not read this row. */
  verdict(actor: Viewer, row: ScopeRow): true | string;
  /** The same scope as a boolean SQL expression over the row's table under `alias`. */
  where(actor: Viewer, alias?: string): Expression<SqlBool>;
  /** Whether the row whose key is `key` (an SQL expression) is readable: a membership test that needs no join. */
  includes(actor: Viewer, key: Expression<unknown>): RawBuilder<SqlBool>;
  /**
   * The same test as a set of keys: every row (true), none (false), the keys listed by a sub-select (`in`), or
   * every key but those it lists (`not in`, for wide scopes). For indexes keyed otherwise (the search index).
   */
  membership(actor: Viewer): boolean | { op: 'in' | 'not in'; keys: RawBuilder<unknown> };
  /** The keys of the readable rows, as a sub-select (`select key as id from …`). */
  keys(actor: Viewer): RawBuilder<{ id: string }>;
}

const valueOf = (v: Value, a: Actor): Scalar | null => (typeof v === 'function' ? v(a) : v);
const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;
const joinWith = (parts: RawBuilder<SqlBool>[], op: 'and' | 'or', empty: RawBuilder<SqlBool>) =>
  parts.length === 0 ? empty : parts.length === 1 ? parts[0] : sql<SqlBool>`(${sql.join(parts, op === 'and' ? sql` and ` : sql` or `)})`;

export function defineRowScope(decl: RowScopeDecl): RowScope {
  const key = decl.key ?? 'id';
  const relation = (name: string): Relation => {
    const r = decl.relations?.[name];
    if (!r) throw new Error(`row scope of ${decl.table}: unknown relation ${name}`);
    return r;
  };
  const roleOf = (a: Actor): RoleScope | undefined => decl.roles[a.role];

  // ---- the verdict, in memory ----
  const colHolds = (c: ColumnCond, a: Actor, row: ScopeRow): boolean => {
    const v = row[c.col] as Scalar | null | undefined;
    if (c.kind === 'set') return v !== null && v !== undefined && (c.op === 'in' ? c.values.includes(v) : !c.values.includes(v));
    const want = valueOf(c.value, a);
    if (want === null || v === null || v === undefined) return false;
    return c.op === '=' ? v === want : v !== want;
  };
  const holds = (c: Cond, a: Actor, row: ScopeRow): boolean => {
    if (c.kind !== 'some') return colHolds(c, a, row);
    const r = relation(c.rel);
    const rows = row[c.rel];
    if (!Array.isArray(rows)) throw new Error(`row scope of ${decl.table}: the row lacks its relation ${c.rel}`);
    return rows.some((x: ScopeRow) => (r.where ?? []).every((w) => colHolds(w, a, x)) && c.where.every((w) => colHolds(w, a, x)));
  };

  // ---- the same in SQL ----
  // Aliases are numbered per expression (`n`), so the same scope always gives the same SQL text (statements
  // are cached by their text).
  const NEG = { '=': '<>', '<>': '=', in: 'not in', 'not in': 'in' } as const;
  const cmpSql = (c: ColumnCond, a: Actor, ref: (col: string) => RawBuilder<unknown>, negate = false): RawBuilder<SqlBool> => {
    const op = negate ? NEG[c.op] : c.op;
    if (c.kind === 'set') {
      if (!c.values.length) return op === 'in' ? FALSE : sql<SqlBool>`${ref(c.col)} is not null`;
      return sql<SqlBool>`${ref(c.col)} ${sql.raw(op)} (${sql.join(c.values.map((v) => sql.val(v)))})`;
    }
    const want = valueOf(c.value, a);
    // An absent value matches no row; negated, every row (written so that it still names the column).
    if (want === null) return negate ? sql<SqlBool>`${ref(c.col)} is not null` : FALSE;
    return sql<SqlBool>`${ref(c.col)} ${sql.raw(op)} ${want}`;
  };
  /** A condition, or (negate) its opposite written directly (`state = 'draft'`, not `not (state <> 'draft')`: indexes serve it). */
  const condSql = (c: Cond, a: Actor, alias: string, n: { i: number }, negate = false): RawBuilder<SqlBool> => {
    if (c.kind !== 'some') return cmpSql(c, a, (name) => sql.ref(`${alias}.${name}`), negate);
    const r = relation(c.rel);
    const ra = `rs${++n.i}_${r.table}`;
    const ja = r.join ? `rs${++n.i}_${r.join.table}` : null;
    const ref = (name: string) => sql.ref(r.join && r.join.columns.includes(name) ? `${ja}.${name}` : `${ra}.${name}`);
    const from = r.join
      ? sql`${sql.table(r.table)} as ${sql.id(ra)} join ${sql.table(r.join.table)} as ${sql.id(ja!)} on ${sql.ref(`${ja}.${r.join.on[0]}`)} = ${sql.ref(`${ra}.${r.join.on[1]}`)}`
      : sql`${sql.table(r.table)} as ${sql.id(ra)}`;
    const conds = [sql<SqlBool>`${sql.ref(`${ra}.${r.on[0]}`)} = ${sql.ref(`${alias}.${r.on[1]}`)}`, ...[...(r.where ?? []), ...c.where].map((w) => cmpSql(w, a, ref))];
    return sql<SqlBool>`${sql.raw(negate ? 'not exists' : 'exists')} (select 1 from ${from} where ${joinWith(conds, 'and', TRUE)})`;
  };
  const altsSql = (alts: Cond[][], a: Actor, alias: string, n: { i: number }) =>
    joinWith(alts.map((alt) => joinWith(alt.map((c) => condSql(c, a, alias, n)), 'and', TRUE)), 'or', FALSE);
  /** The rows outside the alternatives: for each, one of its conditions fails. */
  const outsideSql = (alts: Cond[][], a: Actor, alias: string, n: { i: number }) =>
    joinWith(alts.map((alt) => joinWith(alt.map((c) => condSql(c, a, alias, n, true)), 'or', FALSE)), 'and', TRUE);

  const scope: RowScope = {
    decl,
    verdict(actor, row) {
      if (!actor) return decl.publicReason ?? '请先登录';
      const rs = roleOf(actor);
      if (!rs) return decl.otherReason;
      if (rs.any.some((alt) => alt.every((c) => holds(c, actor, row)))) return true;
      for (const [c, why] of rs.because ?? []) if (!holds(c, actor, row)) return why;
      return rs.reason;
    },
    where(actor, alias = decl.table) {
      const rs = actor ? roleOf(actor) : undefined;
      if (!actor || !rs) return FALSE;
      return altsSql(rs.any, actor, alias, { i: 0 });
    },
    includes(actor, k) {
      const m = scope.membership(actor);
      if (typeof m === 'boolean') return m ? TRUE : FALSE;
      return sql<SqlBool>`${k} ${sql.raw(m.op)} (${m.keys})`;
    },
    membership(actor) {
      const rs = actor ? roleOf(actor) : undefined;
      if (!actor || !rs || !rs.any.length) return false;
      if (rs.any.some((alt) => alt.length === 0)) return true;
      const n = { i: 100 };
      const t = `rs${n.i}_${decl.table}`;
      const from = sql`${sql.table(decl.table)} as ${sql.id(t)}`;
      if (rs.wide) return { op: 'not in', keys: sql`select ${sql.ref(`${t}.${key}`)} from ${from} where ${outsideSql(rs.any, actor, t, n)}` };
      // Each alternative as the keys it admits, found from its relation when it has one (the unit's assignments,
      // the deputy's signatures: an index walk) rather than by testing every row of the table.
      const selects = rs.any.map((alt) => {
        const driver = alt.find((c): c is Extract<Cond, { kind: 'some' }> => c.kind === 'some' && relation(c.rel).on[1] === key);
        if (!driver) return sql`select ${sql.ref(`${t}.${key}`)} from ${from} where ${altsSql([alt], actor, t, n)}`;
        const r = relation(driver.rel);
        const ra = `rs${++n.i}_${r.table}`;
        const ja = r.join ? `rs${++n.i}_${r.join.table}` : null;
        const ref = (name: string) => sql.ref(r.join && r.join.columns.includes(name) ? `${ja}.${name}` : `${ra}.${name}`);
        const relFrom = r.join
          ? sql`${sql.table(r.table)} as ${sql.id(ra)} join ${sql.table(r.join.table)} as ${sql.id(ja!)} on ${sql.ref(`${ja}.${r.join.on[0]}`)} = ${sql.ref(`${ra}.${r.join.on[1]}`)}`
          : sql`${sql.table(r.table)} as ${sql.id(ra)}`;
        const rest = alt.filter((c) => c !== driver);
        const conds = [...[...(r.where ?? []), ...driver.where].map((w) => cmpSql(w, actor, ref))];
        const t2 = `rs${++n.i}_${decl.table}`;
        if (rest.length) conds.push(sql<SqlBool>`exists (select 1 from ${sql.table(decl.table)} as ${sql.id(t2)} where ${sql.ref(`${t2}.${key}`)} = ${sql.ref(`${ra}.${r.on[0]}`)} and ${altsSql([rest], actor, t2, n)})`);
        return sql`select ${sql.ref(`${ra}.${r.on[0]}`)} from ${relFrom} where ${joinWith(conds, 'and', TRUE)}`;
      });
      return { op: 'in', keys: sql.join(selects, sql` union `) };
    },
    keys(actor) {
      const t = `rs100_${decl.table}`;
      return sql<{ id: string }>`select ${sql.ref(`${t}.${key}`)} as id from ${sql.table(decl.table)} as ${sql.id(t)} where ${scope.where(actor, t)}`;
    },
  };
  return scope;
}
