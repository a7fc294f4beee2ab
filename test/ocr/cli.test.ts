// The built CLI: `import` reads screenshots with OCR (unless --no-ocr), `search` finds a word
// inside the picture, `text ID` prints {"id","source","text"} exactly as docs/cli.md says.
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { pdf, write } from '../evidence/samples';
import { drawChat } from '../../bench/ocr-screens';

const env = { XIESHANG_PASSPHRASE: PASS };

describe('xieshang text / import --no-ocr', () => {
  it('OCR text of an image, a PDF text layer, nothing for an image imported with --no-ocr', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    expect(cli(['init', '--vault', vault], { env }).status).toBe(0);
    const shot = await drawChat('c', '刘经理（委外）', '10月18日 09:07', [
      { side: 'left', text: '今天下午3点前不处理，我们会联系你的家人和单位。' },
      { side: 'right', text: '请出示委托书和工号，我只和平台协商。' },
    ]);
    const img = write(dir, 'IMG_20261018_090700.png', shot.png);
    const doc = write(dir, 'notice.pdf', await pdf(['关于申请减免罚息的回复']));
    const imported = cli(['import', img, doc, '--json', '--vault', vault], { env });
    expect(imported.status, imported.stderr).toBe(0);
    const [a, b] = JSON.parse(imported.stdout) as { id: string; category: string }[];
    expect(a!.category).toBe('chat_screenshot');

    const t = cli(['text', a!.id, '--json', '--vault', vault], { env });
    expect(t.status, t.stderr).toBe(0);
    const out = JSON.parse(t.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['id', 'source', 'text']);
    expect(out).toMatchObject({ id: a!.id, source: 'ocr' });
    expect(out.text).toContain('今天下午3点前不处理，我们会联系你的家人和单位。');
    expect(JSON.parse(cli(['text', b!.id, '--json', '--vault', vault], { env }).stdout)).toMatchObject({ id: b!.id, source: 'pdf', text: expect.stringContaining('减免罚息') });

    const hits = JSON.parse(cli(['search', '联系你的家人', '--json', '--vault', vault], { env }).stdout) as { id: string }[];
    expect(hits.map((h) => h.id)).toEqual([a!.id]);
    // Human output is the text itself.
    expect(cli(['text', a!.id, '--vault', vault], { env }).stdout).toContain('请出示委托书和工号');

    const other = write(dir, 'IMG_20261018_090800.png', (await drawChat('d', '客服', '09:08', [{ side: 'left', text: '您的申请已受理。' }])).png);
    const r = JSON.parse(cli(['import', other, '--no-ocr', '--json', '--vault', vault], { env }).stdout) as { id: string }[];
    expect(JSON.parse(cli(['text', r[0]!.id, '--json', '--vault', vault], { env }).stdout)).toEqual({ id: r[0]!.id, source: null, text: '' });

    const missing = cli(['text', 'ffffffffffffffff', '--json', '--vault', vault], { env });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr + missing.stdout).toContain('没有这条证据');
  }, 180_000);
});
