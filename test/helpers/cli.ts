// Runs the real built CLI (bin/xieshang.cjs) as a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'xieshang.cjs');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, XIESHANG_PASSPHRASE: undefined, ...opts.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { env, cwd: opts.cwd ?? ROOT, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
