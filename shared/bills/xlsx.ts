// The first worksheet of an .xlsx as rows of text, read with fflate (inflate) and saxes (XML)
// — both already dependencies — instead of the `xlsx` package (0.18.5 on npm has
// CVE-2023-30533 prototype pollution and CVE-2024-22363 ReDoS) or exceljs (unmaintained).
// Only what a bill needs: shared strings, inline strings, numbers. Defences: the zip's own
// directory is read first; encrypted entries, ZIP64, unknown compression and entries whose
// declared size is above the caps are refused before anything is inflated, and each entry
// is inflated into a fixed buffer one byte larger than its declared size (a zip bomb
// cannot grow it; filling the extra byte means the size was a lie and the file is refused).
// An encrypted .xlsx is an OLE compound file, not a zip: refused with its own message.
import { inflateSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { NotABillError } from '../errors';

export const XLSX_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const XLSX_MAX_ENTRY_BYTES = 48 * 1024 * 1024;
export const XLSX_MAX_ROWS = 100_000;

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

function directory(bytes: Uint8Array): Entry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotABillError('xlsx 文件不完整（找不到压缩目录）');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new NotABillError('不支持 ZIP64 格式的 xlsx');
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new NotABillError('xlsx 文件的压缩目录已损坏');
    const nameLen = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    out.push({
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLen + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return out;
}

function read(bytes: Uint8Array, e: Entry): string {
  if (e.flags & 1) throw new NotABillError('这个压缩文件有密码（已加密），请先取消密码再导入');
  if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new NotABillError('不支持 ZIP64 格式的 xlsx');
  if (e.size > XLSX_MAX_ENTRY_BYTES) throw new NotABillError(`xlsx 里的 ${e.name} 解压后超过 ${XLSX_MAX_ENTRY_BYTES / 1024 / 1024} MB，不导入`);
  const lo = e.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw new NotABillError('xlsx 文件已损坏');
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw new NotABillError('xlsx 文件被截断');
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    // One byte more than declared: filling it means the entry inflates beyond what it claims.
    const buf = new Uint8Array(e.size + 1);
    try {
      out = inflateSync(data, { out: buf });
    } catch {
      throw new NotABillError(`xlsx 里的 ${e.name} 无法解压（文件损坏或大小与记录不符）`);
    }
    if (out.length !== e.size) throw new NotABillError(`xlsx 里的 ${e.name} 解压后的大小与记录不符`);
  } else throw new NotABillError(`xlsx 使用了不支持的压缩方式（${e.method}）`);
  return new TextDecoder('utf-8').decode(out);
}

function parseXml(text: string, handlers: { open(name: string, attrs: Record<string, string>): void; text(t: string): void; close(name: string): void }): void {
  const p = new SaxesParser({ xmlns: false });
  p.on('error', (err) => {
    throw new NotABillError(`xlsx 的内容不是有效的 XML：${err.message.slice(0, 80)}`);
  });
  p.on('opentag', (t) => handlers.open(t.name, t.attributes as Record<string, string>));
  p.on('text', (t) => handlers.text(t));
  p.on('cdata', (t) => handlers.text(t));
  p.on('closetag', (t) => handlers.close(t.name));
  p.write(text).close();
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  parseXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
    },
    text(t) {
      if (inT && current !== null) current += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'si') {
        out.push(current ?? '');
        current = null;
      }
    },
  });
  return out;
}

function columnOf(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function sheetRows(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: { col: number; type: string; value: string } | null = null;
  let capture = false;
  let nextCol = 0;
  parseXml(xml, {
    open(name, a) {
      if (name === 'row') {
        row = [];
        nextCol = 0;
        if (rows.length >= XLSX_MAX_ROWS) throw new NotABillError(`xlsx 超过 ${XLSX_MAX_ROWS} 行，不导入`);
      } else if (name === 'c' && row) {
        const col = a.r ? columnOf(a.r) : nextCol;
        if (col < 0 || col > 16_383) throw new NotABillError('xlsx 的单元格位置无效');
        cell = { col, type: a.t ?? 'n', value: '' };
        nextCol = col + 1;
      } else if ((name === 'v' || name === 't') && cell) capture = true;
    },
    text(t) {
      if (capture && cell) cell.value += t;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && cell && row) {
        const text = cell.type === 's' ? (strings[Number(cell.value)] ?? '') : cell.value;
        while (row.length < cell.col) row.push('');
        row[cell.col] = text;
        cell = null;
      } else if (name === 'row' && row) {
        if (row.some((c) => c.trim() !== '')) rows.push(row.map((c) => c.trim()));
        row = null;
      }
    },
  });
  return rows;
}

/** The first worksheet's non-empty rows. */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  if (bytes.length > XLSX_MAX_FILE_BYTES) throw new NotABillError(`文件超过 ${XLSX_MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1) {
    throw new NotABillError('这是加密的 Excel 文件（或旧版 .xls）：请在 Excel 里取消密码，另存为 .xlsx 再导入');
  }
  if (bytes.length < 4 || u32(bytes, 0) !== 0x04034b50) throw new NotABillError('不是 xlsx 文件');
  const entries = directory(bytes);
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name.slice(14))![0]) - Number(/\d+/.exec(b.name.slice(14))![0]));
  if (entries.some((e) => e.flags & 1)) throw new NotABillError('这个压缩文件有密码（已加密），请先取消密码再导入');
  const sheet = sheets[0];
  if (!sheet) throw new NotABillError('这个文件不是 Excel 工作簿（里面没有工作表）');
  const ss = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  const total = sheet.size + (ss?.size ?? 0);
  if (total > XLSX_MAX_ENTRY_BYTES) throw new NotABillError(`xlsx 解压后超过 ${XLSX_MAX_ENTRY_BYTES / 1024 / 1024} MB，不导入`);
  const strings = ss ? sharedStrings(read(bytes, ss)) : [];
  return sheetRows(read(bytes, sheet), strings);
}
