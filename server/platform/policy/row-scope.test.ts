import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/roles.js';
import { actorOrg, actorUser, col, defineRowScope, some } from './row-scope.js';

/** A small scope over a made-up table, and random rows: the verdict and every SQL form must agree row by row. */
const scope = defineRowScope({
  table: 'doc',
  relations: {
    shares: { table: 'share', on: ['doc_id', 'id'], where: [col('revoked').is(0)], join: { table: 'person', on: ['id', 'person_id'], columns: ['user_id'] } },
  },
  roles: {
    admin: { any: [[col('state').isNot('draft')]], reason: '草稿不可见', wide: true },
    organizer: { any: [[col('state').notIn('draft', 'void')]], reason: '草稿和作废的不可见', wide: true },
    unit_staff: { any: [[col('org').is(actorOrg)], [some('shares', col('user_id').is(actorUser)), col('state').in('open', 'closed')]], reason: '不属本单位' },
    deputy: { any: [[some('shares', col('user_id').is(actorUser)), col('state').is('open')]], because: [[some('shares', col('user_id').is(actorUser)), '未与您共享']], reason: '尚未公开' },
    zone_staff: { any: [[]], reason: '—' },
    agent: { any: [], reason: '代办员不可见' },
  },
  otherReason: '无权查看',
});

const actor = (role: Actor['role'], org: string | null, userId = 'u1'): Actor => ({ userId, username: userId, displayName: userId, role, orgUnitId: org, orgUnitName: null });
const ACTORS = [actor('admin', null), actor('organizer', null), actor('unit_staff', 'o1'), actor('unit_staff', null, 'u2'), actor('deputy', null), actor('deputy', null, 'u3'), actor('zone_staff', 'o2'), actor('agent', null), actor('enterprise', 'o1')];

describe('row scope: one declaration, the same answer in memory and in SQL', () => {
  let db: Kysely<any>;
  const docs: Array<{ id: string; state: string; org: string | null }> = [];
  const shares: Array<{ id: string; doc_id: string; person_id: string; revoked: number }> = [];
  beforeAll(async () => {
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await sql`create table doc (id text primary key, state text not null, org text)`.execute(db);
    await sql`create table person (id text primary key, user_id text)`.execute(db);
    await sql`create table share (id text primary key, doc_id text, person_id text, revoked integer)`.execute(db);
    await db.insertInto('person').values([{ id: 'p1', user_id: 'u1' }, { id: 'p2', user_id: 'u2' }, { id: 'p3', user_id: null }]).execute();
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let i = 0; i < 200; i++) {
      const d = { id: `d${i}`, state: ['draft', 'open', 'closed', 'void'][rnd(4)], org: [null, 'o1', 'o2'][rnd(3)] };
      docs.push(d);
      for (let j = rnd(3); j > 0; j--) shares.push({ id: `s${i}-${j}`, doc_id: d.id, person_id: ['p1', 'p2', 'p3'][rnd(3)], revoked: rnd(2) });
    }
    await db.insertInto('doc').values(docs).execute();
    await db.insertInto('share').values(shares).execute();
  });
  afterAll(async () => { await db.destroy(); });

  const row = (d: (typeof docs)[number]) => ({
    ...d,
    shares: shares.filter((s) => s.doc_id === d.id).map((s) => ({ ...s, user_id: s.person_id === 'p1' ? 'u1' : s.person_id === 'p2' ? 'u2' : null })),
  });

  it('where(), includes() and keys() select exactly the rows the verdict admits', async () => {
    for (const a of ACTORS) {
      const want = docs.filter((d) => scope.verdict(a, row(d)) === true).map((d) => d.id).sort();
      const byWhere = (await db.selectFrom('doc').select('id').where(scope.where(a)).execute()).map((r) => r.id).sort();
      const byIncludes = (await db.selectFrom('doc as x').select('x.id').where(scope.includes(a, sql.ref('x.id'))).execute()).map((r) => r.id).sort();
      const byKeys = (await sql<{ id: string }>`${scope.keys(a)}`.execute(db)).rows.map((r) => r.id).sort();
      expect(byWhere, a.role).toEqual(want);
      expect(byIncludes, a.role).toEqual(want);
      expect(byKeys, a.role).toEqual(want);
    }
    expect(docs.filter((d) => scope.verdict(ACTORS[2], row(d)) === true).length).toBeGreaterThan(10);
  });

  it('gives the declared reasons', () => {
    const draft = row({ id: 'x', state: 'draft', org: 'o9' });
    expect(scope.verdict(null, draft)).toBe('请先登录');
    expect(scope.verdict(actor('admin', null), draft)).toBe('草稿不可见');
    expect(scope.verdict(actor('deputy', null), draft)).toBe('未与您共享');
    expect(scope.verdict(actor('deputy', null), { ...draft, shares: [{ user_id: 'u1', revoked: 0 }] })).toBe('尚未公开');
    expect(scope.verdict(actor('deputy', null), { ...draft, state: 'open', shares: [{ user_id: 'u1', revoked: 0 }] })).toBe(true);
    // A revoked share does not count; a unit without an org matches nothing.
    expect(scope.verdict(actor('deputy', null), { ...draft, state: 'open', shares: [{ user_id: 'u1', revoked: 1 }] })).toBe('未与您共享');
    expect(scope.verdict(actor('unit_staff', null), { ...draft, org: null })).toBe('不属本单位');
    expect(scope.verdict(actor('agent', null), draft)).toBe('代办员不可见');
    expect(scope.verdict(actor('enterprise', 'o1'), draft)).toBe('无权查看');
  });

  it('the same scope gives the same SQL text every time (statements are cached by it)', () => {
    const text = () => db.selectFrom('doc').select('id').where(scope.where(ACTORS[2])).compile().sql;
    expect(text()).toBe(text());
  });
});
