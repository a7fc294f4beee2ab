// The CLI's conventions in one place (docs/cli.md): global flags, passphrase from
// the environment or a file only, exactly one JSON document on stdout with --json,
// one-line errors on stderr, and the exit codes.
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { XieshangError, UsageError, toErrorInfo, type ErrorCode, type ErrorInfo } from '../shared/errors';
import { defaultVaultPath } from '../main/paths';
import { readRegularFile } from '../main/regular-file';

const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

export const EXIT = { ok: 0, internal: 1, usage: 2, partial: 3, wrongPassphrase: 4, vault: 5 } as const;

const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  USAGE: EXIT.usage,
  BAD_INPUT: EXIT.usage,
  PASSPHRASE_MISSING: EXIT.usage,
  PASSPHRASE_TOO_SHORT: EXIT.usage,
  PASSPHRASE_MISMATCH: EXIT.usage,
  OUTPUT_EXISTS: EXIT.usage,
  IO_ERROR: EXIT.usage,
  WRONG_PASSPHRASE: EXIT.wrongPassphrase,
  VAULT_MISSING: EXIT.vault,
  VAULT_EXISTS: EXIT.usage,
  VAULT_IN_USE: EXIT.vault,
  NOT_A_VAULT: EXIT.vault,
  VAULT_DAMAGED: EXIT.vault,
  VAULT_TOO_NEW: EXIT.vault,
  VAULT_LOCKED: EXIT.vault,
  VAULT_NEEDS_RECOVERY: EXIT.vault,
  NOT_A_VAULT_KIND: EXIT.vault,
  WRONG_PASSPHRASE_OR_DAMAGED: EXIT.wrongPassphrase,
  BACKUP_INVALID: EXIT.usage,
  PAYMENT_REFUSED: EXIT.usage,
  AGREEMENT_MISMATCH: EXIT.usage,
  NOT_A_BILL: EXIT.usage,
  EMPTY_CONTACT: EXIT.usage,
};

export function exitCodeFor(info: ErrorInfo): number {
  return EXIT_BY_CODE[info.code] ?? EXIT.internal;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  positionals: string[];
  values: OptionValues;
  json: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The vault file: --vault or the app's default. */
  vaultPath(): string;
  /** XIESHANG_PASSPHRASE or --passphrase-file; exit 2 when neither is given. */
  passphrase(): string;
  /** Reads a passphrase from a named file option (e.g. --new-passphrase-file). */
  passphraseFromFile(file: string): string;
  /** A string option, or a UsageError naming it. */
  requireString(name: string): string;
}

export interface Command<R = unknown> {
  /** 'init' or a two-word name such as 'calc penalty'. */
  name: string;
  usage: string;
  /** One line, Chinese first, for --help. */
  summary: string;
  options?: OptionSpec;
  /** How many positionals are accepted: [min, max]. Default [0, 0]. */
  positionals?: [number, number];
  run(ctx: CommandContext): Promise<R> | R;
  /** The human (non --json) rendering of the result. */
  human(result: R): string;
  /** Exit code for a successful run that was only partly done (exit 3). */
  exitCode?(result: R): number;
}

export const GLOBAL_OPTIONS: OptionSpec = {
  vault: { type: 'string' },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export function makeContext(positionals: string[], values: OptionValues, env: NodeJS.ProcessEnv, cwd: string): CommandContext {
  const ctx: CommandContext = {
    positionals,
    values,
    json: values.json === true,
    env,
    cwd,
    vaultPath() {
      const given = values.vault;
      if (typeof given === 'string') {
        if (given.trim() === '') throw new UsageError('--vault 不能为空');
        return path.resolve(cwd, given);
      }
      return defaultVaultPath(env);
    },
    passphrase() {
      const file = values['passphrase-file'];
      if (typeof file === 'string') return ctx.passphraseFromFile(file);
      const fromEnv = env.XIESHANG_PASSPHRASE;
      if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
      throw new XieshangError('PASSPHRASE_MISSING');
    },
    passphraseFromFile(file: string) {
      let text: string;
      try {
        // A regular file of at most 64 KiB: /dev/zero or a FIFO is refused, never read or waited on.
        text = readRegularFile(path.resolve(cwd, file), MAX_PASSPHRASE_FILE_BYTES, file).toString('utf8');
      } catch {
        throw new UsageError(`无法读取口令文件 ${file}（必须是普通文件，最大 64 KB）`);
      }
      // A trailing newline from `echo … > file` is not part of the passphrase.
      const pass = text.replace(/\r?\n$/, '');
      if (pass === '') throw new UsageError(`口令文件为空：${file}`);
      return pass;
    },
    requireString(name: string) {
      const v = values[name];
      if (typeof v !== 'string' || v === '') throw new UsageError(`缺少 --${name}`);
      return v;
    },
  };
  return ctx;
}

/** The one-line stderr error: 口令错误 [WRONG_PASSPHRASE], or the JSON form with --json. */
export function formatError(err: unknown, json: boolean): { text: string; exit: number } {
  const info = toErrorInfo(err);
  const text = json ? JSON.stringify({ error: { code: info.code, message: info.message } }) : `${info.message} [${info.code}]`;
  return { text, exit: exitCodeFor(info) };
}
