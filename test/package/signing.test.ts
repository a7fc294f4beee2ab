// The signing identity (Chinese CN encoded once), the CMS signer, in-memory and in-place
// signing, and `package verify` on unsigned, foreign and non-PDF files.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackageToFile } from '../../main/package/build-to-file';
import { parseSignedData, verifySignedAttrs } from '../../main/signing/cms';
import { createSigningIdentity, createSigningIdentityAsync, pemToDer, type SigningIdentity } from '../../main/signing/identity';
import { sign, signFile } from '../../main/signing/sign';
import { verifyPackage } from '../../main/signing/verify';
import { buildPackage } from '../../shared/pdf/build';
import { cli } from '../helpers/cli';
import { baseModel, exhibit, fontBytes, screenshot } from './fixtures';
import { pdfsig } from './poppler';

let dir: string;
let identity: SigningIdentity;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-sign-'));
  identity = createSigningIdentity('欧阳晓梅');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the signing identity', () => {
  it('is a self-signed certificate whose CN is the Chinese name, UTF-8 encoded once', () => {
    const cert = new X509Certificate(identity.certPem);
    expect(cert.subject).toContain('CN=欧阳晓梅');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    const der = pemToDer(identity.certPem);
    const utf8 = Buffer.from('欧阳晓梅', 'utf8');
    // UTF8String tag 0x0c, length, then the bytes: once, never double-encoded.
    expect(der.indexOf(Buffer.concat([Buffer.from([0x0c, utf8.length]), utf8]))).toBeGreaterThan(0);
    expect(der.indexOf(Buffer.from(Buffer.from('欧阳晓梅', 'utf8').toString('latin1'), 'utf8'))).toBe(-1);
    expect(identity.fingerprint).toBe(cert.fingerprint256);
    expect(identity.keyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
  });

  it('refuses an empty name', async () => {
    expect(() => createSigningIdentity('  ')).toThrow(/姓名/);
    await expect(createSigningIdentityAsync('  ')).rejects.toThrow(/姓名/);
  });

  it('is made the same way with the key made on the thread pool (the demo makes it while it draws)', async () => {
    const made = await createSigningIdentityAsync('欧阳晓梅');
    const cert = new X509Certificate(made.certPem);
    expect(cert.subject).toContain('CN=欧阳晓梅');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(made.keyPem))).toBe(true);
    expect(made.fingerprint).toBe(cert.fingerprint256);
    expect(made.fingerprint).not.toBe(identity.fingerprint);
  });
});

describe('signing', () => {
  it('signs any PDF in memory (placeholder added through @signpdf/placeholder-pdf-lib): pdfsig valid', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('hello');
    const signed = await sign(await doc.save(), identity);
    const file = path.join(dir, 'foreign.pdf');
    fs.writeFileSync(file, signed);
    const { out } = pdfsig(file);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('欧阳晓梅');
    const report = await verifyPackage(file);
    expect(report.signatureValid).toBe(true);
    expect(report.signer).toBe('欧阳晓梅');
    // No manifest: not an application package, so not "ok".
    expect(report.ok).toBe(false);
    expect(report.problems.join()).toContain('证据清单');
  });

  it('a built package signs the same in memory (@signpdf/signpdf) and in place (streamed)', async () => {
    const png = await screenshot('png', { width: 40, height: 60 });
    const model = baseModel({
      signing: { reserve: true },
      exhibits: [exhibit({ n: 1, title: '截图', category: '聊天记录', kind: 'image', mime: 'image/png', fileName: 'a.png', bytes: png })],
    });
    const built = await buildPackage(model, fontBytes(), { now: new Date('2025-03-18T08:00:00Z') });
    expect(built.signaturePlaceholder).toBe(true);
    const mem = path.join(dir, 'mem.pdf');
    fs.writeFileSync(mem, await sign(built.bytes!, identity));
    const inPlace = path.join(dir, 'inplace.pdf');
    fs.writeFileSync(inPlace, built.bytes!);
    const r = await signFile(inPlace, identity);
    expect(r.byteRange[0]).toBe(0);
    expect(r.byteRange[2] + r.byteRange[3]).toBe(fs.statSync(inPlace).size);
    for (const f of [mem, inPlace]) {
      expect(pdfsig(f).out, f).toContain('Signature is Valid');
      const v = await verifyPackage(f);
      expect(v, f).toMatchObject({ ok: true, signatureValid: true, signer: '欧阳晓梅' });
    }
    // The CMS carries the certificate and verifies on its own.
    const bytes = fs.readFileSync(inPlace);
    const lt = r.byteRange[1];
    const der = Buffer.from(bytes.subarray(lt + 1, r.byteRange[2] - 1).toString('latin1'), 'hex');
    const parsed = parseSignedData(der);
    expect(parsed.signer).toBe('欧阳晓梅');
    expect(parsed.certMatches).toBe(true);
    expect(verifySignedAttrs(parsed)).toBe(true);
    // Signing twice is refused: the placeholder is gone.
    await expect(signFile(inPlace, identity)).rejects.toThrow(/签名占位/);
  });

  it('buildPackageToFile refuses to overwrite, and to sign without an identity', async () => {
    const out = path.join(dir, 'exists.pdf');
    fs.writeFileSync(out, 'x');
    await expect(buildPackageToFile(baseModel(), fontBytes(), out)).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    await expect(buildPackageToFile(baseModel(), fontBytes(), path.join(dir, 'n.pdf'), { sign: true })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(fs.readFileSync(out, 'utf8')).toBe('x');
  });
});

describe('package verify on other files', () => {
  it('an unsigned package: exhibits fine, signature missing → not ok, exit 2', async () => {
    const r = await buildPackage(baseModel(), fontBytes());
    const file = path.join(dir, 'unsigned.pdf');
    fs.writeFileSync(file, r.bytes!);
    const v = cli(['package', 'verify', file, '--json']);
    expect(v.status).toBe(2);
    expect(JSON.parse(v.stdout)).toEqual({ ok: false, signatureValid: false, signer: null, exhibits: [] });
  });

  it('a file that is not a PDF, or missing: exit 2 with a one-line error', () => {
    const file = path.join(dir, 'not.pdf');
    fs.writeFileSync(file, 'hello, not a pdf');
    const v = cli(['package', 'verify', file, '--json']);
    expect(v.status).toBe(2);
    expect(v.stdout).toBe('');
    expect(JSON.parse(v.stderr).error.code).toBe('BAD_INPUT');
    const missing = cli(['package', 'verify', path.join(dir, 'nope.pdf')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const usage = cli(['package', 'verify']);
    expect(usage.status).toBe(2);
  });

  it('--help documents the exit code', () => {
    const h = cli(['package', 'verify', '--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('退出码为 2');
  });
});
