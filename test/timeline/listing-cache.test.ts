// The timeline a connection read last is used again while the data is unchanged (the list,
// the summary and an opened contact all need the whole timeline). Every kind of change must
// be seen at once: by hand, marks, dismissals, evidence going to the trash, a change rolled
// back, a commit by another connection; and what a caller does with a listing never
// changes the next one.
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../main/vault/vault';
import { openEncrypted } from '../../main/vault/sqlite';
import { listTimeline, summary } from '../../main/vault/timeline/queries';
import { addContact, deleteContact, dismissFlag, getContact, markNumber, restoreFlag, updateContact } from '../../main/vault/timeline/contacts';
import { loadTimeline, readTimeline } from '../../main/vault/timeline/store';
import { restoreItems, trashItems } from '../../main/vault/evidence/items';
import { makeVault, PASS } from './fixtures';
import { writeListingFixture } from './listing-fixture';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
function setup(): { vault: Vault; file: string } {
  const m = makeVault();
  open.push(m.vault);
  writeListingFixture(m.vault, 400);
  return m;
}

/** What the listing shows now is what the tables say now. */
function expectCurrent(v: Vault): void {
  expect(loadTimeline(v.handle)).toEqual(readTimeline(v.handle));
}

const CALL = { at: '2024-10-21T23:10:00+08:00', channel: 'phone', direction: 'incoming', partyType: 'collector', phone: '13912345678' } as const;

describe('the remembered timeline', () => {
  it('is used again while nothing changes, and never inside a transaction', () => {
    const { vault: v } = setup();
    const a = loadTimeline(v.handle);
    expect(loadTimeline(v.handle)).toBe(a);
    listTimeline(v, { flaggedOnly: true });
    summary(v);
    expect(loadTimeline(v.handle)).toBe(a);
    v.change((db) => {
      expect(loadTimeline(db)).not.toBe(a);
      expect(loadTimeline(db)).toEqual(a);
    });
  });

  it('sees contacts added, changed, dismissed, restored and deleted by hand', () => {
    const { vault: v } = setup();
    const total = listTimeline(v).total;
    const c = addContact(v, CALL);
    expect(listTimeline(v).total).toBe(total + 1);
    expectCurrent(v);

    updateContact(v, c.id, { summary: '说要起诉，还要去你单位' });
    expect(
      listTimeline(v)
        .entries.find((e) => e.id === c.id)!
        .flags.map((f) => f.code),
    ).toEqual(['night_contact', 'threat_or_impersonation']);
    expectCurrent(v);

    dismissFlag(v, c.id, 'night_contact', '我约的时间');
    expect(listTimeline(v).entries.find((e) => e.id === c.id)!.flags[0]!.dismissed).toMatchObject({ reason: '我约的时间' });
    expect(listTimeline(v, { flaggedOnly: true }).entries.some((e) => e.id === c.id)).toBe(true); // the threat is still there
    expectCurrent(v);

    restoreFlag(v, c.id, 'night_contact');
    expect(getContact(v, c.id).flags[0]!.dismissed).toBeNull();
    expectCurrent(v);

    deleteContact(v, c.id);
    expect(listTimeline(v).total).toBe(total);
    expectCurrent(v);
  });

  it('sees marks on numbers', () => {
    const { vault: v } = setup();
    const c = addContact(v, { ...CALL, partyType: null, phone: '13911112222' });
    expect(getContact(v, c.id).party).toBe('unknown');
    markNumber(v, '13911112222', 'creditor', '某银行');
    expect(listTimeline(v).entries.find((e) => e.id === c.id)).toMatchObject({ party: 'creditor', organisation: '某银行' });
    expectCurrent(v);
    markNumber(v, '13911112222', null);
    expect(listTimeline(v).entries.find((e) => e.id === c.id)!.party).toBe('unknown');
    expectCurrent(v);
  });

  it('sees linked evidence going to the trash and coming back', () => {
    const { vault: v } = setup();
    const linked = listTimeline(v).entries.find((e) => e.evidenceIds.length > 0)!;
    const item = linked.evidenceIds[0]!;
    trashItems(v, [item]);
    expect(listTimeline(v).entries.find((e) => e.id === linked.id)!.evidenceIds).not.toContain(item);
    expectCurrent(v);
    restoreItems(v, [item]);
    expect(listTimeline(v).entries.find((e) => e.id === linked.id)!.evidenceIds).toContain(item);
    expectCurrent(v);
  });

  it('forgets a change that was rolled back', () => {
    const { vault: v } = setup();
    const before = listTimeline(v);
    expect(() =>
      v.change((db) => {
        db.prepare("UPDATE contacts SET party_type = 'collector', direction = 'incoming'").run();
        expect(listTimeline(v).entries.every((e) => e.party === 'collector')).toBe(true);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(listTimeline(v)).toEqual(before);
    expectCurrent(v);
  });

  it('sees a commit by another connection', () => {
    const { vault: v, file } = setup();
    const before = listTimeline(v);
    const first = before.entries[0]!;
    const other = openEncrypted(file, PASS);
    try {
      other.prepare("UPDATE contacts SET summary = '另一个连接写的', party_type = 'regulator' WHERE id = ?").run(first.id);
    } finally {
      other.close();
    }
    expect(listTimeline(v).entries[0]).toMatchObject({ id: first.id, preview: '另一个连接写的', party: 'regulator' });
    expectCurrent(v);
  });

  it('is not changed by what a caller does with a listing', () => {
    const { vault: v } = setup();
    const pristine = JSON.stringify(listTimeline(v));
    const l = listTimeline(v);
    for (const e of l.entries) {
      e.evidenceIds.push('x');
      for (const f of e.flags) {
        if (f.dismissed) f.dismissed.reason = 'changed';
        f.words?.push('x');
      }
      e.party = 'unknown';
    }
    l.entries.length = 0;
    const c = getContact(v, JSON.parse(pristine).entries.find((e: { flags: { dismissed: unknown }[] }) => e.flags.some((f) => f.dismissed)).id);
    c.flags.forEach((f) => f.dismissed && (f.dismissed.at = 'changed'));
    c.evidenceIds.push('y');
    expect(JSON.stringify(listTimeline(v))).toBe(pristine);
  });
});
