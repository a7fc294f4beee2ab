// The case channels through the real dispatcher and services (what the pages call).
import { afterEach, describe, expect, it } from 'vitest';
import { makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS } from '../helpers/tmp';
import { sampleCase } from './fixtures';

let sut: ServicesUnderTest | null = null;
afterEach(async () => {
  await sut?.services.dispose();
  sut = null;
});

const account = {
  label: '花呗',
  number: '',
  principal: '10000.00',
  interest: '0.00',
  fees: '0.00',
  dueDate: '2025-12-09',
  overdueSince: '2025-12-10',
  penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-12-09' },
  contractDate: null,
  evidenceIds: [],
  note: '',
};
const creditor = { legalName: '重庆蚂蚁消费金融有限公司', product: 'huabei', productName: '', channels: [], note: '' };

describe('case channels', () => {
  it('locked: VAULT_LOCKED; malformed: BAD_REQUEST; a refused plan: BAD_INPUT — never INTERNAL', async () => {
    sut = await makeServices();
    const { dispatch } = sut;
    expect(await dispatch('case:get', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    await dispatch('vault:create', { passphrase: PASS });
    expect(await dispatch('case:saveAccount', { account: { ...account, principal: 10000 }, creditor })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch('case:saveAccount', { account: { ...account, principal: '-1.00' }, creditor })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const saved = await dispatch('case:saveAccount', { account, creditor });
    expect(saved).toMatchObject({ ok: true, value: { accounts: [{ label: '花呗', principal: '10000.00' }] } });
    const accountId = (saved as any).value.accounts[0].id as string;
    const withFinances = await dispatch('case:saveFinances', { finances: sampleCase().finances });
    expect(withFinances).toMatchObject({ ok: true, value: { finances: { income: [{ monthly: '1800.00' }] } } });
    const plan = {
      name: '报价方案',
      role: 'offer',
      accountIds: [accountId],
      basis: 'principal',
      asOf: '2026-03-01',
      interestOffered: '0.00',
      installments: 5,
      firstDate: '2099-01-10',
      note: '',
    };
    const refused = await dispatch('case:savePlan', { plan });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((refused as any).error.message).toContain('超出每月可用于还款的 400.00 元');
    const acked = await dispatch('case:savePlan', { plan, acknowledgeOverCapacity: true });
    expect(acked).toMatchObject({ ok: true, value: { plans: [{ total: '10000.00', overCapacityAck: { capacity: '400.00' } }] } });
    expect(await dispatch('case:deleteCreditor', { id: (saved as any).value.creditors[0].id })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await dispatch('vault:auditVerify', {})).toMatchObject({ ok: true, value: { ok: true } });
  });
});
