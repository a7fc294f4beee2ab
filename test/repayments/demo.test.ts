// The demo case carries an accepted agreement with two recorded payments, one with a receipt.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE, sharedDemoVault } from '../helpers/demo';
import { Vault } from '../../main/vault/vault';
import { cliRepayments, listAgreements } from '../../main/vault/repayments/service';

describe('demo agreement', () => {
  it('two installments paid, the first with a receipt kept as evidence', async () => {
    const vault = Vault.open(await sharedDemoVault(), DEMO_PASSPHRASE, { actor: 'cli', readonly: true });
    try {
      const [doc] = cliRepayments(vault);
      expect(doc!.payments).toHaveLength(2);
      expect(doc!.payments[0]!.receiptId).not.toBeNull();
      expect(doc!.installments.slice(0, 3).map((i) => i.status)).toEqual(['paid', 'paid', expect.stringMatching(/due|upcoming/)]);
      expect(listAgreements(vault)[0]!.creditor).not.toBe('');
      const item = vault.handle.prepare('SELECT name FROM evidence_items WHERE id = ?').get(doc!.payments[0]!.receiptId) as { name: string };
      expect(item.name).toMatch(/^还款成功-\d{4}-\d{2}-\d{2}\.png$/);
    } finally {
      vault.close();
    }
  }, 180_000);
});
