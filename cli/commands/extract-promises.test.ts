import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = [path.join(root, 'domain/text/fixtures/replies/seed-187.txt'), '/work/shared/seed/000_af06e6b62db51218.txt'].find((f) =>
  existsSync(f),
)!;
const scratch = mkdtempSync(path.join(tmpdir(), 'extract-promises-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command exactly as other tools do: `npm run -s qunei -- extract-promises …` from the repo root. */
function extract(...args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'qunei', '--', 'extract-promises', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KEYS = ['text', 'due', 'action', 'target', 'point', 'status'];

/** A reply without a date of its own. */
const UNDATED = [
  '关于市人大七届六次会议第52号建议的答复',
  '',
  '尊敬的王伟代表：',
  '',
  '你提出的关于完善园区路灯设施的建议收悉，现答复如下：',
  '',
  '一、关于主干道路灯的问题',
  '',
  '该路段路灯安装工程计划年底前完成，新装路灯不少于120盏。',
  '',
  '二、关于后续管护的问题',
  '',
  '下一步，我局将建立巡查制度，及时维修损坏灯具。',
  '',
  '以上答复你是否满意，如有意见，敬请反馈。',
].join('\n');

describe('qunei extract-promises', () => {
  it('prints one JSON array, and nothing else, with the contract keys in order', () => {
    const { code, stdout, stderr } = extract(seedPath);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(Array.isArray(out)).toBe(true);
    for (const p of out) {
      expect(Object.keys(p)).toEqual(KEYS);
      if (p.target) expect(Object.keys(p.target)).toEqual(['value', 'unit', 'comparator']);
      expect(['planned', 'done']).toContain(p.status);
      if (p.due !== null) expect(p.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(out).toEqual(
      expect.arrayContaining([
        { text: '预计年底主体封顶', due: '2024-12-31', action: '主体封顶', target: null, point: 1, status: 'planned' },
        expect.objectContaining({ due: '2024-12-31', target: { value: 35000, unit: 'm²', comparator: '>=' }, point: 4, status: 'planned' }),
        expect.objectContaining({ due: '2024-12-31', action: '投入运营', point: 5, status: 'planned' }),
        expect.objectContaining({ due: '2024-08-31', action: '出让', target: { value: 163, unit: '亩', comparator: '=' }, point: 6 }),
        expect.objectContaining({ target: { value: 80000, unit: 'm²', comparator: '=' }, point: 6, status: 'done' }),
      ]),
    );
  }, 60_000);

  it('the reply’s own date wins over --date', () => {
    const { code, stdout } = extract(seedPath, '--date', '2030-01-01');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({ text: '预计年底主体封顶', due: '2024-12-31' });
  }, 60_000);

  it('--date dates a reply that has no date of its own', () => {
    const file = path.join(scratch, 'undated.md');
    writeFileSync(file, UNDATED);
    const { code, stdout } = extract(file, '--date', '2025-03-01');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { text: '该路段路灯安装工程计划年底前完成，新装路灯不少于120盏', due: '2025-12-31', action: '完成', target: { value: 120, unit: '盏', comparator: '>=' }, point: 1, status: 'planned' },
      { text: '下一步，我局将建立巡查制度，及时维修损坏灯具', due: null, action: '建立', target: null, point: 2, status: 'planned' },
    ]);
  }, 60_000);

  it('without any date, relative time words give due null', () => {
    const file = path.join(scratch, 'undated.txt');
    writeFileSync(file, UNDATED);
    const { code, stdout } = extract(file);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(2);
    expect(out.map((p: { due: string | null }) => p.due)).toEqual([null, null]);
  }, 60_000);

  it('reads a .docx', async () => {
    const doc = new Document({
      sections: [{ children: UNDATED.split('\n').concat(['', '市城市管理局', '2024年9月5日']).map((line) => new Paragraph(line)) }],
    });
    const file = path.join(scratch, 'reply.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { code, stdout } = extract(file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({ due: '2024-12-31', point: 1, status: 'planned' });
  }, 60_000);

  it('refuses a malformed --date with a Chinese message and exit code 2', () => {
    const { code, stdout, stderr } = extract(seedPath, '--date', '2024-13-01');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('日期格式无效');
  }, 60_000);

  it('refuses a missing file and an unsupported type', () => {
    const missing = extract(path.join(scratch, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取文件');
    const pdf = path.join(scratch, 'reply.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const unsupported = extract(pdf);
    expect(unsupported.code).toBe(2);
    expect(unsupported.stderr).toContain('不支持的文件类型');
  }, 60_000);

  it('refuses a missing file argument', () => {
    const { code, stderr } = extract();
    expect(code).toBe(2);
    expect(stderr).toContain('用法');
  }, 60_000);
});
