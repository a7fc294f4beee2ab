// Bills are parsed in their own thread, bounded in time and memory (issue 11): the rows
// that come back are those the parser reads in-process; refusals keep their message; a
// hostile xlsx (a huge sheet that takes seconds to parse) is ended at the budget while the
// calling thread — the vault worker in the app — keeps running; through the vault, such a
// file is refused and nothing is kept, and the next real bill imports.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBillBounded } from '../../main/vault/bills/parse-bounded';
import { parseBillBytes } from '../../main/vault/bills/parse';
import { importBillFile } from '../../main/vault/bills/import';
import { Vault } from '../../main/vault/vault';
import '../../main/vault/features';
import { NotABillError } from '../../shared/errors';
import { parseColumnsOption } from '../../shared/bills/bank';
import { tmpDir, PASS } from '../helpers/tmp';
import { alipayGbk, bankCsv, wechatXlsx, xlsx } from './samples';

/** A valid workbook of 60,000 rows × 10 inline cells: ~36 MB of XML (under the 48 MB cap), ~2 MB zipped (made once). */
let huge: Uint8Array | null = null;
function hugeSheet(): Uint8Array {
  const row = Array.from({ length: 10 }, (_, i) => `单元格${i}`);
  huge ??= xlsx(
    Array.from({ length: 60_000 }, () => row),
    { inline: true },
  );
  return huge;
}

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
  delete process.env.XIESHANG_BILL_BUDGET_MS;
});

describe('the bill parser thread', () => {
  it('returns the same rows as parsing in-process (Alipay GBK, WeChat xlsx, a bank CSV with a remembered mapping)', async () => {
    for (const bytes of [alipayGbk(), wechatXlsx()]) {
      expect(await parseBillBounded(bytes, {}, {})).toEqual(parseBillBytes(bytes, {}, {}));
    }
    const bank = new TextEncoder().encode(bankCsv());
    const withColumns = parseBillBytes(
      bank,
      { format: 'bank', columns: parseColumnsOption('date=交易日期,amount=交易金额,direction=收入/支出,counterparty=对方户名,description=交易摘要') },
      {},
    );
    expect(withColumns.remember).not.toBeNull();
    // Remembered: the thread gets the vault's mappings as a table.
    const known = { [withColumns.remember!.key]: withColumns.remember!.mapping };
    expect((await parseBillBounded(bank, {}, known)).bill).toEqual(withColumns.bill);
  });

  it('a refusal crosses the thread with its class and message', async () => {
    const notBill = xlsx([
      ['姓名', '电话'],
      ['张三', '123'],
    ]);
    const err = await parseBillBounded(notBill, {}, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotABillError);
    expect((err as NotABillError).code).toBe('NOT_A_BILL');
    expect((err as Error).message).toMatch(/找不到微信支付账单的表头/);
    await expect(parseBillBounded(new TextEncoder().encode('随便写的一段话\n没有表头'), {}, {})).rejects.toThrow(/认不出是哪种账单/);
  });

  it('a huge sheet is ended at the time budget; the calling thread keeps running meanwhile', async () => {
    const bytes = hugeSheet();
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    let ticks = 0;
    let worstGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks++;
    }, 20);
    const started = performance.now();
    const err = await parseBillBounded(bytes, {}, {}, 400).catch((e: unknown) => e);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(err).toBeInstanceOf(NotABillError);
    expect((err as Error).message).toMatch(/没能读完/);
    // Stopped at the budget (plus thread start and termination), not after the whole parse.
    expect(took).toBeLessThan(4000);
    // The event loop of the caller was never held: its timer kept firing.
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(worstGap).toBeLessThan(3000);
  });

  it('through the vault: the hostile file is refused and nothing is kept; a real bill imports right after', async () => {
    const dir = tmpDir('xieshang-bill-thread-');
    const v = Vault.create(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
    open.push(v);
    const hostile = path.join(dir, '微信支付账单(恶意).xlsx');
    fs.writeFileSync(hostile, hugeSheet());
    process.env.XIESHANG_BILL_BUDGET_MS = '300';
    await expect(importBillFile(v, hostile, {})).rejects.toThrow(/没能读完/);
    expect(v.handle.prepare('SELECT COUNT(*) AS n FROM evidence_items').get()).toEqual({ n: 0 });
    expect(v.handle.prepare('SELECT COUNT(*) AS n FROM bill_rows').get()).toEqual({ n: 0 });
    delete process.env.XIESHANG_BILL_BUDGET_MS;
    const good = path.join(dir, 'alipay_record_202603.csv');
    fs.writeFileSync(good, alipayGbk());
    const doc = await importBillFile(v, good, {});
    expect(doc).toMatchObject({ source: 'alipay', imported: 6 });
  });
});
