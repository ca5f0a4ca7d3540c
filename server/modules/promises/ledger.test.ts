import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { FACTORY_NAME, SCHOOL_NAME, UTILITIES_NAME } from '../projects/projects.demo.js';
import { LEDGER_HEADERS } from './ledger-xlsx.js';
import { ok } from './testing.js';
import { fixtureSession } from '../suggestions/tools.fixtures.js';

describe('the promise ledger: views, combined filters, row scope and the .xlsx export', () => {
  let env: TestEnv;
  let organizer: Client;
  let hengtong: Client;
  let jiaoyu: Client;
  let zone: Client;
  let gao: Client;
  let all: any;
  const orgId = async (short: string) => (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', short).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    // 2024-12-10: the transfer done, the greening, school and utilities due within 30 days, the 下一步 ones open-ended.
    env = await createTestEnv({ now: '2024-12-10T02:00:00.000Z' });
    [organizer, hengtong, jiaoyu, zone, gao] = await Promise.all(['organizer', 'hengtong', 'jiaoyu', 'zone', 'gaoyipeng'].map((u) => env.as(u)));
    all = await ok(organizer.get('/api/promises?pageSize=200'));
  });
  afterAll(async () => { await env.close(); });

  it('the organizer sees every confirmed promise, ordered by date, open-ended last', () => {
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(10);
    expect(all.items.every((p: any) => p.confirmed && !p.discarded)).toBe(true);
    const dues = all.items.map((p: any) => p.due);
    const firstNull = dues.indexOf(null);
    expect(dues.slice(firstNull).every((d: any) => d === null)).toBe(true);
    const dated = dues.slice(0, firstNull);
    expect([...dated].sort()).toEqual(dated);
    expect(all.filters.units.map((u: any) => u.name)).toEqual(expect.arrayContaining(['恒通集团', '高平市教育局', '高平经济技术开发区管委会']));
    // On 2024-12-10 the demo's suggestions of the year (No. 45 …) are in 七届六次 with No. 187.
    expect(all.filters.sessions.length).toBeGreaterThanOrEqual(1);
  });

  it('filters combine: unit × status, session, overdue, due in the next 30 days, keyword', async () => {
    const ht = await orgId('恒通集团');
    const byUnit = await ok(organizer.get(`/api/promises?unitId=${ht}&pageSize=200`));
    expect(byUnit.items.length).toBeGreaterThan(0);
    expect(byUnit.items.every((p: any) => p.owner.name === '恒通集团')).toBe(true);
    const unitDone = await ok(organizer.get(`/api/promises?unitId=${ht}&status=in_progress&pageSize=200`));
    expect(unitDone.items.length).toBeGreaterThan(0);
    expect(unitDone.items.every((p: any) => p.owner.name === '恒通集团' && p.status === 'in_progress')).toBe(true);
    const two = await ok(organizer.get('/api/promises?status=done,in_progress&pageSize=200'));
    expect(two.items.every((p: any) => ['done', 'in_progress'].includes(p.status))).toBe(true);
    expect(new Set(two.items.map((p: any) => p.status)).size).toBe(2);
    // Done promises exist (the transfer), but none of 恒通集团's yet: the two filters combine.
    expect((await ok(organizer.get('/api/promises?status=done'))).total).toBeGreaterThan(0);
    expect((await ok(organizer.get(`/api/promises?unitId=${ht}&status=done`))).total).toBe(0);
    const session = all.items.find((p: any) => p.suggestion.number === 187).suggestion.sessionId;
    const bySession = await ok(organizer.get(`/api/promises?sessionId=${session}&pageSize=200`));
    expect(bySession.items.every((p: any) => p.suggestion.sessionId === session)).toBe(true);
    expect(bySession.items.length).toBeGreaterThan(0);
    const other = await fixtureSession(env.ctx);
    expect((await ok(organizer.get(`/api/promises?sessionId=${other}&pageSize=200`))).items).toEqual([]);

    const soon = await ok(organizer.get('/api/promises?dueSoon=1&pageSize=200'));
    expect(soon.items.length).toBeGreaterThan(0);
    for (const p of soon.items) {
      expect(p.due >= '2024-12-10' && p.due <= '2025-01-09').toBe(true);
      expect(['done', 'dropped']).not.toContain(p.status);
    }
    expect(soon.counts.dueSoon).toBe(soon.items.length);
    const soonHt = await ok(organizer.get(`/api/promises?dueSoon=1&unitId=${ht}&pageSize=200`));
    expect(soonHt.items.every((p: any) => p.owner.name === '恒通集团')).toBe(true);

    expect((await ok(organizer.get('/api/promises?overdue=1'))).total).toBe(0);
    // Nothing is stored: a few days after the year end, the year's open promises are overdue.
    env.clock.set('2025-01-05T02:00:00.000Z');
    try {
      const later = await env.as('organizer');
      const overdue = await ok(later.get('/api/promises?overdue=1&pageSize=200'));
      expect(overdue.items.length).toBeGreaterThanOrEqual(3);
      for (const p of overdue.items) expect(p).toMatchObject({ clock: 'overdue', due: '2024-12-31' });
      expect(overdue.items.map((p: any) => p.suggestion.number)).toEqual(expect.arrayContaining([187, 45]));
      const htOverdue = await ok(later.get(`/api/promises?overdue=1&unitId=${ht}&pageSize=200`));
      expect(htOverdue.items.length).toBeLessThan(overdue.items.length);
      expect(htOverdue.items.every((p: any) => p.owner.name === '恒通集团')).toBe(true);
    } finally {
      env.clock.set('2024-12-10T02:00:00.000Z');
    }

    const kw = await ok(organizer.get(`/api/promises?q=${encodeURIComponent('绿化')}&pageSize=200`));
    expect(kw.items.length).toBeGreaterThan(0);
    expect(kw.items.every((p: any) => p.text.includes('绿化') || p.suggestion.title.includes('绿化'))).toBe(true);
    const open = await ok(organizer.get('/api/promises?openEnded=1&pageSize=200'));
    expect(open.items.every((p: any) => p.due === null && p.clock === 'open_ended')).toBe(true);
    const bad = await organizer.get('/api/promises?status=finished');
    expect(bad.statusCode).toBe(400);
  });

  it('summaries by unit, by session and by status count the same promises', async () => {
    for (const groupBy of ['unit', 'session', 'status']) {
      const s = await ok(organizer.get(`/api/promises/summary?groupBy=${groupBy}`));
      expect(s.groups.reduce((n: number, g: any) => n + g.total, 0)).toBe(all.total);
    }
    const byStatus = await ok(organizer.get('/api/promises/summary?groupBy=status'));
    expect(byStatus.groups.map((g: any) => g.key)).toEqual(expect.arrayContaining(['done', 'in_progress']));
    const done = byStatus.groups.find((g: any) => g.key === 'done');
    expect(done).toMatchObject({ name: '已完成', doneRate: 100 });
    const byUnit = await ok(organizer.get('/api/promises/summary?groupBy=unit'));
    const ht = byUnit.groups.find((g: any) => g.name === '恒通集团');
    expect(ht.total).toBeGreaterThanOrEqual(3);
    const zoneGroup = byUnit.groups.find((g: any) => g.name === '高平经济技术开发区管委会');
    expect(zoneGroup.kept).toBe(2); // the 163 亩 transfer, rated 兑现 by two deputies
  });

  it('row scope: a unit its own and its replies\'; the zone its own plus every confirmed one; a deputy their own suggestions\'', async () => {
    const ht = await ok(hengtong.get('/api/promises?pageSize=200'));
    expect(ht.items.every((p: any) => p.owner.name === '恒通集团' || p.reply.unitName === '恒通集团')).toBe(true);
    const jy = await ok(jiaoyu.get('/api/promises?pageSize=200'));
    expect(jy.items.every((p: any) => p.owner.name === '高平市教育局')).toBe(true);
    expect(jy.items.length).toBeGreaterThanOrEqual(1);
    const z = await ok(zone.get('/api/promises?pageSize=200'));
    expect(z.total).toBe(all.total);
    const zp = await ok(zone.get('/api/promises?review=proposed&pageSize=200'));
    expect(zp.items.every((p: any) => p.owner.name === '高平经济技术开发区管委会')).toBe(true);
    const g = await ok(gao.get('/api/promises?pageSize=200'));
    expect(g.items.length).toBeGreaterThan(0);
    expect(g.items.every((p: any) => [187, 45].includes(p.suggestion.number))).toBe(true); // he leads 187, co-signs 45
    const gp = await ok(gao.get('/api/promises?review=proposed'));
    expect(gp.items).toEqual([]);
    const agent = await env.as('agent');
    expect((await agent.get('/api/promises')).statusCode).toBe(403);
    expect((await env.anon().get('/api/promises')).statusCode).toBe(401);
  });

  it('the promises of one project (the project page\'s 相关承诺), within the reader\'s row scope', async () => {
    const project = async (name: string) => (await env.ctx.db.selectFrom('project').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const [school, factory, utilities] = await Promise.all([project(SCHOOL_NAME), project(FACTORY_NAME), project(UTILITIES_NAME)]);
    const ofSchool = await ok(zone.get(`/api/promises?projectId=${school}`));
    expect(ofSchool.items).toHaveLength(1);
    expect(ofSchool.items[0]).toMatchObject({
      text: '高平市第十中学校项目年底主体封顶', project: { id: school, name: SCHOOL_NAME }, owner: { name: '高平市教育局' }, due: '2024-12-31', suggestion: { number: 187 },
    });
    expect((await ok(jiaoyu.get(`/api/promises?projectId=${school}`))).items.map((p: any) => p.id)).toEqual([ofSchool.items[0].id]);
    // 恒通集团 neither owns the school's promise nor wrote the reply.
    expect((await ok(hengtong.get(`/api/promises?projectId=${school}`))).total).toBe(0);
    const ofUtilities = await ok(hengtong.get(`/api/promises?projectId=${utilities}`));
    expect(ofUtilities.items.map((p: any) => p.owner.name)).toEqual(['恒通集团']);
    expect((await ok(organizer.get(`/api/promises?projectId=${factory}`))).items).toMatchObject([{ openEnded: true, status: 'in_progress', project: { id: factory } }]);
    expect((await ok(organizer.get('/api/promises?projectId=no-such-project'))).total).toBe(0);
  });

  it('exports the filtered ledger to .xlsx with Chinese headers, one row per promise', async () => {
    const ht = await orgId('恒通集团');
    const res = await organizer.get(`/api/promises/export?unitId=${ht}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('承诺台账_2024-12-10.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('承诺台账')!;
    expect(ws.getCell(1, 1).value).toBe('答复承诺落实台账');
    expect(String(ws.getCell(2, 1).value)).toContain('责任单位：恒通集团');
    const header = (ws.getRow(3).values as any[]).slice(1);
    expect(header).toEqual([...LEDGER_HEADERS]);
    const expected = await ok(organizer.get(`/api/promises?unitId=${ht}&pageSize=200`));
    expect(ws.rowCount - 3).toBe(expected.total);
    const col = (name: string) => LEDGER_HEADERS.indexOf(name as any) + 1;
    const rows = Array.from({ length: expected.total }, (_, i) => ws.getRow(4 + i));
    expect(rows.every((r) => r.getCell(col('责任单位')).value === '恒通集团')).toBe(true);
    const greening = rows.find((r) => String(r.getCell(col('承诺内容')).value).includes('3.5万平米'))!;
    expect(greening.getCell(col('目标')).value).toBe('不少于 35,000 m²');
    // Linked to the year's greening target: progress and area as park life records them, not a second figure.
    const park = (await ok(organizer.get('/api/parklife'))).greening.find((g: any) => g.year === 2024);
    expect(greening.getCell(col('状态')).value).toBe(park.achievedM2 >= park.targetM2 ? '已完成' : '推进中');
    expect(greening.getCell(col('进度（%）')).value).toBe(Math.min(park.percent, 100));
    expect(greening.getCell(col('完成数值')).value).toBe(park.achievedM2);
    expect(String(greening.getCell(col('备注')).value)).toContain('进度和状态取自关联的园区绿化目标');
    expect(greening.getCell(col('完成时限')).value).toBe('2024-12-31');
    expect(greening.getCell(col('时限情况')).value).toBe('30 天内到期');
    expect(String(greening.getCell(col('备注')).value)).toContain('演示数据');
    expect((await (await env.as('kangshuo')).get('/api/promises/export')).statusCode).toBe(403);
  });

  it('the home page counts: a unit\'s due-soon and overdue promises and proposals to confirm', async () => {
    const d = await ok(hengtong.get('/api/promises/dashboard'));
    expect(d.role).toBe('staff');
    expect(d.dueSoon).toBeGreaterThanOrEqual(1); // the utilities, due 2024-12-31
    expect(d.proposals).toBeGreaterThanOrEqual(1); // the canteen and the facilities, reported done
    expect(d.items.every((p: any) => p.owner.name === '恒通集团')).toBe(true);
  });
});
