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
import { searchContacts, TIMELINE_DOC_KINDS } from '../../main/vault/timeline/search';
import { searchDocuments } from '../../main/vault/evidence/search-index';
import { loadDismissals, loadMarks, readTimeline, toConductInput } from '../../main/vault/timeline/store';
import { computeConduct, computeConductOfEach } from '../../shared/timeline/conduct';
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
  'search short and long terms': { query: '起诉 律师事务所' },
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

  it('a fresh connection (nothing remembered) lists the same', () => {
    const other = Vault.open(vault.file, PASS, { actor: 'cli', readonly: true });
    try {
      for (const name of ['all', 'flagged + search 逾期', 'everything at once']) {
        expect(sha(listTimeline(other, FILTERS[name]!).entries)).toBe(sha(listTimeline(vault, FILTERS[name]!).entries));
      }
    } finally {
      other.close();
    }
  });
});

describe('the parts the listing is made of agree with the general ones', () => {
  it("the timeline's search finds exactly the contacts the vault's search finds", () => {
    const queries = [
      ...Object.values(FILTERS).flatMap((f) => (f.query === undefined ? [] : [f.query])),
      '逾',
      'a',
      'A',
      'c%d',
      '%',
      '_',
      '\\',
      '"',
      '""',
      '%%',
      'ICBC 逾期',
      'icbc 尊敬的用户 违约金',
      '违约金已产生。违约金已产生。',
      '一 二 三 四 五 六 七 八 逾期', // more than 8 terms: the rest are ignored
      `${'违约金已产生。'.repeat(15)}`, // a term longer than 100 characters is cut
      '  逾期\t上门  ',
      '１３７００００１１１１',
      'ＡＢＣ１２３',
      'abc123',
      '截图',
      '13700001111 逾期',
    ];
    for (const q of queries) {
      const general = new Set(searchDocuments(vault.handle, q, { kinds: TIMELINE_DOC_KINDS, limit: 100_000 }).map((h) => h.id));
      const ours = searchContacts(vault.handle, q);
      expect([...ours].sort(), q).toEqual([...general].sort());
    }
  });

  it('conduct by id (computeConduct) and in order (computeConductOfEach) agree', () => {
    const db = vault.handle;
    const { rows } = readTimeline(db);
    const dismissals = loadDismissals(db);
    const inputs = rows.map((r) => toConductInput(r, dismissals.get(r.id)));
    const byId = computeConduct(inputs, loadMarks(db));
    const inOrder = computeConductOfEach(inputs, loadMarks(db));
    expect([...byId.keys()]).toEqual(inputs.map((e) => e.id));
    expect([...byId.values()]).toEqual(inOrder);
  });
});
