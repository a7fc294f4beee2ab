// Bad input, each with a test (issue 6): missing applicant name or no accounts (a named
// error listing what is missing, nothing built); an exhibit whose bytes no longer match its
// hash; encrypted and truncated PDF exhibits (never blank pages); a 0-byte image; 300
// exhibits; a signature image that is not an image. Plus cancellation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackageToFile } from '../../main/package/build-to-file';
import { toErrorInfo } from '../../shared/errors';
import { buildPackage, type BuildOptions } from '../../shared/pdf/build';
import { nodeSha256 } from '../../main/package/node-sha256';
import {
  BuildCancelledError,
  ExhibitDamagedError,
  ExhibitEmptyError,
  ExhibitHashMismatchError,
  ExhibitPasswordRequiredError,
  PackageIncompleteError,
  SignatureImageError,
} from '../../shared/pdf/errors';
import type { PackageModelInput } from '../../shared/pdf/model';
import type { ByteSink } from '../../shared/pdf/writer';
import { cli } from '../helpers/cli';
import { baseModel, exhibit, fontBytes, makePdf, screenshot, sha256 } from './fixtures';
import { pageDeviations, pdftotext } from './poppler';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-pkg-bad-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

class CountingSink implements ByteSink {
  bytes = 0;
  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
  }
}

async function failure(model: PackageModelInput, sink = new CountingSink(), options: BuildOptions = {}): Promise<{ err: unknown; sink: CountingSink }> {
  try {
    await buildPackage(model, fontBytes(), { ...options, sink });
  } catch (err) {
    return { err, sink };
  }
  throw new Error('expected the build to fail');
}

const pdfExhibit = (bytes: Uint8Array, extra: { password?: string } = {}) =>
  exhibit({ n: 1, title: '加密的银行流水', category: '收入证明', kind: 'pdf', mime: 'application/pdf', fileName: 'statement.pdf', bytes, ...extra });

describe('missing content: a named error listing what is missing, nothing built', () => {
  it('missing applicant name and no accounts → PackageIncompleteError with both, 0 bytes written, no file', async () => {
    const model = baseModel({ applicant: { name: '  ' }, accounts: [] });
    const { err, sink } = await failure(model);
    expect(err).toBeInstanceOf(PackageIncompleteError);
    const e = err as PackageIncompleteError;
    expect(e.missing).toEqual(['申请人姓名', '至少一个逾期账户（欠款明细）']);
    expect(e.message).toContain('申请人姓名');
    expect(e.code).toBe('BAD_INPUT');
    expect(toErrorInfo(e).params).toMatchObject({ reason: 'incomplete' });
    expect(sink.bytes).toBe(0);
    const out = path.join(dir, 'never.pdf');
    await expect(buildPackageToFile(model, fontBytes(), out)).rejects.toBeInstanceOf(PackageIncompleteError);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('a model of the wrong shape names the field', async () => {
    const { err } = await failure({ ...baseModel(), accounts: [{ label: '花呗', principal: '12', interest: '0.00', penalty: '0.00', fees: '0.00' }] });
    expect((err as Error).message).toContain('accounts.0.principal');
  });
});

describe('exhibits', () => {
  it('bytes that no longer match the recorded SHA-256 → refused, named', async () => {
    const png = await screenshot('png', { seed: 11, width: 60, height: 100 });
    const model = baseModel({
      exhibits: [
        exhibit({ n: 4, title: '改过的截图', category: '聊天记录', kind: 'image', mime: 'image/png', fileName: 'x.png', bytes: png, sha256: sha256(new Uint8Array([1, 2, 3])) }),
      ],
    });
    // The platform's hash (WebCrypto, the app's worker) and the one Node's builds pass (node:crypto).
    for (const options of [{}, { sha256: nodeSha256 }]) {
      const { err } = await failure(model, new CountingSink(), options);
      expect(err).toBeInstanceOf(ExhibitHashMismatchError);
      expect((err as Error).message).toContain('证据 4（改过的截图）');
      expect(toErrorInfo(err).params).toMatchObject({ reason: 'exhibit-hash', exhibit: 4 });
    }
  });

  it('a changed recording read in chunks is refused too (hashed while streaming)', async () => {
    const bytes = new Uint8Array(50_000).fill(7);
    const e = exhibit({ n: 2, title: '录音', category: '通话录音', kind: 'audio', mime: 'audio/mpeg', fileName: 'a.mp3', bytes, chunked: true });
    const { err } = await failure(baseModel({ exhibits: [{ ...e, sha256: sha256(new Uint8Array(50_000).fill(8)) }] }));
    expect(err).toBeInstanceOf(ExhibitHashMismatchError);
  });

  it('an encrypted PDF without its password → asks for it, named; with the password → real pages', async () => {
    const enc = await makePdf(2, { userPassword: 'pw123', label: 'Encrypted statement' });
    const { err } = await failure(baseModel({ exhibits: [pdfExhibit(enc)] }));
    expect(err).toBeInstanceOf(ExhibitPasswordRequiredError);
    expect((err as Error).message).toContain('证据 1（加密的银行流水）');
    expect((err as ExhibitPasswordRequiredError).wrongPassword).toBe(false);
    expect(toErrorInfo(err).params).toMatchObject({ reason: 'exhibit-password', exhibit: 1 });

    const wrong = await failure(baseModel({ exhibits: [pdfExhibit(enc, { password: 'nope' })] }));
    expect(wrong.err).toBeInstanceOf(ExhibitPasswordRequiredError);
    expect((wrong.err as ExhibitPasswordRequiredError).wrongPassword).toBe(true);

    const r = await buildPackage(baseModel({ exhibits: [pdfExhibit(enc, { password: 'pw123' })] }), fontBytes());
    const file = path.join(dir, 'decrypted.pdf');
    fs.writeFileSync(file, r.bytes!);
    expect(pdftotext(file)).toContain('Encrypted statement - page 2');
    const pages = fs.mkdtempSync(path.join(dir, 'p-'));
    const devs = await pageDeviations(file, pages);
    // The two exhibit pages carry the statement's text, not blank pages.
    for (const d of devs.slice(-2)) expect(d).toBeGreaterThan(3);
  });

  it('an owner-password-only PDF opens without asking (as in every viewer)', async () => {
    const enc = await makePdf(1, { ownerPassword: 'owner', label: 'Owner only' });
    const r = await buildPackage(baseModel({ exhibits: [pdfExhibit(enc)] }), fontBytes());
    const file = path.join(dir, 'owner.pdf');
    fs.writeFileSync(file, r.bytes!);
    expect(pdftotext(file)).toContain('Owner only - page 1');
  });

  it('a truncated PDF → refused naming the exhibit (not blank pages)', async () => {
    const good = await makePdf(3);
    for (const cut of [0.3, 0.6, 0.9]) {
      const truncated = good.subarray(0, Math.floor(good.length * cut));
      const { err } = await failure(baseModel({ exhibits: [pdfExhibit(truncated)] }));
      expect(err, `cut at ${cut}`).toBeInstanceOf(ExhibitDamagedError);
      expect((err as Error).message).toContain('证据 1（加密的银行流水）');
    }
    const { err } = await failure(baseModel({ exhibits: [pdfExhibit(new TextEncoder().encode('%PDF-1.7\nthis is not a pdf'))] }));
    expect(err).toBeInstanceOf(ExhibitDamagedError);
  });

  it('a 0-byte image → refused, named', async () => {
    const model = baseModel({
      exhibits: [exhibit({ n: 9, title: '空图片', category: '聊天记录', kind: 'image', mime: 'image/png', fileName: 'empty.png', bytes: new Uint8Array(0) })],
    });
    const { err } = await failure(model);
    expect(err).toBeInstanceOf(ExhibitEmptyError);
    expect((err as Error).message).toContain('证据 9（空图片）');
  });

  it('a truncated PNG and a truncated JPEG → refused as damaged', async () => {
    const png = await screenshot('png', { seed: 12, width: 80, height: 120 });
    const jpg = await screenshot('jpeg', { seed: 13, width: 80, height: 120 });
    for (const [bytes, mime] of [
      [png.subarray(0, png.length - 30), 'image/png'],
      [jpg.subarray(0, Math.floor(jpg.length / 2)), 'image/jpeg'],
    ] as const) {
      const { err } = await failure(baseModel({ exhibits: [exhibit({ n: 1, title: '截断的图', category: '聊天记录', kind: 'image', mime, fileName: 'x', bytes })] }));
      expect(err, mime).toBeInstanceOf(ExhibitDamagedError);
    }
  });

  it('a damaged RGBA PNG after a good one (converted ahead, while the first is written) → refused, named, at its turn', async () => {
    const good = await screenshot('png', { seed: 14, width: 80, height: 120, alpha: true });
    const bad = await screenshot('png', { seed: 15, width: 80, height: 120, alpha: true });
    const idat = Buffer.from(bad).indexOf('IDAT');
    const broken = new Uint8Array(bad);
    for (let i = idat + 6; i < idat + 30; i++) broken[i] = 0x5a; // its zlib data, not its length
    const { err } = await failure(
      baseModel({
        exhibits: [
          exhibit({ n: 1, title: '好的截图', category: '聊天记录', kind: 'image', mime: 'image/png', fileName: 'a.png', bytes: good }),
          exhibit({ n: 2, title: '坏的截图', category: '聊天记录', kind: 'image', mime: 'image/png', fileName: 'b.png', bytes: broken }),
        ],
      }),
    );
    expect(err).toBeInstanceOf(ExhibitDamagedError);
    expect((err as Error).message).toContain('证据 2（坏的截图）');
  });
});

describe('the signature image', () => {
  it('not an image → SignatureImageError before anything is written', async () => {
    for (const image of [new TextEncoder().encode('not an image at all'), new Uint8Array(0), (await screenshot('png', { width: 40, height: 20 })).subarray(0, 40)]) {
      const { err, sink } = await failure(baseModel({ signature: { name: '张晓梅', date: '2025-03-18', image } }));
      expect(err).toBeInstanceOf(SignatureImageError);
      expect(sink.bytes).toBe(0);
    }
  });

  it('a JPEG signature works', async () => {
    const image = await screenshot('jpeg', { width: 200, height: 70 });
    const r = await buildPackage(baseModel({ signature: { name: '张晓梅', date: '2025-03-18', image } }), fontBytes());
    expect(r.pages).toBeGreaterThan(1);
  });
});

describe('300 exhibits', () => {
  it('builds, one page each, indexed and bookmarked; verify passes', async () => {
    const tiny = await Promise.all([screenshot('png', { width: 24, height: 40, seed: 1 }), screenshot('jpeg', { width: 24, height: 40, seed: 2 })]);
    const exhibits = Array.from({ length: 300 }, (_, i) =>
      exhibit({
        n: i + 1,
        title: `截图 ${i + 1}`,
        category: '聊天记录',
        date: '2025-01-01',
        kind: 'image',
        mime: i % 2 ? 'image/jpeg' : 'image/png',
        fileName: `s${i + 1}.${i % 2 ? 'jpg' : 'png'}`,
        bytes: tiny[i % 2]!,
      }),
    );
    const { createSigningIdentity } = await import('../../main/signing/identity');
    const out = path.join(dir, 'three-hundred.pdf');
    const r = await buildPackageToFile(baseModel({ exhibits }), fontBytes(), out, { sign: true, identity: createSigningIdentity('张晓梅') });
    expect(r.exhibits).toBe(300);
    const letterPages = r.pages - 300;
    expect(letterPages).toBeGreaterThan(3);
    const text = pdftotext(out).replace(/\s+/g, '');
    expect(text).toContain('证据300：截图300—2025-01-01');
    // The index row of the last exhibit points at the last page.
    expect(text).toContain(`第${r.pages}页`);
    const v = cli(['package', 'verify', out, '--json']);
    expect(v.status, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout).exhibits).toHaveLength(300);
  }, 120_000);
});

describe('cancellation', () => {
  it('an aborted build stops with CANCELLED and leaves no file', async () => {
    const png = await screenshot('png', { width: 30, height: 50 });
    const exhibits = Array.from({ length: 20 }, (_, i) =>
      exhibit({ n: i + 1, title: `图 ${i + 1}`, category: '聊天记录', kind: 'image', mime: 'image/png', fileName: 'a.png', bytes: png }),
    );
    const controller = new AbortController();
    const out = path.join(dir, 'cancelled.pdf');
    const p = buildPackageToFile(baseModel({ exhibits }), fontBytes(), out, {
      signal: controller.signal,
      onProgress: (x) => {
        if (x.phase === 'exhibits' && x.done === 5) controller.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(BuildCancelledError);
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });
});
