import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, type TestEnv } from '../../../testing/harness.js';
import { newId } from '../../../platform/ids.js';
import { workingDaysBetween } from '../../../../domain/calendar/workdays.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion, orgId } from '../tools.fixtures.js';

describe('handling statistics', () => {
  let env: TestEnv;
  let sessionId: string;
  beforeAll(async () => {
    env = await createTestEnv();
    ({ sessionId } = await fixtureSession(env.ctx));
    const gao = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
    const like = await fixtureDeputy(env.ctx, { username: 'like' });
    const rate = async (replyId: string, suggestionId: string, deputyId: string, satisfaction: string) => {
      await env.ctx.db.insertInto('rating').values({ id: newId(), reply_id: replyId, suggestion_id: suggestionId, deputy_id: deputyId, satisfaction, met_in_person: 1, comment: null, rated_at: env.clock.nowIso(), is_demo: 0 }).execute();
    };
    const s1 = await fixtureSuggestion(env.ctx, {
      sessionId, number: 1, title: '关于准时答复的建议', body: '内容一', leadDeputyId: gao, coDeputyIds: [like], leadUnit: '工信局', state: 'closed', finalSatisfaction: 'basically_satisfied',
      replies: [{ classCode: 'A', submittedAt: '2024-06-20T03:00:00.000Z', dueOn: '2024-07-01' }],
    });
    await rate(s1.replyIds[0], s1.id, gao, 'satisfied');
    await rate(s1.replyIds[0], s1.id, like, 'basically_satisfied');
    const s2 = await fixtureSuggestion(env.ctx, {
      sessionId, number: 2, title: '关于逾期答复的建议', body: '内容二', leadDeputyId: gao, leadUnit: '工信局', state: 'closed', finalSatisfaction: 'satisfied',
      replies: [
        { round: 1, classCode: 'C', submittedAt: '2024-07-15T03:00:00.000Z', dueOn: '2024-07-01' },
        { round: 2, classCode: 'B', submittedAt: '2024-07-30T03:00:00.000Z', dueOn: '2024-08-15' },
      ],
    });
    await rate(s2.replyIds[0], s2.id, gao, 'dissatisfied');
    await rate(s2.replyIds[1], s2.id, gao, 'satisfied');
    const s3 = await fixtureSuggestion(env.ctx, { sessionId, number: 3, title: '关于尚未答复的建议', body: '内容三', leadDeputyId: like, leadUnit: '工信局', replyDue: '2024-07-01' });
    const a3 = await env.ctx.db.selectFrom('assignment').select('id').where('suggestion_id', '=', s3.id).executeTakeFirstOrThrow();
    await env.ctx.db.insertInto('extension_request').values({ id: newId(), suggestion_id: s3.id, assignment_id: a3.id, requested_due: '2024-09-01', reason: '需要协调', state: 'approved', decided_due: '2024-09-01', decision_note: null, requested_by: null, requested_at: env.clock.nowIso(), decided_by: null, decided_at: env.clock.nowIso(), is_demo: 0, version: 1 }).execute();
    // An approved extension that was not written onto the suggestion would hide the overdue: keep the due as is.
    const s4 = await fixtureSuggestion(env.ctx, { sessionId, number: 4, title: '关于教育的建议', body: '内容四', leadDeputyId: like, leadUnit: '教育局', coUnits: ['工信局'], replyDue: '2024-10-01' });
    await env.ctx.db.updateTable('assignment').set({ return_requested_at: env.clock.nowIso(), return_reason: '不属本单位职责', return_decision: 'rejected' }).where('suggestion_id', '=', s4.id).where('role', '=', 'lead').execute();
    await fixtureSuggestion(env.ctx, { sessionId, title: '尚未交办的建议', body: '内容五', leadDeputyId: like, state: 'submitted' });
  });
  afterAll(async () => { await env.close(); });

  it('computes the figures per unit, per session and in total', async () => {
    const res = await (await env.as('organizer')).get(`/api/suggestions/stats?sessionId=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.sessionName).toBe('人大七届六次');
    expect(r.classScheme.map((c: { code: string }) => c.code)).toEqual(['A', 'B', 'C', 'D']);
    const gx = r.units.find((u: { unitName: string }) => u.unitName === '高平市工业和信息化局');
    const cal = await env.ctx.calendar.get();
    expect(gx).toMatchObject({
      assigned: 3, coAssigned: 1, replied: 2, repliedOnTime: 1, overdueOpen: 1,
      firstRound: { rated: 2, satisfied: 0, basically: 1, dissatisfied: 1, rate: 0.5 },
      final: { rated: 2, satisfied: 1, basically: 1, dissatisfied: 0, rate: 1 },
      classMix: { A: 1, B: 1 },
      returnRequests: 0, extensionRequests: 1, extensionsApproved: 1,
      avgDaysToReply: 92.5,
      avgWorkdaysToReply: (workingDaysBetween(cal, '2024-04-01', '2024-06-20') + workingDaysBetween(cal, '2024-04-01', '2024-07-15')) / 2,
    });
    expect(gx.replyRate).toBeCloseTo(2 / 3, 6);
    expect(gx.onTimeRate).toBe(0.5);
    const jy = r.units.find((u: { unitName: string }) => u.unitName === '高平市教育局');
    expect(jy).toMatchObject({ assigned: 1, replied: 0, overdueOpen: 0, returnRequests: 1, returnsApproved: 0, replyRate: 0, onTimeRate: null });
    expect(r.total).toMatchObject({ assigned: 4, replied: 2, overdueOpen: 1 });
    expect(r.bySession).toHaveLength(1);
    expect(r.bySession[0]).toMatchObject({ sessionName: '人大七届六次', assigned: 4 });
  });

  it('unit staff see their own unit\'s line only; deputies and the public none', async () => {
    const r = (await (await env.as('jiaoyu')).get(`/api/suggestions/stats?sessionId=${sessionId}`)).json();
    expect(r.scope).toBe('unit');
    expect(r.total).toBeNull();
    expect(r.units.map((u: { unitId: string }) => u.unitId)).toEqual([await orgId(env.ctx, '教育局')]);
    expect(r.bySession[0].assigned).toBe(1);
    expect((await (await env.as('gaoyipeng')).get('/api/suggestions/stats')).statusCode).toBe(403);
    expect((await env.anon().get('/api/suggestions/stats')).statusCode).toBe(401);
    expect((await (await env.as('organizer')).get('/api/suggestions/stats?sessionId=nope')).statusCode).toBe(404);
  });

  it('exports the same figures to .xlsx with Chinese headers', async () => {
    const res = await (await env.as('organizer')).get(`/api/suggestions/stats.xlsx?sessionId=${sessionId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1])).toBe('建议办理统计_人大七届六次_2024-08-01.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按单位', '按届次', '指标说明']);
    const ws = wb.getWorksheet('按单位')!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual(['承办单位', '主办件数', '协办件数', '已办复', '按时办复', '逾期未办复', '办复率']);
    expect(header).toContain('A类（所提问题已经解决或基本解决）');
    const rows = [] as unknown[][];
    ws.eachRow((row, n) => { if (n > 3) rows.push((row.values as unknown[]).slice(1)); });
    const gx = rows.find((r) => r[0] === '高平市工业和信息化局')!;
    expect(gx.slice(1, 6)).toEqual([3, 1, 2, 1, 1]);
    expect(rows[rows.length - 1][0]).toBe('合计');
    expect(ws.getCell(4, 7).numFmt).toBe('0.0%');
  });
});
