import { CliError, takeFlag, type CliCommand } from '../command.js';
import { loadCliCalendar } from '../calendar-source.js';
import { InvalidDateError, assertDate } from '../../domain/calendar/dates.js';
import { explainText } from '../../domain/calendar/explain.js';
import { CalendarCoverageError, type CalendarComputation } from '../../domain/calendar/types.js';
import { addWorkingDays, nextWorkingDayOnOrAfter, workingDaysBetween } from '../../domain/calendar/workdays.js';

/** Turns date and coverage errors into usage errors (Chinese message on stderr, exit code 2). */
export async function withCalendarErrors<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidDateError || err instanceof CalendarCoverageError || err instanceof RangeError) {
      throw new CliError(err.message, 2);
    }
    throw err;
  }
}

export function rejectUnknownOptions(args: string[]): void {
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new CliError(`未知选项：${unknown}`);
}

export function parseDateArg(value: string | undefined, usage: string): string {
  if (value === undefined) throw new CliError(`缺少日期参数。用法：${usage}`);
  try {
    return assertDate(value);
  } catch (err) {
    if (err instanceof InvalidDateError) throw new CliError(err.message);
    throw err;
  }
}

export function parseCountArg(value: string | undefined, unit: string, usage: string): number {
  if (value === undefined) throw new CliError(`缺少${unit}数参数。用法：${usage}`);
  if (!/^\d+$/.test(value)) throw new CliError(`${unit}数必须为非负整数：${value}`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new CliError(`${unit}数过大：${value}`);
  return n;
}

/** The date on the first line, then (with --explain) the explanation lines. */
export function printComputation(result: CalendarComputation, explain: boolean): void {
  const lines = [result.date, ...(explain ? explainText(result) : [])];
  process.stdout.write(lines.join('\n') + '\n');
}

function expectNoMore(rest: string[], usage: string): void {
  if (rest.length > 0) throw new CliError(`多余的参数：${rest.join(' ')}。用法：${usage}`);
}

const ADD_USAGE = 'workdays add <日期> <工作日数> [--explain]';
const BETWEEN_USAGE = 'workdays between <起始日期> <截止日期>';
const NEXT_USAGE = 'workdays next <日期> [--explain]';

export const workdaysCommand: CliCommand = {
  name: 'workdays',
  summary: '按工作日计算期限（跳过周末和节假日，计入调休上班日）；另有 between、next',
  usage: ADD_USAGE,
  async run(argv) {
    const args = [...argv];
    const explain = takeFlag(args, '--explain');
    rejectUnknownOptions(args);
    const [sub, ...rest] = args;
    switch (sub) {
      case 'add': {
        const start = parseDateArg(rest[0], ADD_USAGE);
        const n = parseCountArg(rest[1], '工作日', ADD_USAGE);
        expectNoMore(rest.slice(2), ADD_USAGE);
        const cal = await loadCliCalendar();
        const result = await withCalendarErrors(() => addWorkingDays(cal, start, n));
        printComputation(result, explain);
        return 0;
      }
      case 'between': {
        const from = parseDateArg(rest[0], BETWEEN_USAGE);
        const to = parseDateArg(rest[1], BETWEEN_USAGE);
        expectNoMore(rest.slice(2), BETWEEN_USAGE);
        const cal = await loadCliCalendar();
        const count = await withCalendarErrors(() => workingDaysBetween(cal, from, to));
        process.stdout.write(`${count}\n`);
        return 0;
      }
      case 'next': {
        const date = parseDateArg(rest[0], NEXT_USAGE);
        expectNoMore(rest.slice(1), NEXT_USAGE);
        const cal = await loadCliCalendar();
        const result = await withCalendarErrors(() => nextWorkingDayOnOrAfter(cal, date));
        printComputation(result, explain);
        return 0;
      }
      default:
        throw new CliError(
          `${sub === undefined ? '缺少子命令' : `未知子命令：${sub}`}。用法：\n  ${ADD_USAGE}\n  ${BETWEEN_USAGE}\n  ${NEXT_USAGE}`,
        );
    }
  },
};
