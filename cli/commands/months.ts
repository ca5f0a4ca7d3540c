import { CliError, takeFlag, type CliCommand } from '../command.js';
import { loadCliCalendar } from '../calendar-source.js';
import { addCalendarDays, addMonths } from '../../domain/calendar/months.js';
import type { CalendarComputation, WorkCalendar } from '../../domain/calendar/types.js';
import { parseCountArg, parseDateArg, printComputation, rejectUnknownOptions, withCalendarErrors } from './workdays.js';

/** `<name> add <日期> <N> [--explain]`: a period counted from the next day, rolled to a working day. */
function periodCommand(
  name: string,
  unit: string,
  summary: string,
  compute: (cal: WorkCalendar, start: string, n: number) => CalendarComputation,
): CliCommand {
  const usage = `${name} add <日期> <${unit}数> [--explain]`;
  return {
    name,
    summary,
    usage,
    async run(argv) {
      const args = [...argv];
      const explain = takeFlag(args, '--explain');
      rejectUnknownOptions(args);
      const [sub, ...rest] = args;
      if (sub !== 'add') {
        throw new CliError(`${sub === undefined ? '缺少子命令' : `未知子命令：${sub}`}。用法：${usage}`);
      }
      const start = parseDateArg(rest[0], usage);
      const n = parseCountArg(rest[1], unit, usage);
      if (rest.length > 2) throw new CliError(`多余的参数：${rest.slice(2).join(' ')}。用法：${usage}`);
      const cal = await loadCliCalendar();
      const result = await withCalendarErrors(() => compute(cal, start, n));
      printComputation(result, explain);
      return 0;
    },
  };
}

export const monthsCommand = periodCommand(
  'months',
  '月',
  '按月计算期限：次日起算，到期月对应日届满，遇休息日或节假日顺延',
  addMonths,
);

export const daysCommand = periodCommand(
  'days',
  '日',
  '按日计算期限：次日起算，最后一日遇休息日或节假日顺延',
  addCalendarDays,
);
