import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { reply187 } from './documents.fixtures.js';
import { multipart } from './testing-multipart.js';

/** A reply typed the everyday way: default page, Calibri/宋体, 〔〕 missing, date in Chinese numerals, no 附注. */
async function everydayDocx(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun({ text, font: '宋体', size: 24 })] });
  return Packer.toBuffer(new Document({
    sections: [{
      children: [
        p('高工信发[2024]037号'),
        p('关于市人大七届六次会议第187号建议的答复'),
        p('尊敬的郜义鹏代表：'),
        p('你提出的建议收悉，现答复如下。'),
        p('一、关于教育资源的问题'),
        p('目前开发区附近有一所学校处于在建状态。'),
        p('高平市工业和信息化局'),
        p('二〇二四年八月二十二日'),
      ],
    }],
  }));
}

describe('format checker (格式检查)', () => {
  let env: TestEnv;
  let gongxin: Client;
  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-02T02:00:00.000Z' });
    gongxin = await env.as('gongxin');
  });
  afterAll(async () => { await env.close(); });

  it('passes the app’s own reply, joint and per deputy', async () => {
    const id = await reply187(env);
    for (const q of ['mode=joint', `deputy=${(await gongxin.get(`/api/replies/${id}/document`)).json().deputies[0].id}`]) {
      const docx = (await gongxin.get(`/api/replies/${id}/document.docx?${q}`)).rawPayload;
      const res = await gongxin.inject({ method: 'POST', url: '/api/documents/check', ...multipart('答复.docx', docx) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ fileName: '答复.docx', ok: true, issues: [] });
    }
  });

  it('lists the departures of a plainly wrong document in Chinese, each with where it is', async () => {
    const res = await gongxin.inject({ method: 'POST', url: '/api/documents/check', ...multipart('随手写的答复.docx', await everydayDocx()) });
    expect(res.statusCode).toBe(200);
    const { ok, issues } = res.json() as { ok: boolean; issues: Array<{ code: string; message: string; where: string }> };
    expect(ok).toBe(false);
    const codes = new Set(issues.map((i) => i.code));
    for (const code of ['MARGIN_TOP', 'GRID_MISSING', 'BODY_FONT', 'DOC_NUMBER_FORM', 'DATE_FORM', 'NOTE_MISSING', 'CLOSING_MISSING', 'PAGE_NUMBER_MISSING']) {
      expect(codes, code).toContain(code);
    }
    for (const i of issues) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(i.where).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(issues.find((i) => i.code === 'DOC_NUMBER_FORM')!.message).toContain('高工信发〔2024〕37号');
  });

  it('accepts the file as JSON too, and refuses other types, broken files and other roles', async () => {
    const json = await gongxin.post('/api/documents/check', { fileName: 'a.docx', contentBase64: (await everydayDocx()).toString('base64') });
    expect(json.statusCode).toBe(200);
    expect(json.json().ok).toBe(false);
    const txt = await gongxin.inject({ method: 'POST', url: '/api/documents/check', ...multipart('答复.txt', Buffer.from('答复')) });
    expect(txt.statusCode).toBe(415);
    expect(txt.json().message).toContain('只能上传 .docx 文件');
    const broken = await gongxin.inject({ method: 'POST', url: '/api/documents/check', ...multipart('坏文件.docx', Buffer.from('not a zip')) });
    expect(broken.statusCode).toBe(415);
    expect(broken.json()).toMatchObject({ code: 'unsupported_type', message: '文件“坏文件.docx”的类型不受支持：只能上传 .docx 文件（Word 2007 及以后的格式）' });
    const deputy = await env.as('gaoyipeng');
    expect((await deputy.inject({ method: 'POST', url: '/api/documents/check', ...multipart('a.docx', await everydayDocx()) })).statusCode).toBe(403);
    expect((await env.anon().post('/api/documents/check', { fileName: 'a.docx', contentBase64: 'UEsDBA==' })).statusCode).toBe(401);
  });
});
