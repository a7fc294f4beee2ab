// Reading bills in their real layouts (pure): encodings, preambles, padded order numbers,
// ¥ and thousands separators, what counts as income or spending, and the refusals.
import { describe, expect, it } from 'vitest';
import { decodeBillBytes } from '../../shared/bills/decode';
import { parseCsv } from '../../shared/bills/csv';
import { parseAlipay } from '../../shared/bills/alipay';
import { parseWechat } from '../../shared/bills/wechat';
import { parseBank, parseColumnsOption } from '../../shared/bills/bank';
import { readXlsxRows } from '../../shared/bills/xlsx';
import { zipSync, strToU8 } from 'fflate';
import { alipayCsvText, alipayGbk, alipayUtf8Bom, bankCsv, oleHeader, wechatXlsx, withEncryptedFlag, xlsx } from './samples';

const summary = (rows: { date: string; direction: string; kind: string; amount: string }[]) => rows.map((r) => `${r.date} ${r.direction} ${r.kind} ${r.amount}`);

describe('Alipay CSV', () => {
  it('GBK and UTF-8 with BOM read to the same rows', () => {
    const gbk = decodeBillBytes(alipayGbk());
    const bom = decodeBillBytes(alipayUtf8Bom());
    expect(gbk.encoding).toBe('gbk');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(gbk.text).toBe(bom.text);
    expect(parseAlipay(parseCsv(gbk.text))).toEqual(parseAlipay(parseCsv(bom.text)));
  });

  it('skips the preamble; refunds, repayments, own transfers are neutral; a closed trade is not counted', () => {
    const bill = parseAlipay(parseCsv(decodeBillBytes(alipayGbk()).text));
    expect(summary(bill.rows)).toEqual([
      '2026-03-02 spending normal 25.00',
      '2026-03-03 spending normal 1234.50',
      '2026-03-05 neutral refund 34.50',
      '2026-03-06 income normal 500.00',
      '2026-03-07 neutral repayment 800.00',
      '2026-03-08 neutral transfer 300.00',
    ]);
    expect(bill.skipped).toBe(1);
    expect(bill.rows[0]!.orderNo).toBe('2026030222001400000000000001'); // the trailing tab is gone
    expect(bill.rows[0]!.category).toBe('餐饮美食');
  });

  it('a missing column is named', () => {
    const text = alipayCsvText().replace(',交易订单号,', ',订单,');
    expect(() => parseAlipay(parseCsv(text))).toThrow(/支付宝账单缺少这些列：交易订单号/);
  });
});

describe('WeChat Pay xlsx', () => {
  it('reads the real layout: preamble rows, ¥ amounts with separators, refunds and neutral rows', () => {
    const bill = parseWechat(readXlsxRows(wechatXlsx()));
    expect(summary(bill.rows)).toEqual([
      '2026-03-04 spending normal 12.00',
      '2026-03-10 neutral refund 1299.00',
      '2026-03-11 spending normal 299.00',
      '2026-03-15 income normal 88.00',
      '2026-03-20 neutral transfer 100.00',
      '2026-03-25 neutral repayment 1000.00',
    ]);
    expect(bill.rows[0]!.orderNo).toBe('4200000001202603040000000001');
  });

  it('inline strings read the same', () => {
    const rows = readXlsxRows(
      xlsx(
        [
          ['a', 'b'],
          ['1', '¥2.00'],
        ],
        { inline: true },
      ),
    );
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '¥2.00'],
    ]);
  });

  it('an xlsx that is not a bill is refused', () => {
    expect(() =>
      parseWechat(
        readXlsxRows(
          xlsx([
            ['姓名', '电话'],
            ['张三', '123'],
          ]),
        ),
      ),
    ).toThrow(/找不到微信支付账单的表头/);
  });

  it('an encrypted zip is refused before inflating anything', () => {
    expect(() => readXlsxRows(withEncryptedFlag(wechatXlsx()))).toThrow(/有密码（已加密）/);
  });

  it('a password-protected Excel file (OLE container) is refused with its own message', () => {
    expect(() => readXlsxRows(oleHeader())).toThrow(/加密的 Excel 文件/);
  });

  it('an entry that inflates beyond its declared size (zip bomb) is refused', () => {
    const big = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${'<row></row>'.repeat(20000)}</sheetData></worksheet>`) });
    // Lie about the uncompressed size in the central directory: 100 bytes.
    const out = big.slice();
    for (let i = 0; i + 4 <= out.length; i++) {
      if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x01 && out[i + 3] === 0x02) out.set([100, 0, 0, 0], i + 24);
    }
    expect(() => readXlsxRows(out)).toThrow(/大小与记录不符/);
  });

  it('a zip that is not a workbook is refused', () => {
    expect(() => readXlsxRows(zipSync({ 'a.txt': strToU8('hello') }))).toThrow(/不是 Excel 工作簿/);
  });
});

describe('bank CSV', () => {
  it('maps columns; quoted amounts with thousands separators; negative = spending; own transfer neutral', () => {
    const mapping = parseColumnsOption('date=交易日期,amount=交易金额,direction=收入/支出,counterparty=对方户名,description=交易摘要');
    const bill = parseBank(parseCsv(bankCsv()), mapping);
    expect(summary(bill.rows)).toEqual(['2026-03-01 income normal 8000.00', '2026-03-02 spending normal 2500.00', '2026-03-03 neutral transfer 1000.00']);
  });

  it('a mapped column that is not in the file is named', () => {
    expect(() => parseBank(parseCsv(bankCsv()), parseColumnsOption('date=日期,amount=交易金额'))).toThrow(/银行流水缺少这些列：日期/);
  });

  it('--columns needs date and amount, and known keys', () => {
    expect(() => parseColumnsOption('amount=金额')).toThrow(/至少要有 date= 和 amount=/);
    expect(() => parseColumnsOption('date=a,amount=b,colour=c')).toThrow(/不认识 colour/);
  });
});
