import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../../testing/harness.js';
import { fieldCryptoFor } from '../../../platform/crypto/field-crypto.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../tools.fixtures.js';
import { currentDemoSession } from '../suggestions.test-helpers.js';

const DEPUTY_PHONE = '13800001111';
const SECRETS = ['13912345678', '11010519491231002X', 'zhang.san@163.com', DEPUTY_PHONE, '草稿专有文字', '未审核专有文字', '内部协办意见专有文字'];

describe('publication with redaction', () => {
  let env: TestEnv;
  let organizer: Client;
  let sessionId: string;
  let a: { id: string; replyIds: string[] };
  let b: { id: string; replyIds: string[] };
  let c: { id: string; replyIds: string[] };

  beforeAll(async () => {
    env = await createTestEnv();
    organizer = await env.as('organizer');
    ({ sessionId } = await fixtureSession(env.ctx));
    const gao = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
    const like = await fixtureDeputy(env.ctx, { username: 'like' });
    await env.ctx.db.updateTable('deputy').set({ phone_enc: fieldCryptoFor(env.ctx.config).encrypt(DEPUTY_PHONE) }).where('id', '=', gao).execute();
    a = await fixtureSuggestion(env.ctx, {
      sessionId, number: 187, title: '关于提升开发区公共配套服务，优化营商环境的建议', body: '开发区公共配套设施建设起点不高，欠账较多。',
      leadDeputyId: gao, coDeputyIds: [like], leadUnit: '工信局', coUnits: ['恒通集团'],
      replies: [{
        state: 'submitted', docNumber: '高工信发〔2024〕37号', classCode: 'B', replyDate: '2024-07-30',
        intro: `经过我们认真研究后，现答复如下。郜义鹏代表（${DEPUTY_PHONE}）反映的问题已转交。`,
        points: [
          { heading: '一、关于教育资源优势不明显的问题', text: '高平市第十中学项目位于米山镇米西村，现场负责人电话13912345678。', org: '教育局' },
          { heading: '二、关于商业服务设施稀缺的问题', text: '联系人身份证号11010519491231002X，邮箱 zhang.san@163.com，单位邮箱 gxj@gaoping.gov.cn。', org: '恒通集团' },
        ],
        contactPerson: '李晓东', contactPhone: '5241566',
      }],
    });
    await env.ctx.db.updateTable('reply').set({ signer: '王建军' }).where('id', '=', a.replyIds[0]).execute();
    await env.ctx.db.updateTable('assignment').set({ opinion_text: '内部协办意见专有文字', opinion_at: env.clock.nowIso() }).where('suggestion_id', '=', a.id).where('role', '=', 'co').execute();
    b = await fixtureSuggestion(env.ctx, {
      sessionId, number: 188, title: '关于园区绿化的建议', body: '园区裸露土地较多。', leadDeputyId: gao, leadUnit: '工信局',
      replies: [{ state: 'draft', intro: '草稿专有文字' }],
    });
    c = await fixtureSuggestion(env.ctx, {
      sessionId, number: 189, title: '关于公交线路的建议', body: '开发区公交班次少。', leadDeputyId: like, leadUnit: '工信局',
      replies: [{ state: 'submitted', intro: '未审核专有文字' }],
    });
  });
  afterAll(async () => { await env.close(); });

  const review = async (id: string) => (await organizer.get(`/api/publication/replies/${id}`)).json();

  it('lists submitted replies awaiting review with their publication deadline', async () => {
    const res = await organizer.get(`/api/publication/replies?sessionId=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const ids = body.items.map((i: { replyId: string }) => i.replyId);
    expect(ids).toEqual(expect.arrayContaining([a.replyIds[0], c.replyIds[0]]));
    expect(ids).not.toContain(b.replyIds[0]);
    expect(body.counts).toEqual({ pending: 2, reviewed: 0, published: 0, overdue: 0 });
    const item = body.items.find((i: { replyId: string }) => i.replyId === a.replyIds[0]);
    // Submitted 2024-08-01; 20 working days later.
    expect(item.deadline).toMatchObject({ from: '2024-08-01', workdays: 20, dueDate: '2024-08-29', clock: { status: 'normal' } });
    expect(item.findings).toBe(4);
    expect(item.publicationStateLabel).toBe('待审核');
  });

  it('shows every finding with kind, original, replacement and place, keeping the official line', async () => {
    const r = await review(a.replyIds[0]);
    expect(r.title).toBe('关于市人大七届六次会议第187号建议的答复');
    expect(r.addressee).toBe('尊敬的郜义鹏、李科代表：');
    const all = r.fields.flatMap((f: { key: string; findings: Array<{ kind: string; original: string; replacement: string }> }) => f.findings.map((x) => ({ field: f.key, ...x })));
    expect(all.map((x: { kind: string; original: string }) => `${x.kind} ${x.original}`)).toEqual([
      `mobile ${DEPUTY_PHONE}`, 'mobile 13912345678', 'id_card 11010519491231002X', 'email zhang.san@163.com',
    ]);
    expect(all[1]).toMatchObject({ kindLabel: '手机号码', replacement: '139****5678', source: 'auto', kept: false });
    const phone = r.fields.find((f: { key: string }) => f.key === 'contactPhone');
    expect(phone).toMatchObject({ text: '5241566', redacted: '5241566', findings: [] });
    expect(r.officialPhone).toBe('5241566');
  });

  it('refuses to publish before review, and a stale version', async () => {
    const r = await review(a.replyIds[0]);
    const early = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/publish`, { version: r.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('尚未审核');
    const stale = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/review`, { version: r.version - 1 + 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_write');
  });

  it('a unit cannot review or publish; a draft reply cannot be reviewed', async () => {
    const r = await review(a.replyIds[0]);
    const gx = await env.as('gongxin');
    expect((await gx.post(`/api/publication/replies/${a.replyIds[0]}/review`, { version: r.version })).statusCode).toBe(403);
    expect((await gx.get(`/api/publication/replies/${a.replyIds[0]}`)).statusCode).toBe(403);
    expect((await organizer.get(`/api/publication/replies/${b.replyIds[0]}`)).statusCode).toBe(404);
    expect((await organizer.post(`/api/publication/replies/${b.replyIds[0]}/review`, { version: 1 })).statusCode).toBe(409);
  });

  it('adjusts, reviews, publishes the redacted copy, and records it', async () => {
    let r = await review(a.replyIds[0]);
    const intro = r.fields.find((f: { key: string }) => f.key === 'intro');
    await organizer.post(`/api/publication/replies/${a.replyIds[0]}/review`, { version: r.version });
    r = await review(a.replyIds[0]);
    expect(r.publicationState).toBe('reviewed');
    // Changing the decisions sends it back for review.
    const idFinding = r.fields.flatMap((f: { findings: Array<{ key: string; kind: string }> }) => f.findings).find((x: { kind: string }) => x.kind === 'id_card');
    const saved = await organizer.put(`/api/publication/replies/${a.replyIds[0]}/decisions`, {
      version: r.version, keep: [idFinding.key], manual: [{ phrase: '米山镇米西村' }, { field: 'intro', start: intro.text.indexOf('郜义鹏'), end: intro.text.indexOf('郜义鹏') + 3 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().publicationState).toBe('draft');
    const missing = await organizer.put(`/api/publication/replies/${a.replyIds[0]}/decisions`, { version: saved.json().version, keep: [], manual: [{ phrase: '不存在的文字' }] });
    expect(missing.statusCode).toBe(400);
    // Keep the ID number after all? No: undo that, then review and publish.
    const undo = await organizer.put(`/api/publication/replies/${a.replyIds[0]}/decisions`, { version: saved.json().version, keep: [], manual: saved.json().manual.map((m: Record<string, unknown>) => { const { id: _id, ...rest } = m; return rest; }) });
    expect(undo.statusCode, undo.body).toBe(200);
    const reviewed = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/review`, { version: undo.json().version });
    const published = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/publish`, { version: reviewed.json().version });
    expect(published.statusCode, published.body).toBe(200);
    const p = published.json().published;
    expect(p.intro).toBe('经过我们认真研究后，现答复如下。［已隐去］代表（138****1111）反映的问题已转交。');
    expect(p.points[0].text).toBe('高平市第十中学项目位于［已隐去］，现场负责人电话139****5678。');
    expect(p.points[1].text).toContain('110105********002*');
    expect(p.points[1].text).toContain('gxj@gaoping.gov.cn');
    expect(p.contactPhone).toBe('5241566');
    expect(p.redactionCount).toBe(6);
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.replyIds[0]).execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['reply.review', 'reply.redaction_decisions', 'reply.publish']));
    const ev = await env.ctx.db.selectFrom('suggestion_event').select(['kind', 'visibility']).where('suggestion_id', '=', a.id).execute();
    expect(ev).toEqual(expect.arrayContaining([{ kind: 'reply_published', visibility: 'public' }]));
    const again = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/publish`, { version: published.json().version });
    expect(again.statusCode).toBe(409);
  });

  it('the public reads only the published, redacted reply', async () => {
    const anon = env.anon();
    const list = await anon.get('/api/public/replies');
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(a.replyIds[0]);
    for (const id of [...b.replyIds, ...c.replyIds]) expect(listed).not.toContain(id);
    expect(list.json().filters.units.map((u: { name: string }) => u.name)).toContain('高平市工业和信息化局');
    const mine = await anon.get(`/api/public/replies?sessionId=${sessionId}`);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([a.replyIds[0]]);
    const one = await anon.get(`/api/public/replies/${a.replyIds[0]}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ docNumber: '高工信发〔2024〕37号', classCode: 'B', round: 1 });
    // Signed as the official document is: the issuing unit over the date; the signer's name is not published.
    expect(one.json().signature).toEqual({ organ: '高平市工业和信息化局', date: '2024-07-30' });
    expect(one.body).not.toContain('王建军');
    expect(one.json()).not.toHaveProperty('signer');
    for (const id of [b.replyIds[0], c.replyIds[0], 'nope']) expect((await anon.get(`/api/public/replies/${id}`)).statusCode).toBe(404);
    const filtered = await anon.get(`/api/public/replies?q=${encodeURIComponent('第十中学')}`);
    expect(filtered.json().total).toBe(1);
    expect((await anon.get(`/api/public/replies?q=${encodeURIComponent('花海')}`)).json().total).toBe(0);
    const search = await anon.get(`/api/public/search?q=${encodeURIComponent('第十中学')}`);
    expect(search.json().items[0].replies[0].segments.some((s: { text: string; mark: boolean }) => s.mark && s.text === '第十中学')).toBe(true);
  });

  it('a copy published with the signer\'s name (before the signature was stored) is shown signed by the unit', async () => {
    const row = await env.ctx.db.selectFrom('reply').select('published_json').where('id', '=', a.replyIds[0]).executeTakeFirstOrThrow();
    const { signature: _signature, ...old } = JSON.parse(row.published_json!);
    await env.ctx.db.updateTable('reply').set({ published_json: JSON.stringify({ ...old, signer: '王建军（演示）' }) }).where('id', '=', a.replyIds[0]).execute();
    try {
      const one = await env.anon().get(`/api/public/replies/${a.replyIds[0]}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().signature).toEqual({ organ: '高平市工业和信息化局', date: '2024-07-30' });
      expect(one.body).not.toContain('王建军');
    } finally {
      await env.ctx.db.updateTable('reply').set({ published_json: row.published_json }).where('id', '=', a.replyIds[0]).execute();
    }
  });

  it('the demo\'s published reply (No. 45) is served in the public shape', async () => {
    const list = (await env.anon().get(`/api/public/replies?q=${encodeURIComponent('污水')}`)).json();
    expect(list.items.map((i: { title: string }) => i.title)).toContain(`关于市人大${currentDemoSession(env)}会议第45号建议的答复`);
    const one = (await env.anon().get(`/api/public/replies/${list.items[0].id}`)).json();
    expect(one).toMatchObject({ unit: { name: '高平市城市管理局' }, suggestion: { number: 45 }, classCode: 'A' });
    expect(one.points).toHaveLength(2);
    expect(one.signature.organ).toBe('高平市城市管理局');
    expect(one).not.toHaveProperty('signer');
  });

  it('no draft, unreviewed reply, co-unit opinion or personal phone reaches any public response', async () => {
    const anon = env.anon();
    const bodies: string[] = [];
    const get = async (url: string) => { const r = await anon.get(url); bodies.push(r.body); return r; };
    const list = await get('/api/public/replies?pageSize=50');
    for (const it of list.json().items) await get(`/api/public/replies/${it.id}`);
    for (const id of [...a.replyIds, ...b.replyIds, ...c.replyIds]) await get(`/api/public/replies/${id}`);
    for (const q of ['草稿专有', '未审核专有', '内部协办意见', '专有文字', DEPUTY_PHONE, '13912345678', '身份证', '邮箱', '开发区', '公交', '绿化']) {
      await get(`/api/public/search?q=${encodeURIComponent(q)}`);
      await get(`/api/public/replies?q=${encodeURIComponent(q)}`);
    }
    const all = bodies.join('\n');
    for (const s of SECRETS) expect(all, s).not.toContain(s);
    const cipher = (await env.ctx.db.selectFrom('deputy').select('phone_enc').where('phone_enc', 'is not', null).executeTakeFirstOrThrow()).phone_enc!;
    expect(all).not.toContain(cipher);
    expect(all).toContain('139****5678');
  });

  it('takes a published reply down with a reason', async () => {
    const r = await review(a.replyIds[0]);
    const noReason = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/unpublish`, { version: r.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await organizer.post(`/api/publication/replies/${a.replyIds[0]}/unpublish`, { version: r.version, reason: '发现仍有个人信息需要隐去' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ publicationState: 'draft', withdrawn: { reason: '发现仍有个人信息需要隐去' }, published: null });
    expect((await env.anon().get(`/api/public/replies/${a.replyIds[0]}`)).statusCode).toBe(404);
    expect((await env.anon().get(`/api/public/search?q=${encodeURIComponent('第十中学')}`)).json().total).toBe(0);
    expect((await organizer.post(`/api/publication/replies/${a.replyIds[0]}/unpublish`, { version: res.json().version, reason: '再次撤回试试' })).statusCode).toBe(409);
  });

  it('shows the publication deadline as overdue once it has passed', async () => {
    env.clock.set('2024-09-10T02:00:00.000Z');
    try {
      // A new login: the earlier session has expired by then.
      const res = await (await env.as('organizer')).get(`/api/publication/replies?sessionId=${sessionId}&status=pending`);
      const item = res.json().items.find((i: { replyId: string }) => i.replyId === c.replyIds[0]);
      expect(item.deadline.clock).toMatchObject({ status: 'overdue', statusLabel: '逾期' });
      expect(res.json().counts.overdue).toBeGreaterThanOrEqual(1);
    } finally {
      env.clock.set('2024-08-01T02:00:00.000Z');
    }
  });

  it('the overdue count agrees with the deadline shown on each reply, on every day around the deadlines', async () => {
    // A reply submitted late in the evening UTC is already the next day in China: its period starts then.
    await env.ctx.db.updateTable('reply').set({ submitted_at: '2024-08-22T17:30:00.000Z' }).where('id', '=', c.replyIds[0]).execute();
    const seen: number[] = [];
    try {
      const own = (await (await env.as('organizer')).get(`/api/publication/replies/${c.replyIds[0]}`)).json();
      const due: string = own.deadline.dueDate;
      expect(own.deadline.lines.join('\n')).toContain('2024-08-23'); // counted from the day in China
      const after = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      // 2027 is not in the test calendar: it is counted with weekends only, in the clocks and the count alike.
      for (const day of ['2024-08-02', '2024-08-28', due, after, '2027-01-05', '2024-10-08']) {
        env.clock.set(`${day}T02:00:00.000Z`);
        const client = await env.as('organizer');
        const items: Array<{ publicationState: string; deadline: { clock: { status: string } | null } | null }> = [];
        for (const status of ['pending', 'reviewed']) {
          items.push(...(await client.get(`/api/publication/replies?status=${status}&pageSize=50`)).json().items);
        }
        const shown = items.filter((i) => i.deadline?.clock?.status === 'overdue').length;
        expect((await client.get('/api/publication/counts')).json().overdue, day).toBe(shown);
        seen.push(shown);
      }
      // The days cross deadlines: the count changes along them.
      expect(seen[seen.length - 1]).toBeGreaterThan(seen[0]);
    } finally {
      env.clock.set('2024-08-01T02:00:00.000Z');
    }
  });
});
