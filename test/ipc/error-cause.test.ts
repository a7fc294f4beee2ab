// Failures that can be diagnosed without leaking: the vault worker sends the error's class
// and a safe cause with its code, main logs them in one place (the dispatcher), and error
// details are codes rendered in each language from one table.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createWorkerHost } from '../../main/vault/host';
import { createDispatcher, type Handlers } from '../../main/ipc/dispatch';
import { errorCauseOf, describeFailure, scrubSqlMessage } from '../../shared/error-cause';
import { BadInputError, formatErrorMessage, LOCALES, XieshangError } from '../../shared/errors';
import { detail, ERROR_DETAILS } from '../../shared/error-details';
import { PASS, tmpDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'my very secret passphrase 秘密口令';

describe('safe causes', () => {
  it('keep class, code and stack frames, never the message of a plain error', () => {
    const err = new TypeError(`cannot use ${SECRET}`);
    const cause = errorCauseOf(err);
    expect(cause.name).toBe('TypeError');
    expect(cause.detail).toMatch(/error-cause\.test\.ts:\d+/);
    expect(JSON.stringify(cause)).not.toContain('secret');
    const sys = Object.assign(new Error(`ENOENT: no such file or directory, open '/home/${SECRET}'`), { code: 'ENOENT', syscall: 'open' });
    expect(errorCauseOf(sys).detail).toMatch(/^ENOENT; syscall open; at /);
    expect(JSON.stringify(errorCauseOf(sys))).not.toContain('secret');
    const chained = new Error('outer', { cause: new RangeError(SECRET) });
    expect(errorCauseOf(chained).detail).toContain('cause RangeError');
    expect(JSON.stringify(errorCauseOf(chained))).not.toContain('secret');
  });

  it('keep a real SQLite message with its literals and key blanked', () => {
    const db = new Database(':memory:');
    let caught: unknown;
    try {
      db.exec(`select '${SECRET}`);
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).toContain('secret'); // SQLite did quote it …
    const cause = errorCauseOf(caught);
    expect(cause.name).toBe('SqliteError');
    expect(cause.detail).toMatch(/SQLITE_ERROR; unrecognized token/);
    expect(cause.detail).not.toContain('secret'); // … the cause does not.
    expect(scrubSqlMessage(`near "x'${'ab'.repeat(32)}'": syntax error`)).not.toMatch(/abab/);
    db.close();
  });

  it('cross the worker boundary with the code, and the dispatcher logs them without secrets', async () => {
    const dir = tmpDir();
    const host = createWorkerHost({ vaultPath: path.join(dir, 'v.xsv'), actor: 'app' }, path.join(ROOT, 'dist/main/vault-worker.js'));
    try {
      await host.create(PASS);
      // A wrong call inside the worker (null fields): a TypeError there, INTERNAL here.
      const failure = await host.invoke('timeline', 'add', [null, SECRET, PASS]).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(XieshangError);
      expect((failure as XieshangError).code).toBe('INTERNAL');
      expect((failure as XieshangError).diagnosis?.name).toBe('TypeError');
      expect((failure as XieshangError).diagnosis?.detail).toMatch(/at .+:\d+/);
      const logged: string[] = [];
      const dispatch = createDispatcher({ 'vault:status': () => host.invoke('timeline', 'add', [null, SECRET, PASS]) } as unknown as Handlers, (l) => logged.push(l));
      const env = await dispatch('vault:status', {});
      expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^internal error in vault:status: INTERNAL TypeError: at /);
      for (const line of [...logged, JSON.stringify((failure as XieshangError).diagnosis)]) {
        expect(line).not.toContain('secret');
        expect(line).not.toContain(PASS);
      }
      // A named error keeps its class name too.
      await host.lock();
      const locked = await host.invoke('timeline', 'list', []).catch((e: unknown) => e);
      expect((locked as XieshangError).code).toBe('VAULT_LOCKED');
      expect((locked as XieshangError).diagnosis?.name).toBe('VaultLockedError');
      expect(describeFailure(locked)).toMatch(/^VAULT_LOCKED VaultLockedError/);
    } finally {
      await host.dispose();
    }
  });
});

describe('error details as codes', () => {
  it('render in each language from one table; older sentence details still work', () => {
    const err = new BadInputError(detail('UPLOAD_CHUNK_ORDER', { expected: 3, got: 5 }));
    expect(err.message).toBe('输入无效：分块顺序不对：应为 3，收到 5');
    expect(formatErrorMessage(err.code, err.params, 'en')).toBe('Invalid input: chunk out of order: expected 3, got 5');
    expect(formatErrorMessage(err.code, err.params, 'zh-TW')).toBe('輸入無效：分塊順序不對：應為 3，收到 5');
    expect(new BadInputError('旧的说明').message).toBe('输入无效：旧的说明');
    // Every detail has the same placeholders in all three languages.
    for (const [key, texts] of Object.entries(ERROR_DETAILS)) {
      const names = (s: string) =>
        [...s.matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(',');
      for (const locale of LOCALES) expect(names(texts[locale]), `${key} ${locale}`).toBe(names(texts['zh-CN']));
    }
  });
});
