import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { FACTORY_NAME, SCHOOL_NAME, UTILITIES_NAME } from './projects.demo.js';
import { projectByName } from './testing.js';

type Json = Record<string, any>;

describe('key projects: the school of the seed, scope, editing, versions', () => {
  let env: TestEnv;
  let zone: Client;
  let jiaoyu: Client;
  let hengtong: Client;
  let gongxin: Client;
  let organizer: Client;
  let schoolId: string;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-08-22T04:00:00.000Z', checkResponses: true });
    [zone, jiaoyu, hengtong, gongxin, organizer] = await Promise.all(['zone', 'jiaoyu', 'hengtong', 'gongxin', 'organizer'].map((u) => env.as(u)));
    schoolId = (await projectByName(env, SCHOOL_NAME)).id;
  });
  afterAll(async () => { await env.close(); });

  describe('derived progress on 2024-08-22, exactly as the reply reports it', () => {
    let school: Json;
    beforeAll(async () => {
      const res = await zone.get(`/api/projects/${schoolId}`);
      expect(res.statusCode).toBe(200);
      school = res.json();
    });

    it('每个单体的进度', () => {
      const byName = Object.fromEntries(school.components.map((c: Json) => [c.name, c.percent]));
      expect(byName).toEqual({ 风雨操场: 30, 宿舍楼: 22, 教学楼: 11, 综合楼: 3, 办公楼: 3, 图书阅览室: 3, 多功能报告厅: 3 });
    });

    it('stage by stage: 宿舍楼 钢筋绑扎完成, 拉梁模板 40%; 教学楼 基础钢筋 10%', () => {
      const dorm = school.components.find((c: Json) => c.name === '宿舍楼');
      expect(dorm.stages.map((s: Json) => `${s.name}${s.percent}`)).toEqual(['土方开挖100', '基础垫层100', '基础钢筋100', '拉梁模板40', '回填土0', '主体结构0', '主体封顶0', '装饰装修0', '竣工验收0']);
      expect(dorm.currentStage).toEqual({ key: 'beam_formwork', name: '拉梁模板', percent: 40 });
      const teaching = school.components.find((c: Json) => c.name === '教学楼');
      expect(teaching.stages.find((s: Json) => s.name === '基础钢筋').percent).toBe(10);
      const gym = school.components.find((c: Json) => c.name === '风雨操场');
      expect(gym.stages.filter((s: Json) => s.percent === 100).map((s: Json) => s.name)).toEqual(['土方开挖', '基础垫层', '基础钢筋', '拉梁模板', '回填土']);
    });

    it('project progress is the mean of seven buildings: 75 / 7 = 10.7%', () => {
      expect(school.progress).toBe(10.7);
      expect(school.weightingExplanation).toBe('按各单体等权平均（共 7 个单体）');
    });

    it('the next milestone is 主体封顶 at the year end, 131 days away', () => {
      expect(school.nextMilestone).toMatchObject({ name: '主体封顶', targetDate: '2024-12-31', daysLeft: 131, overdue: false });
    });

    it('green against the monthly plan, with the reason in Chinese', () => {
      expect(school.light.light).toBe('green');
      expect(school.light.expectedBasis).toContain('月度计划');
      expect(school.light.reasons[0].text).toContain('实际完成 10.7%');
    });

    it('monthly actual progress is derived at each month end; August so far', () => {
      const m = Object.fromEntries(school.monthly.map((x: Json) => [x.month, x]));
      expect(m['2024-05'].actualProgress).toBeCloseTo((5 + 3.5) / 7, 1); // 风雨操场 土方 100%, 宿舍楼 70%
      expect(m['2024-08']).toMatchObject({ actualProgress: 10.7, actualProgressAsOf: '2024-08-22', planProgress: 11 });
      expect(m['2024-09'].actualProgress).toBeNull();
      expect(m['2025-08'].planInvestmentCumWan).toBe(18000);
    });

    it('a history that is not flat: reports on four dates', () => {
      expect([...new Set(school.updates.map((u: Json) => u.asOf))]).toEqual(['2024-08-22', '2024-07-19', '2024-06-14', '2024-05-10']);
      expect(school.updates.some((u: Json) => u.photos.length > 0)).toBe(true);
    });

    it('an open issue past its due date is overdue', () => {
      const issue = school.issues.find((i: Json) => i.title === '宿舍楼施工图审查意见待回复');
      expect(issue).toMatchObject({ state: 'overdue', daysOverdue: 2 });
    });
  });

  it('the utilities works are yellow: behind the monthly plan by more than 10 points', async () => {
    const list = (await zone.get('/api/projects')).json() as Json[];
    const u = list.find((p) => p.name === UTILITIES_NAME)!;
    expect(u.progress).toBe(41);
    expect(u.light.light).toBe('yellow');
    expect(u.light.reasons.find((r: Json) => r.level === 'yellow').text).toMatch(/落后 14\.\d 个百分点/);
    const f = list.find((p) => p.name === FACTORY_NAME)!;
    expect(f.progress).toBe(30.9);
    expect(f.weighting).toBe('area');
  });

  it('the light turns red the day after 主体封顶 was due, and says why', async () => {
    env.clock.set('2025-01-01T04:00:00.000Z');
    try {
      const s = (await (await env.as('zone')).get(`/api/projects/${schoolId}`)).json();
      expect(s.light.light).toBe('red');
      expect(s.light.reasons.map((r: Json) => r.text)).toContain('里程碑“主体封顶”计划于2024年12月31日完成，已逾期 1 天仍未完成');
    } finally {
      env.clock.set('2024-08-22T04:00:00.000Z');
    }
  });

  describe('row scope', () => {
    it('a unit sees only the projects it owns', async () => {
      expect(((await jiaoyu.get('/api/projects')).json() as Json[]).map((p) => p.name)).toEqual([SCHOOL_NAME]);
      expect(((await hengtong.get('/api/projects')).json() as Json[]).map((p) => p.name)).toEqual([UTILITIES_NAME]);
      expect((await gongxin.get('/api/projects')).json()).toEqual([]);
    });

    it('the zone and the organizer see all three', async () => {
      expect(((await zone.get('/api/projects')).json() as Json[])).toHaveLength(3);
      const org = (await organizer.get('/api/projects')).json() as Json[];
      expect(org).toHaveLength(3);
      expect(org.every((p) => p.canEdit === false)).toBe(true);
    });

    it('another unit can neither read nor edit the school', async () => {
      const read = await hengtong.get(`/api/projects/${schoolId}`);
      expect(read.statusCode).toBe(403);
      expect(read.json().message).toBe('只能查看本单位负责的重点项目');
      const s = await projectByName(env, SCHOOL_NAME);
      const edit = await gongxin.patch(`/api/projects/${schoolId}`, { version: s.version, location: '别处' });
      expect(edit.statusCode).toBe(403);
    });

    it('the owner unit edits its project but may not hand it to another unit or change its light rules', async () => {
      const s = await projectByName(env, SCHOOL_NAME);
      const ok = await jiaoyu.patch(`/api/projects/${schoolId}`, { version: s.version, internalNote: '教育局：施工图复审中' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().internalNote).toBe('教育局：施工图复审中');
      const zoneOrg = (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '开发区管委会').executeTakeFirstOrThrow()).id;
      const move = await jiaoyu.patch(`/api/projects/${schoolId}`, { version: ok.json().version, ownerOrgId: zoneOrg });
      expect(move.statusCode).toBe(403);
      expect(move.json().message).toContain('仅管委会');
      const rules = await jiaoyu.put(`/api/projects/${schoolId}/light-rules`, { version: ok.json().version, rules: { gapYellow: 50, gapRed: 60 } });
      expect(rules.statusCode).toBe(403);
    });

    it('deputies, agents and enterprises use the public portal; the public must log in', async () => {
      for (const u of ['gaoyipeng', 'agent', 'kangshuo']) {
        const res = await (await env.as(u)).get('/api/projects');
        expect(res.statusCode).toBe(403);
        expect(res.json().message).toContain('公开页面');
      }
      expect((await env.anon().get('/api/projects')).statusCode).toBe(401);
    });

    it('anyone logged in may list project names for pickers', async () => {
      const res = await (await env.as('gaoyipeng')).get('/api/projects/options');
      expect(res.statusCode).toBe(200);
      expect((res.json() as Json[]).map((o) => o.name).sort()).toEqual([FACTORY_NAME, SCHOOL_NAME, UTILITIES_NAME].sort());
    });
  });

  describe('versions: no lost updates', () => {
    it('the second of two edits made from the same version is refused with 409', async () => {
      const s = await projectByName(env, FACTORY_NAME);
      const first = await zone.patch(`/api/projects/${s.id}`, { version: s.version, location: '米山工业园东区' });
      expect(first.statusCode).toBe(200);
      const second = await zone.patch(`/api/projects/${s.id}`, { version: s.version, location: '米山工业园西区' });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'stale_write', message: '该项目已被他人修改，请刷新后重试' });
      expect((await projectByName(env, FACTORY_NAME)).location).toBe('米山工业园东区');
    });

    it('milestones, issues, components and monthly rows are version-checked too', async () => {
      const d = (await zone.get(`/api/projects/${schoolId}`)).json();
      const m = d.milestones[0];
      expect((await zone.patch(`/api/projects/${schoolId}/milestones/${m.id}`, { version: m.version + 5, note: 'x' })).statusCode).toBe(409);
      const i = d.issues[0];
      expect((await zone.patch(`/api/projects/${schoolId}/issues/${i.id}`, { version: i.version + 1, title: 'x' })).statusCode).toBe(409);
      const c = d.components[0];
      expect((await zone.patch(`/api/projects/${schoolId}/components/${c.id}`, { version: c.version + 1, note: 'x' })).statusCode).toBe(409);
      const month = d.monthly.find((x: Json) => x.month === '2024-08');
      expect((await zone.put(`/api/projects/${schoolId}/monthly/2024-08`, { version: month.version + 1, planInvestmentWan: 1, actualInvestmentWan: 1, planProgress: 1 })).statusCode).toBe(409);
      const existing = await zone.put(`/api/projects/${schoolId}/monthly/2024-08`, { planInvestmentWan: 1, actualInvestmentWan: 1, planProgress: 1 });
      expect(existing.statusCode).toBe(409);
      expect(existing.json().message).toContain('已有计划数据');
    });
  });

  describe('a new project from start to a resolved issue', () => {
    let id: string;
    it('the zone creates a project with components from the default stage template', async () => {
      const org = (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '恒通集团').executeTakeFirstOrThrow()).id;
      const res = await zone.post('/api/projects', {
        name: '园区职工公寓二期', ownerOrgId: org, location: '米山工业园生活区', level: '区级重点', category: '社会事业', plannedInvestmentWan: 3000,
        plannedStart: '2024-09-01', plannedFinish: '2025-10-31', status: 'preparing', description: '新增职工公寓 300 套',
        components: [{ name: '1号公寓楼', floorAreaM2: 9000 }, { name: '2号公寓楼', floorAreaM2: 6000 }], weighting: 'area',
      });
      expect(res.statusCode).toBe(200);
      const p = res.json();
      id = p.id;
      expect(p.components.map((c: Json) => c.name)).toEqual(['1号公寓楼', '2号公寓楼']);
      expect(p.components[0].stages).toHaveLength(9);
      expect(p.light.light).toBe('green');
      expect(p.light.reasons[0].text).toBe('未到计划开工日期（2024年9月1日），还有 10 天');
      const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
      expect(audit.map((a) => a.action)).toEqual(['project.create']);
    });

    it('duplicates and bad dates are refused in Chinese', async () => {
      const org = (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '恒通集团').executeTakeFirstOrThrow()).id;
      const base = { ownerOrgId: org, location: '米山', level: '区级重点', category: '其他', plannedInvestmentWan: null, status: 'preparing' };
      const dup = await zone.post('/api/projects', { ...base, name: '园区职工公寓二期', plannedStart: null, plannedFinish: null });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toBe('已有名为“园区职工公寓二期”的项目');
      const order = await zone.post('/api/projects', { ...base, name: '倒序工期', plannedStart: '2025-01-01', plannedFinish: '2024-01-01' });
      expect(order.statusCode).toBe(400);
      expect(order.json().message).toContain('计划竣工日期不能早于计划开工日期');
      expect((await jiaoyu.post('/api/projects', { ...base, name: '教育局自建', plannedStart: null, plannedFinish: null })).statusCode).toBe(403);
    });

    it('milestones, monthly plan, issues: add, resolve, reopen, with audit', async () => {
      const ms = await zone.post(`/api/projects/${id}/milestones`, { name: '主体封顶', targetDate: '2025-05-31' });
      expect(ms.statusCode).toBe(200);
      const future = await zone.post(`/api/projects/${id}/milestones`, { name: '已完成？', targetDate: '2025-05-31', achievedOn: '2024-09-01' });
      expect(future.statusCode).toBe(400);
      expect(future.json().message).toBe('实际完成日期不能晚于今天（2024-08-22）');
      const plan = await zone.put(`/api/projects/${id}/monthly/2024-09`, { planInvestmentWan: 300, actualInvestmentWan: null, planProgress: 3 });
      expect(plan.statusCode).toBe(200);
      const early = await zone.put(`/api/projects/${id}/monthly/2024-10`, { planInvestmentWan: 300, actualInvestmentWan: 100, planProgress: 6 });
      expect(early.statusCode).toBe(400);
      expect(early.json().message).toContain('尚未开始，不能填写实际完成投资');
      const issue = await zone.post(`/api/projects/${id}/issues`, { type: '审批手续', title: '规划许可待办', raisedOn: '2024-08-20', raisedBy: '恒通集团', actionRequired: '协调行政审批局加快办理', dueOn: '2024-08-21' });
      expect(issue.statusCode).toBe(200);
      let d = (await zone.get(`/api/projects/${id}`)).json();
      expect(d.issues[0]).toMatchObject({ state: 'overdue', daysOverdue: 1 });
      expect(d.openIssues).toBeUndefined();
      const resolved = await zone.post(`/api/projects/${id}/issues/${d.issues[0].id}/resolve`, { version: d.issues[0].version, resolvedOn: '2024-08-22', resolution: '已办结' });
      expect(resolved.statusCode).toBe(200);
      const again = await zone.post(`/api/projects/${id}/issues/${d.issues[0].id}/resolve`, { version: d.issues[0].version + 1, resolvedOn: '2024-08-22', resolution: '再次' });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe('该协调事项已于 2024-08-22 解决');
      d = (await zone.get(`/api/projects/${id}`)).json();
      expect(d.issues[0]).toMatchObject({ state: 'resolved', resolution: '已办结' });
      const reopened = await zone.post(`/api/projects/${id}/issues/${d.issues[0].id}/reopen`, { version: d.issues[0].version });
      expect(reopened.statusCode).toBe(200);
      const actions = (await env.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'project.issue.%').orderBy('seq').execute()).map((a) => a.action);
      expect(actions).toEqual(['project.issue.create', 'project.issue.resolve', 'project.issue.reopen']);
      const list = (await zone.get('/api/projects')).json() as Json[];
      expect(list.find((p) => p.id === id)).toMatchObject({ openIssues: 1, overdueIssues: 1 });
    });

    it('a component with reports cannot be deleted; an empty one can; stages in use cannot be removed', async () => {
      const d = (await zone.get(`/api/projects/${schoolId}`)).json();
      const gym = d.components.find((c: Json) => c.name === '风雨操场');
      const del = await zone.delete(`/api/projects/${schoolId}/components/${gym.id}?version=${gym.version}`);
      expect(del.statusCode).toBe(409);
      expect(del.json().message).toBe('单体“风雨操场”已有进度填报记录，不能删除');
      const shrink = await zone.patch(`/api/projects/${schoolId}/components/${gym.id}`, { version: gym.version, stages: [{ key: 'earthwork', name: '土方开挖', weight: 10 }] });
      expect(shrink.statusCode).toBe(409);
      expect(shrink.json().message).toContain('已有进度填报记录，不能删除');
      const fresh = (await zone.get(`/api/projects/${id}`)).json().components[1];
      expect((await zone.delete(`/api/projects/${id}/components/${fresh.id}?version=${fresh.version}`)).statusCode).toBe(200);
    });

    it('per-project light rules are the zone’s; the project shows the rules it is judged by', async () => {
      const d = (await zone.get(`/api/projects/${id}`)).json();
      const bad = await zone.put(`/api/projects/${id}/light-rules`, { version: d.version, rules: { gapYellow: 40, gapRed: 20 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('黄灯阈值不能大于红灯阈值');
      const ok = await zone.put(`/api/projects/${id}/light-rules`, { version: d.version, rules: { gapYellow: 5, gapRed: 15 } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().lightRules.custom).toEqual({ gapYellow: 5, gapRed: 15 });
      expect(ok.json().lightRules.sentences[0]).toBe('落后序时进度 5–15 个百分点亮黄灯，超过 15 个百分点亮红灯');
    });

    it('a project without reports can be deleted by the zone only', async () => {
      const d = (await zone.get(`/api/projects/${id}`)).json();
      const owner = await hengtong.delete(`/api/projects/${id}?version=${d.version}`);
      expect(owner.statusCode).toBe(403);
      expect((await zone.delete(`/api/projects/${id}?version=${d.version}`)).statusCode).toBe(200);
      expect((await zone.get(`/api/projects/${id}`)).statusCode).toBe(404);
    });
  });

  describe('configuration', () => {
    it('stage templates: a new default template is used for new components', async () => {
      const t = await zone.post('/api/projects/stage-templates', { name: '钢结构厂房', isDefault: true, stages: [
        { key: 'foundation', name: '基础施工', weight: 30 }, { key: 'steel', name: '钢结构吊装', weight: 50 }, { key: 'envelope', name: '围护安装', weight: 20 },
      ] });
      expect(t.statusCode).toBe(200);
      const list = (await zone.get('/api/projects/stage-templates')).json() as Json[];
      expect(list.find((x) => x.isDefault)?.name).toBe('钢结构厂房');
      expect(list.find((x) => x.builtin)?.isDefault).toBe(false);
      const f = await projectByName(env, FACTORY_NAME);
      expect((await zone.post(`/api/projects/${f.id}/components`, { name: '5号厂房', floorAreaM2: 10000 })).statusCode).toBe(200);
      const c = (await zone.get(`/api/projects/${f.id}`)).json().components.find((x: Json) => x.name === '5号厂房');
      expect(c.stages.map((s: Json) => s.name)).toEqual(['基础施工', '钢结构吊装', '围护安装']);
      const bad = await zone.post('/api/projects/stage-templates', { name: '坏模板', stages: [{ key: 'a', name: '甲', weight: 1 }, { key: 'a', name: '乙', weight: 1 }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('工序编码“a”重复');
      expect((await jiaoyu.post('/api/projects/stage-templates', { name: 'x', stages: [{ key: 'a', name: '甲', weight: 1 }] })).statusCode).toBe(403);
    });

    it('global light rules are versioned and change every project’s verdict', async () => {
      const g = (await zone.get('/api/projects/light-rules')).json();
      expect(g.version).toBe(0);
      const put = await zone.put('/api/projects/light-rules', { version: 0, rules: { gapYellow: 5, gapRed: 10 } });
      expect(put.statusCode).toBe(200);
      expect(put.json().version).toBe(1);
      const stale = await zone.put('/api/projects/light-rules', { version: 0, rules: { gapYellow: 5, gapRed: 10 } });
      expect(stale.statusCode).toBe(409);
      const u = ((await zone.get('/api/projects')).json() as Json[]).find((p) => p.name === UTILITIES_NAME)!;
      expect(u.light.light).toBe('red');
      await zone.put('/api/projects/light-rules', { version: 1, rules: {} });
    });
  });

  it('the remaining edit routes answer through their response schemas', async () => {
    const ok = async (p: Promise<{ statusCode: number; json(): any }>) => {
      const res = await p;
      expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
      return res.json() as Json;
    };
    const t = await ok(zone.post('/api/projects/stage-templates', { name: '临时模板', stages: [{ key: 'a', name: '甲', weight: 1 }] }));
    const t2 = await ok(zone.patch(`/api/projects/stage-templates/${t.id}`, { version: t.version, name: '临时模板二' }));
    expect(t2).toMatchObject({ name: '临时模板二', builtin: false, version: 2 });
    expect(await ok(zone.delete(`/api/projects/stage-templates/${t.id}?version=2`))).toEqual({ ok: true });
    const c = await ok(zone.post(`/api/projects/${schoolId}/components`, { name: '临时单体' }));
    await ok(zone.patch(`/api/projects/${schoolId}/components/${c.id}`, { version: 1, name: '临时单体二' }));
    await ok(zone.delete(`/api/projects/${schoolId}/components/${c.id}?version=2`));
    const m = await ok(zone.post(`/api/projects/${schoolId}/milestones`, { name: '临时节点', targetDate: '2026-12-31' }));
    await ok(zone.patch(`/api/projects/${schoolId}/milestones/${m.id}`, { version: 1, note: '说明' }));
    await ok(zone.delete(`/api/projects/${schoolId}/milestones/${m.id}?version=2`));
    await ok(zone.put(`/api/projects/${schoolId}/monthly/2026-12`, { planInvestmentWan: 1, actualInvestmentWan: null, planProgress: null }));
    await ok(zone.delete(`/api/projects/${schoolId}/monthly/2026-12?version=1`));
    const i = await ok(zone.post(`/api/projects/${schoolId}/issues`, { type: '其他', title: '临时事项', raisedOn: '2024-08-20', raisedBy: '管委会' }));
    await ok(zone.patch(`/api/projects/${schoolId}/issues/${i.id}`, { version: 1, title: '临时事项二' }));
    for (const r of ['PATCH /api/projects/stage-templates/:id', 'DELETE /api/projects/stage-templates/:id', 'PATCH /api/projects/:id/components/:componentId',
      'PATCH /api/projects/:id/milestones/:milestoneId', 'DELETE /api/projects/:id/milestones/:milestoneId', 'DELETE /api/projects/:id/monthly/:month',
      'PATCH /api/projects/:id/issues/:issueId']) expect(env.responsesChecked.has(r), r).toBe(true);
  });

  it('every response above was exactly what the service returned (the response schemas drop nothing)', () => {
    expect([...env.responsesChecked].filter((r) => r.includes('/api/projects')).length).toBeGreaterThan(0);
    expect(env.responseDrift).toEqual([]);
  });
});
