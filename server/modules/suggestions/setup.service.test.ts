import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { ok, refused } from './suggestions.test-helpers.js';

const ruleSet = {
  name: '某县政协提案办理规则', jurisdiction: '某县', replyMonths: 3, hardMonths: 5, coOpinionMonths: 1, returnWindowCount: 5, returnWindowUnit: 'days',
  rereplyMonths: 3, publishWorkdays: 20, classScheme: [{ code: '甲', label: '已解决' }, { code: '乙', label: '正在解决或列入计划' }, { code: '丙', label: '暂时不能解决' }],
  classMarkOnDoc: false, replyMode: 'joint', reminders: [{ kind: 'before', workdays: 5 }, { kind: 'on_day' }],
};

describe('rule sets and sessions', () => {
  let env: TestEnv;
  let admin: Client, organizer: Client, gongxin: Client;
  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-10-08T02:00:00.000Z' });
    [admin, organizer, gongxin] = await Promise.all(['admin', 'organizer', 'gongxin'].map((u) => env.as(u)));
  });
  afterAll(async () => { await env.close(); });

  it('Gaoping\'s demo rule set: 3 / 6 / 1 months, 7 working days, 1 month, 20 working days, A–D', async () => {
    const [rs] = ok(await organizer.get('/api/rule-sets'));
    expect(rs).toMatchObject({
      jurisdiction: '高平市', replyMonths: 3, hardMonths: 6, coOpinionMonths: 1, returnWindowCount: 7, returnWindowUnit: 'workdays',
      rereplyMonths: 1, publishWorkdays: 20, isDemo: true,
    });
    expect(rs.classScheme.map((c: any) => `${c.code} ${c.label}`)).toEqual(['A 所提问题已经解决或基本解决', 'B 所提问题列入计划拟解决', 'C 所提问题因条件限制暂时难以解决', 'D 所提问题留作参考']);
    refused(await gongxin.get('/api/rule-sets'), 403);
  });

  it('the admin creates and edits a rule set; wrong ones are refused in Chinese', async () => {
    refused(await organizer.post('/api/rule-sets', ruleSet), 403, '系统管理员');
    refused(await admin.post('/api/rule-sets', { ...ruleSet, hardMonths: 2 }), 400, '最长期限不能短于答复期限');
    refused(await admin.post('/api/rule-sets', { ...ruleSet, classScheme: [{ code: 'A', label: '一' }, { code: 'A', label: '二' }] }), 400, '分类代码不能重复');
    refused(await admin.post('/api/rule-sets', { ...ruleSet, returnWindowUnit: 'weeks' }), 400, '工作日或自然日');
    refused(await admin.post('/api/rule-sets', { ...ruleSet, reminders: [{ kind: 'before', workdays: 0 }] }), 400, '至少为 1');
    const rs = ok(await admin.post('/api/rule-sets', ruleSet));
    expect(rs).toMatchObject({ name: ruleSet.name, classScheme: ruleSet.classScheme, isDemo: false, version: 1 });
    refused(await admin.post('/api/rule-sets', ruleSet), 409, '已有名为');
    const next = ok(await admin.patch(`/api/rule-sets/${rs.id}`, { version: rs.version, rereplyMonths: 1 }));
    expect(next).toMatchObject({ rereplyMonths: 1, version: 2, replyMonths: 3 });
    refused(await admin.patch(`/api/rule-sets/${rs.id}`, { version: rs.version, rereplyMonths: 2 }), 409, '已被他人修改');
    refused(await admin.patch(`/api/rule-sets/${rs.id}`, { version: next.version, replyMonths: 6 }), 400, '最长期限不能短于答复期限');
  });

  it('the organizer opens a CPPCC session under that rule set; its suggestions follow its deadlines', async () => {
    const rs = (ok(await admin.get('/api/rule-sets')) as any[]).find((r) => r.name === ruleSet.name);
    refused(await organizer.post('/api/congress-sessions', { body: '政协', term: '十', meeting: '三', fullName: '某县政协第十届委员会第三次会议', startsOn: '2024-03-01', endsOn: '2024-02-28', ruleSetId: rs.id }), 400, '闭幕日期不能早于开幕日期');
    refused(await organizer.post('/api/congress-sessions', { body: '政协', term: '10', meeting: '三', fullName: '某县政协第十届委员会第三次会议', startsOn: '2024-03-01', endsOn: '2024-03-04', ruleSetId: rs.id }), 400, '汉字数字');
    refused(await gongxin.post('/api/congress-sessions', { body: '政协', term: '十', meeting: '三', fullName: '某县政协第十届委员会第三次会议', startsOn: '2024-03-01', endsOn: '2024-03-04', ruleSetId: rs.id }), 403);
    const session = ok(await organizer.post('/api/congress-sessions', { body: '政协', term: '十', meeting: '三', fullName: '某县政协第十届委员会第三次会议', startsOn: '2024-03-01', endsOn: '2024-03-04', ruleSetId: rs.id }));
    expect(session).toMatchObject({ shortName: '十届三次', ruleSetName: ruleSet.name, suggestionCount: 0 });
    const member = ok(await organizer.post('/api/deputies', { name: '钱委员', body: '政协', delegation: '经济界' }));
    let s = ok(await organizer.post('/api/suggestions', { sessionId: session.id, title: '关于县城停车难问题的提案', body: '县城停车位不足，建议建设立体停车场。', category: '城乡建设', kind: '提案', leadDeputyId: member.id }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
    expect(s.number).toBe(1);
    const gaoping = (ok(await organizer.get('/api/rule-sets')) as any[]).find((r) => r.jurisdiction === '高平市');
    s = ok(await organizer.post(`/api/suggestions/${s.id}/assign`, { version: s.version, leadUnitId: (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '城市管理局').executeTakeFirstOrThrow()).id, assignedOn: '2024-09-30' }));
    expect(s.ruleSet).toMatchObject({ name: ruleSet.name, returnWindowUnit: 'days', returnWindowCount: 5 });
    expect(s.ruleSet.id).not.toBe(gaoping.id);
    // 5 calendar days from 09-30 end on 10-05, inside the National Day break: rolled to 10-08.
    expect(s.assignments[0].returnDue.date).toBe('2024-10-08');
    expect(s.assignments[0].returnDue.lines.join('\n')).toContain('顺延');
    // Hard deadline 5 months: 2025-02-28.
    expect(s.deadlines.hardDue.date).toBe('2025-02-28');
    const sessions = ok(await gongxin.get('/api/congress-sessions'));
    expect(sessions.find((x: any) => x.id === session.id).suggestionCount).toBe(1);
    const renamed = ok(await organizer.patch(`/api/congress-sessions/${session.id}`, { version: session.version, meeting: '四', fullName: '某县政协第十届委员会第四次会议' }));
    expect(renamed).toMatchObject({ shortName: '十届四次', version: 2 });
    refused(await organizer.patch(`/api/congress-sessions/${session.id}`, { version: session.version, meeting: '五' }), 409, '已被他人修改');
  });
});
