// The wizard's path through main, on real parts: a copy of the demo vault, the real app
// services (in-process vault), the isomorphic builder fed through the evidence protocol
// exactly as the renderer's worker is, chunks uploaded over the contract, signed in main,
// previewed through the protocol, saved, listed, verified; checked with poppler tools.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll } from 'vitest';
import sharp from 'sharp';
import { makeServices, type ServicesUnderTest } from '../helpers/services';
import { sharedDemoVault } from '../helpers/demo';
import { readDefaultFont } from '../../main/package/build-to-file';
import { buildFromDraft, modelFromDraft, type PickedExhibit } from '../../shared/package/build-from-draft';
import type { PackageDraft } from '../../shared/contracts/package';
import { MemorySink } from '../../shared/pdf/writer';
import { CHUNK_BYTES } from '../../shared/evidence/limits';

let demoVault = '';
const font = readDefaultFont();
beforeAll(async () => {
  demoVault = await sharedDemoVault(); // built once per run; each test works on a copy
}, 240_000);

async function call<T>(t: ServicesUnderTest, channel: string, args: unknown = {}): Promise<T> {
  const env = await t.dispatch(channel, args);
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
  return env.value as T;
}

async function demoServices(): Promise<ServicesUnderTest> {
  const t = await makeServices();
  fs.copyFileSync(demoVault, path.join(t.dataDir, 'vault.xsv'));
  await call(t, 'vault:unlock', { passphrase: 'demo-passphrase' });
  return t;
}

const open = (t: ServicesUnderTest) => (id: string) => t.services.evidenceRequest({ kind: 'original', id }, new Request('http://harness/vault/original/' + id), null);

async function upload(t: ServicesUnderTest, bytes: Uint8Array, purpose: 'build' | 'verify'): Promise<string> {
  const { uploadId } = await call<{ uploadId: string }>(t, 'package:uploadBegin', { purpose });
  for (let off = 0, seq = 0; off < bytes.length; off += CHUNK_BYTES, seq++) {
    await call(t, 'package:uploadChunk', { uploadId, seq, data: Buffer.from(bytes.subarray(off, off + CHUNK_BYTES)).toString('base64') });
  }
  return uploadId;
}

async function buildInRenderer(t: ServicesUnderTest, draft: PackageDraft, picks: PickedExhibit[], sign: boolean, signatureImage?: Uint8Array) {
  const identity = sign ? await call<{ fingerprint: string }>(t, 'package:identity', { name: draft.model.applicant.name }) : null;
  const sink = new MemorySink();
  const result = await buildFromDraft(
    { draft: draft.model, exhibits: picks, sign, ...(identity ? { certificateFingerprint: identity.fingerprint } : {}), ...(signatureImage ? { signatureImage } : {}) },
    open(t),
    font,
    { sink },
  );
  return { bytes: sink.bytes(), result, fingerprint: identity?.fingerprint };
}

const picksOf = (draft: PackageDraft, n = Infinity): PickedExhibit[] =>
  draft.candidates
    .filter((c) => c.suggested)
    .slice(0, n)
    .map((candidate) => ({ candidate, title: candidate.title }));

describe('package wizard through main', () => {
  it('draft → worker build → upload → sign in main → preview → save → list → verify', async () => {
    const t = await demoServices();
    const draft = await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' });
    expect(draft.missing).toEqual([]);
    expect(draft.model.applicant.name).toBe('周晓雯');
    expect(draft.model.sample).toBe(true);
    expect(draft.candidates.length).toBeGreaterThan(40);
    // Suggested first, identity and money documents before chat screenshots.
    expect(draft.candidates[0]!.suggested).toBe(true);
    const firstChat = draft.candidates.findIndex((c) => c.category === 'chat_screenshot');
    const lastProof = draft.candidates.map((c) => c.category).lastIndexOf('income_proof');
    expect(lastProof).toBeLessThan(firstChat);

    const picks = picksOf(draft, 12);
    picks[0]!.title = '身份证（正反面）— 用户改过的标题';
    const { bytes, result, fingerprint } = await buildInRenderer(t, draft, picks, true);
    expect(result.signaturePlaceholder).toBe(true);
    const uploadId = await upload(t, bytes, 'build');
    const done = await call<{ id: string; sha256: string; signed: boolean; bytes: number }>(t, 'package:finish', {
      uploadId,
      template: 'negotiation',
      addressee: draft.model.creditor.name,
      signer: '周晓雯',
      sign: true,
      pages: result.pages,
      exhibits: picks.map((p, i) => ({ n: i + 1, title: p.title, sha256: p.candidate.sha256 })),
      fileName: '协商还款申请书/../周晓雯.pdf',
    });
    expect(done.signed).toBe(true);

    // The preview is the signed file, served with Range support.
    const preview = await t.services.evidenceRequest({ kind: 'package', id: uploadId }, new Request('http://h/', { headers: { range: 'bytes=0-4' } }), null);
    expect(preview.status).toBe(206);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await preview.arrayBuffer()).toString()).toBe('%PDF-');

    const saved = await call<{ cancelled: boolean; out: string }>(t, 'package:save', { uploadId });
    expect(saved.cancelled).toBe(false);
    // A name with folders in it is flattened: the file lands in the chosen folder.
    expect(path.dirname(saved.out)).toBe(path.join(t.dataDir, 'exports'));
    const sig = execFileSync('pdfsig', [saved.out], { encoding: 'utf8' });
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('周晓雯');
    const txt = execFileSync('pdftotext', ['-layout', saved.out, '-'], { encoding: 'utf8' });
    for (const needle of ['协商还款申请书', '周晓雯', '用户改过的标题', '证据 12：', '示例', fingerprint!.slice(0, 11)]) expect(txt).toContain(needle);

    const { packages } = await call<{ packages: { id: string; fileName: string; sha256: string; exhibits: unknown[]; addressee: string }[] }>(t, 'package:list');
    const rec = packages.find((p) => p.id === done.id)!;
    expect(rec).toMatchObject({ fileName: path.basename(saved.out), sha256: done.sha256, addressee: draft.model.creditor.name });
    expect(rec.exhibits).toHaveLength(12);

    // Verify the saved file (brought back as bytes, as the verify screen does) …
    const good = await call<{ ok: boolean; signatureValid: boolean; signer: string; exhibits: { ok: boolean; title?: string }[] }>(t, 'package:verify', {
      uploadId: await upload(t, fs.readFileSync(saved.out), 'verify'),
    });
    expect(good).toMatchObject({ ok: true, signatureValid: true, signer: '周晓雯' });
    expect(good.exhibits[0]!.title).toContain('用户改过的标题');
    // … and after one byte changed.
    const tampered = fs.readFileSync(saved.out);
    const at = tampered.indexOf('协商') > 0 ? tampered.length - 4000 : 2000;
    tampered[at] = tampered[at]! ^ 0x01;
    const bad = await call<{ ok: boolean; problems: string[] }>(t, 'package:verify', { uploadId: await upload(t, tampered, 'verify') });
    expect(bad.ok).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);
    // Verification uploads are not kept.
    expect(fs.readdirSync(path.join(t.dataDir, '.package-work'))).toEqual([`${uploadId}.pdf`]);

    // Locking deletes the preview (evidence in clear) and it can no longer be served.
    await call(t, 'vault:lock');
    expect(fs.existsSync(path.join(t.dataDir, '.package-work'))).toBe(false);
    const gone = await t.services.evidenceRequest({ kind: 'package', id: uploadId }, new Request('http://h/'), null);
    expect(gone.status).toBe(404);
    await t.services.dispose();
  }, 240_000);

  it('a complaint cites the flagged contacts with the numbers of the exhibits picked; a call sheet has none', async () => {
    const t = await demoServices();
    const draft = await call<PackageDraft>(t, 'package:draft', { template: 'complaint', date: '2026-11-20' });
    expect(draft.missing).toEqual([]);
    const flagged = draft.model.flaggedContacts.filter((c) => c.evidenceIds.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    // Pick only the evidence of the first flagged contact, after two others: it becomes exhibit 3.
    const linkedId = flagged[0]!.evidenceIds[0]!;
    const others = draft.candidates.filter((c) => c.evidenceId !== linkedId).slice(0, 2);
    const linked = draft.candidates.find((c) => c.evidenceId === linkedId)!;
    const picks = [...others, linked].map((candidate) => ({ candidate, title: candidate.title }));
    const model = modelFromDraft({ draft: draft.model, exhibits: picks, sign: false }, open(t));
    const cited = (model.flaggedContacts ?? []).filter((c) => (c.exhibits ?? []).length > 0);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((c) => c.exhibits!.every((n) => n === 3))).toBe(true);
    const { bytes } = await buildInRenderer(t, draft, picks, false);
    const file = path.join(t.dataDir, 'complaint.pdf');
    fs.writeFileSync(file, bytes);
    const txt = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(txt).toContain('投诉信');
    expect(txt).toContain('12378');
    expect(txt).toMatch(/证据\s*3/);

    const sheet = await call<PackageDraft>(t, 'package:draft', { template: 'callsheet', date: '2026-11-20' });
    const built = await buildInRenderer(t, sheet, [], false);
    expect(built.result.pages).toBe(1);
    await t.services.dispose();
  }, 60_000);

  it('a caption typed for an exhibit is kept with the evidence and printed; the private note never is', async () => {
    const t = await demoServices();
    const before = await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' });
    const target = before.candidates.find((c) => c.suggested && c.kind === 'image')!;
    await call(t, 'evidence:update', { id: target.evidenceId, note: '私人备注：不要给对方看', caption: '  2026年9月账单截图，\n显示欠款 3,208.40 元  ' });
    const after = await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' });
    const again = after.candidates.find((c) => c.evidenceId === target.evidenceId)!;
    expect(again.title).toBe('2026年9月账单截图， 显示欠款 3,208.40 元');
    const picks: PickedExhibit[] = [{ candidate: again, title: again.title }];
    const { bytes } = await buildInRenderer(t, after, picks, false);
    const file = path.join(t.dataDir, 'caption.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('证据 1：2026年9月账单截图， 显示欠款 3,208.40 元');
    expect(text).not.toContain('私人备注');
    // An emptied caption falls back to what the file is and when (never the note).
    await call(t, 'evidence:update', { id: target.evidenceId, caption: '' });
    const reset = (await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' })).candidates.find((c) => c.evidenceId === target.evidenceId)!;
    expect(reset.title).toBe(target.title);
    expect(reset.title).not.toContain('私人备注');
    await t.services.dispose();
  }, 120_000);

  it('a vault with no applicant or accounts says what is missing; nothing is made', async () => {
    const t = await makeServices();
    await call(t, 'vault:create', { passphrase: 'correct horse 电池 staple' });
    const draft = await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' });
    expect(draft.missing).toEqual(expect.arrayContaining(['申请人姓名', '至少一个逾期账户（欠款明细）', '逾期的原因说明']));
    // The builder refuses the same draft (the wizard disables the button, the worker would throw).
    await expect(buildFromDraft({ draft: draft.model, exhibits: [], sign: false }, open(t), font, {})).rejects.toThrow(/申请人姓名/);
    await t.services.dispose();
  });

  it('an exhibit whose stored bytes no longer match its hash is refused by name', async () => {
    const t = await demoServices();
    const draft = await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' });
    const picks = picksOf(draft, 3);
    picks[1] = { ...picks[1]!, candidate: { ...picks[1]!.candidate, sha256: 'f'.repeat(64) } };
    await expect(buildInRenderer(t, draft, picks, false)).rejects.toThrow(new RegExp(picks[1]!.title.slice(0, 8).replace(/[()（）.]/g, '.')));
    await t.services.dispose();
  }, 60_000);

  it('signature: an image is stored as PNG; a non-image is refused and changes nothing', async () => {
    const t = await demoServices();
    expect(await call(t, 'package:signatureGet')).toMatchObject({ image: null });
    const jpeg = await sharp({ create: { width: 2400, height: 800, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    expect(await call(t, 'package:signatureSet', { data: jpeg.toString('base64'), source: 'imported' })).toEqual({ width: 1200, height: 400 });
    const got = await call<{ image: string; source: string }>(t, 'package:signatureGet');
    expect(Buffer.from(got.image, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(got.source).toBe('imported');
    for (const bad of [Buffer.from('not an image at all'), Buffer.from('%PDF-1.7\n'), jpeg.subarray(0, 40)]) {
      const env = await t.dispatch('package:signatureSet', { data: bad.toString('base64'), source: 'imported' });
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('BAD_INPUT');
    }
    expect((await call<{ source: string }>(t, 'package:signatureGet')).source).toBe('imported');
    // The stored signature goes into the package.
    const draft = await call<PackageDraft>(t, 'package:draft', { template: 'waiver', date: '2026-11-20' });
    const { bytes } = await buildInRenderer(t, draft, picksOf(draft, 1), false, new Uint8Array(Buffer.from(got.image, 'base64')));
    const file = path.join(t.dataDir, 'w.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/1200\s+400/);
    await call(t, 'package:signatureClear');
    expect(await call(t, 'package:signatureGet')).toMatchObject({ image: null });
    await t.services.dispose();
  }, 60_000);

  it('uploads: out-of-order chunks and a non-PDF are refused; the temporary file is removed', async () => {
    const t = await demoServices();
    const { uploadId } = await call<{ uploadId: string }>(t, 'package:uploadBegin', { purpose: 'build' });
    const env = await t.dispatch('package:uploadChunk', { uploadId, seq: 1, data: 'AAAA' });
    expect(env.ok).toBe(false);
    await call(t, 'package:uploadChunk', { uploadId, seq: 0, data: Buffer.from('hello, not a pdf').toString('base64') });
    const fin = await t.dispatch('package:finish', { uploadId, template: 'negotiation', addressee: 'x', signer: '周晓雯', sign: true, pages: 1, exhibits: [], fileName: 'a.pdf' });
    expect(fin.ok).toBe(false);
    if (!fin.ok) expect(fin.error.message).toContain('PDF');
    expect(fs.readdirSync(path.join(t.dataDir, '.package-work'))).toEqual([]);
    // A build reserved without a signature field cannot be signed: refused, not recorded.
    const draft = await call<PackageDraft>(t, 'package:draft', { template: 'negotiation', date: '2026-11-20' });
    const { bytes } = await buildInRenderer(t, draft, picksOf(draft, 1), false);
    const id2 = await upload(t, bytes, 'build');
    const fin2 = await t.dispatch('package:finish', {
      uploadId: id2,
      template: 'negotiation',
      addressee: 'x',
      signer: '周晓雯',
      sign: true,
      pages: 1,
      exhibits: [],
      fileName: 'a.pdf',
    });
    expect(fin2.ok).toBe(false);
    expect((await call<{ packages: unknown[] }>(t, 'package:list')).packages).toHaveLength(1); // the demo's own package only
    await t.services.dispose();
  }, 60_000);
});
