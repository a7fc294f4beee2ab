// The background job over images already in the vault: progress per image, cancel between
// images (what was read stays read), resumed by the next run; counts before and after;
// the overlay's lines for one item.
import { describe, it, expect } from 'vitest';
import { importPaths } from '../../main/vault/evidence/import-files';
import { searchAll } from '../../main/vault/evidence/items';
import { ocrFeature } from '../../main/vault/ocr/feature';
import type { FeatureContext } from '../../main/vault/feature';
import { drawChat, drawSmsList } from '../../bench/ocr-screens';
import { newVault, noTask } from '../evidence/fixtures';
import { write } from '../evidence/samples';

describe('reading the images already in the vault', () => {
  it('reads pending images with progress, stops on cancel, resumes; lines for the overlay', async () => {
    const { vault, dir } = newVault();
    const a = write(dir, 'a.png', (await drawChat('a', '客服', '09:07', [{ side: 'left', text: '您的停息挂账申请已受理，请等待审核。' }])).png);
    const b = write(dir, 'b.png', (await drawSmsList('b', [{ sender: '95188', date: '昨天', text: '【借呗】您尚欠款项12,000.00元。' }])).png);
    const { results } = await importPaths(vault, [a, b], { ocr: false }, noTask);
    const [ia, ib] = results as { id: string }[];
    const progress: [number, number][] = [];
    let cancel = false;
    const ctx: FeatureContext = {
      vault: () => vault,
      progress: (done, total) => {
        progress.push([done, total]);
        if (done === 1) cancel = true;
      },
      cancelled: () => cancel,
    };
    expect(ocrFeature.counts(ctx)).toEqual({ images: 2, read: 0, notAnalysed: 0, pending: 2 });
    expect(ocrFeature.lines(ctx, ia!.id)).toEqual({ status: 'unread', width: null, height: null, lines: [] });

    const first = await ocrFeature.readPending(ctx);
    expect(first).toEqual({ read: 1, notAnalysed: 0, cancelled: true, remaining: 1 });
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(searchAll(vault.handle, '停息挂账').map((h) => h.id)).toEqual([ia!.id]);
    expect(ocrFeature.counts(ctx)).toMatchObject({ read: 1, pending: 1 });

    cancel = false;
    progress.length = 0;
    const second = await ocrFeature.readPending({ ...ctx, progress: (d, t) => progress.push([d, t]) });
    expect(second).toEqual({ read: 1, notAnalysed: 0, cancelled: false, remaining: 0 });
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(searchAll(vault.handle, '尚欠款项').map((h) => h.id)).toEqual([ib!.id]);
    expect(ocrFeature.counts(ctx)).toEqual({ images: 2, read: 2, notAnalysed: 0, pending: 0 });

    const lines = ocrFeature.lines(ctx, ib!.id);
    expect(lines).toMatchObject({ status: 'done', width: 1080, height: 2340 });
    expect(lines.lines.map((l) => l.text)).toContain('95188');
    // Each item's history records the reading.
    const audit = vault.handle.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evidence.ocr'").get() as { n: number };
    expect(audit.n).toBe(2);
    vault.close();
  }, 180_000);
});
