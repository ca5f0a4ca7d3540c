import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../testing/harness.js';
import { REPLY_187_TEXT } from './reply-187.text.js';
import { demoSessions, reply187 } from './suggestions.seed.js';
import { detail, ok, suggestionByNumber } from '../suggestions.test-helpers.js';

describe('demo data: No. 187 as the seed has it', () => {
  it('is read from the published reply: six points, number, date, phone', () => {
    const { parsed, intro, closing } = reply187();
    expect(parsed.points.map((p) => p.heading)).toEqual([
      '关于教育资源优势不明显的问题',
      '关于商业服务设施稀缺的问题',
      '关于入驻企业人员户籍管理不畅的问题',
      '关于园区环境卫生、城市管理有差距的问题',
      '关于水、电、暖、气、公共交通等基础设施需要理顺提升的问题',
      '高平开发区坚持“五个持续推动”，实现“区内事、区内办”常态化',
    ]);
    // Every sentence of the points is the seed's own (page breaks joined).
    const flat = REPLY_187_TEXT.replace(/\s+/g, '');
    for (const p of parsed.points) for (const sentence of p.text.split(/(?<=。)/).filter(Boolean)) expect(flat).toContain(sentence.replace(/\s+/g, ''));
    expect(parsed.points[0].text).toContain('为高平市第十中学校项目');
    expect(parsed.points[4].text).toContain('班次间间隔为10至15分钟一班');
    expect(parsed).toMatchObject({ docNumber: '高工信发〔2024〕37号', date: '2024-08-22', contactPhone: '5241566', suggestionNumber: 187, session: '七届六次' });
    expect(intro).toMatch(/^关于你们提出的“关于提升开发区公共配套服务，优化营商环境的建议”已收悉。经过我们认真研究后，现答复如下：\n你们的这一提案/);
    expect(closing).toContain('全力打造开发区建设升级版、决胜高质量发展主战场');
    expect(closing).toContain('以上答复你们是否满意，如有意见，敬请反馈。');
  });

  it('is in the database assigned to 工信局 with its co-units, replied on time, feedback open', async () => {
    const env = await createTestEnv({ now: '2024-09-02T02:00:00.000Z' });
    try {
      const organizer = await env.as('organizer');
      const s = await detail(organizer, await suggestionByNumber(env, 187, '七届六次'));
      expect(s).toMatchObject({
        number: 187, title: '关于提升开发区公共配套服务，优化营商环境的建议', sessionShortName: '七届六次', state: 'awaiting_feedback', round: 1,
        leadDeputy: { name: '郜义鹏' }, leadUnit: { name: '高平市工业和信息化局' }, isDemo: true,
      });
      expect(s.signerNames).toEqual(['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤']);
      expect(s.body).toContain('我市开发区公共配套设施建设起点不高，欠账较多。随着2024年开发区入驻企业的投产达效，产业人口的大量集聚，这一问题日益凸显');
      expect(s.assignedOn).toMatch(/^2024-05-/);
      expect(s.dueDate! > '2024-08-22').toBe(true);
      expect(s.assignments.filter((a: any) => a.role === 'co').map((a: any) => a.unit.name).sort()).toEqual(
        ['恒通集团', '高平市教育局', '高平市公安局', '高平市民政局', '高平市城市管理局', '高平市交通运输局', '高平经济技术开发区管委会'].sort(),
      );
      const [r] = s.replies;
      expect(r).toMatchObject({ round: 1, state: 'submitted', docNumber: '高工信发〔2024〕37号', replyDate: '2024-08-22', contactPhone: '5241566', ratingsExpected: 5, ratingsReceived: 0, ratings: [] });
      expect(r.points).toHaveLength(6);
      expect(r.points.map((p: any) => p.text)).toEqual(reply187().parsed.points.map((p) => p.text));
      const like = await env.as('like');
      expect((await detail(like, s.id)).actions).toContain('rate');
      const ratings = await env.ctx.db.selectFrom('rating').select('id').where('suggestion_id', '=', s.id).execute();
      expect(ratings).toEqual([]);
      const notDemo = await env.ctx.db.selectFrom('suggestion').select('id').where('is_demo', '<>', 1).execute();
      expect(notDemo).toEqual([]);
    } finally {
      await env.close();
    }
  });
});

/** The other demo suggestions are dated relative to the day the demo starts, so they tell the truth on any day. */
describe.each([
  ['2024-09-02T02:00:00.000Z'],
  ['2025-01-27T02:00:00.000Z'], // the eve of the 2025 Spring Festival break
  ['2026-12-28T02:00:00.000Z'], // 2027 is not in the calendar yet: deadlines there are computed provisionally
])('demo data started at %s', (now) => {
  it('has every state, with true clocks', async () => {
    const env = await createTestEnv({ now });
    try {
      const organizer = await env.as('organizer');
      const list = ok(await organizer.get('/api/suggestions?pageSize=100'));
      const by = (title: string) => list.items.find((i: any) => i.title.includes(title));
      // Sessions between No. 187's and the current one hold a closed suggestion each, once its year's story is over.
      const between = demoSessions(env.ctx.clock.today()).filter((x) => !x.seed && !x.current).map((x) => x.shortName);
      const earlier = between.length ? await env.ctx.db.selectFrom('suggestion').innerJoin('congress_session as cs', 'cs.id', 'suggestion.session_id')
        .select('suggestion.state').where('cs.short_name', 'in', between).where('suggestion.number', 'is not', null).execute() : [];
      expect(earlier.every((x) => x.state === 'closed')).toBe(true);
      expect(list.items.map((i: any) => i.state).sort()).toEqual(
        ['awaiting_feedback', 'closed', 'in_progress', 'in_progress', 'not_admitted', 'rehandling', 'return_requested', 'submitted', ...earlier.map((x) => x.state)].sort(),
      );
      // The draft is its deputy's until submitted: 郜义鹏 sees it, with his invitation to 李科 open.
      const mine = ok(await (await env.as('gaoyipeng')).get('/api/suggestions?state=draft'));
      expect(mine.items.map((i: any) => i.title)).toEqual(['关于在米山工业园增设职工健身场地的建议']);
      expect(by('就近入学').clock.status).toBe('overdue');
      expect(by('公交线路').clock.status).toBe('due_soon');
      expect(by('企业用工')).toMatchObject({ state: 'rehandling', round: 2, finalSatisfaction: 'dissatisfied' });
      expect(by('企业用工').clock.status).toBe('due_soon');
      const parking = await detail(organizer, by('停车场').id);
      expect(parking.assignments[0]).toMatchObject({ state: 'return_requested' });
      expect(parking.assignments[0].returnDue.date >= parking.assignments[0].assignedOn).toBe(true);
      expect(parking.actions).toContain('decide_return');
      const sewage = await detail(organizer, by('污水处理').id);
      expect(sewage).toMatchObject({ state: 'closed', finalSatisfaction: 'satisfied' });
      expect(sewage.replies[0]).toMatchObject({ publicationState: 'published' });
      const published = await env.ctx.db.selectFrom('reply').select('published_json').where('id', '=', sewage.replies[0].id).executeTakeFirstOrThrow();
      expect(JSON.parse(published.published_json!).points).toHaveLength(2);
      // A mobile number stands alone; the same digits inside an id (UUIDv7 hex glued to letters) are not one.
      expect(published.published_json).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
      const dash = ok(await organizer.get('/api/suggestions-dashboard'));
      expect(dash.overdue.map((i: any) => i.title)).toEqual([by('就近入学').title]);
    } finally {
      await env.close();
    }
  });
});
