// The rules as dated data: every citation carries a status, a source and a check date;
// the flag rules and the ceilings read their words from the data files; the LPR
// announcement text parses to the one-year quote.
import { describe, expect, it } from 'vitest';
import legal from '../../shared/data/legal-sources.json';
import ceilings from '../../shared/data/ceilings.json';
import lpr from '../../shared/data/lpr.json';
import { FLAG_RULES, LEGAL_SOURCES, LIMITATION_RULE, SOURCES } from '../../shared/timeline/rules';
import { financialLoan24, fourTimesLpr, mergeLprRows } from '../../shared/money/ceilings';
import { parseLprAnnouncement } from '../../shared/money/lpr-announcement';
import { BadInputError } from '../../shared/errors';

describe('legal-sources.json', () => {
  it('every entry: a title, an English gloss, verified or secondary, a source and a check date', () => {
    for (const [id, s] of Object.entries(legal.sources)) {
      expect(s.title, id).toMatch(/[\u4e00-\u9fff]/);
      expect(s.en, id).toMatch(/[A-Za-z]/);
      expect(['verified', 'secondary'], id).toContain(s.status);
      expect(s.source.length, id).toBeGreaterThan(3);
      expect(s.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('carries the national collection standard and the consumer-protection measures', () => {
    expect(LEGAL_SOURCES.gbt_45251_2025.title).toContain('GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》');
    expect(LEGAL_SOURCES.nfra_consumer_2022.title).toContain('《银行保险机构消费者权益保护管理办法》');
  });
  it('every source a flag rule cites is in the data, with the same words', () => {
    for (const rule of [...Object.values(FLAG_RULES), LIMITATION_RULE]) {
      for (const id of rule.sources) expect(SOURCES[id]).toBe((legal.sources as Record<string, unknown>)[id]);
    }
  });
});

describe('ceilings.json', () => {
  it('the ceilings read their basis and caveat from the data', () => {
    expect(fourTimesLpr('2025-06-01').basis).toBe(ceilings.privateLending4xLpr.basis);
    expect(fourTimesLpr('2025-06-01').caveat.startsWith(ceilings.privateLending4xLpr.caveat)).toBe(true);
    expect(financialLoan24()).toMatchObject({ annualRate: '0.24', basis: ceilings.financialLoan24.basis });
  });
  it('the LPR table says where it comes from and when it was checked', () => {
    expect(lpr.status).toBe('secondary');
    expect(lpr.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('parseLprAnnouncement', () => {
  it('the monthly announcement → the one-year quote, usable as a table row', () => {
    const a = parseLprAnnouncement('2026年11月20日贷款市场报价利率（LPR）为：1年期LPR为3.0%，5年期以上LPR为3.5%。');
    expect(a).toEqual({ from: '2026-11-20', rate: '0.03', rate5y: '0.035' });
    const table = mergeLprRows([{ from: a.from, rate: a.rate }]);
    expect(table.checkedThrough).toBe('2026-11-20');
    expect(fourTimesLpr('2026-12-01', table).annualRate).toBe('0.12');
  });
  it('tolerates the wording and spaces of reprints', () => {
    expect(parseLprAnnouncement('2025年5月20日 贷款市场报价利率(LPR)为: 1年期LPR为 3%, 5年期以上LPR为3.5%').rate).toBe('0.03');
  });
  it('refuses what it cannot read', () => {
    expect(() => parseLprAnnouncement('LPR 为 3%')).toThrow(/没有找到公告日期/);
    expect(() => parseLprAnnouncement('2026年11月20日 5年期以上LPR为3.5%')).toThrow(/没有找到一年期 LPR/);
    expect(() => parseLprAnnouncement('2026年11月20日 1年期LPR为30%')).toThrow(BadInputError);
    expect(() => parseLprAnnouncement('2026年2月30日 1年期LPR为3%')).toThrow(BadInputError);
  });
});

describe('help-channels.json', () => {
  it('only the official free numbers, each channel with its purpose, what to prepare and a status; sources exist', async () => {
    const help = (await import('../../shared/data/help-channels.json')).default;
    const numbers = help.channels.map((c) => c.number).filter((n) => n !== null);
    expect(numbers).toEqual(['12378', '12363', '12348', '12315', '110']);
    for (const c of help.channels) {
      expect(c.for.length, c.id).toBeGreaterThan(10);
      expect(c.en_for.length, c.id).toBeGreaterThan(10);
      expect(c.prepare.length, c.id).toBeGreaterThan(0);
      expect(c.prepare.length, c.id).toBe(c.en_prepare.length);
      expect(['verified', 'secondary'], c.id).toContain(c.status);
      if (c.source !== null) expect(Object.keys(legal.sources), c.id).toContain(c.source);
    }
    expect(Object.keys(legal.sources)).toContain(help.scamWarning.source);
    expect(help.scamWarning.text).toContain('2026年2月6日');
    expect(help.creditObjectionLetter.lines.join('\n')).toContain('《征信业管理条例》第二十五条');
  });
});
