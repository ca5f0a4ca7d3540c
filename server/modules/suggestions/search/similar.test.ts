import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../testing/harness.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../tools.fixtures.js';
import { cosine, draftWeights, probeTerms, sharedPhrases, termCounts } from './similar.js';
import { searchText } from '../../../../domain/text/bigrams.js';

describe('similarity scoring (pure)', () => {
  it('the same text scores 1, unrelated text 0', () => {
    const w = draftWeights('公交线路', '开发区至市内的公交线路班次太少');
    const df = new Map([['公交', 3], ['交线', 2], ['线路', 5]]);
    expect(cosine(w, w, df, 100)).toBeCloseTo(1, 6);
    expect(cosine(w, termCounts(searchText('学校建设进度')), df, 100)).toBe(0);
  });

  it('probes the rarest terms first within the budget and skips terms found nearly everywhere', () => {
    const df = new Map([['公交', 40], ['班次', 3], ['建议', 900], ['线路', 10]]);
    expect(probeTerms(['公交', '班次', '建议', '线路', '未知'], df, 1000, { budget: 20 })).toEqual(['班次', '线路']);
    expect(probeTerms(['建议'], df, 1000)).toEqual([]);
  });

  it('reads shared phrases off the draft', () => {
    const doc = new Set(searchText('增开公交线路，延长班次').split(' '));
    expect(sharedPhrases('建议优化公交线路和班次', doc)).toEqual(['公交线路', '班次']);
  });
});

describe('POST /api/suggestions/similar', () => {
  let env: TestEnv;
  let bus: string; let school: string; let busOwn: string; let draftOther: string; let nextSession: string;
  beforeAll(async () => {
    env = await createTestEnv();
    const { sessionId } = await fixtureSession(env.ctx);
    // The session the drafts below are for: a later one, so the fixture session's suggestions are earlier (往届).
    nextSession = (await fixtureSession(env.ctx)).sessionId;
    await env.ctx.db.updateTable('congress_session').set({ starts_on: '2025-01-10', ends_on: '2025-01-13' }).where('id', '=', nextSession).execute();
    const gao = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
    const other = await fixtureDeputy(env.ctx, { name: '测试代表丁' });
    bus = (await fixtureSuggestion(env.ctx, {
      sessionId, number: 11, title: '关于增开开发区公交线路的建议', body: '开发区至市内公交线路少，发车间隔长，职工通勤不便，建议增开公交线路、加密班次。',
      leadDeputyId: other, leadUnit: '交通运输局', finalSatisfaction: 'satisfied',
      replies: [{ state: 'submitted', classCode: 'A', docNumber: '高交发〔2024〕5号', intro: '开发区至市内可乘坐5路公交车，班次间隔10至15分钟。' }],
    })).id;
    busOwn = (await fixtureSuggestion(env.ctx, {
      sessionId, number: 12, title: '关于优化公交站点设置的建议', body: '米山工业园公交站点距离厂区较远，建议增设站点，方便职工乘坐公交车。',
      leadDeputyId: gao, leadUnit: '交通运输局',
      replies: [{ state: 'submitted', classCode: 'B', intro: '拟在园区增设两处公交站点。' }],
    })).id;
    school = (await fixtureSuggestion(env.ctx, {
      sessionId, number: 13, title: '关于加快建设第十中学的建议', body: '开发区教育资源匮乏，企业职工子女入学难，建议加快学校建设。', leadDeputyId: other, leadUnit: '教育局',
    })).id;
    draftOther = (await fixtureSuggestion(env.ctx, {
      sessionId, title: '关于公交线路延伸的建议', body: '建议公交线路延伸至米山镇，增开公交线路班次。', leadDeputyId: other, state: 'draft',
    })).id;
    for (let i = 0; i < 30; i++) {
      await fixtureSuggestion(env.ctx, { sessionId, number: 100 + i, title: `关于第${i}项民生实事的建议`, body: `建议做好第${i}项民生实事，改善群众生活环境。`, leadDeputyId: other, leadUnit: '民政局' });
    }
  });
  afterAll(async () => { await env.close(); });

  const draft = { title: '关于加密开发区公交班次的建议', body: '开发区公交线路班次少，职工下班后无车可乘，建议加密班次、延长末班车时间。' } as Record<string, unknown>;
  beforeAll(() => { draft.sessionId = nextSession; });

  it('lists only earlier sessions: by default the draft is for the latest session that has opened', async () => {
    const { sessionId: _, ...noSession } = draft;
    const res = await (await env.as('organizer')).post('/api/suggestions/similar', { ...noSession, limit: 20 });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { suggestionId: string }) => i.suggestionId);
    // The fixture session (2024-03-01) is the latest opened on 2024-08-01: its own suggestions are not 往届.
    expect(ids).not.toContain(bus);
    const starts = await env.ctx.db.selectFrom('suggestion as s').innerJoin('congress_session as cs', 'cs.id', 's.session_id').select('cs.starts_on')
      .where('s.id', 'in', ids.length ? ids : ['-']).execute();
    expect(starts.every((r) => r.starts_on < '2024-03-01')).toBe(true);
    // For a draft of the next session they are.
    const next = await (await env.as('organizer')).post('/api/suggestions/similar', { ...draft, limit: 20 });
    expect(next.json().items.map((i: { suggestionId: string }) => i.suggestionId)).toContain(bus);
  });

  it('ranks the suggestion about the same matter first and shows how it was answered', async () => {
    const res = await (await env.as('organizer')).post('/api/suggestions/similar', draft);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ suggestionId: string; score: number; title: string }>;
    const ids = items.map((i) => i.suggestionId);
    // The demo data holds another suggestion on the bus lines: both are about the matter, the school is not.
    expect(ids.indexOf(bus)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(bus)).toBeLessThanOrEqual(1);
    if (ids.includes(school)) expect(ids.indexOf(school)).toBeGreaterThan(ids.indexOf(bus));
    expect(ids).not.toContain(draftOther);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((x, y) => y - x));
    const hit = res.json().items[ids.indexOf(bus)];
    expect(hit).toMatchObject({
      number: 11, sessionName: '人大七届六次', state: 'in_progress', access: 'internal', satisfaction: 'satisfied', satisfactionLabel: '满意', delivery: null,
      reply: { classCode: 'A', classLabel: '所提问题已经解决或基本解决', docNumber: '高交发〔2024〕5号', published: false },
    });
    expect(hit.reply.excerpt).toContain('5路公交车');
    expect(hit.sharedPhrases).toEqual(expect.arrayContaining(['开发区公交线路', '加密班次']));
  });

  it('a deputy finds others\' suggestions only through what has been published', async () => {
    const res = await (await env.as('gaoyipeng')).post('/api/suggestions/similar', { ...draft, limit: 10 });
    const items = res.json().items;
    // Another deputy's suggestion with an unpublished reply: the deputy may not read it, so it is not listed.
    expect(items.find((i: { suggestionId: string }) => i.suggestionId === bus)).toBeUndefined();
    expect(items.every((i: { access: string; reply: { published: boolean } | null }) => i.access === 'internal' || i.reply?.published)).toBe(true);
    const own = items.find((i: { suggestionId: string }) => i.suggestionId === busOwn);
    expect(own).toMatchObject({ access: 'internal', reply: { classCode: 'B' } });
  });

  it('leaves out the suggestion being edited, and who may ask', async () => {
    const res = await (await env.as('organizer')).post('/api/suggestions/similar', { ...draft, excludeId: bus });
    expect(res.json().items.map((i: { suggestionId: string }) => i.suggestionId)).not.toContain(bus);
    expect((await (await env.as('kangshuo')).post('/api/suggestions/similar', draft)).statusCode).toBe(403);
    const short = await (await env.as('organizer')).post('/api/suggestions/similar', { title: '公交' });
    expect(short.statusCode).toBe(400);
  });
});
