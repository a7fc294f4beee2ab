// SIGKILL trials shared by the fast sample (test/faults/kill-trials.test.ts) and the bench
// (bench/faults-bench.ts): run a real CLI command, kill it at a random moment, then check
// what a user relies on: the vault opens (read-only first, as a user would after a crash),
// integrity_check is ok, the audit chain is whole, every call recording has its timeline
// entry, and no partial file is left once the next command ran.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import { verifyAuditChain } from '../../main/vault/audit-log';

export interface TrialOutcome {
  op: string;
  killedAfterMs: number;
  /** The process finished before the kill landed. */
  finished: boolean;
  problems: string[];
}

export function runKilled(bin: string, args: string[], env: NodeJS.ProcessEnv, killAfterMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: 'ignore' });
    let finished = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      finished = signal === null;
      resolve(finished);
    });
  });
}

/** Like runKilled, keeping what the process printed before it ended (its reports of committed work). */
export function runKilledCapturing(bin: string, args: string[], env: NodeJS.ProcessEnv, killAfterMs: number): Promise<{ finished: boolean; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    // The clock starts at the first report: loading alone can take longer than the window.
    let timer: NodeJS.Timeout | undefined;
    const fallback = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(fallback);
      resolve({ finished: signal === null, stdout });
    });
  });
}

function rawOpen(file: string, passphrase: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.key(Buffer.from(passphrase, 'utf8'));
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}

/**
 * The checks after a kill. `passphrases`: any one may be current (a killed passwd).
 * `recordingsAreCalls`: every recording came through import-calls, so each must have its
 * timeline entry (a recording brought in by a plain evidence import has none, rightly).
 */
export function checkVault(vault: string, passphrases: string[], opts: { recordingsAreCalls?: boolean } = {}): string[] {
  const problems: string[] = [];
  let db: Database.Database | null = null;
  for (const p of passphrases) {
    try {
      db = rawOpen(vault, p);
      break;
    } catch {
      /* next */
    }
  }
  if (!db) return ['vault opens with none of the passphrases'];
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const audit = verifyAuditChain(db as never);
    if (!audit.ok) problems.push(`audit chain broken at ${audit.firstBadId}`);
    if (opts.recordingsAreCalls !== false) {
      const orphans = db
        .prepare(
          `SELECT count(*) AS n FROM evidence_items i WHERE i.category = 'call_recording' AND i.trashed_ms IS NULL
             AND NOT EXISTS (SELECT 1 FROM evidence_links l WHERE l.item_id = i.id AND l.target_kind = 'contact')`,
        )
        .get() as { n: number };
      if (orphans.n > 0) problems.push(`${orphans.n} recording(s) without a timeline entry`);
    }
    // Every visible item's bytes are stored whole (a staging blob is never visible).
    const halfVisible = db.prepare("SELECT count(*) AS n FROM evidence_items i JOIN blobs b ON b.id = i.blob_id WHERE b.state != 'stored'").get() as { n: number };
    if (halfVisible.n > 0) problems.push(`${halfVisible.n} item(s) visible over an unfinished blob`);
  } catch (err) {
    problems.push(`check failed: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  return problems;
}

/** Partial files anywhere under dir (after a later command has had its chance to clean). */
export function strayFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter(
    (n) => /\.xieshang-partial|\.part$|partial-|creating-/.test(path.basename(n)) || n.includes('.xieshang-partial'),
  );
}

/**
 * After a killed edits child (bench/edits-child.ts): every edit it reported (committed) is
 * in the vault — a reported contact exists, and each edited value is the reported one or a
 * later one (an edit may commit and the kill land before it is printed).
 */
export function checkEdits(vault: string, passphrase: string, tag: string, reportLines: string): string[] {
  const reports = reportLines
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { kind: string; id: string; n: number });
  const problems: string[] = [];
  let db: Database.Database;
  try {
    db = rawOpen(vault, passphrase);
  } catch {
    return ['vault does not open after the edits'];
  }
  const numberIn = (text: string | undefined | null): number => {
    const m = new RegExp(`kill-trial ${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#(\\d+)`).exec(text ?? '');
    return m ? Number(m[1]) : -1;
  };
  try {
    const latest = new Map<string, number>();
    for (const r of reports) latest.set(`${r.kind === 'contact-add' ? 'contact-edit' : r.kind}:${r.id}`, r.n);
    for (const r of reports) {
      if (r.kind === 'contact-add') {
        const row = db.prepare('SELECT id FROM contacts WHERE id = ?').get(r.id);
        if (!row) problems.push(`reported contact ${r.id} (edit ${r.n}) is missing`);
      }
    }
    for (const [key, n] of latest) {
      const [kind, id] = key.split(':') as [string, string];
      const stored =
        kind === 'evidence'
          ? (db.prepare('SELECT note AS v FROM evidence_items WHERE id = ?').get(id) as { v: string } | undefined)?.v
          : kind === 'contact-edit'
            ? (db.prepare('SELECT summary AS v FROM contacts WHERE id = ?').get(id) as { v: string } | undefined)?.v
            : JSON.stringify(db.prepare('SELECT * FROM case_applicant').all());
      if (numberIn(stored) < n) problems.push(`${kind} ${id}: edit ${n} was reported but the vault holds edit ${numberIn(stored)}`);
    }
  } catch (err) {
    problems.push(`edit check failed: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  return problems;
}
