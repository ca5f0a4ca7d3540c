import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { LEDGER_HEADERS } from './ledger-xlsx.js';
import { demoPromise, demoReplyId, ok } from './testing.js';

/**
 * One fact, entered once: a promise linked to a project, a milestone or a greening target shows, on every page
 * that shows it, what the source's own API says. Compared with the source, never with today's demo figures.
 */
describe('a linked promise and its source never disagree', () => {
  let env: TestEnv;
  let organizer: Client;
  let zone: Client;
  let gongxin: Client;
  let suggestionId: string;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-10-15T02:00:00.000Z' });
    organizer = await env.as('organizer');
    zone = await env.as('zone');
    gongxin = await env.as('gongxin');
    // The public reads No. 187's promises once its reply is published.
    await env.ctx.db.updateTable('reply').set({ publication_state: 'published' }).where('id', '=', await demoReplyId(env, 187)).execute();
    suggestionId = (await env.ctx.db.selectFrom('suggestion').select('id').where('number', '=', 187).where('is_demo', '=', 1).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await env.close(); });

  const linked = () => env.ctx.db.selectFrom('promise').select(['id', 'source_kind', 'source_id', 'project_id', 'version']).where('source_kind', 'is not', null).where('is_demo', '=', 1).execute();

  /** What the source's own API says, in promise terms. */
  async function truth(kind: string, id: string) {
    if (kind === 'greening') {
      const g = (await ok(organizer.get('/api/parklife'))).greening.find((x: any) => x.id === id);
      const done = g.achievedM2 >= g.targetM2;
      return { progress: done ? 100 : Math.min(g.percent, 100), done, achievedValue: g.achievedM2, due: undefined as string | undefined, reasonHas: null as string | null };
    }
    const projectId = kind === 'project' ? id : (await env.ctx.db.selectFrom('project_milestone').select('project_id').where('id', '=', id).executeTakeFirstOrThrow()).project_id;
    const p = await ok(organizer.get(`/api/projects/${projectId}`));
    if (kind === 'project') {
      const done = p.status === 'completed' || p.progress >= 100;
      return { progress: done ? 100 : p.progress, done, achievedValue: undefined, due: undefined, reasonHas: null };
    }
    const m = p.milestones.find((x: any) => x.id === id);
    const done = m.state === 'achieved';
    return { progress: done ? 100 : Math.min(p.progress, 99), done, doneOn: m.achievedOn, achievedValue: undefined, due: m.targetDate, reasonHas: m.state === 'overdue' ? m.name : null };
  }

  function agrees(v: any, t: Awaited<ReturnType<typeof truth>>, where: string) {
    const msg = `${where}: ${v.text}`;
    expect(v.progress, msg).toBe(t.progress);
    expect(v.status === 'done', msg).toBe(t.done);
    if ('doneOn' in t) expect(v.doneOn, msg).toBe(t.doneOn ?? null);
    if (t.due !== undefined) expect(v.due, msg).toBe(t.due);
    if (t.achievedValue !== undefined) expect(v.achievedValue, msg).toBe(t.achievedValue);
  }

  async function everyReader(promiseId: string, kind: string, sourceId: string, projectId: string | null) {
    const t = await truth(kind, sourceId);
    const detail = await ok(gongxin.get(`/api/promises/${promiseId}`));
    agrees(detail, t, 'promise detail');
    if (t.reasonHas) {
      expect(detail.clock).toBe('overdue');
      expect(detail.statusReason).toContain(t.reasonHas);
    }
    expect(detail.source.note).toContain('进度和状态取自关联的');
    const ledger = await ok(organizer.get('/api/promises?pageSize=200'));
    agrees(ledger.items.find((x: any) => x.id === promiseId), t, 'ledger');
    const pub = await ok(env.app.inject({ method: 'GET', url: `/api/public/promises/${promiseId}` }));
    agrees(pub, t, 'public promise');
    expect(pub.source.note).toContain('取自关联的');
    const pubList = await ok(env.app.inject({ method: 'GET', url: `/api/public/promises?replyId=${detail.reply.id}&pageSize=100` }));
    agrees(pubList.items.find((x: any) => x.id === promiseId), t, 'public ledger');
    if (projectId) {
      const card = await ok(organizer.get(`/api/promises?projectId=${projectId}&pageSize=100`));
      agrees(card.items.find((x: any) => x.id === promiseId), t, 'project page 相关承诺');
    }
    const sCard = await ok(organizer.get(`/api/suggestions/${suggestionId}/promises`));
    agrees(sCard.items.find((x: any) => x.id === promiseId), t, 'suggestion promise card');
    const res = await organizer.get('/api/promises/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('承诺台账')!;
    const col = (name: string) => LEDGER_HEADERS.indexOf(name as any) + 1;
    const row = Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getRow(4 + i)).find((r) => r.getCell(col('承诺内容')).value === detail.text)!;
    expect(row.getCell(col('进度（%）')).value, `xlsx: ${detail.text}`).toBe(t.progress);
    expect(row.getCell(col('状态')).value).toBe(detail.statusLabel);
    return { t, detail };
  }

  it('every linked demo promise: detail, ledger, .xlsx, public, project page, suggestion card all show the source', async () => {
    const rows = await linked();
    expect(rows.map((r) => r.source_kind).sort()).toEqual(['greening', 'milestone', 'project', 'project']);
    for (const r of rows) await everyReader(r.id, r.source_kind!, r.source_id!, r.project_id);
  });

  it('the school\'s 主体封顶 follows its milestone: met → done on its date everywhere; manual progress is refused', async () => {
    const school = await demoPromise(env, 187, '预计年底主体封顶');
    const refused = await (await env.as('jiaoyu')).post(`/api/promises/${school.id}/progress`, { version: school.version, progress: 100 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'derived_from_source' });
    expect(refused.json().message).toContain('进度来自关联的项目里程碑');
    const done = await (await env.as('jiaoyu')).post(`/api/promises/${school.id}/status`, { version: school.version, status: 'done' });
    expect(done.statusCode).toBe(409);

    // Past its date and not met (the demo was loaded on 2024-10-15, before the milestone was): a deputy
    // rates it 未兑现 on the promise as read.
    env.clock.set('2025-01-10T02:00:00.000Z');
    try {
    [organizer, zone, gongxin] = [await env.as('organizer'), await env.as('zone'), await env.as('gongxin')];
    const like = await env.as('like');
    const late = await ok(like.get(`/api/promises/${school.id}`));
    expect(late.status).not.toBe('done');
    const notKept = await ok(like.post(`/api/promises/${school.id}/ratings`, { rating: 'not_kept', promiseVersion: late.version }));
    expect(notKept.delivery.mine).toMatchObject({ rating: 'not_kept' });

    const m = await env.ctx.db.selectFrom('project_milestone').selectAll().where('id', '=', school.source_id!).executeTakeFirstOrThrow();
    const met = await zone.patch(`/api/projects/${m.project_id}/milestones/${m.id}`, { version: m.version, achievedOn: '2025-01-08' });
    expect(met.statusCode).toBe(200);
    const { detail } = await everyReader(school.id, 'milestone', m.id, m.project_id);
    expect(detail).toMatchObject({ status: 'done', doneOn: '2025-01-08', progress: 100 });
    // The source moved it to done without a write on the promise: the deputy may rate again, and it is recorded as done.
    const now = await ok(like.get(`/api/promises/${school.id}`));
    expect(now.can.rate).toBe(true);
    const kept = await ok(like.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', promiseVersion: now.version }));
    expect(kept.delivery).toMatchObject({ kept: 1, notKept: 0, setAside: 0 });
    const stored = await env.ctx.db.selectFrom('delivery_rating').select(['rating', 'promise_status']).where('promise_id', '=', school.id).orderBy('rated_at').execute();
    expect(stored.map((r) => `${r.rating}:${r.promise_status}`)).toEqual(['not_kept:in_progress', 'kept:done']);
    } finally {
      env.clock.set('2024-10-15T02:00:00.000Z');
      [organizer, zone, gongxin] = [await env.as('organizer'), await env.as('zone'), await env.as('gongxin')];
    }
  });

  it('a project progress report and a greening entry move the promise everywhere', async () => {
    const factories = await demoPromise(env, 187, '8万平方米标准化厂房');
    const before = await ok(gongxin.get(`/api/promises/${factories.id}`));
    const project = await ok(organizer.get(`/api/projects/${factories.source_id}`));
    const comp = project.components[0];
    const r = await zone.post(`/api/projects/${factories.source_id}/updates`, { componentId: comp.id, stageKey: 'main_structure', percent: 100, asOf: '2024-10-14', completesPrevious: true, note: '主体完成' });
    expect(r.statusCode).toBe(200);
    const { detail } = await everyReader(factories.id, 'project', factories.source_id!, factories.source_id);
    expect(detail.progress).toBeGreaterThan(before.progress);

    const greening = await demoPromise(env, 187, '全年不少于3.5万平米');
    const g0 = await ok(gongxin.get(`/api/promises/${greening.id}`));
    const add = await zone.post('/api/parklife/greening/2024/entries', { entryDate: '2024-10-12', areaM2: 1000, place: '测试地块', description: '补植' });
    expect(add.statusCode).toBe(200);
    const g1 = (await everyReader(greening.id, 'greening', greening.source_id!, null)).detail;
    expect(g1.achievedValue).toBe(g0.achievedValue + 1000);
  });

  it('linking and unlinking: version-checked, in the history and the audit log; unlinked keeps the last derived values', async () => {
    const utilities = await demoPromise(env, 187, '年内投入运营');
    const view = await ok(gongxin.get(`/api/promises/${utilities.id}`));
    expect((await gongxin.put(`/api/promises/${utilities.id}/source`, { version: utilities.version - 1, source: null })).statusCode).toBe(409);
    const cleared = await ok(gongxin.put(`/api/promises/${utilities.id}/source`, { version: utilities.version, source: null, note: '测试解除' }));
    expect(cleared.source).toBeNull();
    expect(cleared.progress).toBe(Math.round(view.progress));
    expect(cleared.status).toBe(view.status);
    // Kept by hand again: progress may now be entered on the promise.
    const hengtong = await env.as('hengtong');
    expect((await hengtong.post(`/api/promises/${utilities.id}/progress`, { version: cleared.version, progress: 50 })).statusCode).toBe(200);

    const options = await ok(gongxin.get(`/api/promises/${utilities.id}/source-options`));
    const heat = options.projects.find((p: any) => p.name === '米山工业园水暖电气配套工程');
    const ms = heat.milestones.find((m: any) => m.name === '投入运营');
    const cur = await demoPromise(env, 187, '年内投入运营');
    const relinked = await ok(gongxin.put(`/api/promises/${utilities.id}/source`, { version: cur.version, source: { kind: 'milestone', id: ms.id } }));
    expect(relinked.source).toMatchObject({ kind: 'milestone', name: '米山工业园水暖电气配套工程 · 投入运营' });
    await everyReader(utilities.id, 'milestone', ms.id, heat.id);
    expect((await gongxin.put(`/api/promises/${utilities.id}/source`, { version: relinked.version, source: { kind: 'greening', id: 'nope' } })).statusCode).toBe(400);
    expect((await hengtong.put(`/api/promises/${utilities.id}/source`, { version: relinked.version, source: null })).statusCode).toBe(200);

    const audit = (await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', utilities.id).orderBy('seq').execute()).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['promise.source.clear', 'promise.source.set']));
    const detail = await ok(gongxin.get(`/api/promises/${utilities.id}`));
    expect(detail.history.filter((h: any) => h.kind === 'linked').length).toBeGreaterThanOrEqual(3);
    expect(detail.history.find((h: any) => h.kind === 'linked').note).toBeNull();
  });

  it('filters and counts use the derived status: the ledger\'s 已完成 tab and a 兑现 that the source does not bear out', async () => {
    const school = await demoPromise(env, 187, '预计年底主体封顶');
    const done = await ok(organizer.get('/api/promises?status=done&pageSize=200'));
    const detail = await ok(organizer.get(`/api/promises/${school.id}`));
    expect(done.items.some((x: any) => x.id === school.id)).toBe(detail.status === 'done');
    expect(done.items.every((x: any) => x.status === 'done')).toBe(true);
    expect(done.total).toBe(done.items.length);

    // The factories: a 兑现 given while the project is not finished is shown but not counted.
    const factories = await demoPromise(env, 187, '8万平方米标准化厂房');
    const f = await ok(organizer.get(`/api/promises/${factories.id}`));
    if (f.status !== 'done') {
      const deputy = await env.ctx.db.selectFrom('deputy').select('id').where('name', '=', '李科').executeTakeFirstOrThrow();
      await env.ctx.db.insertInto('delivery_rating').values({
        id: `t-${Date.now()}`, promise_id: factories.id, suggestion_id: suggestionId, deputy_id: deputy.id, rating: 'kept', comment: null,
        promise_version: factories.version, promise_status: 'in_progress', rated_at: '2025-05-31T02:00:00.000Z', is_demo: 0,
      }).execute();
      const again = await ok(organizer.get(`/api/promises/${factories.id}`));
      expect(again.delivery).toMatchObject({ kept: 0, setAside: 1 });
      expect(again.delivery.setAsideNote).toContain('未计入');
      expect(again.ratings.find((r: any) => r.name === '李科').latest).toMatchObject({ rating: 'kept', setAside: true });
    }
  });
});
