// The whole timeline listing of a fixed, varied vault (listing-fixture.ts), pinned: ids,
// order, parties, flags with their details and dismissals, previews, links, claims — every
// field of every entry, for many filters and searches, plus the CLI document, the monthly
// summary and single contacts. Recorded before the listing was made faster; any change in
// what the timeline shows fails here. Each listing is pinned by its count and the SHA-256 of
// its JSON, with a few whole entries written out so that a failure shows what moved.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../main/vault/vault';
import '../../main/vault/features';
import { cliTimeline, listTimeline, summary } from '../../main/vault/timeline/queries';
import { getContact } from '../../main/vault/timeline/contacts';
import type { TimelineFilter, TimelineList } from '../../shared/contracts/timeline';
import { PASS } from './fixtures';
import { writeListingFixture } from './listing-fixture';

const FILTERS: Record<string, TimelineFilter> = {
  all: {},
  flagged: { flaggedOnly: true },
  'search 逾期 (short: LIKE)': { query: '逾期' },
  'flagged + search 逾期': { flaggedOnly: true, query: '逾期' },
  'search 尊敬的用户 (trigram MATCH)': { query: '尊敬的用户' },
  'search two short terms': { query: '逾期 上门' },
  'search short and long terms': { query: '起诉 律师事务所 家人' },
  'search a number (title)': { query: '13700001111' },
  'search latin, lower case': { query: 'icbc' },
  'search fullwidth (NFKC)': { query: 'ＩＣＢＣ' },
  'search % and _ (LIKE escapes)': { query: '100% a_b' },
  'search a quote (MATCH escapes)': { query: '"引号"' },
  'search nothing found': { query: '不存在的词语' },
  'search whitespace only': { query: '   ' },
  'search empty': { query: '' },
  'channels: phone': { channels: ['phone'] },
  'channels: sms, chat': { channels: ['sms', 'chat'] },
  'channels: the rest': { channels: ['email', 'letter', 'visit', 'mediation', 'court'] },
  'channels: empty list': { channels: [] },
  'parties: unknown': { parties: ['unknown'] },
  'parties: creditor': { parties: ['creditor'] },
  'parties: collector, third_party': { parties: ['collector', 'third_party'] },
  'parties: mediator, regulator': { parties: ['mediator', 'regulator'] },
  'from 2024-03-01': { from: '2024-03-01' },
  'to 2023-06-30': { to: '2023-06-30' },
  'one day (the busy one)': { from: '2024-02-10', to: '2024-02-10' },
  'from after to': { from: '2024-05-01', to: '2024-04-01' },
  'everything at once': { channels: ['phone', 'sms'], parties: ['creditor', 'collector'], flaggedOnly: true, from: '2024-01-01', to: '2024-03-31', query: '逾期' },
  'flagged phone calls in January 2024': { channels: ['phone'], flaggedOnly: true, from: '2024-01-01', to: '2024-01-31' },
};

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

let vault: Vault;
let dir: string;
let counts: ReturnType<typeof writeListingFixture>;
beforeAll(() => {
  // Its own folder (tmpDir() empties after each test; this vault serves them all).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-listing-'));
  vault = Vault.create(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
  counts = writeListingFixture(vault);
}, 120_000);
afterAll(() => {
  vault?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function pin(list: TimelineList) {
  const e = list.entries;
  const at = (i: number) => (i < e.length ? e[i] : null);
  return {
    count: e.length,
    total: list.total,
    sha256: sha(e),
    first: at(0),
    middle: at(Math.floor(e.length / 2)),
    last: e.length > 0 ? e[e.length - 1] : null,
  };
}

describe('the timeline listing of a fixed vault is exactly as recorded', () => {
  it('the fixture', () => {
    expect(counts).toMatchSnapshot();
  });

  it.each(Object.entries(FILTERS))('%s', (name, filter) => {
    const list = listTimeline(vault, filter);
    expect(pin(list)).toMatchSnapshot(name);
  });

  it('the listing is sorted by time, then id, and carries every contact once', () => {
    const { entries, total } = listTimeline(vault, {});
    expect(entries).toHaveLength(total);
    expect(new Set(entries.map((e) => e.id)).size).toBe(total);
    for (let i = 1; i < entries.length; i++) {
      const a = entries[i - 1]!;
      const b = entries[i]!;
      expect(a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id)).toBe(true);
    }
  });

  it('every flag detail, dismissal and party of the full listing', () => {
    const { entries } = listTimeline(vault, {});
    const flags = entries.filter((e) => e.flags.length > 0).map((e) => [e.id, e.party, e.sideReason, e.flags]);
    const byCode: Record<string, number> = {};
    let dismissed = 0;
    for (const e of entries) {
      for (const f of e.flags) {
        byCode[f.code] = (byCode[f.code] ?? 0) + 1;
        if (f.dismissed) dismissed++;
      }
    }
    expect({ flagged: flags.length, sha256: sha(flags), byCode, dismissed }).toMatchSnapshot();
  });

  it('the CLI document', () => {
    const doc = cliTimeline(vault);
    expect({ count: doc.length, sha256: sha(doc), first: doc[0], last: doc[doc.length - 1] }).toMatchSnapshot();
  });

  it('the monthly summary', () => {
    expect(summary(vault)).toMatchSnapshot();
  });

  it('single contacts (flags computed over the whole timeline)', () => {
    const { entries } = listTimeline(vault, {});
    const picks = [0, 17, 1234, 2500, 3999, entries.length - 1].map((i) => entries[i]!.id);
    // …and the first contacts carrying each flag, dismissed or not.
    for (const code of ['night_contact', 'excess_calls', 'third_party', 'threat_or_impersonation']) {
      const hit = entries.find((e) => e.flags.some((f) => f.code === code && f.dismissed));
      if (hit) picks.push(hit.id);
    }
    const details = picks.map((id) => {
      const { createdAt: _c, updatedAt: _u, ...rest } = getContact(vault, id);
      return rest;
    });
    expect(details).toMatchSnapshot();
  });
});
