import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReply } from '../../domain/text/reply-parser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = path.join(root, 'domain/text/fixtures/replies/seed-187.txt');
const scratch = mkdtempSync(path.join(tmpdir(), 'parse-reply-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function qunei(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/qunei.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('qunei parse-reply', () => {
  it('prints one JSON object, and nothing else, with the contract keys in order', () => {
    const { code, stdout } = qunei('parse-reply', seedPath);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual([
      'docNumber', 'issuingOrgan', 'title', 'congress', 'session', 'suggestionNumber', 'proposers', 'subject',
      'points', 'replyClass', 'date', 'contactPerson', 'contactPhone', 'confidence',
    ]);
    expect(out).toEqual(parseReply(readFileSync(seedPath, 'utf8')));
    expect(out).toMatchObject({
      docNumber: '高工信发〔2024〕37号', suggestionNumber: 187, session: '七届六次', date: '2024-08-22', contactPhone: '5241566',
    });
    expect(out.points).toHaveLength(6);
  }, 60_000);

  it.each([
    ['40-organ-in-signature-web-pubdate.txt', { issuingOrgan: '沁水县交通运输局', date: '2023-12-20' }, { date: 'unsure' }],
    ['41-source-line-woju.txt', { issuingOrgan: '陵川县自然资源局', subject: '关于加快农村宅基地确权登记' }, { issuingOrgan: 'unsure', subject: 'unsure' }],
    ['42-woju-only-compact-date.txt', { issuingOrgan: null, date: '2023-06-19', proposers: ['白海涛'] }, { issuingOrgan: 'missing', date: 'unsure', proposers: 'unsure' }],
    ['43-class-label-header-docnumber-label.txt', { docNumber: '建议字〔2023〕8号', replyClass: 'A' }, { docNumber: 'unsure', replyClass: 'sure' }],
    ['45-class-colon-b-proposal-label.txt', { replyClass: 'B' }, { replyClass: 'sure' }],
    ['46-salutation-one-person-category.txt', { proposers: ['侯志强'], subject: '关于加强乡村医生队伍建设的建议' }, { proposers: 'sure' }],
    ['47-no-date-pubdate-only.txt', { date: null }, { date: 'missing' }],
  ] as const)('%s: fields and their confidence in the JSON', (file, fields, levels) => {
    const { code, stdout } = qunei('parse-reply', path.join(root, 'domain/text/fixtures/replies', file));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject(fields);
    for (const [key, level] of Object.entries(levels)) expect(out.confidence[key].level, key).toBe(level);
    for (const c of Object.values(out.confidence) as Array<{ level: string; reason: string | null }>) {
      if (c.level !== 'sure') expect(c.reason).toMatch(/\p{Script=Han}/u);
    }
  }, 60_000);

  it('reads a .docx', async () => {
    const file = path.join(scratch, '答复.docx');
    const doc = new Document({
      sections: [{
        children: [
          '高平市民政局文件', '高民函〔2024〕5号', '关于市人大七届六次会议第12号建议的答复', '尊敬的王华代表：',
          '您提出的“关于加强社区养老服务的建议”收悉，现答复如下：', '一、加强设施建设。今年新建社区养老服务站5个。',
          '二、培育服务队伍。举办养老护理培训班3期。', '以上答复，如有意见，敬请反馈。', '高平市民政局', '2024年8月1日',
        ].map((t) => new Paragraph(t)),
      }],
    });
    writeFileSync(file, await Packer.toBuffer(doc));
    const { code, stdout } = qunei('parse-reply', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      docNumber: '高民函〔2024〕5号', issuingOrgan: '高平市民政局', suggestionNumber: 12, proposers: ['王华'],
      subject: '关于加强社区养老服务的建议', date: '2024-08-01',
      points: [{ ordinal: 1, heading: '加强设施建设' }, { ordinal: 2, heading: '培育服务队伍' }],
    });
  }, 60_000);

  it('refuses other file types with a Chinese message on stderr and exit code 2', () => {
    const { code, stdout, stderr } = qunei('parse-reply', path.join(scratch, '答复.pdf'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('不支持的文件类型：.pdf，请上传 .txt、.md 或 .docx');
  }, 60_000);

  it('explains its usage when the file is missing', () => {
    const none = qunei('parse-reply');
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('parse-reply');
    const missing = qunei('parse-reply', path.join(scratch, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取文件');
  }, 60_000);
});
