import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestEnv, type Client, type TestEnv } from '../../../testing/harness.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../tools.fixtures.js';

async function xlsx(rows: unknown[][], opts: { sheet?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? '建议');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const BODY = '开发区公共配套设施建设起点不高，欠账较多，建议加快完善。';

describe('xlsx import of suggestions', () => {
  let env: TestEnv;
  let organizer: Client;
  let sessionId: string;
  const count = async () => Number((await env.ctx.db.selectFrom('suggestion').select((e) => e.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow()).n);
  const send = (url: string, buf: Buffer, extra: Record<string, unknown> = {}) =>
    organizer.post(url, { sessionId, fileName: '建议汇总.xlsx', contentBase64: buf.toString('base64'), ...extra });

  beforeAll(async () => {
    env = await createTestEnv();
    organizer = await env.as('organizer');
    ({ sessionId } = await fixtureSession(env.ctx));
    for (const u of ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin']) await fixtureDeputy(env.ctx, { username: u });
    await fixtureDeputy(env.ctx, { name: '王芳' });
    await fixtureDeputy(env.ctx, { name: '王芳' });
    await fixtureSuggestion(env.ctx, { sessionId, number: 50, title: '关于已登记事项的建议', body: BODY, leadDeputyId: await fixtureDeputy(env.ctx, { username: 'like' }), state: 'submitted' });
  });
  afterAll(async () => { await env.close(); });

  it('imports a good file: header found under a title line, any column order, extra columns ignored', async () => {
    const buf = await xlsx([
      ['市人大七届六次会议代表建议汇总表'],
      ['备注', '内容', '领衔代表', '编号', '附议代表（以顿号分隔）', '标题', '类别'],
      ['重点', BODY, '郜义鹏', 187, '李科、杜小林，韩志峰 万建勤', '关于提升开发区公共配套服务，优化营商环境的建议', '营商环境'],
      [null, '开发区至市内公交线路班次少，建议增开公交线路、加密班次。', '李科', '第188号', '', '关于增开开发区公交线路的建议', '交通运输'],
      [],
      [null, '园区裸露土地较多，建议增植补绿，打造花园式产业园区。', '杜小林', '189', '郜义鹏', '关于加强园区绿化的建议', null],
    ]);
    const dry = await send('/api/suggestions/import/dry-run', buf);
    expect(dry.statusCode, dry.body).toBe(200);
    const r = dry.json();
    expect(r).toMatchObject({ ok: true, dryRun: true, headerRow: 2, totalRows: 3, validRows: 3, errorRows: 0, imported: 0, sessionName: '人大七届六次' });
    expect(r.columns.find((c: { header: string }) => c.header === '备注').field).toBeNull();
    expect(r.columns.find((c: { header: string }) => c.header === '附议代表（以顿号分隔）').field).toBe('co');
    expect(r.rows[0]).toMatchObject({ row: 3, number: 187, leadDeputy: '郜义鹏', coSigners: ['李科', '杜小林', '韩志峰', '万建勤'] });
    expect(r.rows[2]).toMatchObject({ row: 6, number: 189, category: '其他', warnings: ['类别为空，按“其他”导入'] });
    expect(await count()).toBe(1);

    const res = await send('/api/suggestions/import', buf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(3);
    expect(await count()).toBe(4);
    const s = await env.ctx.db.selectFrom('suggestion').selectAll().where('session_id', '=', sessionId).where('number', '=', 187).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ state: 'submitted', category: '营商环境', kind: '建议' });
    const signers = await env.ctx.db.selectFrom('suggestion_signer').innerJoin('deputy', 'deputy.id', 'suggestion_signer.deputy_id').select(['deputy.name', 'role', 'status']).where('suggestion_id', '=', s.id).execute();
    expect(signers.map((g) => `${g.role}:${g.name}:${g.status}`).sort()).toEqual(['co:万建勤:accepted', 'co:李科:accepted', 'co:杜小林:accepted', 'co:韩志峰:accepted', 'lead:郜义鹏:accepted']);
    const found = await organizer.get(`/api/suggestions/search?q=${encodeURIComponent('增开')}&sessionId=${sessionId}`);
    expect(found.json().total).toBe(1);
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'suggestion.import').execute();
    expect(audit).toHaveLength(1);
    // The same file again: every number is now taken.
    const again = await send('/api/suggestions/import/dry-run', buf);
    expect(again.json().errors.map((e: { message: string }) => e.message)).toEqual([
      '本届次已有第 187 号建议（关于提升开发区公共配套服务，优化营商环境的建议）',
      '本届次已有第 188 号建议（关于增开开发区公交线路的建议）',
      '本届次已有第 189 号建议（关于加强园区绿化的建议）',
    ]);
  });

  it('reports every bad row with its number and reason, and imports nothing', async () => {
    const longTitle = `关于${'很长'.repeat(60)}的建议`;
    const buf = await xlsx([
      ['编号', '标题', '领衔代表', '附议代表', '类别', '内容'],
      [301, '关于第一件的建议', '郜义鹏', '', '其他', BODY],
      [301, '关于第二件的建议', '郜义鹏', '', '其他', BODY],
      [50, '关于第三件的建议', '郜义鹏', '', '其他', BODY],
      [302, '', '郜义鹏', '', '其他', BODY],
      [303, longTitle, '郜义鹏', '', '其他', BODY],
      [304, '关于第六件的建议', '张无名', '李科、赵未知', '其他', BODY],
      [305, '关于第七件的建议', '郜义鹏、李科', '', '其他', BODY],
      [306, '关于第八件的建议', '王芳', '', '其他', BODY],
      ['三百零七', '关于第九件的建议', '郜义鹏', '', '其他', '太短'],
      [308, '关于第十件的建议', '郜义鹏', '', '类别名称写得实在是太长了超过二十个字的类别', BODY],
    ]);
    const before = await count();
    const dry = (await send('/api/suggestions/import/dry-run', buf)).json();
    expect(dry.ok).toBe(false);
    expect(dry.errorRows).toBe(9);
    expect(dry.validRows).toBe(1);
    expect(dry.errors).toEqual([
      { row: 3, message: '编号 301 与第 2 行重复' },
      { row: 4, message: '本届次已有第 50 号建议（关于已登记事项的建议）' },
      { row: 5, message: '缺少标题' },
      { row: 6, message: `标题超过 100 个字（${[...longTitle].length} 个字）` },
      { row: 7, message: '领衔代表“张无名”不在人大代表名单中' },
      { row: 7, message: '附议代表“赵未知”不在人大代表名单中' },
      { row: 8, message: '领衔代表只能填写一人（“郜义鹏、李科”），其余请填入附议代表' },
      { row: 9, message: '人大代表名单中有 2 位名为“王芳”的代表，无法确定是哪一位，请先在系统中区分' },
      { row: 10, message: '编号“三百零七”不是 1 至 99999 之间的整数' },
      { row: 10, message: '内容至少 10 个字' },
      { row: 11, message: '类别超过 20 个字' },
    ]);
    const res = await send('/api/suggestions/import', buf);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().message).toContain('未导入任何建议');
    expect(res.json().details.errors).toHaveLength(11);
    expect(await count()).toBe(before);
  });

  it('creates unknown deputies only when asked to', async () => {
    const buf = await xlsx([
      ['标题', '领衔代表', '附议代表', '内容'],
      ['关于新代表所提事项的建议', '新代表甲', '新代表乙、李科', BODY],
    ]);
    const without = (await send('/api/suggestions/import/dry-run', buf)).json();
    expect(without.ok).toBe(false);
    const dry = (await send('/api/suggestions/import/dry-run', buf, { createMissingDeputies: true })).json();
    expect(dry).toMatchObject({ ok: true, deputiesToCreate: ['新代表甲', '新代表乙'] });
    const res = await send('/api/suggestions/import', buf, { createMissingDeputies: true });
    expect(res.statusCode, res.body).toBe(200);
    const created = await env.ctx.db.selectFrom('deputy').select(['name', 'body']).where('name', 'in', ['新代表甲', '新代表乙']).execute();
    expect(created).toHaveLength(2);
    const s = await env.ctx.db.selectFrom('suggestion').select(['number', 'state']).where('title', '=', '关于新代表所提事项的建议').executeTakeFirstOrThrow();
    expect(s).toEqual({ number: null, state: 'submitted' });
  });

  it('a malformed file, an old .xls or a zip that is not a workbook are clear 415s; missing columns 400s', async () => {
    const text = await send('/api/suggestions/import/dry-run', Buffer.from('编号,标题\n1,关于某事的建议\n', 'utf8'));
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toBe('文件不是有效的 Excel（.xlsx）文件，请检查后重新上传');
    const xls = await send('/api/suggestions/import/dry-run', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]));
    expect(xls.statusCode).toBe(415);
    expect(xls.json().message).toContain('另存为');
    const zip = new JSZip();
    zip.file('readme.txt', 'not a workbook');
    const notBook = await send('/api/suggestions/import/dry-run', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(notBook.statusCode).toBe(415);
    expect(notBook.json().message).toMatch(/无法读取/);
    const noBody = await send('/api/suggestions/import/dry-run', await xlsx([['标题', '领衔代表'], ['关于某事的建议', '李科']]));
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().message).toContain('缺少必需的列：内容');
    const noHeader = await send('/api/suggestions/import/dry-run', await xlsx([['甲', '乙'], ['1', '2']]));
    expect(noHeader.json().message).toContain('没有找到表头');
    const noSession = await organizer.post('/api/suggestions/import/dry-run', { sessionId: 'nope', contentBase64: (await xlsx([['标题']])).toString('base64') });
    expect(noSession.json().message).toBe('所选届次不存在');
  });

  it('offers a template that imports as it is', async () => {
    const t = await organizer.get('/api/suggestions/import/template.xlsx');
    expect(t.statusCode).toBe(200);
    const { sessionId: fresh } = await fixtureSession(env.ctx);
    const dry = await organizer.post('/api/suggestions/import/dry-run', { sessionId: fresh, contentBase64: t.rawPayload.toString('base64') });
    expect(dry.json()).toMatchObject({ ok: true, totalRows: 1, rows: [{ number: 187, leadDeputy: '郜义鹏', coSigners: ['李科', '杜小林', '韩志峰', '万建勤'] }] });
  });

  it('accepts a multipart upload, and only the organizer may import', async () => {
    const buf = await xlsx([['标题', '领衔代表', '内容'], ['关于多段上传的建议事项', '李科', BODY]]);
    const boundary = '----qunei-test';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sessionId"\r\n\r\n${sessionId}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      buf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await organizer.inject({ method: 'POST', url: '/api/suggestions/import/dry-run', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, fileName: 'import.xlsx', totalRows: 1 });
    const gx = await env.as('gongxin');
    expect((await gx.post('/api/suggestions/import/dry-run', { sessionId, contentBase64: buf.toString('base64') })).statusCode).toBe(403);
  });
});
