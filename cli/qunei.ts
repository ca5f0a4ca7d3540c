import { CliError, type CliCommand } from './command.js';
import { commands } from './commands/index.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(commands);
    return name ? 0 : 2;
  }
  // "audit verify", "workdays add", "months add" are two words: the first picks the command.
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`未知命令：${name}\n`);
    printHelp(commands);
    return 2;
  }
  return command.run(rest);
}

function printHelp(list: CliCommand[]) {
  const lines = ['用法：npm run -s qunei -- <命令> [参数]', '', '命令：'];
  for (const c of list) lines.push(`  ${c.usage.padEnd(44)} ${c.summary}`);
  process.stderr.write(lines.join('\n') + '\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof CliError) {
      process.stderr.write(`错误：${err.message}\n`);
      process.exit(err.exitCode);
    }
    process.stderr.write(`错误：${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
