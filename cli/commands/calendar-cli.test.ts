import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run -s qunei -- …args` from the repository root. */
function qunei(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '-s', 'qunei', '--', ...args],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, timeout: 55_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('calendar CLI commands', { timeout: 60_000 }, () => {
  it('workdays add 2026-09-28 10 prints 2026-10-16', async () => {
    expect(await qunei('workdays', 'add', '2026-09-28', '10')).toEqual({ code: 0, stdout: '2026-10-16\n', stderr: '' });
  });

  it('months add 2025-07-01 3 prints 2025-10-09', async () => {
    expect(await qunei('months', 'add', '2025-07-01', '3')).toEqual({ code: 0, stdout: '2025-10-09\n', stderr: '' });
  });

  it('days add 2025-09-28 7 prints 2025-10-09', async () => {
    expect(await qunei('days', 'add', '2025-09-28', '7')).toEqual({ code: 0, stdout: '2025-10-09\n', stderr: '' });
  });

  it('--explain keeps the date on the first line, wherever the flag is', async () => {
    const expected =
      [
        '2026-10-16',
        '自 2026-09-28 次日起算 10 个工作日',
        '2026-10-01 至 2026-10-07 国庆节假期，不计',
        '2026-10-10（星期六）国庆节调休上班，计为工作日',
        '2026-10-11 周日，休息日，不计',
        '截止日：2026-10-16（星期五）',
      ].join('\n') + '\n';
    const [end, middle] = await Promise.all([
      qunei('workdays', 'add', '2026-09-28', '10', '--explain'),
      qunei('workdays', '--explain', 'add', '2026-09-28', '10'),
    ]);
    expect(end).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(middle).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('months add --explain', async () => {
    const r = await qunei('months', 'add', '--explain', '2025-07-01', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '2025-10-09',
        '自 2025-07-01 次日起算 3 个月',
        '期间最后一日为 2025-10-01（第 3 个月的对应日）',
        '2025-10-01 至 2025-10-08 国庆节、中秋节假期，顺延',
        '截止日：2025-10-09（星期四）',
      ].join('\n') + '\n',
    );
  });

  it('a year outside the calendar: Chinese message on stderr, exit 2, nothing on stdout', async () => {
    const [beyond, before, months] = await Promise.all([
      qunei('workdays', 'add', '2026-12-30', '5'),
      qunei('workdays', 'add', '2023-12-29', '1', '--explain'),
      qunei('months', 'add', '2026-11-15', '3'),
    ]);
    expect(beyond.code).toBe(2);
    expect(beyond.stdout).toBe('');
    expect(beyond.stderr).toContain('工作日历未包含 2027 年，请管理员先导入该年度节假日安排');
    expect(before).toMatchObject({ code: 2, stdout: '' });
    expect(before.stderr).toContain('工作日历未包含 2023 年');
    expect(months).toMatchObject({ code: 2, stdout: '' });
    expect(months.stderr).toContain('工作日历未包含 2027 年');
  });

  it('invalid input: Chinese message on stderr, exit 2', async () => {
    const [badDate, badCount, noSub] = await Promise.all([
      qunei('workdays', 'add', '2024-02-30', '1'),
      qunei('months', 'add', '2024-01-31', '-1'),
      qunei('workdays'),
    ]);
    expect(badDate).toMatchObject({ code: 2, stdout: '' });
    expect(badDate.stderr).toContain('2024年2月没有30日');
    expect(badCount).toMatchObject({ code: 2, stdout: '' });
    expect(badCount.stderr).toContain('月数必须为非负整数');
    expect(noSub).toMatchObject({ code: 2, stdout: '' });
    expect(noSub.stderr).toContain('workdays add');
  });

  it('workdays between and next', async () => {
    const [between, overdue, next] = await Promise.all([
      qunei('workdays', 'between', '2026-09-28', '2026-10-16'),
      qunei('workdays', 'between', '2026-10-23', '2026-10-16'),
      qunei('workdays', 'next', '2026-10-01'),
    ]);
    expect(between).toEqual({ code: 0, stdout: '10\n', stderr: '' });
    expect(overdue).toEqual({ code: 0, stdout: '-5\n', stderr: '' });
    expect(next).toEqual({ code: 0, stdout: '2026-10-08\n', stderr: '' });
  });
});
