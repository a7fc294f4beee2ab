// The other letters from the same builder: penalty waiver, personalised installments,
// complaint (to 12378 / NIFA, citing the flagged contacts and their evidence), mediation
// application, the one-page call sheet; the sample mark; the full ID number on request.
// And the line breaker on its own, with random Chinese text at random widths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../shared/pdf/build';
import type { PackageModelInput } from '../../shared/pdf/model';
import { NO_LINE_END, NO_LINE_START, TextKit } from '../../shared/pdf/text';
import { APPLICANT, CREDITOR, baseModel, exhibit, fontBytes, screenshot } from './fixtures';
import { pageCount, pdftotext } from './poppler';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-tpl-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function text(model: PackageModelInput, name: string): Promise<{ flat: string; pages: number; file: string }> {
  const r = await buildPackage(model, fontBytes());
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, r.bytes!);
  return { flat: pdftotext(file).replace(/\s+/g, ''), pages: pageCount(file), file };
}

describe('templates', () => {
  it('waiver: 罚息减免申请书 with the waiver request first', async () => {
    const { flat } = await text(baseModel({ template: 'waiver' }), 'waiver');
    expect(flat).toContain('罚息减免申请书');
    expect(flat.indexOf('停止计收并减免')).toBeLessThan(flat.indexOf('期数'));
    expect(flat).toContain('五、减免请求与还款方案');
  });

  it('installments: 个性化分期还款申请书 citing Art. 70 when a credit card is involved', async () => {
    const { flat } = await text(baseModel({ template: 'installments' }), 'installments');
    expect(flat).toContain('个性化分期还款申请书');
    expect(flat).toContain('《商业银行信用卡业务监督管理办法》第七十条');
  });

  it('installments without a schedule is incomplete', async () => {
    await expect(buildPackage(baseModel({ template: 'installments', proposal: { schedule: [] } }), fontBytes())).rejects.toMatchObject({
      missing: ['分期还款计划（至少一期）'],
    });
  });

  it('complaint: first to the creditor’s complaint channel (then 12378), the flagged contacts with their evidence and the rules they break', async () => {
    const png = await screenshot('png', { width: 40, height: 70 });
    const { flat } = await text(
      baseModel({
        template: 'complaint',
        flaggedContacts: [
          { at: '2025-01-08T23:40:00+08:00', channel: '电话', counterparty: '某催收公司 0571-0000', flags: ['night_contact'], summary: '深夜来电催收，语气强硬。', exhibits: [1] },
          {
            at: '2025-01-09T10:00:00+08:00',
            channel: '电话',
            counterparty: '某催收公司',
            flags: ['third_party', 'threat_or_impersonation'],
            summary: '致电本人母亲，称要“上门”和“起诉到法院”。',
            exhibits: [1],
          },
        ],
        exhibits: [exhibit({ n: 1, title: '通话记录截图', category: '通话记录', date: '2025-01-09', kind: 'image', mime: 'image/png', fileName: 'calls.png', bytes: png })],
      }),
      'complaint',
    );
    expect(flat).toContain('投诉信');
    expect(flat).toContain(`致：${CREDITOR}消费者投诉受理部门`);
    expect(flat).toContain('12378');
    expect(flat).toContain('被投诉机构');
    expect(flat).toContain(CREDITOR);
    expect(flat).toContain('2025年1月8日23:40');
    expect(flat).toContain('夜间催收（22:00—次日08:00）');
    expect(flat).toContain('联系债务人以外的第三人');
    expect(flat).toContain('证据1');
    expect(flat).toContain('《互联网金融贷后催收业务指引》');
    expect(flat).toContain('《民法典》第一千零三十三条');
    expect(flat).toContain('投诉人（签名）');
  });

  it('a complaint with nothing to complain about is incomplete', async () => {
    await expect(buildPackage(baseModel({ template: 'complaint', flaggedContacts: [] }), fontBytes())).rejects.toMatchObject({
      reason: 'incomplete',
    });
  });

  it('mediation: applicant, respondent, requests, facts', async () => {
    const { flat } = await text(baseModel({ template: 'mediation' }), 'mediation');
    expect(flat).toContain('调解申请书');
    expect(flat).toContain('一、申请人');
    expect(flat).toContain('二、被申请人');
    expect(flat).toContain('三、请求事项');
    expect(flat).toContain('司法确认');
    expect(flat).toContain(`申请人${APPLICANT}与被申请人${CREDITOR}`);
  });

  it('call sheet: one page, calm opening, honest reason, concrete plan, written confirmation', async () => {
    const { flat, pages } = await text(baseModel({ template: 'callsheet' }), 'callsheet');
    expect(pages).toBe(1);
    for (const s of ['开场（冷静、礼貌）', '如实说明原因', '先核对金额', '提出具体方案', '要求书面确认', '以书面确认为准', '工号', '债务优化']) expect(flat).toContain(s);
    expect(flat).toContain('1,600.00元还款'); // capacity from the financial statement
  });

  it('the sample mark on every page, and the full ID number when asked', async () => {
    const model = baseModel({ sample: true, applicant: { name: APPLICANT, idNumber: '110105199001011234', showFullIdNumber: true } });
    const { file, pages } = await text(model, 'sample');
    const perPage = pdftotext(file)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    for (const p of perPage) expect(p).toContain('示例');
    expect(pdftotext(file)).toContain('110105199001011234');
  });
});

describe('line breaking', () => {
  let kit: TextKit;
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    kit = new TextKit(await doc.embedFont(fontBytes(), { subset: true }));
  });

  it('closing marks separated by spaces or more than a line holds, an opening mark after a space: the rules still hold (found by fast-check)', () => {
    for (const text of ['本人 ” ）', '本人）、： ”》，？', ' “ 44e84ff8c8d5392782']) {
      const lines = kit.wrap(text, 10.5, 40);
      for (const line of lines.slice(1)) expect(NO_LINE_START.has([...line][0]!), JSON.stringify(lines)).toBe(false);
      for (const line of lines.slice(0, -1)) expect(line.length > 1 && NO_LINE_END.has([...line].at(-1)!), JSON.stringify(lines)).toBe(false);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('never starts a line with a closing mark, never ends one with an opening mark, never overflows', () => {
    const pieces = [
      '本人',
      '因为',
      '失业',
      '，',
      '。',
      '、',
      '）',
      '（',
      '《',
      '》',
      '“',
      '”',
      '；',
      '：',
      '2024年',
      '花呗',
      'SHA-256',
      '44e84ff8c8d5392782',
      ' ',
      '！',
      '？',
      '……',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 80 }), fc.integer({ min: 40, max: 400 }), (parts, width) => {
        const text = parts.join('');
        const lines = kit.wrap(text, 10.5, width);
        for (const [i, line] of lines.entries()) {
          if (line === '') continue;
          const chars = [...line];
          if (i > 0) expect(NO_LINE_START.has(chars[0]!), `starts: ${line}`).toBe(false);
          if (i < lines.length - 1 && chars.length > 1) expect(NO_LINE_END.has(chars.at(-1)!), `ends: ${line}`).toBe(false);
          // Closing marks may hang past the edge (ぶら下げ).
          let body = line;
          while (body.length > 1 && NO_LINE_START.has([...body].at(-1)!)) body = [...body].slice(0, -1).join('').trimEnd();
          if ([...body].length > 2) expect(kit.width(body, 10.5)).toBeLessThanOrEqual(width + 0.001);
        }
        // Nothing lost but spaces at the breaks.
        expect(lines.join('').replace(/ /g, '')).toBe(kit.clean(text).replace(/ /g, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('measures each character exactly as pdf-lib does (glyph advances)', () => {
    for (const ch of '本人张晓梅在贵司办理的花呗、借呗（详见下文）。ABCxyz0123456789¥,.%—“”《》：；！？…·- ') {
      expect(kit.width(ch, 1000), ch).toBeCloseTo(kit.font.widthOfTextAtSize(ch, 1000), 6);
    }
  });

  it('replaces characters the font lacks with □ instead of an invisible glyph', () => {
    expect(kit.clean('还款😀计划\u0007')).toBe('还款□计划 ');
  });
});
