/**
 * The demo loaded on different days tells one coherent story: the seed's facts of 2024-08-22 as history,
 * nothing after the load day, a mix of lights, fresh park-life figures, sessions in order and No. 187 public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing/harness.js';
import { SCHOOL_NAME, SEED_DAY } from '../modules/projects/projects.demo.js';

type Json = any;

/** The school's progress on the day of the seed reply, as 高工信发〔2024〕37号 gives it. */
const SCHOOL_ON_SEED_DAY = [
  ['风雨操场', 'backfill', 100], ['宿舍楼', 'foundation_rebar', 100], ['宿舍楼', 'beam_formwork', 40], ['教学楼', 'bedding', 100],
  ['教学楼', 'foundation_rebar', 10], ['综合楼', 'earthwork', 60], ['办公楼', 'earthwork', 60], ['图书阅览室', 'earthwork', 60], ['多功能报告厅', 'earthwork', 60],
];

const DAYS = [
  { day: '2024-08-01', now: '2024-08-01T02:00:00.000Z' },
  { day: '2025-06-15', now: '2025-06-15T02:00:00.000Z' },
  { day: '2026-12-07', now: '2026-12-07T02:00:00.000Z' },
];

for (const { day, now } of DAYS) {
  describe(`the demo loaded on ${day}`, () => {
    let env: TestEnv;
    const cutoff = day > SEED_DAY ? day : SEED_DAY;
    beforeAll(async () => { env = await createTestEnv({ now }); });
    afterAll(async () => { await env.close(); });

    it('keeps the seed day\'s progress exactly and has nothing dated after the load day', async () => {
      const db = env.ctx.db;
      const school = await db.selectFrom('project').select('id').where('name', '=', SCHOOL_NAME).executeTakeFirstOrThrow();
      const seedDay = await db.selectFrom('project_progress_update as u').innerJoin('project_component as c', 'c.id', 'u.component_id')
        .select(['c.name', 'u.stage_key', 'u.percent', 'u.note']).where('u.project_id', '=', school.id).where('u.as_of', '=', SEED_DAY).execute();
      expect(seedDay.map((r) => [r.name, r.stage_key, r.percent])).toEqual(SCHOOL_ON_SEED_DAY);
      expect(seedDay.every((r) => r.note.startsWith('据高工信发〔2024〕37号答复'))).toBe(true);

      const reports = await db.selectFrom('project_progress_update').select(['as_of', 'is_demo']).execute();
      expect(reports.length).toBeGreaterThan(20);
      expect(reports.filter((r) => r.as_of > cutoff)).toEqual([]);
      expect(reports.every((r) => r.is_demo === 1)).toBe(true);
      const milestones = await db.selectFrom('project_milestone').select(['name', 'achieved_on', 'project_id']).execute();
      expect(milestones.filter((m) => m.achieved_on && m.achieved_on > cutoff)).toEqual([]);
      const issues = await db.selectFrom('coordination_issue').select(['raised_on', 'resolved_on']).execute();
      expect(issues.filter((i) => i.raised_on > cutoff || (i.resolved_on && i.resolved_on > cutoff))).toEqual([]);
      const topping = milestones.find((m) => m.project_id === school.id && m.name === '主体封顶')!;
      expect(topping.achieved_on).toBe(day >= '2024-12-26' ? '2024-12-26' : null);
    });

    it('shows a zone at work: a mix of lights, not all red', async () => {
      const list = (await (await env.as('zone')).get('/api/projects')).json() as Json[];
      const lights = list.map((p) => p.light.light as string);
      expect(lights.filter((l) => l === 'red').length).toBeLessThan(lights.length);
      if (day >= '2025-01-01') {
        const n = (l: string) => lights.filter((x) => x === l).length;
        expect(n('green')).toBeGreaterThan(n('yellow') + n('red') - 1);
        expect(n('yellow')).toBeGreaterThanOrEqual(1);
        expect(n('red')).toBeGreaterThanOrEqual(1);
        expect(n('red')).toBeLessThanOrEqual(2);
        // Each red says why.
        for (const p of list.filter((x) => x.light.light === 'red')) expect(p.light.reasons.some((r: Json) => r.level === 'red' && /里程碑|落后|未开工/.test(r.text))).toBe(true);
      }
    });

    it('dates park life by its newest figure, within the last months of the load day', async () => {
      const life = (await env.anon().get('/api/public/parklife')).json();
      expect(life.asOf).not.toBeNull();
      expect(life.asOf <= now).toBe(true);
      const db = env.ctx.db;
      const newest = (await Promise.all(['park_facility', 'bus_route', 'greening_year', 'greening_entry', 'utility_service', 'school_enrolment']
        .map((t) => db.selectFrom(t as 'bus_route').select('updated_at').execute()))).flat().map((r) => r.updated_at).sort().at(-1);
      expect(life.asOf).toBe(newest);
      if (day > SEED_DAY) {
        expect(Date.parse(now) - Date.parse(life.asOf)).toBeLessThan(180 * 86_400_000);
        expect(life.utilities.every((u: Json) => !u.overdue)).toBe(true);
        expect(life.greening.map((g: Json) => g.year)).toContain(Number(day.slice(0, 4)));
      }
    });

    it('has one session a year in order, No. 187 in 七届六次', async () => {
      const rows = await env.ctx.db.selectFrom('congress_session').select(['short_name', 'starts_on', 'is_demo']).orderBy('starts_on').execute();
      const meetings = '一二三四五六七八九十';
      const numbers = rows.map((r) => meetings.indexOf(r.short_name.replace('七届', '').replace('次', '')));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(rows.every((r) => r.starts_on <= day && r.is_demo === 1)).toBe(true);
      expect(rows.find((r) => r.short_name === '七届六次')?.starts_on).toBe('2024-01-10');
      if (day >= '2025-01-10') {
        const years = rows.map((r) => r.starts_on.slice(0, 4));
        expect(new Set(years).size).toBe(years.length);
        expect(years.at(-1)).toBe(day.slice(0, 4));
      }
      const s187 = await env.ctx.db.selectFrom('suggestion').innerJoin('congress_session as cs', 'cs.id', 'suggestion.session_id')
        .select('cs.short_name').where('suggestion.number', '=', 187).executeTakeFirstOrThrow();
      expect(s187.short_name).toBe('七届六次');
    });

    it(day >= '2024-09-05' ? 'has No. 187\'s reply published, found under 187 and 第十中学, with no personal numbers' : 'has not published No. 187\'s reply yet', async () => {
      const anon = env.anon();
      for (const q of ['187', '第十中学']) {
        const found = (await anon.get(`/api/public/search?q=${encodeURIComponent(q)}`)).json();
        const hit = found.items.find((i: Json) => i.suggestionNumber === 187);
        if (day < '2024-09-05') { expect(hit).toBeUndefined(); continue; }
        expect(hit.replies[0]).toMatchObject({ docNumber: '高工信发〔2024〕37号', replyDate: '2024-08-22', publishedAt: '2024-09-05T02:00:00.000Z' });
      }
      if (day < '2024-09-05') return;
      const list = (await anon.get(`/api/public/replies?q=${encodeURIComponent('187')}`)).json();
      const id = list.items.find((i: Json) => i.title === '关于市人大七届六次会议第187号建议的答复').id;
      const body = (await anon.get(`/api/public/replies/${id}`)).body;
      expect(body).toContain('5241566');
      expect(body).not.toMatch(/1[3-9]\d{9}/);
      const reply = await env.ctx.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
        .select(['r.publication_state', 'r.redactions_json']).where('s.number', '=', 187).executeTakeFirstOrThrow();
      expect(reply.publication_state).toBe('published');
      expect(JSON.parse(reply.redactions_json!).reviewedBy).toBe('赵敏（演示）');
    });
  });
}
