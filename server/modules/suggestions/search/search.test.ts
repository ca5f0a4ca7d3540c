import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, type TestEnv } from '../../../testing/harness.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../tools.fixtures.js';
import { indexSuggestion, reindexStale } from './search.indexer.js';
import { searchPage } from './search.repo.js';
import { parseQuery } from './search.text.js';
import { actorOf } from '../../documents/documents.fixtures.js';

/** A deterministic pseudo-random sequence, so a failure can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = [...'公交车站线路户籍学校园区开发企业职工'];
const SEPARATORS = ['，', '。', ' ', '、', 'A', '5', '\n'];

function randomText(r: () => number, len: number) {
  let out = '';
  for (let i = 0; i < len; i++) out += r() < 0.12 ? SEPARATORS[Math.floor(r() * SEPARATORS.length)] : ALPHABET[Math.floor(r() * ALPHABET.length)];
  return out;
}

describe('full-text search', () => {
  let env: TestEnv;
  let sessionId: string;
  let other: string;
  beforeAll(async () => {
    env = await createTestEnv();
    ({ sessionId } = await fixtureSession(env.ctx));
    ({ sessionId: other } = await fixtureSession(env.ctx));
  });
  afterAll(async () => { await env.close(); });

  async function allIds(client: Awaited<ReturnType<TestEnv['as']>>, q: string, session: string) {
    const ids: string[] = [];
    for (let page = 1; page < 100; page++) {
      const res = await client.get(`/api/suggestions/search?q=${encodeURIComponent(q)}&sessionId=${session}&page=${page}&pageSize=50`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      ids.push(...body.items.map((i: { suggestionId: string }) => i.suggestionId));
      if (ids.length >= body.total) break;
    }
    return ids.sort();
  }

  it('finds exactly the suggestions LIKE finds, for two- and three-character queries and one character', async () => {
    const r = rng(187);
    const lead = await fixtureDeputy(env.ctx, { name: '测试代表甲' });
    for (let i = 0; i < 160; i++) {
      await fixtureSuggestion(env.ctx, { sessionId: other, number: i + 1, title: `关于${randomText(r, 6)}的建议`, body: randomText(r, 20 + Math.floor(r() * 60)), leadDeputyId: lead, leadUnit: '工信局' });
    }
    const organizer = await env.as('organizer');
    for (const q of ['公交', '户籍', '交车', '学校', '园区', '公交车', '车站线', '企业职', '职工', '公']) {
      const expected = (await sql<{ id: string }>`select id from suggestion where session_id = ${other} and (title like ${`%${q}%`} or body like ${`%${q}%`})`.execute(env.ctx.db)).rows.map((x) => x.id).sort();
      const got = await allIds(organizer, q, other);
      expect(got, `query ${q}`).toEqual(expected);
      expect(expected.length, `query ${q} should find something`).toBeGreaterThan(0);
    }
  });

  it('pages walk the documents newest first: any batch size gives the same pages and totals', async () => {
    // The sample session's suggestions have replies too (several documents per suggestion), so a walk in
    // small batches has to continue across a suggestion's documents.
    for (const q of ['建议', '公交', '公']) {
      const m = { chunks: parseQuery(q), viewer: await actorOf(env, 'organizer') };
      const whole = await searchPage(env.ctx.db, env.ctx.dialect, m, 1, 500);
      expect(whole.total, q).toBe(whole.keys.length);
      expect(whole.total, q).toBeGreaterThan(3);
      expect([...whole.keys].sort((a, b) => b - a)).toEqual(whole.keys);
      for (const size of [1, 2, 3]) {
        for (let page = 1; page <= Math.min(12, Math.ceil(whole.total / size)); page++) {
          const one = await searchPage(env.ctx.db, env.ctx.dialect, m, page, size, { firstBatch: 1 });
          const dflt = await searchPage(env.ctx.db, env.ctx.dialect, m, page, size);
          expect(one.keys, `${q} page ${page}/${size}`).toEqual(whole.keys.slice((page - 1) * size, page * size));
          expect(dflt.keys).toEqual(one.keys);
          expect(one.total).toBe(whole.total);
          expect(dflt.total).toBe(whole.total);
        }
      }
    }
  });

  it('a phrase never matches across punctuation: 公交，交车 is not 公交车', async () => {
    const lead = await fixtureDeputy(env.ctx, { name: '测试代表乙' });
    const s = await fixtureSuggestion(env.ctx, { sessionId, title: '关于城区道路的建议', body: '公交，交车问题需要研究解决', leadDeputyId: lead, leadUnit: '工信局' });
    const organizer = await env.as('organizer');
    const res = await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('公交车')}&sessionId=${sessionId}`);
    expect(res.json().items.map((i: { suggestionId: string }) => i.suggestionId)).not.toContain(s.id);
    const two = await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('交车')}&sessionId=${sessionId}`);
    expect(two.json().items.map((i: { suggestionId: string }) => i.suggestionId)).toContain(s.id);
  });

  it('the workflow indexes as it writes: a registered suggestion is found at once, an edit too', async () => {
    const organizer = await env.as('organizer');
    const lead = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
    const created = await organizer.post('/api/suggestions', { sessionId, title: '关于开通园区通勤班车的建议', body: '建议开通城区至米山工业园的职工通勤班车，方便上下班。', category: '交通运输', leadDeputyId: lead });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const found = await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('通勤班车')}&sessionId=${sessionId}`);
    expect(found.json().items.map((i: { suggestionId: string }) => i.suggestionId)).toEqual([id]);
    const edited = await organizer.patch(`/api/suggestions/${id}`, { version: created.json().version, body: '建议开通城区至米山工业园的职工夜间班车。' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('通勤')}&sessionId=${sessionId}`)).json().items.map((i: { suggestionId: string }) => i.suggestionId)).toEqual([id]);
    expect((await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('夜间班车')}&sessionId=${sessionId}`)).json().items.map((i: { suggestionId: string }) => i.suggestionId)).toEqual([id]);
  });

  it('the demo data is indexed, and No. 187 is found by its reply text', async () => {
    const res = await (await env.as('organizer')).get(`/api/suggestions/search?q=${encodeURIComponent('职工餐厅')}`);
    expect(res.json().items.map((i: { number: number }) => i.number)).toContain(187);
  });

  it('a query mixing digits and a lone character is matched as typed (5路 finds 5路公交车)', async () => {
    const lead = await fixtureDeputy(env.ctx, { name: '测试代表戊' });
    const s = await fixtureSuggestion(env.ctx, { sessionId, title: '关于调整公交班次的建议', body: '建议5路公交车延长运营时间。', leadDeputyId: lead, leadUnit: '交通运输局' });
    const organizer = await env.as('organizer');
    for (const q of ['5路', '5路公交', '路公交车']) {
      const res = await organizer.get(`/api/suggestions/search?q=${encodeURIComponent(q)}&sessionId=${sessionId}`);
      expect(res.json().items.map((i: { suggestionId: string }) => i.suggestionId), q).toContain(s.id);
    }
  });

  describe('row scope and snippets', () => {
    let gxOwn: string; let jyOnly: string; let draftOnly: string;
    beforeAll(async () => {
      const gao = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
      const like = await fixtureDeputy(env.ctx, { username: 'like' });
      const other1 = await fixtureDeputy(env.ctx, { name: '测试代表丙' });
      gxOwn = (await fixtureSuggestion(env.ctx, {
        sessionId, number: 901, title: '关于优化园区户籍服务的建议', body: '入驻企业人员户籍管理不畅，建议设立服务窗口。', leadDeputyId: gao, coDeputyIds: [like],
        leadUnit: '工信局', coUnits: ['恒通集团'],
        replies: [{ state: 'submitted', docNumber: '高工信发〔2024〕91号', points: [{ heading: '关于户籍', text: '我们将与民政局、公安局沟通，提供优质高效的户籍服务。' }] }],
      })).id;
      jyOnly = (await fixtureSuggestion(env.ctx, {
        sessionId, number: 902, title: '关于新建学校的建议', body: '开发区教育资源匮乏，职工子女户籍入学难。', leadDeputyId: other1, leadUnit: '教育局',
      })).id;
      draftOnly = (await fixtureSuggestion(env.ctx, {
        sessionId, number: 903, title: '关于园区绿化的建议', body: '园区裸露土地较多。', leadDeputyId: gao, leadUnit: '工信局',
        replies: [{ state: 'draft', points: [{ text: '拟增植补绿，打造花海景观。' }] }],
      })).id;
    });

    const ids = (res: { json(): { items: Array<{ suggestionId: string }> } }) => res.json().items.map((i) => i.suggestionId);

    it('organizer finds everything; units only their own; deputies only their own', async () => {
      const q = `/api/suggestions/search?q=${encodeURIComponent('户籍')}&sessionId=${sessionId}`;
      expect(ids(await (await env.as('organizer')).get(q))).toEqual(expect.arrayContaining([gxOwn, jyOnly]));
      const gx = ids(await (await env.as('gongxin')).get(q));
      expect(gx).toContain(gxOwn);
      expect(gx).not.toContain(jyOnly);
      const jy = ids(await (await env.as('jiaoyu')).get(q));
      expect(jy).toContain(jyOnly);
      expect(jy).not.toContain(gxOwn);
      const ht = ids(await (await env.as('hengtong')).get(q));
      expect(ht).toContain(gxOwn); // a co-unit reads it
      expect(ids(await (await env.as('like')).get(q))).toEqual([gxOwn]);
      expect(ids(await (await env.as('duxiaolin')).get(q))).toEqual([]);
      expect(ids(await (await env.as('kangshuo')).get(q))).toEqual([]);
    });

    it('a draft reply is found by its unit and the organizer, never by a deputy', async () => {
      const q = `/api/suggestions/search?q=${encodeURIComponent('花海')}&sessionId=${sessionId}`;
      const gx = await (await env.as('gongxin')).get(q);
      expect(ids(gx)).toEqual([draftOnly]);
      expect(gx.json().items[0].hits[0].label).toContain('草稿');
      expect(ids(await (await env.as('organizer')).get(q))).toEqual([draftOnly]);
      expect(ids(await (await env.as('gaoyipeng')).get(q))).toEqual([]);
    });

    it('marks the matched text in snippets of the body and of reply points', async () => {
      const res = await (await env.as('gongxin')).get(`/api/suggestions/search?q=${encodeURIComponent('户籍服务')}&sessionId=${sessionId}`);
      const item = res.json().items.find((i: { suggestionId: string }) => i.suggestionId === gxOwn);
      expect(item.titleSegments).toEqual([{ text: '关于优化园区', mark: false }, { text: '户籍服务', mark: true }, { text: '的建议', mark: false }]);
      const replyHit = item.hits.find((h: { kind: string }) => h.kind === 'reply');
      expect(replyHit.label).toBe('第1轮答复 · 第一点');
      expect(replyHit.segments.filter((s: { mark: boolean }) => s.mark).map((s: { text: string }) => s.text)).toEqual(['户籍服务']);
      expect(item.state).toBe('in_progress');
      expect(item.stateLabel).toBe('办理中');
    });

    it('finds by document number and pages the results', async () => {
      const organizer = await env.as('organizer');
      const byDoc = await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('高工信发〔2024〕91号')}`);
      expect(ids(byDoc)).toEqual([gxOwn]);
      const p1 = (await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('建议')}&sessionId=${sessionId}&pageSize=2&page=1`)).json();
      const p2 = (await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('建议')}&sessionId=${sessionId}&pageSize=2&page=2`)).json();
      expect(p1.total).toBeGreaterThanOrEqual(4);
      expect(p1.items).toHaveLength(2);
      expect(p2.items).toHaveLength(2);
      expect(new Set([...p1.items, ...p2.items].map((i: { suggestionId: string }) => i.suggestionId)).size).toBe(4);
    });

    it('refuses an empty query in Chinese and asks the public to log in', async () => {
      const res = await (await env.as('organizer')).get(`/api/suggestions/search?q=${encodeURIComponent('，。')}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('请输入');
      expect((await env.anon().get('/api/suggestions/search?q=abc')).statusCode).toBe(401);
    });

    it('the periodic reindex catches changes made without the hook', async () => {
      const organizer = await env.as('organizer');
      const later = new Date(Date.parse(env.clock.nowIso()) + 60_000).toISOString();
      await env.ctx.db.updateTable('suggestion').set({ body: '建议增开至米山镇的夜班线路。', updated_at: later }).where('id', '=', jyOnly).execute();
      const q = `/api/suggestions/search?q=${encodeURIComponent('夜班')}&sessionId=${sessionId}`;
      expect(ids(await organizer.get(q))).toEqual([]);
      expect(await reindexStale(env.ctx.db)).toBeGreaterThanOrEqual(1);
      expect(ids(await organizer.get(q))).toEqual([jyOnly]);
      expect(await reindexStale(env.ctx.db)).toBe(0);
      const s = await env.ctx.db.selectFrom('suggestion').select('search_text').where('id', '=', jyOnly).executeTakeFirstOrThrow();
      expect(s.search_text).toContain('夜班');
    });

    it('keeps term frequencies in step when a text changes', async () => {
      const df = async (t: string) => Number((await env.ctx.db.selectFrom('suggestion_term').select('df').where('term', '=', t).executeTakeFirst())?.df ?? 0);
      const before = await df('夜班');
      await env.ctx.db.updateTable('suggestion').set({ body: '建议增开公交线路。' }).where('id', '=', jyOnly).execute();
      await env.ctx.db.transaction().execute((tx) => indexSuggestion(tx, jyOnly));
      expect(await df('夜班')).toBe(before - 1);
      await env.ctx.db.transaction().execute((tx) => indexSuggestion(tx, jyOnly));
      expect(await df('夜班')).toBe(before - 1);
    });
  });
});
