import { afterAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { demoPromise, demoReplyId, ok } from './testing.js';

const find = (list: any[], words: string) => list.find((p: any) => p.sourceText?.includes(words));

describe('demo promises of No. 187 (and No. 45), as the story stands on the day', () => {
  const envs: TestEnv[] = [];
  afterAll(async () => { for (const e of envs) await e.close(); });

  it('in mid-2025: the issue\'s promises confirmed, with their later (demo) history', async () => {
    const env = await createTestEnv({ now: '2025-06-01T02:00:00.000Z' });
    envs.push(env);
    const gongxin = await env.as('gongxin');
    const r = await ok(gongxin.get(`/api/replies/${await demoReplyId(env, 187)}/promises`));
    const c = r.confirmed;
    // Linked to their sources (looked up by name); what they show is compared with the sources in sources.test.ts.
    expect(find(c, '预计年底主体封顶')).toMatchObject({ owner: { shortName: '教育局' }, project: { name: '高平市第十中学建设项目' }, source: { kind: 'milestone', name: '高平市第十中学建设项目 · 主体封顶' }, isDemo: true });
    expect(find(c, '全年不少于3.5万平米')).toMatchObject({ owner: { name: '恒通集团' }, target: { value: 35000, comparator: '>=' }, source: { kind: 'greening', name: '2024 年园区绿化' } });
    expect(find(c, '年内投入运营')).toMatchObject({ owner: { name: '恒通集团' }, due: '2025-04-30', originalDue: '2024-12-31', project: { name: '米山工业园水暖电气配套工程' }, source: { kind: 'project', name: '米山工业园水暖电气配套工程' } });
    expect(find(c, '有望8月份顺利出让')).toMatchObject({ owner: { name: '高平经济技术开发区管委会' }, status: 'done', doneOn: '2024-08-30', due: '2024-08-31', delivery: { kept: 2 }, source: null });
    expect(find(c, '8万平方米标准化厂房')).toMatchObject({ owner: { name: '高平经济技术开发区管委会' }, openEnded: true, project: { name: '开发区8万平方米标准化厂房建设项目' }, source: { kind: 'project' } });
    const open = c.filter((x: any) => x.sourceText?.startsWith('下一步'));
    expect(open.length).toBe(3);
    expect(open.every((x: any) => x.openEnded && x.due === null)).toBe(true);
    expect(find(c, '城乡一体化环卫').owner.shortName).toBe('城市管理局');
    // Left for the unit to review: 我们将建立…, the canteen and the facilities (reported done), the closing paragraph.
    expect(r.proposals.length).toBeGreaterThanOrEqual(3);
    expect(find(r.proposals, '我们将建立多部门协作联动机制').owner.shortName).toBe('工信局');

    const transfer = await demoPromise(env, 187, '有望8月份顺利出让');
    const detail = await ok(gongxin.get(`/api/promises/${transfer.id}`));
    expect(detail.evidence[0].note).toContain('成交确认书');
    expect(detail.evidence[0].note).toContain('演示');
    expect(detail.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['proposed', 'confirmed', 'status', 'evidence', 'rated']));
    // A linked promise records no progress of its own, and no seeded rating says 兑现 unless the source shows it done.
    const greening = await ok(gongxin.get(`/api/promises/${(await demoPromise(env, 187, '全年不少于3.5万平米')).id}`));
    expect(greening.history.filter((h: any) => h.kind === 'progress').length).toBe(0);
    expect(greening.history.some((h: any) => h.kind === 'linked')).toBe(true);
    for (const words of ['预计年底主体封顶', '全年不少于3.5万平米', '年内投入运营', '8万平方米标准化厂房']) {
      const v = await ok(gongxin.get(`/api/promises/${(await demoPromise(env, 187, words)).id}`));
      if (v.status !== 'done') expect(v.ratings.filter((x: any) => x.latest?.rating === 'kept')).toEqual([]);
      expect(v.delivery.setAside).toBe(0);
    }
  });

  it('on 2024-09-10 only what had happened by then: the transfer done, the school still planned', async () => {
    const env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
    envs.push(env);
    const gongxin = await env.as('gongxin');
    const c = (await ok(gongxin.get(`/api/replies/${await demoReplyId(env, 187)}/promises`))).confirmed;
    expect(find(c, '预计年底主体封顶')).toMatchObject({ status: 'in_progress', doneOn: null, clock: 'on_track', due: '2024-12-31' });
    expect(find(c, '有望8月份顺利出让')).toMatchObject({ status: 'done', doneOn: '2024-08-30' });
    expect(find(c, '全年不少于3.5万平米')).toMatchObject({ status: 'in_progress', achievedValue: 26500 });
    expect(find(c, '年内投入运营')).toMatchObject({ status: 'in_progress', due: '2024-12-31' });
  });
});
