// Finding 7 of issue 13: changing the passphrase proved the current one on a connection opened
// WITHOUT the vault's native binding. In the packaged app only Electron's build of SQLite
// ships, so that open would fail. Here the vault is opened with a binding at a path of its
// own; the default build must never be loaded by this process (fresh per test file).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import { Vault } from '../../main/vault/vault';
import { OTHER_PASS, PASS, tmpDir } from '../helpers/tmp';

const req = createRequire(__filename);
const DEFAULT_BUILD = path.join(path.dirname(req.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');
const loaded = () => Object.keys(req.cache).filter((k) => k.endsWith('.node'));

describe('passwd uses the same native binding as every other open', () => {
  it('create, open, change passphrase and reopen load only the given binding', () => {
    expect(loaded()).not.toContain(DEFAULT_BUILD);
    const dir = tmpDir();
    const binding = path.join(dir, 'electron-like', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(binding));
    fs.copyFileSync(DEFAULT_BUILD, binding);
    const file = path.join(dir, 'v.xsv');
    Vault.create(file, PASS, { actor: 'app', nativeBinding: binding }).close();
    const vault = Vault.open(file, PASS, { actor: 'app', nativeBinding: binding });
    vault.changePassphrase(PASS, OTHER_PASS);
    vault.close();
    Vault.open(file, OTHER_PASS, { actor: 'app', nativeBinding: binding, readonly: true }).close();
    expect(loaded()).toContain(binding);
    expect(loaded()).not.toContain(DEFAULT_BUILD);
  });
});
