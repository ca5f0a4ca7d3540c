import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, takeOption, type CliCommand } from '../command.js';
import { extractPromisesFromReply } from '../../domain/text/promise-extract.js';
import { isValidDate as isValidYmd } from '../../domain/calendar/dates.js';
import { documentText } from '../../server/platform/files/document-text.js';

const USAGE = 'extract-promises FILE [--date YYYY-MM-DD]';

/**
 * Prints the promises proposed from a reply as one JSON array, each object with exactly the keys
 * text, due, action, target, point, status in this order (other tools read this output).
 */
export const extractPromisesCommand: CliCommand = {
  name: 'extract-promises',
  summary: '从答复（.txt/.md/.docx）中提取承诺，输出 JSON',
  usage: USAGE,
  async run(args: string[]): Promise<number> {
    const rest = [...args];
    const date = takeOption(rest, '--date');
    const unknown = rest.find((a) => a.startsWith('--'));
    if (unknown) throw new CliError(`未知选项：${unknown}。用法：${USAGE}`);
    if (rest.length !== 1) throw new CliError(`需要且只需要一个文件参数。用法：${USAGE}`);
    if (date !== undefined && !isValidYmd(date)) throw new CliError(`日期格式无效：${date}，应为 YYYY-MM-DD`);

    const file = rest[0];
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      throw new CliError(`无法读取文件：${file}`);
    }
    let text: string;
    try {
      text = await documentText(data, path.basename(file));
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : `无法读取文件：${file}`);
    }

    const promises = extractPromisesFromReply(text, date).map((p) => ({
      text: p.text,
      due: p.due,
      action: p.action,
      target: p.target ? { value: p.target.value, unit: p.target.unit, comparator: p.target.comparator } : null,
      point: p.point,
      status: p.status,
    }));
    process.stdout.write(JSON.stringify(promises) + '\n');
    return 0;
  },
};
