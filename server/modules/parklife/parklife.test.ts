import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';

type Json = Record<string, any>;

describe('park life', () => {
  let env: TestEnv;
  let zone: Client;
  let anon: Client;

  beforeAll(async () => {
    // 2024-08-22 09:07 in Beijing.
    env = await createTestEnv({ now: '2024-08-22T01:07:00.000Z', checkResponses: true });
    zone = await env.as('zone');
    anon = env.anon();
  });
  afterAll(async () => { await env.close(); });

  describe('the public view of the seed’s park', () => {
    let pub: Json;
    beforeAll(async () => {
      const res = await anon.get('/api/public/parklife');
      expect(res.statusCode).toBe(200);
      pub = res.json();
    });

    it('the canteen: 1,500 m², 400 seats, open', () => {
      const c = pub.facilities.find((f: Json) => f.kind === 'canteen');
      expect(c).toMatchObject({ name: '米山工业园职工餐厅', areaM2: 1500, capacity: 400, capacityUnit: '座', statusLabel: '运营中' });
      expect(pub.facilities.map((f: Json) => f.kindLabel)).toEqual(['餐厅', '住宿', '商超', '健身', '学校']);
    });

    it('the school is under construction and shows its project’s progress and milestone', () => {
      const s = pub.facilities.find((f: Json) => f.kind === 'school');
      expect(s).toMatchObject({ statusLabel: '在建', capacity: 1800, project: { progress: 10.7, nextMilestone: { name: '主体封顶', targetDate: '2024-12-31' } } });
    });

    it('route 5: about every 10–15 minutes, next departures computed on the server in Beijing time', () => {
      const r = pub.busRoutes[0];
      expect(r).toMatchObject({ routeNo: '5路', fromStop: '开发区', toStop: '市区', firstDeparture: '06:30', lastDeparture: '20:00', frequencyText: '约每10–15分钟一班' });
      expect(r.next).toMatchObject({ now: '09:07', next: ['09:15', '09:30', '09:45', '10:00'], serviceEnded: false, waitMinutes: 8 });
      expect(r.departures).toHaveLength(55);
    });

    it('greening: 26,500 of 35,000 m² in 2024', () => {
      expect(pub.greening[0]).toMatchObject({ year: 2024, targetM2: 35000, achievedM2: 26500, percent: 75.7 });
      expect(pub.greening[0].entries).toHaveLength(4);
    });

    it('water, power, heating and gas: under construction, expected by 2024-12-31', () => {
      expect(pub.utilities.map((u: Json) => `${u.kindLabel}:${u.statusLabel}:${u.expectedOn}:${u.overdue}`)).toEqual([
        '供水:建设中:2024-12-31:false', '供电:建设中:2024-12-31:false', '供暖:建设中:2024-12-31:false', '供气:建设中:2024-12-31:false',
      ]);
    });

    it('enrolment information for the school', () => {
      expect(pub.enrolment[0]).toMatchObject({ schoolName: '高平市第十中学', year: 2025, places: 1800, contactOffice: '高平市教育局' });
    });

    it('carries no internal notes, versions or demo remarks meant for staff', () => {
      const body = JSON.stringify(pub);
      for (const k of ['internalNote', 'internal_note', 'version', 'isPublic', '演示数据：名称与规模']) expect(body).not.toContain(k);
    });
  });

  it('after 20:00 Beijing time route 5 has ended for the day', async () => {
    env.clock.set('2024-08-22T12:05:00.000Z');
    try {
      const r = (await anon.get('/api/public/parklife')).json().busRoutes[0];
      expect(r.next).toMatchObject({ now: '20:05', serviceEnded: true, next: [], status: '今日末班车（20:00）已发出，明日首班 06:30' });
    } finally {
      env.clock.set('2024-08-22T01:07:00.000Z');
    }
  });

  it('utilities not operating after their expected date are flagged overdue', async () => {
    env.clock.set('2025-01-02T01:00:00.000Z');
    try {
      expect((await anon.get('/api/public/parklife')).json().utilities.every((u: Json) => u.overdue)).toBe(true);
    } finally {
      env.clock.set('2024-08-22T01:07:00.000Z');
    }
  });

  describe('the zone edits; others do not', () => {
    it('the staff view includes internal notes, versions and the next buses', async () => {
      const v = (await zone.get('/api/parklife')).json();
      expect(v.canEdit).toBe(true);
      expect(v.facilities[0].internalNote).toContain('演示数据');
      expect(v.busRoutes[0].next.next[0]).toBe('09:15');
      expect((await (await env.as('organizer')).get('/api/parklife')).json().canEdit).toBe(false);
      const h = await (await env.as('hengtong')).get('/api/parklife');
      expect(h.statusCode).toBe(403);
      expect(h.json().message).toContain('公开页面');
    });

    it('facilities: create, update with version, stale version refused, delete', async () => {
      const created = await zone.post('/api/parklife/facilities', { kind: 'clinic', name: '园区卫生室', status: 'open', hours: '08:00–17:30', contactPhone: '0356-5241566', description: '常见病诊疗' });
      expect(created.statusCode).toBe(200);
      const f = created.json();
      const upd = await zone.patch(`/api/parklife/facilities/${f.id}`, { version: f.version, status: 'paused' });
      expect(upd.statusCode).toBe(200);
      expect(upd.json()).toMatchObject({ statusLabel: '暂停', version: 2 });
      const stale = await zone.patch(`/api/parklife/facilities/${f.id}`, { version: f.version, status: 'open' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().message).toBe('该设施已被他人修改，请刷新后重试');
      const dup = await zone.post('/api/parklife/facilities', { kind: 'clinic', name: '园区卫生室', status: 'open' });
      expect(dup.statusCode).toBe(409);
      expect((await zone.delete(`/api/parklife/facilities/${f.id}?version=1`)).statusCode).toBe(409);
      expect((await zone.delete(`/api/parklife/facilities/${f.id}?version=2`)).statusCode).toBe(200);
      const audit = (await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', f.id).orderBy('seq').execute()).map((a) => a.action);
      expect(audit).toEqual(['parklife.park_facility.create', 'parklife.park_facility.update', 'parklife.park_facility.delete']);
    });

    it('a contact line must be an office line; public text may not carry a mobile number', async () => {
      const mobile = await zone.post('/api/parklife/facilities', { kind: 'shop', name: '便利店', status: 'open', contactPhone: '13912345678' });
      expect(mobile.statusCode).toBe(400);
      expect(mobile.json().message).toBe('联系电话只能填写单位办公电话，不能填写个人手机号码');
      const text = await zone.post('/api/parklife/facilities', { kind: 'shop', name: '便利店', status: 'open', description: '店长电话13912345678' });
      expect(text.statusCode).toBe(400);
      expect(text.json().message).toContain('“简介”将公开显示');
      const internal = await zone.post('/api/parklife/facilities', { kind: 'shop', name: '便利店', status: 'open', internalNote: '店长 13912345678' });
      expect(internal.statusCode).toBe(200);
    });

    it('a facility kept internal is not public', async () => {
      const f = await zone.post('/api/parklife/facilities', { kind: 'housing', name: '人才公寓（筹）', status: 'under_construction', isPublic: false });
      expect(f.statusCode).toBe(200);
      expect((await anon.get('/api/public/parklife')).json().facilities.some((x: Json) => x.name === '人才公寓（筹）')).toBe(false);
    });

    it('bus routes: explicit timetables, and schedules that make no sense are refused', async () => {
      const r = await zone.post('/api/parklife/bus-routes', { routeNo: '12路', fromStop: '开发区', toStop: '高平东站', firstDeparture: '07:00', lastDeparture: '18:30', departures: ['07:00', '12:00', '18:30'] });
      expect(r.statusCode).toBe(200);
      const pub = (await anon.get('/api/public/parklife')).json().busRoutes.find((x: Json) => x.routeNo === '12路');
      expect(pub).toMatchObject({ frequencyText: '每日 3 班（按时刻表）', next: { next: ['12:00', '18:30'] } });
      const bad = await zone.post('/api/parklife/bus-routes', { routeNo: '13路', fromStop: 'A', toStop: 'B', firstDeparture: '20:00', lastDeparture: '06:30', headwayMin: 15, headwayMax: 10 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toBe('末班时间不能早于首班时间；最短发车间隔不能大于最长发车间隔');
      const v = (await zone.get('/api/parklife')).json().busRoutes.find((x: Json) => x.routeNo === '5路');
      const upd = await zone.patch(`/api/parklife/bus-routes/${v.id}`, { version: v.version, lastDeparture: '21:00' });
      expect(upd.statusCode).toBe(200);
      expect((await anon.get('/api/public/parklife')).json().busRoutes.find((x: Json) => x.routeNo === '5路').lastDeparture).toBe('21:00');
    });

    it('greening: entries count towards the year; dates must fall in the year and not in the future', async () => {
      const ok = await zone.post('/api/parklife/greening/2024/entries', { entryDate: '2024-08-20', areaM2: 1500, place: '展厅北侧', description: '新增草坪' });
      expect(ok.statusCode).toBe(200);
      expect((await anon.get('/api/public/parklife')).json().greening[0]).toMatchObject({ achievedM2: 28000, percent: 80 });
      const wrongYear = await zone.post('/api/parklife/greening/2024/entries', { entryDate: '2023-12-30', areaM2: 10, place: 'x' });
      expect(wrongYear.json().message).toBe('日期 2023-12-30 不在 2024 年内');
      const future = await zone.post('/api/parklife/greening/2024/entries', { entryDate: '2024-09-01', areaM2: 10, place: 'x' });
      expect(future.json().message).toBe('完成日期不能晚于今天（2024-08-22）');
      const noTarget = await zone.post('/api/parklife/greening/2025/entries', { entryDate: '2025-01-01', areaM2: 10, place: 'x' });
      expect(noTarget.json().message).toBe('请先设定 2025 年的绿化目标');
      expect((await zone.put('/api/parklife/greening/2025', { targetM2: 40000 })).statusCode).toBe(200);
      expect((await zone.put('/api/parklife/greening/2025', { targetM2: 40000 })).statusCode).toBe(409);
      const y = (await zone.get('/api/parklife')).json().greening.find((g: Json) => g.year === 2025);
      expect((await zone.put('/api/parklife/greening/2025', { version: y.version, targetM2: 42000 })).statusCode).toBe(200);
      const e = ok.json();
      expect((await zone.patch(`/api/parklife/greening-entries/${e.id}`, { version: e.version, areaM2: 2000 })).statusCode).toBe(200);
      expect((await anon.get('/api/public/parklife')).json().greening.find((g: Json) => g.year === 2024).achievedM2).toBe(28500);
    });

    it('utilities: “已投运” needs its date; operating ones are never overdue', async () => {
      const v = (await zone.get('/api/parklife')).json().utilities[0];
      const missing = await zone.patch(`/api/parklife/utilities/${v.id}`, { version: v.version, status: 'operating' });
      expect(missing.json().message).toBe('状态为“已投运”时请填写投入运营日期');
      const ok = await zone.patch(`/api/parklife/utilities/${v.id}`, { version: v.version, status: 'operating', operatingSince: '2024-08-20' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().statusLabel).toBe('已投运');
    });

    it('enrolment: one record per school and year; a facility in use cannot be deleted', async () => {
      const dup = await zone.post('/api/parklife/enrolment', { schoolName: '高平市第十中学', year: 2025 });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toBe('高平市第十中学 2025 年的招生信息已存在');
      const v = (await zone.get('/api/parklife')).json();
      const school = v.facilities.find((f: Json) => f.kind === 'school');
      const del = await zone.delete(`/api/parklife/facilities/${school.id}?version=${school.version}`);
      expect(del.statusCode).toBe(409);
    });

    it('a school whose project is withdrawn from the portal no longer shows that project publicly', async () => {
      const p = await env.ctx.db.selectFrom('project').select(['id', 'version']).where('name', '=', '高平市第十中学建设项目').executeTakeFirstOrThrow();
      expect((await zone.patch(`/api/projects/${p.id}`, { version: p.version, isPublic: false })).statusCode).toBe(200);
      try {
        expect((await anon.get('/api/public/parklife')).json().facilities.find((f: Json) => f.kind === 'school').project).toBeNull();
        expect((await zone.get('/api/parklife')).json().facilities.find((f: Json) => f.kind === 'school').project.name).toBe('高平市第十中学建设项目');
      } finally {
        await zone.patch(`/api/projects/${p.id}`, { version: p.version + 1, isPublic: true });
      }
    });

    it('nobody but the zone may change anything', async () => {
      const organizer = await env.as('organizer');
      const res = await organizer.post('/api/parklife/facilities', { kind: 'shop', name: '越权', status: 'open' });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe('仅管委会可以维护园区生活信息');
      expect((await anon.post('/api/parklife/facilities', { kind: 'shop', name: '越权', status: 'open' })).statusCode).toBe(401);
    });
  });

  it('every route answers with exactly what the service returned (its response schema drops nothing)', async () => {
    const ok = async (p: Promise<{ statusCode: number; json(): any }>) => {
      const res = await p;
      expect(res.statusCode).toBe(200);
      return res.json() as Json;
    };
    const u = await ok(zone.post('/api/parklife/utilities', { kind: 'gas', name: '二期燃气管网', status: 'planned', expectedOn: '2025-06-30' }));
    const e = await ok(zone.post('/api/parklife/enrolment', { schoolName: '园区幼儿园', year: 2025, places: 120, contactPhone: '0356-5241566' }));
    await ok(zone.patch(`/api/parklife/enrolment/${e.id}`, { version: e.version, places: 150 }));
    await ok(zone.delete(`/api/parklife/enrolment/${e.id}?version=${e.version + 1}`));
    await ok(zone.delete(`/api/parklife/utilities/${u.id}?version=${u.version}`));
    const r = await ok(zone.post('/api/parklife/bus-routes', { routeNo: '99路', fromStop: '开发区', toStop: '米山', firstDeparture: '07:00', lastDeparture: '19:00', headwayMin: 30, headwayMax: 30 }));
    await ok(zone.delete(`/api/parklife/bus-routes/${r.id}?version=${r.version}`));
    const g = await ok(zone.post('/api/parklife/greening/2024/entries', { entryDate: '2024-08-21', areaM2: 10, place: '东门' }));
    await ok(zone.delete(`/api/parklife/greening-entries/${g.id}?version=${g.version}`));
    await ok(zone.get('/api/parklife'));
    expect([...env.responsesChecked].filter((r) => r.includes('/parklife')).sort()).toEqual([
      'DELETE /api/parklife/bus-routes/:id', 'DELETE /api/parklife/enrolment/:id', 'DELETE /api/parklife/facilities/:id',
      'DELETE /api/parklife/greening-entries/:id', 'DELETE /api/parklife/utilities/:id',
      'GET /api/parklife', 'GET /api/public/parklife', 'PATCH /api/parklife/bus-routes/:id', 'PATCH /api/parklife/enrolment/:id',
      'PATCH /api/parklife/facilities/:id', 'PATCH /api/parklife/greening-entries/:id', 'PATCH /api/parklife/utilities/:id',
      'POST /api/parklife/bus-routes', 'POST /api/parklife/enrolment', 'POST /api/parklife/facilities', 'POST /api/parklife/greening/:year/entries',
      'POST /api/parklife/utilities', 'PUT /api/parklife/greening/:year',
    ].sort());
    expect(env.responseDrift).toEqual([]);
  });
});
