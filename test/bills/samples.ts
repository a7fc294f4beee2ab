// Bill files in the platforms' real export layouts, made by the tests: an Alipay CSV (GBK
// or UTF-8 with BOM, preamble, order numbers padded with a tab), a WeChat Pay .xlsx (a real
// OOXML zip: preamble rows, shared strings, amounts written ¥25.00), a bank CSV.
import { zipSync, strToU8 } from 'fflate';

let gbkTable: Map<string, number[]> | null = null;
/** GBK bytes for a string: the reverse of the platform's GBK decoder (no encoder dependency). */
export function gbkEncode(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export const ALIPAY_ROWS = [
  // 交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注
  ['2026-03-02 12:01:00', '餐饮美食', '某某面馆', 'mian***', '午餐', '支出', '25.00', '余额宝', '交易成功', '2026030222001400000000000001', 'T1'],
  ['2026-03-03 18:20:00', '日用百货', '某超市', 'cs***', '日用品', '支出', '1,234.50', '银行卡', '交易成功', '2026030322001400000000000002', 'T2'],
  ['2026-03-05 09:00:00', '退款', '某超市', 'cs***', '退款-日用品', '不计收支', '34.50', '银行卡', '退款成功', '2026030522001400000000000003', 'T3'],
  ['2026-03-06 10:00:00', '转账红包', '张三', 'zs***', '转账', '收入', '500.00', '', '交易成功', '2026030622001400000000000004', ''],
  ['2026-03-07 10:00:00', '信用借还', '花呗', '', '花呗主动还款-2026年03月账单', '不计收支', '800.00', '银行卡', '还款成功', '2026030722001400000000000005', ''],
  ['2026-03-08 10:00:00', '投资理财', '余额宝', '', '余额宝-单次转入', '不计收支', '300.00', '银行卡', '交易成功', '2026030822001400000000000006', ''],
  ['2026-03-09 10:00:00', '餐饮美食', '某奶茶店', 'nc***', '奶茶', '支出', '15.00', '花呗', '交易关闭', '2026030922001400000000000007', ''],
];

export function alipayCsvText(rows = ALIPAY_ROWS): string {
  const preamble = [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：示例',
    '支付宝账户：demo***@example.com',
    '起始时间：[2026-03-01 00:00:00]    终止时间：[2026-03-31 23:59:59]',
    '导出交易类型：[全部]',
    `共${rows.length}笔记录`,
    '',
    '特别提示：',
    '1.本回单内容可表明支付宝受理了此笔业务，但不代表交易结果。',
    '----------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------',
  ];
  const header = '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,';
  // Order numbers end with a tab, as the real export writes them.
  const body = rows.map((r) => r.map((c, i) => ((i === 9 || i === 10) && c ? `${c}\t` : c.includes(',') ? `"${c}"` : c)).join(',') + ',');
  return [...preamble, header, ...body].join('\r\n') + '\r\n';
}

export const alipayGbk = (rows = ALIPAY_ROWS) => gbkEncode(alipayCsvText(rows));
export const alipayUtf8Bom = (rows = ALIPAY_ROWS) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(alipayCsvText(rows))]);

export const WECHAT_ROWS = [
  // 交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注
  ['2026-03-04 08:30:00', '商户消费', '某早餐店', '早餐', '支出', '¥12.00', '零钱', '支付成功', '4200000001202603040000000001\t', '100001\t', '/'],
  ['2026-03-10 19:00:00', '商户消费', '某商场', '衣服', '支出', '¥1,299.00', '招商银行储蓄卡', '已全额退款', '4200000002202603100000000002\t', '100002\t', '/'],
  ['2026-03-11 19:00:00', '商户消费', '某商场', '衣服', '支出', '¥299.00', '零钱', '支付成功', '4200000003202603110000000003\t', '100003\t', '/'],
  ['2026-03-15 12:00:00', '微信红包', '李四', '/', '收入', '¥88.00', '/', '已存入零钱', '1000050001202603150000000004\t', '/', '/'],
  ['2026-03-20 12:00:00', '零钱提现', '招商银行', '/', '/', '¥100.00', '零钱', '提现已到账', '1000050001202603200000000005\t', '/', '/'],
  ['2026-03-25 12:00:00', '信用卡还款', '招商银行', '/', '支出', '¥1,000.00', '零钱', '支付成功', '1000050001202603250000000006\t', '/', '/'],
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (i: number) => String.fromCharCode(65 + i);

/** A minimal but real .xlsx (OOXML): content types, workbook, sheet1 with shared strings. */
export function xlsx(rows: readonly (readonly string[])[], opts: { inline?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const sheetRows = rows
    .map((r, ri) => {
      const cells = r
        .map((c, ci) => {
          if (c === '') return '';
          const ref = `${colName(ci)}${ri + 1}`;
          return opts.inline ? `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>` : `<c r="${ref}" t="s"><v>${index(c)}</v></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData></worksheet>`),
  };
  if (!opts.inline) {
    files['xl/sharedStrings.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
    );
  }
  return zipSync(files, { level: 6 });
}

export function wechatXlsx(rows = WECHAT_ROWS): Uint8Array {
  const preamble = [
    ['微信支付账单明细'],
    ['微信昵称：[示例]'],
    ['起始时间：[2026-03-01 00:00:00] 终止时间：[2026-03-31 23:59:59]'],
    ['导出类型：[全部]'],
    ['导出时间：[2026-04-01 10:00:00]'],
    [''],
    [`共${rows.length}笔记录`],
    ['收入：1笔 88.00元'],
    ['支出：4笔 2610.00元'],
    ['中性交易：1笔 100.00元'],
    ['注：'],
    ['1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易'],
    ['----------------------微信支付账单明细列表--------------------'],
  ];
  const header = ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '交易单号', '商户单号', '备注'];
  return xlsx([...preamble, header, ...rows]);
}

/** The same zip with the "encrypted" flag set on every entry (local and central headers). */
export function withEncryptedFlag(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out[i]! | (out[i + 1]! << 8) | (out[i + 2]! << 16) | (out[i + 3]! << 24);
    if (sig === 0x04034b50) out[i + 6] = out[i + 6]! | 1;
    if (sig === 0x02014b50) out[i + 8] = out[i + 8]! | 1;
  }
  return out;
}

/** The first bytes of an OLE compound file: what an Excel file saved with a password is. */
export function oleHeader(): Uint8Array {
  const b = new Uint8Array(1024);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return b;
}

export function bankCsv(): string {
  return [
    '招商银行交易流水',
    '账号：6214 **** 0001',
    '交易日期,交易时间,收入/支出,交易金额,余额,交易摘要,对方户名',
    '20260301,09:00:00,收入,"8,000.00",8500.00,工资,某某科技有限公司',
    '20260302,10:00:00,支出,-2500.00,6000.00,房租,房东王某',
    '20260303,11:00:00,支出,-1000.00,5000.00,转账到支付宝,本人',
  ].join('\n');
}
