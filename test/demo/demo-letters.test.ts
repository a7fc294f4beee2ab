// The demo's letters read as the desk officer who receives them (issue 10 items 3–4, 7):
// the offer to 蚂蚁 fits its share of the capacity and the bank's agreement is listed with it;
// the mediation application states that the application to 蚂蚁 is pending, never that
// negotiation failed; the stop-contact letter suggests only the evidence of the contacts it
// asks to stop; every overdue-day figure names how it was counted. Read with pdftotext.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, type DemoResult } from '../../main/demo/build-demo';
import { Vault } from '../../main/vault/vault';
import '../../main/vault/features';
import { packageDraftFromVault } from '../../main/vault/package/model-from-vault';
import { todayBeijing } from '../../shared/time/beijing';
import { cli } from '../helpers/cli';
import { pdftotext } from '../package/poppler';

let demo: DemoResult;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-demo-letters-'));
  demo = await buildDemo(path.join(dir, 'demo'));
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(template: string, creditor: string): { text: string; exhibits: number } {
  const out = path.join(dir, `${template}-${creditor}.pdf`);
  const r = cli(['--json', 'package', 'build', '--vault', demo.vault, '--template', template, '--creditor', creditor, '--out', out], {
    env: { XIESHANG_PASSPHRASE: demo.passphrase },
  });
  expect(r.status, r.stderr).toBe(0);
  return { text: pdftotext(out, true), exhibits: (JSON.parse(r.stdout) as { exhibits: number }).exhibits };
}

function draft(template: 'negotiation' | 'mediation' | 'stop-contact', creditorId: string) {
  const vault = Vault.open(demo.vault, demo.passphrase, { actor: 'cli', readonly: true });
  try {
    return packageDraftFromVault(vault, { template, creditorId, date: todayBeijing() });
  } finally {
    vault.close();
  }
}

describe('the demo letters', () => {
  it('the negotiation letter to 蚂蚁: the offer fits its share, the bank agreement is listed, no warning', () => {
    const text = pdftotext(demo.pdf, true).replace(/\s+/g, '');
    expect(text).toContain('其中用于贵司690.00元');
    expect(text).toContain('合计为921.00元');
    expect(text).toContain('643.67');
    expect(text).toContain('成还款协议，按协议还款）'); // the cell wraps after 已达
    expect((draft('negotiation', 'c-huabei').model.debts ?? []).find((d) => d.kind === 'case')).toMatchObject({ monthly: '207.50', note: '已达成还款协议，按协议还款' });
    expect(text).toMatch(/逾期\d+天（应还款日2026年5月9日，次日算第1天）/);
    expect(text).not.toContain('超出');
    expect(draft('negotiation', 'c-huabei').warnings).toEqual([]);
    // Each call in the contact log says what it was about, in her words; her own call to the hotline is hers.
    expect(text).not.toContain('无摘要');
    // The proofs are dated the day they were issued (their PDF dates), as printed on them.
    for (const dated of ['兼职收入证明.pdf—2026-10-31', '离职证明.pdf—2026-03-31', '失业登记证明.pdf—2026-04-08']) expect(text).toContain(dated);
    const row = /2026年6月12日15:02.*?（证据\d+）/.exec(text)?.[0] ?? '';
    expect(row).toContain('致电花呗客服，说明失业情况，询问分期和罚');
    expect(row).toContain('我方→');
  }, 60_000);

  it('a negotiation letter to the bank it already agreed with lists its own debt at the agreement, never as 尚未提出方案', () => {
    const own = (draft('negotiation', 'c-card').model.debts ?? []).find((d) => d.kind === 'this');
    expect(own).toMatchObject({ monthly: '207.50', note: '已达成还款协议，按协议还款' });
    expect(build('negotiation', 'c-card').text.replace(/\s+/g, '')).not.toContain('尚未提出方案');
  }, 60_000);

  it('the mediation application states the pending application and its answer window', () => {
    const { text } = build('mediation', 'c-huabei');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toMatch(/申请人已于\d{4}年\d+月\d+日向被申请人提交协商还款申请，被申请人尚未答复（按15个工作日估算，答复期至\d{4}年\d+月\d+日）/);
    expect(flat).not.toMatch(/协商未果|协商失败|协商不成|未能达成/);
    expect(draft('mediation', 'c-huabei').warnings.join('')).toContain('仍在答复期内');
    // The bank, agreed with: the state is the agreement.
    expect(build('mediation', 'c-card').text.replace(/\s+/g, '')).toMatch(/双方已于\d{4}年\d+月\d+日签订还款协议/);
  }, 120_000);

  it('the stop-contact letter suggests only the evidence of the contacts it asks to stop', () => {
    const d = draft('stop-contact', 'c-huabei');
    const suggested = d.candidates.filter((c) => c.suggested);
    const all = draft('negotiation', 'c-huabei').candidates.filter((c) => c.suggested);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThan(all.length);
    expect(suggested.length).toBeLessThanOrEqual(10);
    const { text, exhibits } = build('stop-contact', 'c-huabei');
    expect(exhibits).toBe(suggested.length);
    expect(text).toContain('证据清单');
  }, 120_000);
});
