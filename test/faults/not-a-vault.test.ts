// Finding 6 of issue 13: a photo, a PDF or a zip picked as the vault was reported as
// "证据箱文件已损坏 … 请用备份恢复". It is named for what it looks like; random bytes (which
// cannot be told from a vault under another passphrase) get both possibilities.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { zipSync } from 'fflate';
import { Vault } from '../../main/vault/vault';
import { formatErrorMessage, XieshangError } from '../../shared/errors';
import { PASS, tmpDir } from '../helpers/tmp';
import { jpeg, pdf, png } from '../evidence/fixtures';

function openError(bytes: Buffer): XieshangError {
  const file = path.join(tmpDir(), 'picked.xsv');
  fs.writeFileSync(file, bytes);
  try {
    Vault.open(file, PASS, { actor: 'app' });
  } catch (err) {
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    return err as XieshangError;
  }
  throw new Error('opened');
}

describe('a file that is not a vault', () => {
  it('a photo, a PDF and a zip are named, in all three languages', async () => {
    const cases: [Buffer, string, string, string][] = [
      [await jpeg(64, 64), '这不是证据箱文件（看起来是 JPEG 图片）。请选择你的证据箱文件（.xsv）', '看起來是 JPEG 圖片', 'it looks like a JPEG image'],
      [await png(64, 64), '这不是证据箱文件（看起来是 PNG 图片）。请选择你的证据箱文件（.xsv）', '看起來是 PNG 圖片', 'a PNG image'],
      [await pdf(['合同']), '这不是证据箱文件（看起来是 PDF 文档）。请选择你的证据箱文件（.xsv）', 'PDF 文件', 'a PDF document'],
      [
        Buffer.from(zipSync({ 'a.txt': new Uint8Array(5000).fill(65) })),
        '这不是证据箱文件（看起来是 ZIP 压缩包或 Office 文档）。请选择你的证据箱文件（.xsv）',
        'ZIP 壓縮檔',
        'a ZIP archive',
      ],
    ];
    for (const [bytes, zhCN, zhTW, en] of cases) {
      const err = openError(bytes);
      expect(err.code).toBe('NOT_A_VAULT_KIND');
      expect(err.message).toBe(zhCN);
      expect(err.message).not.toMatch(/损坏/);
      expect(formatErrorMessage(err.code, err.params, 'zh-TW')).toContain(zhTW);
      expect(formatErrorMessage(err.code, err.params, 'en')).toContain(en);
    }
  });

  it('random bytes: wrong passphrase or damaged, both said', () => {
    const err = openError(randomBytes(4096 * 4));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toBe('口令错误，或者文件已损坏（两者无法区分）');
    expect(formatErrorMessage(err.code, {}, 'en')).toMatch(/Wrong passphrase, or the file is damaged/);
  });
});
