// text ID: the text the vault holds for one evidence item — what OCR read in an image, a
// PDF's text layer, a text file, or an email's headers and body — exactly as docs/cli.md.
import { Vault } from '../../main/vault/vault';
import { itemText } from '../../main/vault/evidence/items';
import type { Command } from '../framework';
import { XieshangError } from '../../shared/errors';

export interface TextOutput {
  id: string;
  source: 'ocr' | 'pdf' | 'email' | 'text' | null;
  text: string;
}

export const textCommand: Command<TextOutput> = {
  name: 'text',
  usage:
    'xieshang text ID [--vault PATH]\n一件证据的文字：图片的识别文字（OCR）、PDF 的文字层、邮件正文或文本文件内容；没有文字时 source 为 null。\nThe text of one item: OCR of an image, a PDF text layer, an email body, a text file; source null when there is none.',
  summary: '一件证据的文字（图片识别、PDF、邮件） / the text of one evidence item',
  positionals: [1, 1],
  run(ctx) {
    const id = ctx.positionals[0]!;
    if (!/^[0-9a-f]{16}$/.test(id)) throw new XieshangError('BAD_INPUT', { detail: `没有这条证据：${id}` });
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli', readonly: true });
    try {
      return { id, ...itemText(vault.handle, id) };
    } finally {
      vault.close();
    }
  },
  human: (r) => (r.source === null ? '这件证据没有可读取的文字。' : r.text),
};
