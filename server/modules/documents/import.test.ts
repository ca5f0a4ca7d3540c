import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { ensureRuleSet, freshNumber, seedImportBody, seedText, seedVariantText } from './documents.fixtures.js';
import { multipart } from './testing-multipart.js';

/** The import form's fields from the server's preview, as a person confirms them unchanged. */
function confirmBody(p: any, over: Record<string, unknown> = {}) {
  return {
    fileName: p.fileName, docNumber: p.parsed.docNumber, issuingOrgan: p.parsed.issuingOrgan, congress: p.parsed.congress, session: p.parsed.session,
    suggestionNumber: p.parsed.suggestionNumber, kind: '建议', proposers: p.parsed.proposers, subject: p.parsed.subject, intro: p.intro,
    points: p.parsed.points.map((x: any) => ({ heading: x.heading, text: x.text })), closing: p.closing, replyClass: p.parsed.replyClass,
    date: p.parsed.date, contactPerson: p.parsed.contactPerson, contactPhone: p.parsed.contactPhone, state: 'closed', ...over,
  };
}

describe('importing existing replies (导入答复)', () => {
  let env: TestEnv;
  let organizer: Client;
  let preview: any;
  beforeAll(async () => {
    // After the seed reply's date (2024-08-22).
    env = await createTestEnv({ now: '2024-09-02T02:00:00.000Z' });
    await ensureRuleSet(env);
    organizer = await env.as('organizer');
  });
  afterAll(async () => { await env.close(); });

  it('reads an uploaded reply (multipart) into fields for a person to check', async () => {
    const res = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('000_seed.txt', seedText()) });
    expect(res.statusCode, res.body).toBe(200);
    preview = res.json();
    expect(preview.parsed).toMatchObject({
      docNumber: '高工信发〔2024〕37号', issuingOrgan: '高平市工业和信息化局', title: '关于市人大七届六次会议第187号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 187, proposers: ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤'],
      subject: '关于提升开发区公共配套服务，优化营商环境的建议', date: '2024-08-22', contactPhone: '5241566',
    });
    expect(preview.parsed.points).toHaveLength(6);
    expect(preview.intro).toMatch(/^关于你们提出的“关于提升开发区公共配套服务，优化营商环境的建议”已收悉/);
    expect(preview.intro).toContain('常抓不懈、付出努力');
    expect(preview.closing.split('\n')).toEqual([
      expect.stringMatching(/^关于你们就提升开发区公共配套服务/),
      '以上答复你们是否满意，如有意见，敬请反馈。',
      '感谢你们对开发区建设的关心和支持，并欢迎今后提出更加宝贵的意见。',
    ]);
    expect(preview.match.unit.name).toBe('高平市工业和信息化局');
  });

  it('creates session, deputies, suggestion, assignment, submitted reply with points and the registry entry in one audited step', async () => {
    const parsed = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('第1187号建议答复.txt', seedVariantText()) });
    const p = parsed.json();
    expect(p.parsed).toMatchObject({ docNumber: '高工信发〔2024〕137号', session: '七届四次', suggestionNumber: 1187 });
    expect(p.match.session).toBeNull();
    expect(p.warnings).toContain('届次“人大七届四次”尚未登记，确认导入时将新建');
    const res = await organizer.post('/api/documents/import', confirmBody(p));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ docNumber: '高工信发〔2024〕137号', unitName: '高平市工业和信息化局', title: '关于市人大七届四次会议第1187号建议的答复', state: 'closed', sessionCreated: true });
    const db = env.ctx.db;
    const session = await db.selectFrom('congress_session').selectAll().where('id', '=', r.sessionId).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ body: '人大', term: '七', meeting: '四', short_name: '七届四次', full_name: '高平市第七届人民代表大会第四次会议' });
    const s = await db.selectFrom('suggestion').selectAll().where('id', '=', r.suggestionId).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ number: 1187, title: '关于提升开发区公共配套服务，优化营商环境的建议', state: 'closed', kind: '建议', final_satisfaction: null });
    const signers = await db.selectFrom('suggestion_signer').innerJoin('deputy', 'deputy.id', 'suggestion_signer.deputy_id')
      .select(['deputy.name', 'suggestion_signer.role', 'deputy.user_id']).where('suggestion_id', '=', s.id).execute();
    expect(signers.map((x) => x.name).sort()).toEqual(['万建勤', '李科', '杜小林', '郜义鹏', '韩志峰'].sort());
    expect(signers.find((x) => x.role === 'lead')!.name).toBe('郜义鹏');
    // The deputies' demo accounts are linked, so they can read and download the reply addressed to them.
    expect(signers.every((x) => x.user_id)).toBe(true);
    const assignment = await db.selectFrom('assignment').selectAll().where('suggestion_id', '=', s.id).execute();
    expect(assignment).toHaveLength(1);
    expect(assignment[0]).toMatchObject({ role: 'lead', state: 'accepted' });
    const reply = await db.selectFrom('reply').selectAll().where('id', '=', r.replyId).executeTakeFirstOrThrow();
    expect(reply).toMatchObject({ state: 'submitted', doc_number: '高工信发〔2024〕137号', reply_date: '2024-08-22', contact_phone: '5241566', round: 1 });
    expect(reply.intro).toMatch(/^关于你们提出的/);
    expect(reply.closing).toContain('以上答复你们是否满意，如有意见，敬请反馈。');
    const points = await db.selectFrom('reply_point').select(['ordinal', 'heading']).where('reply_id', '=', r.replyId).orderBy('ordinal').execute();
    expect(points.map((x) => x.heading)).toEqual(p.parsed.points.map((x: any) => x.heading));
    expect(points).toHaveLength(6);
    const number = await db.selectFrom('doc_number').selectAll().where('number_text', '=', '高工信发〔2024〕137号').executeTakeFirstOrThrow();
    expect(number).toMatchObject({ state: 'manual', ref_type: 'reply', ref_id: r.replyId, serial: 137 });
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', 'in', [s.id, number.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['doc_number.manual', 'document.import']);
    // Found by search at once.
    expect((await db.selectFrom('suggestion').select('search_text').where('id', '=', s.id).executeTakeFirstOrThrow()).search_text).toBeTruthy();
    // The next number the unit takes continues after the imported one.
    const gongxin = await env.as('gongxin');
    expect((await gongxin.post('/api/doc-numbers/allocate', { prefix: '高工信发', title: '下一份文件' })).json().number).toBe('高工信发〔2024〕138号');
    const again = await organizer.post('/api/documents/import', confirmBody(p, { docNumber: null }));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('人大七届四次第1187号建议已在系统中，不能重复导入');
  });

  it('says so when the seed itself is imported a second time (the demo data has it already)', async () => {
    const first = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('seed.txt', seedText()) });
    if (!first.json().match.duplicateSuggestionId) {
      expect((await organizer.post('/api/documents/import', confirmBody(first.json()))).statusCode).toBe(200);
    }
    const again = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('seed.txt', seedText()) });
    expect(again.json().match.duplicateSuggestionId).toBeTruthy();
    expect(again.json().match.docNumberTaken).toBe('高工信发〔2024〕37号');
    expect(again.json().warnings.join()).toContain('不能重复导入');
    const res = await organizer.post('/api/documents/import', confirmBody(again.json(), { docNumber: null }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('人大七届六次第187号建议已在系统中，不能重复导入');
  });

  it('refuses a document number already in the registry, and leaves nothing half-made', async () => {
    const n = freshNumber();
    const res = await organizer.post('/api/documents/import', seedImportBody({ suggestionNumber: n, docNumber: '高工信发[2024]137号' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('高工信发〔2024〕137号已登记');
    expect(await env.ctx.db.selectFrom('suggestion').select('id').where('number', '=', n).executeTakeFirst()).toBeUndefined();
  });

  it('asks to pick the unit when the issuing organ is unknown, and accepts the unit picked', async () => {
    const body = seedImportBody({ issuingOrgan: '某某市不存在局' });
    const res = await organizer.post('/api/documents/import', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'unit_unknown', message: '未找到发文机关“某某市不存在局”对应的单位，请选择承办单位' });
    const unit = await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '教育局').executeTakeFirstOrThrow();
    const ok = await organizer.post('/api/documents/import', { ...body, unitId: unit.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().unitName).toBe('高平市教育局');
  });

  it('lets unit staff import only their own unit’s replies', async () => {
    const gongxin = await env.as('gongxin');
    const own = await gongxin.post('/api/documents/import', seedImportBody());
    expect(own.statusCode, own.body).toBe(200);
    const jiaoyu = await env.as('jiaoyu');
    const foreign = await jiaoyu.post('/api/documents/import', seedImportBody());
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toBe('只能导入本单位的答复');
    const gx = await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '工信局').executeTakeFirstOrThrow();
    expect((await jiaoyu.post('/api/documents/import', seedImportBody({ unitId: gx.id, issuingOrgan: null }))).statusCode).toBe(403);
    const deputy = await env.as('gaoyipeng');
    expect((await deputy.post('/api/documents/import', seedImportBody())).statusCode).toBe(403);
    expect((await deputy.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('seed.txt', seedText()) })).statusCode).toBe(403);
  });

  it('keeps ratings when given, and refuses ratings by someone who did not propose', async () => {
    const rated = await organizer.post('/api/documents/import', seedImportBody({ ratings: [{ name: '郜义鹏', satisfaction: 'satisfied' }, { name: '李科', satisfaction: 'basically_satisfied' }] }));
    expect(rated.statusCode, rated.body).toBe(200);
    const s = await env.ctx.db.selectFrom('suggestion').select('final_satisfaction').where('id', '=', rated.json().suggestionId).executeTakeFirstOrThrow();
    expect(s.final_satisfaction).toBe('basically_satisfied');
    expect(await env.ctx.db.selectFrom('rating').select('id').where('reply_id', '=', rated.json().replyId).execute()).toHaveLength(2);
    const stranger = await organizer.post('/api/documents/import', seedImportBody({ ratings: [{ name: '张三', satisfaction: 'satisfied' }] }));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toContain('不在提出人之中');
    const waiting = await organizer.post('/api/documents/import', seedImportBody({ state: 'awaiting_feedback' }));
    expect(waiting.statusCode).toBe(200);
    expect((await env.ctx.db.selectFrom('suggestion').select('state').where('id', '=', waiting.json().suggestionId).executeTakeFirstOrThrow()).state).toBe('awaiting_feedback');
  });

  it('reports unreadable, unsupported, empty and oversized files in Chinese', async () => {
    const broken = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('答复.docx', Buffer.from('this is not a zip file')) });
    expect(broken.statusCode).toBe(415);
    expect(broken.json().message).toBe('文件“答复.docx”的类型不受支持：只能上传 .txt、.md 或 .docx 文件');
    const pdf = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('答复.pdf', Buffer.from('%PDF-1.4')) });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().message).toContain('类型不受支持');
    const blank = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('空白.txt', Buffer.from('  \n\n ')) });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain('没有文字内容');
    const big = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('大文件.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61)) });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toBe('文件不能超过 10 MB');
    const none = await organizer.post('/api/documents/import/parse', {});
    expect(none.statusCode).toBe(400);
  });

  it('validates the confirmed fields with Chinese messages', async () => {
    const res = await organizer.post('/api/documents/import', seedImportBody({ session: '第七届第六次', proposers: [], points: [], intro: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/届次应写作简称|至少需要一位提出人|答复没有正文/);
    const future = await organizer.post('/api/documents/import', seedImportBody({ date: '2030-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('成文日期不能晚于今天');
  });

  it('marks the fields it is unsure of, and refuses an import whose required fields are still empty', async () => {
    const text = readFileSync(new URL('../../../domain/text/fixtures/replies/47-no-date-pubdate-only.txt', import.meta.url));
    const res = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('口袋公园.txt', text) });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.parsed.date).toBeNull();
    expect(p.parsed.confidence.date).toEqual({ level: 'missing', reason: expect.stringMatching(/^页面发布日期（2023-02-20）不是答复日期，未采用/) });
    expect(p.warnings).toContain(`成文日期：${p.parsed.confidence.date.reason}`);
    const damaged = await organizer.inject({ method: 'POST', url: '/api/documents/import/parse', ...multipart('d.txt',
      readFileSync(new URL('../../../domain/text/fixtures/replies/40-organ-in-signature-web-pubdate.txt', import.meta.url))) });
    expect(damaged.json().parsed.confidence.date.level).toBe('unsure');
    expect(damaged.json().warnings).toContain('成文日期：落款日期“2023年12月20”缺少“日”，按2023年12月20日推定，请核对');

    const before = await env.ctx.db.selectFrom('suggestion').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    const body = confirmBody(p, { unitId: p.match.unit?.id ?? (await env.ctx.db.selectFrom('org_unit').select('id').executeTakeFirstOrThrow()).id });
    const noDate = await organizer.post('/api/documents/import', body);
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().message).toContain('请填写成文日期（答复落款日期）');
    const empty = await organizer.post('/api/documents/import', { ...body, date: '', subject: undefined, proposers: undefined });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/请填写成文日期/);
    expect(empty.json().message).toMatch(/请填写建议标题/);
    expect(empty.json().message).toMatch(/请填写提出人/);
    const after = await env.ctx.db.selectFrom('suggestion').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
