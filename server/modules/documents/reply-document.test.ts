import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { PDF_FAILED_MESSAGE, PdfConversionError, libreOfficeAvailable } from '../../platform/docgen/pdf.js';
import { LAYOUT } from '../../platform/docgen/reply-docx.js';
import { importedReply, reply187 } from './documents.fixtures.js';

/** CI installs LibreOffice; without it the PDF test is skipped (the 503 path is tested either way). */
const HAS_LIBREOFFICE = await libreOfficeAvailable();
const NAMES = ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤'];
const xmlOf = async (data: Buffer, part = 'word/document.xml') => (await JSZip.loadAsync(data)).file(part)!.async('string');
const attr = (xml: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const fileNameOf = (cd: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(cd)![1]);
const rawBody = (res: { rawPayload: Buffer }) => res.rawPayload;

describe('reply documents: 取号, .docx and PDF downloads', () => {
  let env: TestEnv;
  let gongxin: Client;
  let replyId: string;
  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-02T02:00:00.000Z' });
    gongxin = await env.as('gongxin');
    replyId = await reply187(env);
  });
  afterAll(async () => { await env.close(); });

  it('serves the joint reply as a GB/T 9704 .docx: page set-up, grid, official font names, number, deputies, 附注, 版记', async () => {
    const res = await gongxin.get(`/api/replies/${replyId}/document.docx?mode=joint`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(fileNameOf(String(res.headers['content-disposition']))).toBe('高工信发〔2024〕37号.docx');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const xml = await xmlOf(rawBody(res));
    expect(attr(xml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(xml, 'w:pgSz', 'w:h')).toBe('16838');
    // 37 / 35 / 28 / 26 mm in twips.
    expect(attr(xml, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(xml, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(xml, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(xml, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(xml, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(Number(attr(xml, 'w:docGrid', 'w:linePitch'))).toBe(LAYOUT.linePitch);
    expect(Math.floor(LAYOUT.textHeight / LAYOUT.linePitch)).toBe(22);
    for (const fontName of ['方正小标宋简体', '仿宋_GB2312', '黑体']) expect(xml).toContain(`w:eastAsia="${fontName}"`);
    expect(xml).toContain('高平市工业和信息化局文件');
    expect(xml).toContain('高工信发〔2024〕37号');
    expect(xml).toContain('关于市人大七届六次会议第187号建议的答复');
    expect(xml).toContain(`尊敬的${NAMES.join('、')}代表：`);
    expect(xml).toContain('以上答复你们是否满意');
    expect(xml).toContain('一、关于教育资源优势不明显的问题');
    expect(xml).toContain('2024年8月22日');
    expect(xml).toMatch(/（(联系人：[^，]+，)?联系电话：5241566）/);
    expect(xml).toContain('抄送：高平市人大常委会人事代表工作委员会，高平市人民政府办公室。');
    expect(xml).toContain('高平市工业和信息化局办公室');
    const footer = await xmlOf(rawBody(res), 'word/footer1.xml').catch(() => '');
    expect(footer).toContain('— ');
  });

  it('per deputy: a .zip with one copy each, every salutation naming only its deputy; or one copy for one deputy', async () => {
    const res = await gongxin.get(`/api/replies/${replyId}/document.docx?mode=per_deputy`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(fileNameOf(String(res.headers['content-disposition']))).toBe('高工信发〔2024〕37号（逐人答复）.zip');
    const zip = await JSZip.loadAsync(rawBody(res));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(NAMES.map((n) => `高工信发〔2024〕37号-${n}.docx`).sort());
    for (const name of NAMES) {
      const xml = await xmlOf(await zip.file(`高工信发〔2024〕37号-${name}.docx`)!.async('nodebuffer'));
      expect(xml).toContain(`尊敬的${name}代表：`);
      for (const other of NAMES.filter((n) => n !== name)) expect(xml).not.toContain(`${other}代表`);
      // A letter to one deputy says 您, down to the closing question.
      expect(xml).toContain('以上答复您是否满意');
      expect(xml).not.toContain('你们');
    }
    const info = (await gongxin.get(`/api/replies/${replyId}/document`)).json();
    const li = info.deputies.find((d: { name: string }) => d.name === '李科');
    const one = await gongxin.get(`/api/replies/${replyId}/document.docx?deputy=${li.id}`);
    expect(fileNameOf(String(one.headers['content-disposition']))).toBe('高工信发〔2024〕37号-李科.docx');
    expect(await xmlOf(rawBody(one))).toContain('尊敬的李科代表：');
    expect((await gongxin.get(`/api/replies/${replyId}/document.docx?deputy=nobody`)).statusCode).toBe(400);
  });

  it('deputies download the submitted reply addressed to them, and only their own copy', async () => {
    const like = await env.as('like');
    const info = (await like.get(`/api/replies/${replyId}/document`)).json();
    expect(info.deputies.map((d: { name: string }) => d.name)).toEqual(['李科']);
    expect(info.canTakeNumber).toBe(false);
    expect((await like.get(`/api/replies/${replyId}/document.docx`)).statusCode).toBe(200);
    const all = (await gongxin.get(`/api/replies/${replyId}/document`)).json().deputies;
    const gao = all.find((d: { name: string }) => d.name === '郜义鹏');
    const other = await like.get(`/api/replies/${replyId}/document.docx?deputy=${gao.id}`);
    expect(other.statusCode).toBe(403);
    const perDeputy = await like.get(`/api/replies/${replyId}/document.docx?mode=per_deputy`);
    expect(perDeputy.headers['content-type']).toContain('wordprocessingml');
    expect(await xmlOf(rawBody(perDeputy))).toContain('尊敬的李科代表：');
    // A draft is internal.
    await env.ctx.db.updateTable('reply').set({ state: 'draft' }).where('id', '=', replyId).execute();
    const draft = await like.get(`/api/replies/${replyId}/document.docx`);
    expect(draft.statusCode).toBe(403);
    expect(draft.json().message).toBe('答复尚未提交，暂不能下载');
    await env.ctx.db.updateTable('reply').set({ state: 'submitted' }).where('id', '=', replyId).execute();
  });

  it('puts the class mark on the document only when the rule set says so', async () => {
    const { replyId: id } = await importedReply(env, { replyClass: 'B' });
    const ruleSetId = (await env.ctx.db.selectFrom('reply').innerJoin('suggestion', 'suggestion.id', 'reply.suggestion_id')
      .innerJoin('congress_session', 'congress_session.id', 'suggestion.session_id').select('congress_session.rule_set_id')
      .where('reply.id', '=', id).executeTakeFirstOrThrow()).rule_set_id;
    await env.ctx.db.updateTable('rule_set').set({ class_mark_on_doc: 1 }).where('id', '=', ruleSetId).execute();
    expect(await xmlOf(rawBody(await gongxin.get(`/api/replies/${id}/document.docx?mode=joint`)))).toContain('「B」');
    await env.ctx.db.updateTable('rule_set').set({ class_mark_on_doc: 0 }).where('id', '=', ruleSetId).execute();
    expect(await xmlOf(rawBody(await gongxin.get(`/api/replies/${id}/document.docx?mode=joint`)))).not.toContain('「B」');
    await env.ctx.db.updateTable('rule_set').set({ class_mark_on_doc: 1 }).where('id', '=', ruleSetId).execute();
  });

  it('other units and other roles may not download', async () => {
    for (const who of ['jiaoyu', 'hengtong', 'zone', 'kangshuo']) {
      const res = await (await env.as(who)).get(`/api/replies/${replyId}/document.docx`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await env.anon().get(`/api/replies/${replyId}/document.docx`)).statusCode).toBe(401);
    expect((await gongxin.get('/api/replies/no-such-reply/document.docx')).statusCode).toBe(404);
  });

  it('取号: the unit takes the next number of its prefix, stored on the reply and in the registry, once', async () => {
    const { replyId: draftId } = await importedReply(env, { date: '2024-08-30' });
    const info = (await gongxin.get(`/api/replies/${draftId}/document`)).json();
    expect(info).toMatchObject({ docNumber: null, canTakeNumber: true, unit: { docPrefix: '高工信发' } });
    const expected = (await gongxin.get(`/api/doc-numbers?prefix=${encodeURIComponent('高工信发')}&year=2024`)).json().nextNumber;
    expect((await (await env.as('jiaoyu')).post(`/api/replies/${draftId}/doc-number`, { version: info.version })).statusCode).toBe(403);
    expect((await (await env.as('like')).post(`/api/replies/${draftId}/doc-number`, { version: info.version })).statusCode).toBe(403);
    const stale = await gongxin.post(`/api/replies/${draftId}/doc-number`, { version: info.version + 5 });
    expect(stale.statusCode).toBe(409);
    const taken = await gongxin.post(`/api/replies/${draftId}/doc-number`, { version: info.version });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ docNumber: expected, canTakeNumber: false, version: info.version + 1 });
    const row = await env.ctx.db.selectFrom('doc_number').selectAll().where('number_text', '=', expected).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'allocated', ref_type: 'reply', ref_id: draftId, title: expect.stringMatching(/^关于市人大七届六次会议第\d+号建议的答复$/) });
    const twice = await gongxin.post(`/api/replies/${draftId}/doc-number`, { version: info.version + 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe(`该答复已有发文字号${expected}`);
    const docx = await gongxin.get(`/api/replies/${draftId}/document.docx?mode=joint`);
    expect(await xmlOf(rawBody(docx))).toContain(expected);
    // The number went out with a submitted reply: it cannot be voided.
    const voided = await gongxin.post(`/api/doc-numbers/${row.id}/void`, { version: row.version, reason: '想作废' });
    expect(voided.statusCode).toBe(409);
    expect(voided.json().message).toContain('已用于已提交的答复');
  });

  it('takes a reserved number when asked; voiding the number of a draft reply gives it back', async () => {
    const reserved = (await gongxin.post('/api/doc-numbers/reserve', { prefix: '高工信发', count: 1, note: '留给答复' })).json()[0];
    const { replyId: id } = await importedReply(env, { date: '2024-08-30' });
    await env.ctx.db.updateTable('reply').set({ state: 'draft' }).where('id', '=', id).execute();
    const info = (await gongxin.get(`/api/replies/${id}/document`)).json();
    expect(info.reservedNumbers.map((n: { number: string }) => n.number)).toContain(reserved.number);
    const taken = await gongxin.post(`/api/replies/${id}/doc-number`, { version: info.version, numberId: reserved.id });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().docNumber).toBe(reserved.number);
    const row = await env.ctx.db.selectFrom('doc_number').selectAll().where('id', '=', reserved.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'allocated', ref_id: id });
    const voided = await gongxin.post(`/api/doc-numbers/${row.id}/void`, { version: row.version, reason: '答复改由他人签发' });
    expect(voided.statusCode, voided.body).toBe(200);
    const after = (await gongxin.get(`/api/replies/${id}/document`)).json();
    expect(after).toMatchObject({ docNumber: null, canTakeNumber: true });
    const next = (await gongxin.post(`/api/replies/${id}/doc-number`, { version: after.version })).json();
    expect(next.docNumber).not.toBe(reserved.number);
  });

  it('PDF: a clear Chinese 503 when LibreOffice is missing', async () => {
    const pdf = env.app.services.documents.replies.pdf;
    const real = pdf.converter;
    pdf.converter = { available: async () => false, convert: async () => { throw new Error('unreachable'); } };
    try {
      const res = await gongxin.get(`/api/replies/${replyId}/document.pdf`);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'pdf_unavailable', message: '未安装 LibreOffice，无法生成 PDF，请下载 .docx' });
      expect((await gongxin.get(`/api/replies/${replyId}/document`)).json().pdfAvailable).toBe(false);
    } finally {
      pdf.converter = real;
    }
  });

  it('PDF: a failed conversion is a Chinese 422 that says to download the .docx; LibreOffice\'s output stays out of it', async () => {
    const pdf = env.app.services.documents.replies.pdf;
    const real = pdf.converter;
    const stderr = 'Error: source file could not be loaded /tmp/qunei-pdf-x/reply.docx';
    pdf.converter = { available: async () => true, convert: async () => { throw new PdfConversionError(PDF_FAILED_MESSAGE, 'failed', stderr); } };
    try {
      const res = await gongxin.get(`/api/replies/${replyId}/document.pdf?deputy=${(await gongxin.get(`/api/replies/${replyId}/document`)).json().deputies[1].id}`);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'pdf_failed', message: 'PDF 生成失败，请下载 .docx' });
      expect(res.body).not.toContain('source file');
      expect(res.body).not.toContain('/tmp/');
    } finally {
      pdf.converter = real;
    }
  });

  it.runIf(HAS_LIBREOFFICE)('PDF: made from the same .docx, with the title and — 1 — page numbers', async () => {
    const res = await gongxin.get(`/api/replies/${replyId}/document.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(fileNameOf(String(res.headers['content-disposition']))).toBe('高工信发〔2024〕37号.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'qunei-pdf-test-'));
    try {
      const file = join(dir, 'reply.pdf');
      writeFileSync(file, rawBody(res));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('关于市人大七届六次会议第187号建议的答复');
      expect(flat).toContain('高工信发〔2024〕37号');
      expect(text).toMatch(/—\s*1\s*—/);
      expect(text).toMatch(/—\s*2\s*—/);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      // A second download of the unchanged reply comes from the cache.
      const t0 = Date.now();
      expect((await gongxin.get(`/api/replies/${replyId}/document.pdf`)).statusCode).toBe(200);
      expect(Date.now() - t0).toBeLessThan(1500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
