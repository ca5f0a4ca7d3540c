import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from './testing/harness.js';
import { EVERYONE, type Who } from './testing/permission-case.js';
import { newId } from './platform/ids.js';

/**
 * Row scope is decided once: for every demo account and the public, every reader of suggestions, replies and
 * promises (list with filters, search, similar, export, statistics, dashboard, the promise endpoints) returns
 * a row as an insider iff the detail endpoint lets that viewer read it.
 */
const name = (w: Who) => w ?? '公众';
const HAN2 = /\p{Script=Han}{2}/gu;
/** Two-character words of a title, without the frame every title has (关于……的建议). */
const wordsOf = (title: string) => [...title.replace(/^关于/, '').replace(/的?(建议|提案|意见|议案)$/, '').matchAll(HAN2)].map((m) => m[0]);

describe('row scope: every reader agrees with the detail endpoint', () => {
  let env: TestEnv;
  const clients = new Map<Who, Client>();
  let suggestions: Array<{ id: string; title: string; body: string; state: string; assigned_on: string | null; lead_unit_id: string | null; published: boolean }>;
  /** Who reads which suggestion, by the detail endpoint. */
  const readable = new Map<Who, Set<string>>();
  const detailStatus = new Map<string, { status: number; message?: string }>();
  /** Replies shown on the suggestion page, per viewer. */
  const repliesSeen = new Map<Who, Set<string>>();
  let laterSession: string;

  beforeAll(async () => {
    env = await createTestEnv();
    for (const who of EVERYONE) clients.set(who, who ? await env.as(who) : env.anon());
    const rows = await env.ctx.db.selectFrom('suggestion').select(['id', 'title', 'body', 'state', 'assigned_on', 'lead_unit_id']).execute();
    const published = new Set((await env.ctx.db.selectFrom('reply').select('suggestion_id').where('publication_state', '=', 'published').where('state', '=', 'submitted').execute()).map((r) => r.suggestion_id));
    suggestions = rows.map((r) => ({ ...r, published: published.has(r.id) }));
    expect(suggestions.some((s) => s.state === 'draft'), 'the demo holds a deputy\'s draft').toBe(true);
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const mine = new Set<string>();
      const replies = new Set<string>();
      for (const s of suggestions) {
        const res = await c.get(`/api/suggestions/${s.id}`);
        expect([200, 401, 403], `${name(who)} GET /api/suggestions/${s.id}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        detailStatus.set(`${name(who)}|${s.id}`, { status: res.statusCode, message: res.statusCode === 200 ? undefined : res.json().message });
        if (res.statusCode === 200) {
          mine.add(s.id);
          for (const r of res.json().replies ?? []) replies.add(r.id);
        }
      }
      readable.set(who, mine);
      repliesSeen.set(who, replies);
    }
    // A session after every demo session: for its drafts, every demo suggestion is an earlier one (往届).
    const rs = await env.ctx.db.selectFrom('congress_session').select('rule_set_id').executeTakeFirstOrThrow();
    laterSession = newId();
    const now = env.ctx.clock.nowIso();
    await env.ctx.db.insertInto('congress_session').values({
      id: laterSession, body: '人大', term: '九', meeting: '一', short_name: '九届一次', full_name: '范围测试会议', starts_on: '2099-01-10', ends_on: '2099-01-13',
      rule_set_id: rs.rule_set_id, is_demo: 0, version: 1, created_at: now, updated_at: now,
    }).execute();
  }, 600_000);
  afterAll(async () => { await env.close(); });

  it('the demo gives every kind of verdict', () => {
    expect(readable.get('organizer')!.size).toBeGreaterThan(0);
    expect(readable.get('gaoyipeng')!.size).toBeLessThan(suggestions.length);
    expect(readable.get(null)!.size).toBe(0);
    const draft = suggestions.find((s) => s.state === 'draft')!;
    expect(detailStatus.get(`organizer|${draft.id}`)).toMatchObject({ status: 403, message: '该建议尚未提交，交办方暂不可见' });
  });

  it('list: every page, with and without filters', async () => {
    const sessions = (await env.ctx.db.selectFrom('congress_session').select('id').execute()).map((s) => s.id);
    const states = [...new Set(suggestions.map((s) => s.state))];
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const all = async (query: string) => {
        const out: string[] = [];
        for (let page = 1; ; page++) {
          const res = await c.get(`/api/suggestions?pageSize=100&page=${page}${query}`);
          if (res.statusCode === 401 || res.statusCode === 403) return out;
          expect(res.statusCode, `${name(who)} list ${query}: ${res.body.slice(0, 200)}`).toBe(200);
          out.push(...res.json().items.map((i: { id: string }) => i.id));
          if (res.json().items.length < 100) return out;
        }
      };
      const want = [...readable.get(who)!].sort();
      expect((await all('')).sort(), `${name(who)} list`).toEqual(want);
      const bySession = (await Promise.all(sessions.map((id) => all(`&sessionId=${id}`)))).flat();
      expect(bySession.sort(), `${name(who)} list by session`).toEqual(want);
      const byState = (await Promise.all(states.map((st) => all(`&state=${st}`)))).flat();
      expect(byState.sort(), `${name(who)} list by state`).toEqual(want);
      for (const s of suggestions) {
        const w = wordsOf(s.title)[0];
        if (!w) continue;
        const found = await all(`&q=${encodeURIComponent(w)}`);
        expect(found.includes(s.id), `${name(who)} list q=${w} → ${s.title}`).toBe(readable.get(who)!.has(s.id));
      }
    }
  }, 600_000);

  it('search: a word of each title finds the suggestion as an insider iff its detail is readable', async () => {
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      for (const s of suggestions) {
        for (const w of wordsOf(s.title).slice(0, 2)) {
          const res = await c.get(`/api/suggestions/search?q=${encodeURIComponent(w)}&pageSize=50`);
          if (who === null) { expect(res.statusCode).toBe(401); continue; }
          expect(res.statusCode, `${name(who)} search ${w}: ${res.body.slice(0, 200)}`).toBe(200);
          for (const item of res.json().items) {
            const mayRead = readable.get(who)!.has(item.suggestionId);
            const pub = suggestions.find((x) => x.id === item.suggestionId)!.published;
            // An insider's hit only for readable suggestions; anything else only through its published reply.
            expect(item.access === 'internal', `${name(who)} search ${w} → ${item.title}`).toBe(mayRead);
            if (!mayRead) {
              expect(pub, `${name(who)} search ${w} lists ${item.title} without a published reply`).toBe(true);
              expect(item.hits.every((h: { kind: string }) => h.kind === 'published'), `${name(who)} search ${w} → ${item.title}`).toBe(true);
            }
          }
          if (res.json().total <= 50) {
            const listed = res.json().items.some((i: { suggestionId: string; access: string }) => i.suggestionId === s.id && i.access === 'internal');
            expect(listed, `${name(who)} search ${w} → ${s.title} (${s.state})`).toBe(readable.get(who)!.has(s.id));
          }
        }
      }
    }
  }, 600_000);

  it('similar earlier suggestions: its own text finds a suggestion iff it is readable or published', async () => {
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      for (const s of suggestions) {
        const res = await c.post('/api/suggestions/similar', { title: s.title, body: s.body.slice(0, 2000), sessionId: laterSession, limit: 20 });
        if (res.statusCode === 401 || res.statusCode === 403) {
          expect(['zone', 'agent', 'kangshuo', null]).toContain(who);
          continue;
        }
        expect(res.statusCode, `${name(who)} similar ${s.title}: ${res.body.slice(0, 200)}`).toBe(200);
        const items = res.json().items as Array<{ suggestionId: string; access: string; title: string }>;
        for (const item of items) {
          const mayRead = readable.get(who)!.has(item.suggestionId);
          expect(item.access === 'internal', `${name(who)} similar → ${item.title}`).toBe(mayRead);
          if (!mayRead) expect(suggestions.find((x) => x.id === item.suggestionId)!.published, `${name(who)} similar → ${item.title}`).toBe(true);
        }
        const self = items.find((i) => i.suggestionId === s.id);
        expect(!!self, `${name(who)} similar finds ${s.title} (${s.state})`).toBe(readable.get(who)!.has(s.id) || s.published);
      }
      // The current session is not 往届: without a later session, its suggestions are not listed.
    }
  }, 600_000);

  it('export: the spreadsheet holds exactly the readable suggestions', async () => {
    for (const who of EVERYONE) {
      const res = await clients.get(who)!.get('/api/suggestions/export.xlsx');
      if (res.statusCode === 401 || res.statusCode === 403) {
        expect(readable.get(who)!.size, `${name(who)} is refused the export but reads suggestions`).toBe(0);
        continue;
      }
      expect(res.statusCode, `${name(who)} export: ${res.body.slice(0, 200)}`).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('建议')!;
      let col = 0; let header = 0;
      ws.eachRow((row, i) => { row.eachCell((cell, j) => { if (!header && cell.value === '标题') { header = i; col = j; } }); });
      const titles: string[] = [];
      ws.eachRow((row, i) => { if (i > header) titles.push(String(row.getCell(col).value)); });
      const want = suggestions.filter((s) => readable.get(who)!.has(s.id)).map((s) => s.title).sort();
      expect(titles.sort(), `${name(who)} export`).toEqual(want);
    }
  }, 600_000);

  it('statistics and dashboard count only readable suggestions', async () => {
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const mine = suggestions.filter((s) => readable.get(who)!.has(s.id));
      const stats = await c.get('/api/suggestions/stats');
      if (stats.statusCode === 200) {
        const r = stats.json();
        if (r.scope === 'all') {
          expect(r.total.assigned, `${name(who)} stats total`).toBe(mine.filter((s) => s.assigned_on && s.lead_unit_id).length);
        } else {
          for (const u of r.units) expect(u.assigned, `${name(who)} stats of ${u.unitName}`).toBe(mine.filter((s) => s.assigned_on && s.lead_unit_id === u.unitId).length);
        }
      } else {
        expect([401, 403]).toContain(stats.statusCode);
      }
      const dash = await c.get('/api/suggestions-dashboard');
      if (dash.statusCode === 200) {
        expect(dash.json().total, `${name(who)} dashboard total`).toBe(mine.length);
        for (const x of [...dash.json().overdue, ...dash.json().dueSoon]) expect(readable.get(who)!.has(x.id)).toBe(true);
      } else {
        expect([401, 403]).toContain(dash.statusCode);
      }
    }
  }, 600_000);

  it('a suggestion\'s promises: 404 when it does not exist, else the detail\'s verdict', async () => {
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const missing = await c.get(`/api/suggestions/${newId()}/promises`);
      expect(missing.statusCode, `${name(who)} promises of a missing suggestion`).toBe(who === null ? 401 : ['agent', 'kangshuo'].includes(who) ? 403 : 404);
      for (const s of suggestions) {
        const res = await c.get(`/api/suggestions/${s.id}/promises`);
        const d = detailStatus.get(`${name(who)}|${s.id}`)!;
        expect(res.statusCode, `${name(who)} promises of ${s.title}: ${res.body.slice(0, 200)}`).toBe(d.status);
        // Those with a ledger are refused with the suggestion's own reason.
        if (d.status === 403 && !['agent', 'kangshuo'].includes(who!)) expect(res.json().message).toBe(d.message);
      }
    }
  }, 600_000);

  it('a reply\'s promises: readable with the reply (drafts only for insiders), or by the staff of its promises\' owners', async () => {
    const replies = await env.ctx.db.selectFrom('reply').select(['id', 'suggestion_id', 'state']).execute();
    const owners = await env.ctx.db.selectFrom('promise').select(['reply_id', 'owner_org_id']).where('discarded', '=', 0).execute();
    const users = await env.ctx.db.selectFrom('app_user').select(['username', 'role', 'org_unit_id']).execute();
    expect(replies.some((r) => r.state === 'draft')).toBe(true);
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const u = users.find((x) => x.username === who);
      const missing = await c.get(`/api/replies/${newId()}/promises`);
      expect(missing.statusCode).toBe(who === null ? 401 : 404);
      for (const r of replies) {
        const owner = !!u && ['unit_staff', 'zone_staff'].includes(u.role) && owners.some((o) => o.reply_id === r.id && o.owner_org_id === u.org_unit_id);
        const res = await c.get(`/api/replies/${r.id}/promises`);
        expect([200, 401, 403], `${name(who)} reply promises: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expect(res.statusCode === 200, `${name(who)} reply ${r.id} (${r.state}) promises`).toBe(repliesSeen.get(who)!.has(r.id) || owner);
      }
    }
  }, 600_000);

  it('promises: the ledger lists exactly those whose detail is readable', async () => {
    const promises = await env.ctx.db.selectFrom('promise').select(['id', 'discarded']).execute();
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const ok = new Set<string>();
      for (const p of promises) {
        const res = await c.get(`/api/promises/${p.id}`);
        expect([200, 401, 403], `${name(who)} promise ${p.id}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        if (res.statusCode === 200 && !p.discarded) ok.add(p.id);
      }
      const listed: string[] = [];
      for (let page = 1; ; page++) {
        const res = await c.get(`/api/promises?review=all&pageSize=200&page=${page}`);
        if (res.statusCode === 401 || res.statusCode === 403) break;
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        listed.push(...res.json().items.map((i: { id: string }) => i.id));
        if (res.json().items.length < 200) break;
      }
      expect(listed.sort(), `${name(who)} ledger`).toEqual([...ok].sort());
    }
  }, 600_000);
});
