// Anything built from a vault marked sample=1 (the demo) carries the 示例 mark, whatever the
// request says; an ordinary vault's package carries it only when asked.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../main/vault/vault';
import { importCase } from '../../main/vault/case/service';
import { packageDraftFromVault, packageModelFromVault } from '../../main/vault/package/model-from-vault';
import { sampleCase, TODAY } from '../case/fixtures';
import { PASS, tmpDir } from '../helpers/tmp';

describe('the sample mark follows the vault', () => {
  it('set from meta sample=1, never taken off by the request', () => {
    const vault = Vault.create(path.join(tmpDir(), 'v.xsv'), PASS, { actor: 'cli' });
    try {
      importCase(vault, sampleCase());
      const req = { template: 'negotiation' as const, date: TODAY, sign: false };
      expect(packageModelFromVault(vault, req).sample).toBe(false);
      expect(packageModelFromVault(vault, { ...req, sample: true }).sample).toBe(true);

      vault.change((db) => db.prepare("INSERT INTO meta (key, value) VALUES ('sample', '1')").run());
      expect(packageModelFromVault(vault, req).sample).toBe(true);
      expect(packageModelFromVault(vault, { ...req, sample: false }).sample).toBe(true);
      expect(packageDraftFromVault(vault, { template: 'negotiation', date: TODAY, sample: false }).model.sample).toBe(true);
    } finally {
      vault.close();
    }
  });
});
