// The headless main job: `demo` builds a sample vault and its signed package; `package
// build` makes a package from a vault's data. Checked with poppler tools and our verifier.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll } from 'vitest';
import { cli } from '../helpers/cli';
import { tmpDir, PASS } from '../helpers/tmp';

let demoDir = '';
beforeAll(() => {
  demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-demo-'));
  const r = cli(['demo', '--out', demoDir, '--json']);
  if (r.status !== 0) throw new Error(r.stderr);
}, 180_000);

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

describe('demo --out DIR', () => {
  it('makes the vault and a signed package that pdfsig and package verify accept', () => {
    const pdf = path.join(demoDir, 'demo-application.pdf');
    expect(fs.existsSync(path.join(demoDir, 'demo.vault'))).toBe(true);
    const sig = execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('周晓雯');
    const v = cli(['package', 'verify', pdf, '--json']);
    expect(v.status).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report).toMatchObject({ ok: true, signatureValid: true, signer: '周晓雯' });
    expect(report.exhibits.length).toBeGreaterThan(20);
    const t = text(pdf);
    for (const needle of ['协商还款申请书', '周晓雯', '重庆蚂蚁消费金融有限公司', '人民币', '证据 1：', '示例']) expect(t).toContain(needle);
    expect(t).not.toContain('job-loss');
  });

  it('the demo vault holds the whole case: evidence, SMS and calls on the timeline, a plan', () => {
    const env = { XIESHANG_PASSPHRASE: 'demo-passphrase' };
    const vault = path.join(demoDir, 'demo.vault');
    const list = JSON.parse(cli(['list', '--vault', vault, '--json'], { env }).stdout);
    expect(list.filter((i: { category: string }) => i.category === 'chat_screenshot').length).toBeGreaterThanOrEqual(30);
    const timeline = JSON.parse(cli(['timeline', '--vault', vault, '--json'], { env }).stdout);
    expect(timeline.some((c: { flags: string[] }) => c.flags.includes('night_contact'))).toBe(true);
    expect(timeline.some((c: { flags: string[] }) => c.flags.includes('excess_calls'))).toBe(true);
    const doc = JSON.parse(cli(['case', 'export', '--vault', vault, '--json'], { env }).stdout);
    expect(doc.applicant.name).toBe('周晓雯');
    expect(doc.plans[0]).toMatchObject({ installments: 60, role: 'offer' });
  });

  it('never overwrites an existing demo (exit 2)', () => {
    const r = cli(['demo', '--out', demoDir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[OUTPUT_EXISTS]');
  });
});

describe('package build', () => {
  it('builds from the vault: exactly {out,pages,exhibits,bytes,sha256,signed}, each template', () => {
    const env = { XIESHANG_PASSPHRASE: 'demo-passphrase' };
    const vault = path.join(demoDir, 'demo.vault');
    for (const template of ['negotiation', 'waiver', 'complaint', 'mediation']) {
      const out = path.join(demoDir, `${template}.pdf`);
      const r = cli(['package', 'build', '--vault', vault, '--out', out, '--template', template, '--creditor', 'c-jiebei', '--json'], { env });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(Object.keys(json).sort()).toEqual(['bytes', 'creditor', 'exhibits', 'out', 'pages', 'sha256', 'signed']);
      expect(json).toMatchObject({ out, signed: false, bytes: fs.statSync(out).size });
    }
    expect(text(path.join(demoDir, 'complaint.pdf'))).toContain('投诉');
  }, 240_000);

  it('a vault with no applicant or accounts: says what is missing, exit 2, no file', () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    expect(cli(['init', '--vault', vault], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    const out = path.join(dir, 'p.pdf');
    const r = cli(['package', 'build', '--vault', vault, '--out', out, '--sign'], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('申请人姓名');
    expect(r.stderr).toContain('逾期账户');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown template (exit 2)', () => {
    const r = cli(['package', 'build', '--vault', path.join(demoDir, 'demo.vault'), '--out', path.join(demoDir, 'x.pdf'), '--template', 'poem'], {
      env: { XIESHANG_PASSPHRASE: 'demo-passphrase' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[USAGE]');
  });
});
