import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../../main/vault/vault';
import { openEncrypted } from '../../main/vault/sqlite';
import { LATEST_SCHEMA_VERSION } from '../../main/vault/migrations';
import { tmpDir, PASS, OTHER_PASS } from '../helpers/tmp';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const siblings = (file: string) => fs.readdirSync(path.dirname(file)).sort();

function newVault(dir = tmpDir()): { file: string; vault: Vault } {
  const file = path.join(dir, 'v.xsv');
  return { file, vault: Vault.create(file, PASS, { actor: 'app' }) };
}

describe('vault create / open', () => {
  it('creates an encrypted vault at the latest schema and reopens it', () => {
    const { file, vault } = newVault();
    expect(vault.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const id = vault.meta('vault_id');
    expect(id).toMatch(/[0-9a-f-]{36}/);
    vault.close();
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    const again = Vault.open(file, PASS, { actor: 'app' });
    expect(again.meta('vault_id')).toBe(id);
    again.close();
    // Only the vault itself is left: no lock, no WAL, no temporary files.
    expect(siblings(file)).toEqual(['v.xsv']);
  });

  it('refuses to create over an existing file and leaves it untouched', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    fs.writeFileSync(file, 'precious');
    expect(() => Vault.create(file, PASS, { actor: 'app' })).toThrow(expect.objectContaining({ code: 'VAULT_EXISTS' }));
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    expect(siblings(file)).toEqual(['v.xsv']);
  });

  it('refuses an empty or too short passphrase and creates nothing', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    for (const bad of ['', 'short', '123456789']) {
      expect(() => Vault.create(file, bad, { actor: 'app' })).toThrow(expect.objectContaining({ code: 'PASSPHRASE_TOO_SHORT' }));
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('counts characters, not bytes: ten Chinese characters are long enough', () => {
    const dir = tmpDir();
    const v = Vault.create(path.join(dir, 'v.xsv'), '我的证据箱口令很安全', { actor: 'app' });
    v.close();
  });

  it('a wrong passphrase is reported as such and the file stays byte-identical', () => {
    const { file, vault } = newVault();
    vault.close();
    const before = sha(file);
    expect(() => Vault.open(file, OTHER_PASS, { actor: 'app' })).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(sha(file)).toBe(before);
    expect(siblings(file)).toEqual(['v.xsv']);
  });

  it('a missing file is VAULT_MISSING', () => {
    expect(() => Vault.open(path.join(tmpDir(), 'nope.xsv'), PASS, { actor: 'app' })).toThrow(expect.objectContaining({ code: 'VAULT_MISSING' }));
  });

  it('files that are not vaults are NOT_A_VAULT and untouched', () => {
    const dir = tmpDir();
    const plain = path.join(dir, 'plain.db');
    const p = new Database(plain);
    p.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    p.close();
    const cases: Record<string, Buffer> = {
      'empty.xsv': Buffer.alloc(0),
      'text.xsv': Buffer.from('这不是证据箱 '.repeat(2000)),
      'zeros.xsv': Buffer.alloc(8192),
      'plain.db': fs.readFileSync(plain),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      // A file of a known kind (text, a plain SQLite database) is named as such (issue 13).
      const code = name === 'text.xsv' || name === 'plain.db' ? 'NOT_A_VAULT_KIND' : 'NOT_A_VAULT';
      expect(() => Vault.open(file, PASS, { actor: 'app' }), name).toThrow(expect.objectContaining({ code }));
      expect(fs.readFileSync(file).equals(bytes), name).toBe(true);
    }
  });

  it('a truncated vault is VAULT_DAMAGED (cut mid-page or on a page boundary) and untouched', () => {
    const { file, vault } = newVault();
    vault.change((db) => {
      const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (let i = 0; i < 200; i++) put.run(`k${i}`, 'x'.repeat(2000));
    });
    vault.close();
    const full = fs.readFileSync(file);
    for (const cut of [Math.floor(full.length / 2) + 123, 4096 * 3]) {
      const damaged = path.join(path.dirname(file), `cut-${cut}.xsv`);
      fs.writeFileSync(damaged, full.subarray(0, cut));
      expect(() => Vault.open(damaged, PASS, { actor: 'app' }), String(cut)).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED' }));
      expect(fs.statSync(damaged).size).toBe(cut);
    }
  });

  it('refuses a vault made by a newer version, with both versions in the message', () => {
    const { file, vault } = newVault();
    vault.close();
    const raw = openEncrypted(file, PASS);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => Vault.open(file, PASS, { actor: 'app' })).toThrow(
      expect.objectContaining({ code: 'VAULT_TOO_NEW', message: expect.stringContaining(String(LATEST_SCHEMA_VERSION + 1)) }),
    );
  });
});

describe('change passphrase (rekey)', () => {
  it('rekeys: the old passphrase stops working, the new one opens the same data', () => {
    const { file, vault } = newVault();
    const id = vault.meta('vault_id');
    vault.changePassphrase(PASS, OTHER_PASS);
    vault.close();
    expect(() => Vault.open(file, PASS, { actor: 'app' })).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    const again = Vault.open(file, OTHER_PASS, { actor: 'app' });
    expect(again.meta('vault_id')).toBe(id);
    expect(again.verifyAudit().ok).toBe(true);
    expect(again.handle.pragma('journal_mode', { simple: true })).toBe('wal');
    again.close();
  });

  it('refuses a wrong current passphrase and a too short new one, changing nothing', () => {
    const { file, vault } = newVault();
    expect(() => vault.changePassphrase(OTHER_PASS, 'a new long passphrase')).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(() => vault.changePassphrase(PASS, 'short')).toThrow(expect.objectContaining({ code: 'PASSPHRASE_TOO_SHORT' }));
    vault.close();
    Vault.open(file, PASS, { actor: 'app' }).close();
  });
});

describe('backup', () => {
  it('writes a consistent encrypted copy with the same passphrase, and never overwrites', () => {
    const dir = tmpDir();
    const { vault } = newVault(dir);
    const id = vault.meta('vault_id');
    const out = path.join(dir, 'backups', 'b.xsv');
    const result = vault.backup(out);
    expect(result.out).toBe(out);
    expect(result.bytes).toBe(fs.statSync(out).size);
    expect(() => vault.backup(out)).toThrow(expect.objectContaining({ code: 'OUTPUT_EXISTS' }));
    vault.close();
    const copy = Vault.open(out, PASS, { actor: 'app', readonly: true });
    expect(copy.meta('vault_id')).toBe(id);
    copy.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual(['b.xsv']);
  });

  it('a read-only connection backs up while a writer holds the vault', () => {
    const dir = tmpDir();
    const { file, vault } = newVault(dir);
    vault.change((db) => db.prepare("INSERT INTO meta VALUES ('during', 'writer open')").run());
    const reader = Vault.open(file, PASS, { actor: 'cli', readonly: true });
    const out = path.join(dir, 'b.xsv');
    reader.backup(out);
    reader.close();
    vault.close();
    const copy = Vault.open(out, PASS, { actor: 'app', readonly: true });
    expect(copy.meta('during')).toBe('writer open');
    copy.close();
  });
});

describe('no plaintext on disk', () => {
  it('a stored string cannot be found in the vault file, its -wal, or its backup', () => {
    const dir = tmpDir();
    const { file, vault } = newVault(dir);
    const marker = 'PLAINTEXT-MARKER-借呗逾期证据-0123456789';
    vault.change((db) => {
      const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (let i = 0; i < 50; i++) put.run(`m${i}`, `${marker} ${i}`);
    });
    // While open, the change sits in the WAL.
    const wal = `${file}-wal`;
    expect(fs.existsSync(wal)).toBe(true);
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    const needles = [Buffer.from(marker, 'utf8'), Buffer.from('PLAINTEXT-MARKER', 'utf8'), Buffer.from('借呗逾期证据', 'utf8')];
    const check = (f: string) => {
      const bytes = fs.readFileSync(f);
      for (const n of needles) expect(bytes.includes(n), `${path.basename(f)} contains plaintext`).toBe(false);
    };
    check(file);
    check(wal);
    const out = path.join(dir, 'b.xsv');
    vault.backup(out);
    check(out);
    vault.close();
    check(file);
  });
});
