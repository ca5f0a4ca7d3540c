import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, type TestEnv } from '../../../testing/harness.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../tools.fixtures.js';

async function sheetRows(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return { name: ws.name, rows };
}

describe('xlsx export of suggestion lists', () => {
  let env: TestEnv;
  let sessionId: string;
  beforeAll(async () => {
    env = await createTestEnv();
    ({ sessionId } = await fixtureSession(env.ctx));
    const gao = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
    const like = await fixtureDeputy(env.ctx, { username: 'like' });
    await fixtureSuggestion(env.ctx, { sessionId, number: 1, title: '关于工信局主办事项的建议', body: '建议内容一：开发区公共配套设施建设起点不高。', leadDeputyId: gao, coDeputyIds: [like], leadUnit: '工信局' });
    await fixtureSuggestion(env.ctx, { sessionId, number: 2, title: '关于教育局主办事项的建议', body: '建议内容二：企业职工子女入学难。', leadDeputyId: like, leadUnit: '教育局', state: 'closed', finalSatisfaction: 'satisfied' });
    await fixtureSuggestion(env.ctx, { sessionId, number: 3, title: '关于待立案事项的建议', body: '建议内容三：园区环境卫生有差距。', leadDeputyId: gao, state: 'submitted' });
  });
  afterAll(async () => { await env.close(); });

  it('exports the filtered list with Chinese headers and the text of each suggestion', async () => {
    const organizer = await env.as('organizer');
    const res = await organizer.get(`/api/suggestions/export.xlsx?sessionId=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1])).toBe('建议清单_七届六次.xlsx');
    const { name, rows } = await sheetRows(res.rawPayload);
    expect(name).toBe('建议');
    expect(rows[0][0]).toBe('建议清单（共 3 件）');
    expect(rows[2]).toEqual(['届次', '编号', '标题', '领衔代表', '附议代表', '类别', '类型', '状态', '轮次', '主办单位', '交办日期', '答复期限', '办理时限', '重点督办', '满意度', '内容']);
    const data = rows.slice(3);
    expect(data.map((r) => r[1]).sort()).toEqual(['1', '2', '3']);
    const one = data.find((r) => r[1] === '1')!;
    expect(one.slice(3, 5)).toEqual(['郜义鹏', '李科']);
    expect(one[9]).toBe('高平市工业和信息化局');
    expect(one[15]).toBe('建议内容一：开发区公共配套设施建设起点不高。');
    expect(data.find((r) => r[1] === '2')![14]).toBe('满意');

    const closed = await sheetRows((await organizer.get(`/api/suggestions/export.xlsx?sessionId=${sessionId}&state=closed`)).rawPayload);
    expect(closed.rows[1][0]).toContain('状态：已办结');
    expect(closed.rows.slice(3).map((r) => r[1])).toEqual(['2']);
  });

  it('follows the list\'s row scope: a unit exports its own suggestions only', async () => {
    const gx = await env.as('gongxin');
    const list = (await gx.get(`/api/suggestions?sessionId=${sessionId}`)).json();
    const { rows } = await sheetRows((await gx.get(`/api/suggestions/export.xlsx?sessionId=${sessionId}`)).rawPayload);
    expect(rows.slice(3).map((r) => r[2])).toEqual(list.items.map((i: { title: string }) => i.title));
    expect(rows.slice(3).map((r) => r[2])).toEqual(['关于工信局主办事项的建议']);
    expect((await (await env.as('kangshuo')).get('/api/suggestions/export.xlsx')).statusCode).toBe(403);
  });

  it('an exported file can be imported into another session', async () => {
    const organizer = await env.as('organizer');
    const file = (await organizer.get(`/api/suggestions/export.xlsx?sessionId=${sessionId}`)).rawPayload;
    const { sessionId: other } = await fixtureSession(env.ctx);
    const res = await organizer.post('/api/suggestions/import/dry-run', { sessionId: other, contentBase64: file.toString('base64') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, totalRows: 3, headerRow: 3 });
    expect(res.json().columns.filter((c: { field: string | null }) => c.field).map((c: { header: string }) => c.header)).toEqual(['编号', '标题', '领衔代表', '附议代表', '类别', '类型', '内容']);
  });
});
