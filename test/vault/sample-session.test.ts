// VaultSession.openSample through both hosts (the app's worker thread and in-process): a
// vault marked sample=1 opens in place of the user's own until the next lock, whatever
// locks it; the user's own vault is never created by it and never closed by it.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInProcessHost, createWorkerHost, type VaultHost } from '../../main/vault/host';
import { Vault } from '../../main/vault/vault';
import { PASS, OTHER_PASS, tmpDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKER = path.join(ROOT, 'dist/main/vault-worker.js');

function makeVault(file: string, passphrase: string, sample: boolean): void {
  const vault = Vault.create(file, passphrase, { actor: 'cli' });
  if (sample) vault.change((db) => db.prepare("INSERT INTO meta (key, value) VALUES ('sample', '1')").run());
  vault.close();
}

const hosts: [string, (vaultPath: string) => VaultHost][] = [
  ['in-process', (vaultPath) => createInProcessHost({ vaultPath, actor: 'app' })],
  ['worker', (vaultPath) => createWorkerHost({ vaultPath, actor: 'app' }, WORKER)],
];

describe.each(hosts)('openSample (%s host)', (_name, makeHost) => {
  it('opens a sample in place of the user’s vault until the next lock', async () => {
    const dir = tmpDir();
    const own = path.join(dir, 'vault.xsv');
    const sample = path.join(dir, 'demo', 'demo.vault');
    const plain = path.join(dir, 'other.xsv');
    makeVault(sample, OTHER_PASS, true);
    makeVault(plain, OTHER_PASS, false);
    const host = makeHost(own);
    try {
      expect(await host.status()).toEqual({ state: 'none', path: own, schemaVersion: null, sample: false });
      expect(await host.openSample(sample, OTHER_PASS)).toMatchObject({ state: 'unlocked', path: sample, sample: true });
      expect(await host.lock()).toEqual({ state: 'none', path: own, schemaVersion: null, sample: false });
      expect(fs.existsSync(own)).toBe(false);

      // Only a vault marked sample; the refused one is closed again (its writer lock released).
      await expect(host.openSample(plain, OTHER_PASS)).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect(fs.existsSync(`${plain}.lock`)).toBe(false);
      await expect(host.openSample(sample, PASS)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
      expect(await host.status()).toMatchObject({ state: 'none', sample: false });

      // Creating the user's vault from the demo leaves the demo and creates it where it belongs.
      await host.openSample(sample, OTHER_PASS);
      expect(await host.create(PASS)).toMatchObject({ state: 'unlocked', path: own, sample: false });
      expect(fs.existsSync(`${sample}.lock`)).toBe(false);
      // Never over the user's open vault.
      await expect(host.openSample(sample, OTHER_PASS)).rejects.toMatchObject({ code: 'VAULT_OPEN' });
      expect(await host.status()).toMatchObject({ state: 'unlocked', path: own, sample: false });

      expect(await host.lock()).toMatchObject({ state: 'locked', path: own });
      expect(await host.openSample(sample, OTHER_PASS)).toMatchObject({ state: 'unlocked', path: sample, sample: true });
      // Opening it again while open is fine (the same sample); the passphrase cannot change.
      expect(await host.openSample(sample, OTHER_PASS)).toMatchObject({ sample: true });
      await expect(host.changePassphrase(OTHER_PASS, PASS)).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect(await host.unlock(PASS)).toMatchObject({ state: 'unlocked', path: own, sample: false });
    } finally {
      await host.dispose();
    }
  });
});
