// One negotiation per creditor (issue 10) on the three-creditor case: who every record
// belongs to, the flags each side earns (and the messages that earn none), excess_calls per
// side, identical recordings kept apart, the SMS backup kept and cited, and what a letter to
// one creditor holds — read back from the built PDF with pdftotext.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../main/vault/vault';
import { listTimeline } from '../../main/vault/timeline/queries';
import { packageDraftFromVault } from '../../main/vault/package/model-from-vault';
import { buildPackageFromVault } from '../../main/vault/package/service';
import { setContactSide } from '../../main/vault/sides/service';
import { pdftotext } from '../package/poppler';
import { cli } from '../helpers/cli';
import { PASS } from '../helpers/tmp';
import type { TimelineEntry } from '../../shared/contracts/timeline';
import { ANT, BANK, CALLS, MESSAGES, NUMBERS, PRIVATE_NOTE, buildThreeCreditorCase, removeThreeCreditorCase, type ThreeCreditorCase } from './three-creditors';

let k: ThreeCreditorCase;
let byId: Map<string, TimelineEntry>;
const entry = (key: string) => byId.get(k.contactOf.get(key)!)!;
const reload = () => {
  byId = new Map(listTimeline(k.vault).entries.map((e) => [e.id, e]));
};

beforeAll(async () => {
  k = await buildThreeCreditorCase();
  reload();
}, 120_000);
afterAll(() => removeThreeCreditorCase(k));

const GROUP = { ant: ANT, bank: BANK } as const;
const activeFlags = (e: TimelineEntry) => e.flags.filter((f) => f.dismissed === null).map((f) => f.code);

describe('the creditor side of every record', () => {
  it.each(MESSAGES.map((m) => [m.key, m] as const))('SMS %s', (key, m) => {
    const e = entry(key);
    if (m.side === 'ant' || m.side === 'bank') expect(e.side).toMatchObject({ group: GROUP[m.side], state: expect.stringMatching(/confirmed|inferred/) });
    else if (m.side === 'nobody') expect(e.side).toMatchObject({ kind: 'nobody', group: null, unrelated: expect.any(String) });
    else expect(e.side).toMatchObject({ state: 'suggested', group: null });
    expect(activeFlags(e)).toEqual(m.flags);
  });

  it.each(CALLS.map((c) => [c.key, c] as const))('call %s', (key, c) => {
    const e = entry(key);
    expect(e.side.group).toBe(GROUP[c.side]);
    expect(activeFlags(e)).toEqual(c.flags);
  });

  it('a product word picks the creditor (花呗 / 借呗); the agencies act for 借呗; what nobody sent has no creditor', () => {
    expect(entry('huabei-overdue').side).toMatchObject({ kind: 'creditor', creditorId: 'c-huabei', state: 'confirmed', source: 'creditor_number' });
    expect(entry('jiebei-overdue').side).toMatchObject({ kind: 'creditor', creditorId: 'c-jiebei' });
    expect(entry('agency-night').side).toMatchObject({ kind: 'agent', agentId: k.agents.agency, creditorId: 'c-jiebei', state: 'confirmed' });
    expect(entry('lawsuit-notice').side).toMatchObject({ kind: 'agent', agentId: k.agents.lawFirm, creditorId: 'c-jiebei' });
    expect(entry('user-stop-family')).toMatchObject({ direction: 'outgoing', side: { kind: 'agent', agentId: k.agents.agency } });
    expect(Object.fromEntries(MESSAGES.filter((m) => m.side === 'nobody').map((m) => [m.key, entry(m.key).side.unrelated]))).toEqual({
      'bank-balance': 'bank_notice',
      'code-0200': 'verification_code',
      'carrier-bill': 'carrier_bill',
      marketing: 'marketing',
      'scam-offer': 'debt_scam',
    });
  });

  it("a filed lawsuit with its case number is a legal notice, not a threat; the agency's words are a threat", () => {
    const legal = entry('lawsuit-notice').flags.find((f) => f.code === 'threat_or_impersonation')!;
    expect(legal).toMatchObject({ nature: 'legal_notice', caseNumber: '(2026)渝0112民初12345号' });
    expect(entry('agency-night').flags.find((f) => f.code === 'threat_or_impersonation')).toMatchObject({ nature: 'threat' });
  });

  it("excess_calls counts one side per Beijing day: the agency's call is 95188's 4th; the bank's three are not added", () => {
    const ex = entry('agency-4').flags.find((f) => f.code === 'excess_calls')!;
    expect(ex).toMatchObject({ date: '2026-10-15', nth: 4, ofDay: 4 });
  });

  it('可能是催收方: a suggestion from the words, confirmed with one click for the whole number', () => {
    expect(entry('unknown-outsourced').side.suggestion).toMatchObject({ kind: 'agent', creditorId: 'c-jiebei' });
    expect(entry('unknown-threat').side.suggestion).toMatchObject({ kind: 'creditor', creditorId: null });
    const s = entry('unknown-outsourced').side.suggestion!;
    setContactSide(k.vault, k.contactOf.get('unknown-outsourced')!, { side: 'agent', creditorId: s.creditorId, agentId: k.agents.agency }, true);
    reload();
    expect(entry('unknown-outsourced').side).toMatchObject({ kind: 'agent', group: ANT, state: 'confirmed', source: 'user' });
    // Undo, so the other tests see the case as built.
    setContactSide(k.vault, k.contactOf.get('unknown-outsourced')!, null);
    k.vault.handle.prepare('DELETE FROM party_marks WHERE number_key = ?').run(NUMBERS.unknownOutsourced);
    reload();
    expect(entry('unknown-outsourced').side.state).toBe('suggested');
  });
});

describe('every event and every original kept', () => {
  it('every SMS links to the backup file, kept byte-exact as evidence', () => {
    for (const m of MESSAGES) expect(entry(m.key).evidenceIds).toEqual([k.smsEvidenceId]);
    const item = k.vault.handle.prepare('SELECT category, name FROM evidence_items WHERE id = ?').get(k.smsEvidenceId);
    expect(item).toEqual({ category: 'sms', name: 'sms-20261031.xml' });
  });

  it('two recordings with identical bytes are two calls: own evidence, own number, own time; the bytes stored once', () => {
    const a = entry('same-a');
    const b = entry('same-b');
    expect([a.phone, a.at]).toEqual(['95188', '2026-10-16T15:00:00+08:00']);
    expect([b.phone, b.at]).toEqual(['95999', '2026-10-16T16:00:00+08:00']);
    expect(k.recordingOf.get('same-a')).not.toBe(k.recordingOf.get('same-b'));
    expect(a.evidenceIds).toEqual([k.recordingOf.get('same-a')]);
    expect(b.evidenceIds).toEqual([k.recordingOf.get('same-b')]);
    const blobs = k.vault.handle.prepare('SELECT DISTINCT blob_id FROM evidence_items WHERE id IN (?, ?)').all(k.recordingOf.get('same-a'), k.recordingOf.get('same-b'));
    expect(blobs).toHaveLength(1);
  });
});

describe('a letter speaks to one creditor', () => {
  const sideKeys = (side: 'ant' | 'bank') => [...MESSAGES.filter((m) => m.side === side).map((m) => m.key), ...CALLS.filter((c) => c.side === side).map((c) => c.key)];

  it.each([
    ['c-jiebei', 'ant'],
    ['c-huabei', 'ant'],
    ['c-card', 'bank'],
  ] as const)("the draft to %s holds only the %s side's contacts, flags and exhibits", (creditorId, side) => {
    const draft = packageDraftFromVault(k.vault, { template: 'complaint', date: '2026-11-01', creditorId });
    const expected = sideKeys(side)
      .map((key) => entry(key).at)
      .sort();
    expect(draft.model.contacts.map((c) => c.at).sort()).toEqual(expected);
    expect(draft.model.accounts.map((a) => a.label)).toEqual(side === 'ant' ? ['花呗', '借呗'] : ['信用卡']);
    // Flags: only the side's; the lawful lawsuit notice is not listed as a violation.
    const flagged = draft.model.flaggedContacts.map((f) => [f.at, f.flags]);
    const want = sideKeys(side)
      .map((key) => [entry(key).at, activeFlags(entry(key)).filter((f) => key !== 'lawsuit-notice' || f !== 'threat_or_impersonation')] as const)
      .filter(([, f]) => f.length > 0)
      .sort((x, y) => x[0].localeCompare(y[0]));
    expect(flagged.sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual(want);
    const suggested = new Set(draft.candidates.filter((c) => c.suggested).map((c) => c.evidenceId));
    const recordings = (s: 'ant' | 'bank') => CALLS.filter((c) => c.side === s).map((c) => k.recordingOf.get(c.key)!);
    for (const id of recordings(side)) expect(suggested.has(id)).toBe(true);
    for (const id of recordings(side === 'ant' ? 'bank' : 'ant')) expect(suggested.has(id)).toBe(false);
    expect(suggested.has(k.smsEvidenceId)).toBe(true);
    expect(suggested.has(k.evidence.idCard)).toBe(true);
    expect(suggested.has(k.evidence.bankBill)).toBe(side === 'bank');
    expect(suggested.has(k.evidence.huabeiChat)).toBe(side === 'ant');
    // Directions and SMS rows' evidence travel with the contacts.
    const stop = draft.model.contacts.find((c) => c.summary.includes('不要联系我的家人'));
    expect(stop ? stop.direction : null).toBe(side === 'ant' ? 'outgoing' : null);
    for (const c of draft.model.contacts.filter((c) => c.channel === '短信')) expect(c.evidenceIds).toEqual([k.smsEvidenceId]);
    // Never a private note as a title.
    expect(draft.candidates.map((c) => c.title).join('\n')).not.toContain('私人备注');
    expect(draft.candidates.find((c) => c.evidenceId === k.evidence.bankBill)!.title).toBe('账单：蜀信信用卡账单-2026年9月.pdf');
  });

  it("the built complaint to 借呗 names only its side; SMS rows cite the backup's exhibit number (pdftotext)", async () => {
    const out = path.join(k.dir, 'complaint-jiebei.pdf');
    await buildPackageFromVault(k.vault, { template: 'complaint', date: '2026-11-01', sign: false, creditorId: 'c-jiebei' }, out);
    const text = pdftotext(out).replace(/\s+/g, '');
    expect(text).toContain(ANT.replace(/\s+/g, ''));
    expect(text).toContain('10690001111');
    expect(text).not.toContain(NUMBERS.bank);
    expect(text).not.toContain('482913'); // the verification code
    expect(text).not.toContain('债务协商团队');
    expect(text).not.toContain(PRIVATE_NOTE);
    expect(text).not.toContain('13800009999'); // unconfirmed
    const draft = packageDraftFromVault(k.vault, { template: 'complaint', date: '2026-11-01', creditorId: 'c-jiebei' });
    const n = draft.candidates.filter((c) => c.suggested).findIndex((c) => c.evidenceId === k.smsEvidenceId) + 1;
    expect(n).toBeGreaterThan(0);
    // The agency's night SMS row cites the backup by its exhibit number.
    expect(text).toMatch(new RegExp(`23:10.{0,200}证据${n}`));
  }, 60_000);

  it("the built negotiation letter to the bank holds none of 蚂蚁's contacts (pdftotext)", async () => {
    const out = path.join(k.dir, 'negotiation-card.pdf');
    await buildPackageFromVault(k.vault, { template: 'negotiation', date: '2026-11-01', sign: false, creditorId: 'c-card' }, out);
    const text = pdftotext(out).replace(/\s+/g, '');
    expect(text).toContain('蜀信银行');
    expect(text).toContain('95999');
    expect(text).not.toContain('95188');
    expect(text).not.toContain(NUMBERS.agencySms);
    expect(text).not.toContain('不要联系我的家人');
    expect(text).not.toContain('余额1,230.55');
    expect(text).not.toContain(PRIVATE_NOTE);
  }, 60_000);

  it('package build: with several creditors and no --creditor, exit 2 listing the ids; --creditor names it in the JSON', () => {
    k.vault.close();
    try {
      const env = { XIESHANG_PASSPHRASE: PASS };
      const none = cli(['package', 'build', '--out', path.join(k.dir, 'x.pdf'), '--vault', k.file], { env });
      expect(none.status).toBe(2);
      for (const id of ['c-huabei', 'c-jiebei', 'c-card']) expect(none.stderr).toContain(id);
      const bad = cli(['package', 'build', '--out', path.join(k.dir, 'x.pdf'), '--creditor', 'nope', '--vault', k.file], { env });
      expect(bad.status).toBe(2);
      const ok = cli(['package', 'build', '--out', path.join(k.dir, 'card.pdf'), '--creditor', 'c-card', '--vault', k.file, '--json'], { env });
      expect(ok.status).toBe(0);
      expect(Object.keys(JSON.parse(ok.stdout))).toEqual(['out', 'creditor', 'pages', 'exhibits', 'bytes', 'sha256', 'signed']);
      expect(JSON.parse(ok.stdout)).toMatchObject({ creditor: 'c-card', signed: false });
    } finally {
      k = { ...k, vault: reopen(k.file) };
    }
  }, 120_000);
});

function reopen(file: string): Vault {
  return Vault.open(file, PASS, { actor: 'cli' });
}
