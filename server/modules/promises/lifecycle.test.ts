import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { postForm } from '../projects/testing.js';
import { fresh187, ok } from './testing.js';

describe('keeping a promise: status, progress, evidence and history', () => {
  let env: TestEnv;
  let gongxin: Client;
  let hengtong: Client;
  let jiaoyu: Client;
  let organizer: Client;
  let deputy: Client;
  let greening: any;
  let utilities: any;
  let school: any;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
    [gongxin, hengtong, jiaoyu, organizer, deputy] = await Promise.all(['gongxin', 'hengtong', 'jiaoyu', 'organizer', 'gaoyipeng'].map((u) => env.as(u)));
    const { replyId } = await fresh187(env);
    const { panel } = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    const pick = (w: string) => panel.proposals.find((p: any) => p.sourceText.includes(w));
    const confirm = (p: any) => ok(gongxin.post(`/api/promises/${p.id}/confirm`, { version: p.version }));
    greening = await confirm(pick('全年不少于3.5万平米'));
    utilities = await confirm(pick('年内投入运营'));
    school = await confirm(pick('预计年底主体封顶'));
  });
  afterAll(async () => { await env.close(); });

  it('an unconfirmed proposal cannot be updated yet', async () => {
    const { replyId } = await fresh187(env);
    const { panel } = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    const p = panel.proposals.find((x: any) => x.owner.shortName === '工信局');
    const res = await gongxin.post(`/api/promises/${p.id}/progress`, { version: p.version, progress: 10 });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('请先确认');
  });

  it('progress on a planned promise starts it; each change is a history entry with before and after', async () => {
    const r = await ok(hengtong.post(`/api/promises/${greening.id}/progress`, { version: greening.version, progress: 76, achievedValue: 26500, note: '截至8月完成 26,500 平方米' }));
    expect(r).toMatchObject({ status: 'in_progress', progress: 76, achievedValue: 26500, targetMet: false });
    const d = await ok(hengtong.get(`/api/promises/${greening.id}`));
    const h = d.history[0];
    expect(h).toMatchObject({ kind: 'progress', note: '截至8月完成 26,500 平方米' });
    expect(h.by).toContain('恒通集团');
    expect(h.changes).toEqual(expect.arrayContaining([
      { field: 'status', label: '状态', before: '计划中', after: '推进中' },
      { field: 'progress', label: '进度', before: '0%', after: '76%' },
    ]));
    greening = r;
  });

  it('only the owner updates: the lead unit, another unit, the organizer and the deputies are refused', async () => {
    for (const c of [gongxin, jiaoyu, organizer, deputy]) {
      const res = await c.post(`/api/promises/${greening.id}/progress`, { version: greening.version, progress: 80 });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    // 教育局 does not even see 恒通集团's promise in 工信局's reply.
    expect((await jiaoyu.get(`/api/promises/${greening.id}`)).statusCode).toBe(403);
  });

  it('two people updating from the same version: the second gets a 409 and nothing is lost', async () => {
    const first = await hengtong.post(`/api/promises/${greening.id}/progress`, { version: greening.version, progress: 80 });
    const second = await hengtong.post(`/api/promises/${greening.id}/progress`, { version: greening.version, progress: 82 });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'stale_write' });
    expect(second.json().message).toContain('已被他人修改');
    greening = first.json();
    expect(greening.progress).toBe(80);
  });

  it('slipping needs a reason and a later date; the original date is kept and the lead unit is told', async () => {
    const noReason = await hengtong.post(`/api/promises/${utilities.id}/status`, { version: utilities.version, status: 'slipped', newDue: '2025-04-30' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('延期原因');
    const earlier = await hengtong.post(`/api/promises/${utilities.id}/status`, { version: utilities.version, status: 'slipped', newDue: '2024-10-31', reason: '供热管网冬季施工受限' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().message).toContain('晚于原时限');
    const s = await ok(hengtong.post(`/api/promises/${utilities.id}/status`, { version: utilities.version, status: 'slipped', newDue: '2025-04-30', reason: '供热管网冬季施工受限' }));
    expect(s).toMatchObject({ status: 'slipped', due: '2025-04-30', originalDue: '2024-12-31', statusReason: '供热管网冬季施工受限', clock: 'on_track' });
    const lead = await env.ctx.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select('n.title').where('u.username', '=', 'gongxin').where('n.kind', '=', 'promise.changed').execute();
    expect(lead.length).toBe(1);
    utilities = s;
  });

  it('a transition not allowed from the current status is a 409 with the reason', async () => {
    const res = await hengtong.post(`/api/promises/${utilities.id}/status`, { version: utilities.version, status: 'planned' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('不能从“已延期”改为“计划中”');
    const drop = await ok(hengtong.post(`/api/promises/${utilities.id}/status`, { version: utilities.version, status: 'dropped', reason: '改由市政统一建设' }));
    const again = await hengtong.post(`/api/promises/${utilities.id}/status`, { version: drop.version, status: 'in_progress', reason: '恢复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已终止');
  });

  it('done: progress 100, the day recorded, and the deputies asked (once) to rate the delivery', async () => {
    const future = await jiaoyu.post(`/api/promises/${school.id}/status`, { version: school.version, status: 'done', doneOn: '2024-12-26' });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能晚于今天');
    const d = await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: school.version, status: 'done', doneOn: '2024-09-09', note: '主体结构提前封顶' }));
    expect(d).toMatchObject({ status: 'done', progress: 100, doneOn: '2024-09-09', clock: 'closed', delivery: { rateable: true } });
    const notes = await env.ctx.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select(['u.username', 'n.link']).where('n.kind', '=', 'promise.rate').where('n.link', '=', `/promises/${school.id}`).execute();
    expect(notes.map((n) => n.username).sort()).toEqual(['gaoyipeng', 'like']);
    // Reopening needs a reason; done again does not notify twice.
    const reopen = await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: d.version, status: 'in_progress', reason: '监理复核发现屋面未完成' }));
    expect(reopen).toMatchObject({ status: 'in_progress', doneOn: null });
    const again = await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: reopen.version, status: 'done' }));
    expect(again.doneOn).toBe('2024-09-10');
    const after = await env.ctx.db.selectFrom('notification').select('id').where('kind', '=', 'promise.rate').where('link', '=', `/promises/${school.id}`).execute();
    expect(after.length).toBe(2);
    school = again;
  });

  it('evidence: a note with a photo, SM3-fingerprinted; wrong types and oversize files are refused; voiding keeps it', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const r = await postForm(hengtong, `/api/promises/${greening.id}/evidence`, { version: String(greening.version), note: '秋季补植现场照片', happenedOn: '2024-09-08' }, [{ field: 'file', filename: '../../补植.png', type: 'image/png', data: png }]);
    expect(r.statusCode).toBe(200);
    greening = r.json();
    const d = await ok(hengtong.get(`/api/promises/${greening.id}`));
    const e = d.evidence[0];
    expect(e).toMatchObject({ note: '秋季补植现场照片', happenedOn: '2024-09-08', voided: false, file: { name: '补植.png', mime: 'image/png', size: png.length } });
    expect(e.file.sm3).toMatch(/^[0-9a-f]{64}$/);
    const file = await hengtong.get(e.file.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.from(file.rawPayload).equals(png)).toBe(true);

    const exe = await postForm(hengtong, `/api/promises/${greening.id}/evidence`, { version: String(greening.version), note: '附件', happenedOn: '2024-09-08' }, [{ field: 'file', filename: '照片.png', type: 'image/png', data: Buffer.from('MZ\x90\x00 not an image') }]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toContain('类型不受支持');
    const big = await postForm(hengtong, `/api/promises/${greening.id}/evidence`, { version: String(greening.version), note: '附件', happenedOn: '2024-09-08' }, [{ field: 'file', filename: 'big.pdf', type: 'application/pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('10 MB');
    const other = await postForm(jiaoyu, `/api/promises/${greening.id}/evidence`, { version: String(greening.version), note: '附件', happenedOn: '2024-09-08' }, [{ field: 'file', filename: 'a.png', type: 'image/png', data: png }]);
    expect(other.statusCode).toBe(403);

    const v = await ok(hengtong.post(`/api/promises/${greening.id}/evidence/${e.id}/void`, { version: e.version, reason: '照片拍错了地块' }));
    greening = v;
    const d2 = await ok(hengtong.get(`/api/promises/${greening.id}`));
    expect(d2.evidence[0]).toMatchObject({ voided: true, voidReason: '照片拍错了地块' });
    expect(d2.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['evidence', 'evidence_void']));
  });

  it('internal notes stay with staff: a deputy reading the promise does not see them', async () => {
    const r = await ok(hengtong.post(`/api/promises/${greening.id}/progress`, { version: greening.version, progress: 89, note: '苗木供应商资金纠纷，内部协调中', internal: true }));
    greening = r;
    const staff = await ok(gongxin.get(`/api/promises/${greening.id}`));
    expect(staff.history[0]).toMatchObject({ note: '苗木供应商资金纠纷，内部协调中', internal: true });
    const dep = await ok(deputy.get(`/api/promises/${greening.id}`));
    expect(JSON.stringify(dep)).not.toContain('资金纠纷');
  });

  it('derived overdue: a promise past its date and not done is overdue the day after, never stored', async () => {
    const { replyId } = await fresh187(env);
    const { panel } = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    const transfer = panel.proposals.find((p: any) => p.sourceText.includes('有望8月份顺利出让'));
    const c = await ok(gongxin.post(`/api/promises/${transfer.id}/confirm`, { version: transfer.version, ownerOrgId: (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '工信局').executeTakeFirstOrThrow()).id }));
    expect(c).toMatchObject({ due: '2024-08-31', clock: 'overdue', status: 'planned', daysLeft: -10 });
    const row = await env.ctx.db.selectFrom('promise').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('planned');
  });
});
