// Parses argv, runs one command, prints its result, and returns the exit code. Separate
// from cli/main.ts so tests can run the CLI in-process with their own streams.
import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, makeContext, formatError, EXIT, type Command, type OptionValues } from './framework';
import { UsageError } from '../shared/errors';
import { COMMANDS, type CommandEntry } from './registry';
import { terminalSafe, terminalSafeJson } from './terminal-safe';
import { version as VERSION } from '../package.json';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const GLOBAL_WITH_VALUE = new Set(['--vault', '--passphrase-file']);

/** The command words: the first one or two tokens that are not options or their values. */
function findCommand(argv: string[], commands: readonly CommandEntry[]): { command: CommandEntry | null; rest: string[] } {
  const words: number[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.startsWith('-')) {
      if (GLOBAL_WITH_VALUE.has(token)) i++;
      continue;
    }
    words.push(i);
  }
  const names = words.map((i) => argv[i]!);
  for (const take of [2, 1]) {
    if (names.length < take) continue;
    const name = names.slice(0, take).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) {
      const drop = new Set(words.slice(0, take));
      return { command, rest: argv.filter((_, i) => !drop.has(i)) };
    }
  }
  return { command: null, rest: argv };
}

/**
 * `--principal -5` → `--principal=-5`: a value that starts with a minus sign belongs to the
 * option before it, so the command's own validation can say what is wrong with it.
 */
function attachNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    const next = args[i + 1];
    const name = token.startsWith('--') && !token.includes('=') ? token.slice(2) : null;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

export function helpText(commands: readonly Pick<CommandEntry, 'name' | 'summary'>[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    '协商证据箱 xieshang — 命令行 / command line',
    '',
    '用法 Usage: xieshang [--vault PATH] [--passphrase-file FILE] [--json] <命令> …',
    '',
    '口令只从环境变量 XIESHANG_PASSPHRASE 或 --passphrase-file 读取，绝不从命令行参数读取。',
    'The passphrase comes only from XIESHANG_PASSPHRASE or --passphrase-file.',
    '',
    '命令 Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '退出码 Exit codes: 0 成功 ok · 1 内部错误 internal · 2 用法或输入错误 usage/bad input ·',
    '  3 部分完成 partly done · 4 口令错误 wrong passphrase · 5 证据箱缺失、被占用或损坏 vault missing/in use/damaged',
    '',
    '每个命令的帮助 Help for one command: xieshang <命令> --help · 版本 Version: xieshang --version',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo, commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  const json = argv.includes('--json');
  try {
    const { command: entry, rest } = findCommand(argv, commands);
    if (!entry) {
      if (rest.includes('--version')) {
        io.stdout(json ? `${JSON.stringify({ name: 'xieshang', version: VERSION }, null, 2)}\n` : `xieshang ${VERSION}\n`);
        return EXIT.ok;
      }
      if (rest.includes('--help') || rest.includes('-h') || rest.length === 0) {
        io.stdout(`${helpText(commands)}\n`);
        return rest.length === 0 ? EXIT.usage : EXIT.ok;
      }
      const unknown = rest.find((t) => !t.startsWith('-')) ?? rest[0] ?? '';
      throw new UsageError(`未知命令 ${unknown}（xieshang --help 列出所有命令）`);
    }
    // Only now is the command's module (and what it needs) loaded.
    const command: Command<never> = await entry.load();
    let parsed: { values: OptionValues; positionals: string[] };
    const options = { ...GLOBAL_OPTIONS, ...(command.options ?? {}) };
    try {
      parsed = parseArgs({
        args: attachNegativeValues(rest, options),
        options,
        allowPositionals: true,
        strict: true,
      }) as { values: OptionValues; positionals: string[] };
    } catch (err) {
      // node's messages span lines; ours is one line.
      const detail = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
      throw new UsageError(`${detail}（用法：${command.usage}）`);
    }
    if (parsed.values.help) {
      io.stdout(`${command.usage}\n${command.summary}\n`);
      return EXIT.ok;
    }
    const [min, max] = command.positionals ?? [0, 0];
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(`参数个数不对（用法：${command.usage}）`);
    }
    const ctx = makeContext(parsed.positionals, parsed.values, io.env, io.cwd);
    const result = await command.run(ctx);
    io.stdout(ctx.json ? `${terminalSafeJson(JSON.stringify(result, null, 2))}\n` : `${terminalSafe(command.human(result))}\n`);
    return command.exitCode?.(result) ?? EXIT.ok;
  } catch (err) {
    const { text, exit } = formatError(err, json);
    io.stderr(`${json ? terminalSafeJson(text) : terminalSafe(text)}\n`);
    return exit;
  }
}
