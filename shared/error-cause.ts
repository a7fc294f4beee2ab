// What an internal failure was, for the log, without anything secret: the error's class,
// its machine code (SQLITE_…, ENOENT, ERR_…), the system call, the first frames of its stack
// (function and file:line, no folders) and the same for its cause. The free-text message is
// kept only for SQLite errors, with every literal, hex run and long token blanked: a
// message written by code may quote a passphrase, a key or a file's contents; SQLite quotes
// SQL, and the key pragma's literal is blanked. Never shown to the user (they see the code).
import type { XieshangError } from './errors';

export interface ErrorCause {
  /** The error's class name (TypeError, SqliteError, VaultDamagedError …). */
  name: string;
  /** Code, syscall, scrubbed SQLite message, stack frames, cause — one line. */
  detail: string;
}

const MAX = 600;

export function scrubSqlMessage(message: string): string {
  return message
    .replace(/x'[^']*'/gi, "x'…'")
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/"(?:[^"]|"")*"/g, '"…"')
    .replace(/[A-Za-z0-9+/=_-]{24,}/g, '…')
    .slice(0, 200);
}

function frames(stack: string | undefined): string[] {
  if (!stack) return [];
  const out: string[] = [];
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:(.+?) \()?(?:.*[\\/])?([^\\/():]+):(\d+):\d+\)?$/.exec(line);
    if (!m) continue;
    out.push(`${m[1] ?? '<anonymous>'} ${m[2]}:${m[3]}`);
    if (out.length === 4) break;
  }
  return out;
}

function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(value) ? value : undefined;
}

export function errorCauseOf(err: unknown, depth = 0): ErrorCause {
  if (!(err instanceof Error)) return { name: typeof err, detail: '' };
  const name = err.constructor?.name && err.constructor.name !== 'Error' ? err.constructor.name : err.name;
  const parts: string[] = [];
  const e = err as Error & { code?: unknown; syscall?: unknown; errno?: unknown };
  const code = safeCode(e.code);
  if (code) parts.push(code);
  if (typeof e.syscall === 'string' && /^\w{1,30}$/.test(e.syscall)) parts.push(`syscall ${e.syscall}`);
  if (name === 'SqliteError') parts.push(scrubSqlMessage(err.message));
  const at = frames(err.stack);
  if (at.length) parts.push(`at ${at.join(' < ')}`);
  if (err.cause !== undefined && depth < 2) {
    const c = errorCauseOf(err.cause, depth + 1);
    parts.push(`cause ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
  }
  return { name, detail: parts.join('; ').slice(0, MAX) };
}

/** One log line for a failure that reached the user as INTERNAL (or any code, with its cause). */
export function describeFailure(err: unknown): string {
  const carried = (err as (Partial<Pick<XieshangError, 'code'>> & { diagnosis?: ErrorCause }) | null)?.diagnosis;
  const cause = carried ?? errorCauseOf(err);
  const code = (err as { code?: unknown } | null)?.code;
  return `${typeof code === 'string' ? `${code} ` : ''}${cause.name}${cause.detail ? `: ${cause.detail}` : ''}`;
}
