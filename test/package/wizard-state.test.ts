// The wizard's pure state (renderer/src/sections/application/wizard-state.ts): edits over
// the draft, defaults shown as printed, picks carried across reloads, problems found
// before building. The full path is covered by app-package.test.ts and e2e.
import { describe, it, expect } from 'vitest';
import type { ExhibitCandidate, PackageDraftModel } from '../../shared/contracts/package';
import { DEFAULT_PROMISE, defaultWaiverRequest } from '../../shared/pdf/defaults';
import {
  NO_EDITS,
  applyEdits,
  carryPicks,
  exhibitProblems,
  fieldValue,
  missingNow,
  move,
  suggestedFileName,
  suggestedPicks,
} from '../../renderer/src/sections/application/wizard-state';

const draft = (over: Partial<PackageDraftModel> = {}): PackageDraftModel => ({
  template: 'negotiation',
  date: '2026-11-20',
  creditor: { name: '重庆蚂蚁消费金融有限公司' },
  applicant: { name: '周晓雯', showFullIdNumber: false },
  accounts: [{ label: '花呗', principal: '1000.00', interest: '0.00', penalty: '10.00', fees: '0.00' }],
  hardship: { reason: '失业' },
  proposal: { schedule: [{ n: 1, date: '2026-12-10', amount: '100.00' }] },
  contacts: [{ at: '2026-10-01 10:00', channel: '电话', counterparty: '催收', summary: 's' }],
  flaggedContacts: [],
  metadata: { keywords: [], language: 'zh-CN' },
  sample: false,
  ...over,
});

const cand = (id: string, over: Partial<ExhibitCandidate> = {}): ExhibitCandidate => ({
  evidenceId: id.padEnd(16, '0'),
  title: `证据${id}`,
  category: 'income_proof',
  categoryLabel: '收入证明',
  date: '2026-10-01',
  sha256: 'a'.repeat(64),
  size: 10,
  mime: 'application/pdf',
  kind: 'pdf',
  fileName: `${id}.pdf`,
  meta: {},
  pages: 1,
  hasThumb: false,
  damaged: null,
  encrypted: false,
  suggested: true,
  ...over,
});

describe('wizard state', () => {
  it('an untouched box shows what will be printed; an edit replaces it; blank edits fall back', () => {
    const d = draft();
    expect(fieldValue(d, NO_EDITS, 'promise')).toBe(DEFAULT_PROMISE);
    expect(fieldValue(d, NO_EDITS, 'waiverRequest')).toBe(defaultWaiverRequest(d));
    expect(fieldValue(d, NO_EDITS, 'summary')).toContain('分 1 期还款');
    expect(fieldValue(d, NO_EDITS, 'hardshipReason')).toBe('失业');
    const edited = applyEdits(d, { ...NO_EDITS, promise: '  我会按时还款。 ', hardshipReason: '生病住院', waiverRequest: '   ' });
    expect(edited.proposal?.promise).toBe('我会按时还款。');
    expect(edited.hardship.reason).toBe('生病住院');
    expect(edited.proposal?.waiverRequest).toBeUndefined();
    expect(applyEdits(d, { ...NO_EDITS, includeContacts: false }).contacts).toEqual([]);
  });

  it('complaint requests: one per line, numbering typed by the person removed', () => {
    const d = draft({ template: 'complaint' });
    expect(fieldValue(d, NO_EDITS, 'requests').split('\n')).toHaveLength(3);
    expect(fieldValue(d, NO_EDITS, 'recipient')).toBe('重庆蚂蚁消费金融有限公司 消费者投诉受理部门');
    const edited = applyEdits(d, { ...NO_EDITS, requests: '1. 停止夜间来电\n\n2、核实欠款\n', facts: '多次夜间来电' });
    expect(edited.requests).toEqual(['停止夜间来电', '核实欠款']);
    expect(edited.facts).toBe('多次夜间来电');
  });

  it('missing items come from the builder’s own check and clear as the person types', () => {
    const d = draft({ applicant: { name: '', showFullIdNumber: false }, hardship: { reason: '' } });
    expect(missingNow(d)).toEqual(expect.arrayContaining(['申请人姓名', '逾期的原因说明']));
    expect(missingNow(applyEdits(d, { ...NO_EDITS, hardshipReason: '失业' }))).toEqual(['申请人姓名']);
    expect(missingNow(draft({ accounts: [] }))).toContain('至少一个逾期账户（欠款明细）');
  });

  it('picks survive a reload by evidence id; vanished evidence is dropped and named', () => {
    const a = cand('a');
    const b = cand('b', { suggested: false });
    const c = cand('c');
    const picks = suggestedPicks([a, b, c]);
    expect(picks.map((p) => p.candidate.evidenceId)).toEqual([a.evidenceId, c.evidenceId]);
    picks[1]!.title = '改过的标题';
    const reloaded = carryPicks(picks, [cand('c', { sha256: 'b'.repeat(64) }), b]);
    expect(reloaded.dropped).toEqual(['证据a']);
    expect(reloaded.picks).toHaveLength(1);
    expect(reloaded.picks[0]).toMatchObject({ title: '改过的标题', candidate: { sha256: 'b'.repeat(64) } });
  });

  it('move, problems before building, file name', () => {
    expect(move([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(move([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
    const problems = exhibitProblems([
      { candidate: cand('d', { damaged: 'truncated' }), title: '坏文件' },
      { candidate: cand('e', { encrypted: true }), title: '加密账单' },
      { candidate: cand('f', { encrypted: true }), title: '有密码', password: 'x' },
      { candidate: cand('g', { kind: 'audio', damaged: 'truncated', mime: 'audio/mpeg' }), title: '录音' },
      { candidate: cand('h'), title: '  ' },
    ]);
    expect(problems).toEqual([
      { n: 1, title: '坏文件', kind: 'damaged' },
      { n: 2, title: '加密账单', kind: 'password' },
      { n: 5, title: 'h.pdf', kind: 'title' },
    ]);
    expect(suggestedFileName(draft({ sample: true }))).toBe('示例-协商还款申请书-重庆蚂蚁消费金融有限公司-2026-11-20.pdf');
  });
});
