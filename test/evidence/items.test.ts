// Search, filters, metadata edits, trash / restore / purge and the audit trail, on a real
// encrypted vault.
import { describe, it, expect, afterEach } from 'vitest';
import { importPaths } from '../../main/vault/evidence/import-files';
import { detail, facets, listItems, purgeItems, restoreItems, searchAll, trashItems, updateItem } from '../../main/vault/evidence/items';
import { searchDocuments, indexDocument } from '../../main/vault/evidence/search-index';
import type { Vault } from '../../main/vault/vault';
import { saveAccount } from '../../main/vault/case/service';
import { tmpDir } from '../helpers/tmp';
import { newVault, noTask, pdf, png, write } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

async function seeded() {
  const { vault } = newVault();
  open.push(vault);
  const dir = tmpDir();
  const files = [
    write(dir, 'Screenshot_20241018-143022.png', await png()),
    write(dir, '通知.pdf', await pdf(['您好，您提交的申请减免罚息材料已收到', 'Overdue NOTICE'])),
    write(dir, 'IMG_20240301_090000.jpg', await png()),
  ];
  const { results } = await importPaths(vault, files, {}, noTask);
  const ids = results.map((r) => ('id' in r ? r.id : ''));
  return { vault, ids: ids as [string, string, string] };
}

describe('search (FTS5 trigram + LIKE for short queries)', () => {
  it('finds a Chinese word inside a sentence: 减免 in 申请减免罚息 (2 characters) and 减免罚息 (4)', async () => {
    const { vault, ids } = await seeded();
    const two = searchAll(vault.handle, '减免');
    expect(two.map((h) => h.id)).toEqual([ids[1]]);
    expect(two[0]).toMatchObject({ kind: 'evidence', snippet: expect.stringContaining('申请减免罚息') });
    expect(searchAll(vault.handle, '减免罚息').map((h) => h.id)).toEqual([ids[1]]);
    // One character, Latin case-insensitively, several terms (AND), a term that is nowhere.
    expect(searchAll(vault.handle, '罚').map((h) => h.id)).toEqual([ids[1]]);
    expect(searchAll(vault.handle, 'notice').map((h) => h.id)).toEqual([ids[1]]);
    expect(searchAll(vault.handle, '减免 notice').map((h) => h.id)).toEqual([ids[1]]);
    expect(searchAll(vault.handle, '减免 不存在的词')).toEqual([]);
  });

  it('finds names, notes and tags; special characters are text, not query syntax', async () => {
    const { vault, ids } = await seeded();
    updateItem(vault, ids[0], { note: '催收员说要"上门"，100%真实', tags: ['花呗', '催收'] });
    expect(searchAll(vault.handle, '上门').map((h) => h.id)).toEqual([ids[0]]);
    expect(searchAll(vault.handle, '"上门"').map((h) => h.id)).toEqual([ids[0]]);
    expect(searchAll(vault.handle, '100%').map((h) => h.id)).toEqual([ids[0]]);
    expect(searchAll(vault.handle, '花呗').map((h) => h.id)).toEqual([ids[0]]);
    expect(searchAll(vault.handle, 'Screenshot').map((h) => h.id)).toEqual([ids[0]]);
    expect(searchAll(vault.handle, 'OR AND NOT *')).toEqual([]);
    expect(
      searchAll(vault.handle, '_')
        .map((h) => h.id)
        .sort(),
    ).toEqual([ids[0], ids[2]].sort());
  });

  it('the index is generic: other kinds (SMS, contacts) are searched alongside evidence', async () => {
    const { vault, ids } = await seeded();
    vault.change((db) => indexDocument(db, { kind: 'sms', refId: 'm1', title: '95188', body: '您的借呗已逾期，请尽快申请减免' }));
    const hits = searchAll(vault.handle, '减免');
    expect(hits.map((h) => [h.kind, h.id])).toEqual([
      ['evidence', ids[1]],
      ['sms', 'm1'],
    ]);
    expect(searchDocuments(vault.handle, '减免', { kinds: ['sms'] })).toHaveLength(1);
  });

  it('trashed evidence drops out of search and comes back on restore', async () => {
    const { vault, ids } = await seeded();
    trashItems(vault, [ids[1]]);
    expect(searchAll(vault.handle, '减免')).toEqual([]);
    restoreItems(vault, [ids[1]]);
    expect(searchAll(vault.handle, '减免')).toHaveLength(1);
  });
});

describe('list filters and sorting', () => {
  it('category, tag, date range (Beijing days), account link, sort', async () => {
    const { vault, ids } = await seeded();
    // Account links live in the case: the account must exist.
    const acct = saveAccount(vault, {
      account: {
        label: '花呗',
        number: '',
        principal: '100.00',
        interest: '0.00',
        fees: '0.00',
        dueDate: null,
        overdueSince: null,
        penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-12-09' },
        contractDate: null,
        evidenceIds: [],
        note: '',
      },
      creditor: { legalName: '重庆蚂蚁消费金融有限公司', product: 'huabei', productName: '', channels: [], note: '' },
    }).accounts[0]!.id;
    expect(() => updateItem(vault, ids[2], { accountIds: ['acct-1'] })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    updateItem(vault, ids[2], { tags: ['工资'], accountIds: [acct], category: 'income_proof' });
    expect(listItems(vault.handle, { category: 'chat_screenshot' }).items.map((i) => i.id)).toEqual([ids[0]]);
    expect(listItems(vault.handle, { tag: '工资' }).items.map((i) => i.id)).toEqual([ids[2]]);
    expect(listItems(vault.handle, { accountId: acct }).items.map((i) => i.id)).toEqual([ids[2]]);
    // The screenshot (file name) and the PDF (its creation date) are both from 2024-10-18, Beijing time.
    expect(
      listItems(vault.handle, { from: '2024-10-18', to: '2024-10-18' })
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());
    expect(listItems(vault.handle, { from: '2024-10-19' }).items).toEqual([]);
    expect(listItems(vault.handle, { from: '2024-01-01', to: '2024-12-31', sort: { by: 'captured', dir: 'asc' } }).items.map((i) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(listItems(vault.handle, { sort: { by: 'name', dir: 'asc' } }).items.map((i) => i.name)).toEqual([
      'IMG_20240301_090000.jpg',
      'Screenshot_20241018-143022.png',
      '通知.pdf',
    ]);
    expect(listItems(vault.handle, { query: '减免', category: 'chat_screenshot' }).items).toEqual([]);
    expect(listItems(vault.handle, { query: '减免', category: 'other' }).items.map((i) => i.id)).toEqual([ids[1]]);
    expect(facets(vault.handle)).toMatchObject({ live: 3, trash: 0, tags: [{ tag: '工资', count: 1 }], accountIds: [acct] });
  });
});

describe('changes are safe and audited', () => {
  it('edits record old and new values in the hash-chained audit log', async () => {
    const { vault, ids } = await seeded();
    const d = updateItem(vault, ids[0], { category: 'collection_notice', note: '第一次催收', tags: [' 催收 ', '催收', '花呗'], capturedAt: '2024-10-18 09:00' });
    expect(d).toMatchObject({
      category: 'collection_notice',
      categorySource: 'user',
      note: '第一次催收',
      tags: ['催收', '花呗'],
      capturedAt: '2024-10-18T09:00:00+08:00',
      capturedSource: 'user',
    });
    const edit = d.history.find((h) => h.action === 'evidence.update')!;
    expect(edit.oldValue).toEqual({ category: 'chat_screenshot', note: '', capturedAt: '2024-10-18T14:30:22+08:00', capturedSource: 'filename', tags: [] });
    expect(edit.newValue).toEqual({ category: 'collection_notice', note: '第一次催收', capturedAt: '2024-10-18T09:00:00+08:00', capturedSource: 'user', tags: ['催收', '花呗'] });
    // A no-op edit writes nothing.
    const before = d.history.length;
    expect(updateItem(vault, ids[0], { note: '第一次催收' }).history).toHaveLength(before);
    expect(() => updateItem(vault, ids[0], { capturedAt: '2024-02-30 10:00' })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => updateItem(vault, 'ffffffffffffffff', { note: 'x' })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(vault.verifyAudit()).toMatchObject({ ok: true });
  });

  it('delete moves to the trash; restore brings it back; purge is only from the trash', async () => {
    const { vault, ids } = await seeded();
    expect(trashItems(vault, [ids[0], ids[0]])).toEqual({ count: 1 });
    expect(listItems(vault.handle).items.map((i) => i.id)).not.toContain(ids[0]);
    expect(listItems(vault.handle, { trash: true }).items.map((i) => i.id)).toEqual([ids[0]]);
    expect(() => purgeItems(vault, [ids[1]])).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(restoreItems(vault, [ids[0]])).toEqual({ count: 1 });
    expect(listItems(vault.handle).items).toHaveLength(3);
    trashItems(vault, [ids[0]]);
    expect(purgeItems(vault, [ids[0]])).toEqual({ purged: 1, blobsRemoved: 1 });
    expect(() => detail(vault.handle, ids[0])).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    const actions = (vault.handle.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').all(ids[0]) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['evidence.import', 'evidence.trash', 'evidence.restore', 'evidence.trash', 'evidence.purge']);
    expect(vault.handle.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 2 });
    expect(vault.verifyAudit()).toMatchObject({ ok: true });
  });

  it('purge keeps the bytes while another item still names them', async () => {
    const { vault } = newVault();
    open.push(vault);
    const dir = tmpDir();
    const bytes = await png();
    const first = (await importPaths(vault, [write(dir, 'a.png', bytes)], {}, noTask)).results[0] as { id: string };
    trashItems(vault, [first.id]);
    // Same bytes imported while the first is in the trash: a new item sharing the stored bytes.
    const second = (await importPaths(vault, [write(dir, 'b.png', bytes)], {}, noTask)).results[0] as { id: string; duplicateOf: string | null };
    expect(second.id).not.toBe(first.id);
    expect(second.duplicateOf).toBeNull();
    expect(vault.handle.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 1 });
    expect(purgeItems(vault, [first.id])).toEqual({ purged: 1, blobsRemoved: 0 });
    expect(detail(vault.handle, second.id)).toMatchObject({ hasThumb: true });
    trashItems(vault, [second.id]);
    expect(purgeItems(vault, [second.id])).toEqual({ purged: 1, blobsRemoved: 1 });
    const n = (sql: string) => (vault.handle.prepare(sql).get() as { n: number }).n;
    expect([
      n('SELECT COUNT(*) AS n FROM blobs'),
      n('SELECT COUNT(*) AS n FROM blob_chunks'),
      n('SELECT COUNT(*) AS n FROM blob_renditions'),
      n('SELECT COUNT(*) AS n FROM search_docs'),
    ]).toEqual([0, 0, 0, 0]);
  });
});
