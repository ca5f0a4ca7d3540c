import { readFile } from 'node:fs/promises';
import { CliError, type CliCommand } from '../command.js';
import { parseReply } from '../../domain/text/reply-parser.js';
import { assertSupportedDocument, documentText } from '../../server/platform/files/document-text.js';

const USAGE = 'parse-reply <文件.txt|.md|.docx>';

/**
 * Reads an existing reply and prints its fields as ONE JSON object on stdout, nothing else; other tools
 * read this output, so its keys and their order are fixed by ParsedReply.
 */
export const parseReplyCommand: CliCommand = {
  name: 'parse-reply',
  summary: '解析已有的建议/提案答复，输出一个 JSON 对象',
  usage: USAGE,
  async run(args: string[]): Promise<number> {
    if (args.length !== 1 || args[0].startsWith('--')) throw new CliError(`用法：npm run -s qunei -- ${USAGE}`);
    const [file] = args;
    try {
      assertSupportedDocument(file);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      throw new CliError(`无法读取文件：${file}`);
    }
    let text: string;
    try {
      text = await documentText(data, file);
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    process.stdout.write(JSON.stringify(parseReply(text)) + '\n');
    return 0;
  },
};
