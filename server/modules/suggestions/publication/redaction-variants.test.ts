import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../../testing/harness.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../tools.fixtures.js';
import { HIDDEN_NUMBER_VARIANTS, visibleDigits } from '../../../../domain/text/fixtures/hidden-numbers.js';

/** Every hidden-number variant goes through review and publication; none reaches a public response. */
describe('publication hides numbers written in full width or with invisible characters', () => {
  let env: TestEnv;
  let organizer: Client;
  let replyId: string;

  beforeAll(async () => {
    env = await createTestEnv();
    organizer = await env.as('organizer');
    const { sessionId } = await fixtureSession(env.ctx);
    const gao = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
    const s = await fixtureSuggestion(env.ctx, {
      sessionId, number: 301, title: '关于园区道路照明的建议', body: '园区夜间照明不足。', leadDeputyId: gao, leadUnit: '工信局',
      replies: [{
        state: 'submitted', docNumber: '高工信发〔2024〕51号', classCode: 'B', replyDate: '2024-07-30',
        intro: '经研究，现答复如下。',
        points: HIDDEN_NUMBER_VARIANTS.map((v, i) => ({ heading: `${i + 1}、关于照明第${i + 1}段的问题`, text: `路灯维修联系人电话${v.text}，照明改造年内完成。` })),
        contactPerson: '李晓东', contactPhone: '5241566',
      }],
    });
    replyId = s.replyIds[0];
  });
  afterAll(async () => { await env.close(); });

  it('the reviewer sees every variant as a finding', async () => {
    const r = (await organizer.get(`/api/publication/replies/${replyId}`)).json();
    const findings = r.fields.flatMap((f: { findings: Array<{ kind: string; original: string }> }) => f.findings);
    expect(findings.map((f: { original: string }) => f.original)).toEqual(HIDDEN_NUMBER_VARIANTS.map((v) => v.text));
  });

  it('no variant reaches the public replies API or public search', async () => {
    let r = (await organizer.get(`/api/publication/replies/${replyId}`)).json();
    const reviewed = await organizer.post(`/api/publication/replies/${replyId}/review`, { version: r.version });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const published = await organizer.post(`/api/publication/replies/${replyId}/publish`, { version: reviewed.json().version });
    expect(published.statusCode, published.body).toBe(200);
    r = published.json();
    expect(r.published.redactionCount).toBe(HIDDEN_NUMBER_VARIANTS.length);

    const anon = env.anon();
    const bodies: string[] = [];
    const get = async (url: string) => { const res = await anon.get(url); expect(res.statusCode, url).toBe(200); bodies.push(res.body); return res; };
    const one = await get(`/api/public/replies/${replyId}`);
    expect(one.json().points).toHaveLength(HIDDEN_NUMBER_VARIANTS.length);
    for (const p of one.json().points) expect(p.text).toMatch(/^路灯维修联系人电话.+，照明改造年内完成。$/);
    await get('/api/public/replies?q=' + encodeURIComponent('照明'));
    await get('/api/public/search?q=' + encodeURIComponent('照明'));
    await get('/api/public/search?q=' + encodeURIComponent('路灯维修'));
    const all = JSON.parse(`[${bodies.join(',')}]`);
    const text = JSON.stringify(all);
    expect(text).toContain('照明');
    for (const v of HIDDEN_NUMBER_VARIANTS) {
      expect(text, v.name).not.toContain(v.text);
      // Read as a person would (full width folded, invisible characters dropped), the number is still gone.
      expect(visibleDigits(text), v.name).not.toContain(v.digits.slice(3, 11));
    }
  });
});
