// `case export` carries everything the case holds (issues 10 and 11): agents and the sides the
// user set, agreement terms, payments, rounds with their requests, the reminder/reserve
// settings and remembered bank column mappings; `case import` reads all of it back. Round trip
// on the demo vault: export → import into a new vault (a copy holding the same evidence, its
// case first emptied) → export again → equal. Before this, importing into a vault with rounds
// or payments failed on a foreign key.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, type DemoResult } from '../../main/demo/build-demo';
import { cli } from '../helpers/cli';
import type { CaseDoc } from '../../shared/case/schema';

let demo: DemoResult;
let dir: string;
// One demo for the file (the per-test tmpDir helper removes its folder after each test).
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-export-'));
  demo = await buildDemo(path.join(dir, 'demo'));
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], vault: string) => cli([...args, '--vault', vault], { env: { XIESHANG_PASSPHRASE: demo.passphrase } });

function exported(vault: string): { text: string; doc: CaseDoc } {
  const r = run(['case', 'export', '--json'], vault);
  expect(r.status, r.stderr).toBe(0);
  return { text: r.stdout, doc: JSON.parse(r.stdout) as CaseDoc };
}

describe('case export is complete and case import reads it back', () => {
  it('the demo export carries agents, sides, terms, payments, rounds and settings', () => {
    const { doc } = exported(demo.vault);
    expect(doc.agents!.length).toBeGreaterThan(0);
    expect(doc.agents![0]).toMatchObject({ creditorId: expect.any(String), kind: expect.any(String), name: expect.any(String) });
    expect(doc.sides).toMatchObject({ contacts: expect.any(Array), evidence: expect.any(Array), marks: expect.any(Array) });
    expect(doc.rounds!.map((r) => r.outcome).sort()).toEqual(['accepted', 'pending']);
    expect(doc.payments).toHaveLength(2);
    expect(doc.agreements.find((a) => a.terms !== undefined)!.terms!.roundId).toBe(doc.rounds!.find((r) => r.outcome === 'accepted')!.id);
    expect(doc.settings).toEqual({ reminderDays: expect.any(Number), reserveGoal: expect.stringMatching(/^\d+\.\d{2}$/), reserveSaved: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(doc.billColumnMaps).toEqual(expect.any(Array));
  });

  it('round trip: export → emptied copy → import → export is equal', () => {
    const first = exported(demo.vault);
    const copy = path.join(dir, 'copy.vault');
    expect(run(['backup', '--out', copy], demo.vault).status).toBe(0);
    // Empty every section in the copy, so what comes back can only come from the import.
    const empty = {
      ...first.doc,
      creditors: [],
      accounts: [],
      snapshots: [],
      plans: [],
      agreements: [],
      contacts: [],
      agents: [],
      sides: { contacts: [], evidence: [], marks: [] },
      rounds: [],
      payments: [],
      settings: { reminderDays: 0, reserveGoal: '0.00', reserveSaved: '0.00' },
      billColumnMaps: [],
    };
    const emptyFile = path.join(dir, 'empty.json');
    fs.writeFileSync(emptyFile, JSON.stringify(empty));
    const cleared = run(['case', 'import', emptyFile], copy);
    expect(cleared.status, cleared.stderr).toBe(0);
    const between = exported(copy).doc;
    expect([between.agents, between.rounds, between.payments, between.agreements, between.sides!.evidence, between.contacts]).toEqual([[], [], [], [], [], []]);

    const file = path.join(dir, 'case.json');
    fs.writeFileSync(file, first.text);
    const imported = run(['case', 'import', file], copy);
    expect(imported.status, imported.stderr).toBe(0);
    const second = exported(copy);
    expect(second.doc).toEqual(first.doc);
    expect(second.text).toBe(first.text);
  });

  it('importing the export over the demo itself works (it failed on the rounds foreign key before)', () => {
    const first = exported(demo.vault);
    const copy = path.join(dir, 'self.vault');
    expect(run(['backup', '--out', copy], demo.vault).status).toBe(0);
    const file = path.join(dir, 'self.json');
    fs.writeFileSync(file, first.text);
    const r = run(['case', 'import', file], copy);
    expect(r.status, r.stderr).toBe(0);
    expect(exported(copy).text).toBe(first.text);
  });

  it('a case that drops a creditor still used by a kept round is refused in words, and nothing changes', () => {
    const first = exported(demo.vault);
    const copy = path.join(dir, 'drop.vault');
    expect(run(['backup', '--out', copy], demo.vault).status).toBe(0);
    const { rounds: _r, payments: _p, agreements: _a, ...rest } = first.doc;
    const usedByRound = first.doc.rounds![0]!.creditorId;
    const doc = {
      ...rest,
      agreements: [],
      plans: [],
      creditors: first.doc.creditors.filter((c) => c.id !== usedByRound),
      accounts: first.doc.accounts.filter((a) => a.creditorId !== usedByRound),
      snapshots: [],
      agents: first.doc.agents!.filter((a) => a.creditorId !== usedByRound),
      sides: { contacts: [], evidence: [], marks: [] },
    };
    const file = path.join(dir, 'drop.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = run(['case', 'import', file], copy);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rounds（提交的申请）引用的债权机构不在案件文件中');
    expect(exported(copy).text).toBe(first.text);
  });
});
