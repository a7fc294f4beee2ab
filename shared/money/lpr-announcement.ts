// Reads the monthly LPR announcement of the National Interbank Funding Center, e.g.
//   2026年11月20日贷款市场报价利率（LPR）为：1年期LPR为3.0%，5年期以上LPR为3.5%。
// → the one-year quote and its date, to be confirmed by the person before it joins the
// table (the 4 × LPR comparison uses the one-year quote only).
import { BadInputError } from '../errors';
import { formatYMD, parseYMD } from '../time/beijing';
import { formatPercent, formatRate, Money } from './decimal';

export interface LprAnnouncement {
  /** The quote date: the first day the rate applies. */
  from: string;
  /** One-year LPR as a decimal string ("0.03"). */
  rate: string;
  /** Five-year-and-above LPR, when the text gives it (shown, not used). */
  rate5y: string | null;
}

export function parseLprAnnouncement(raw: string): LprAnnouncement {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  const date = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (!date) throw new BadInputError('没有找到公告日期：应为“2026年11月20日贷款市场报价利率（LPR）为：……”');
  const from = formatYMD(parseYMD(`${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`, 'LPR 公告日期'));
  const one = /(?:1|一)年期(?:LPR)?为(\d{1,2}(?:\.\d{1,4})?)%/.exec(text);
  if (!one) throw new BadInputError('没有找到一年期 LPR：应有“1年期LPR为3.0%”这样的文字');
  const rate = new Money(one[1]!).dividedBy(100);
  if (rate.lessThanOrEqualTo(0) || rate.greaterThan('0.2')) {
    throw new BadInputError(`一年期 LPR ${formatPercent(rate)} 不合理，请核对粘贴的文字`);
  }
  const five = /(?:5|五)年期以上(?:LPR)?为(\d{1,2}(?:\.\d{1,4})?)%/.exec(text);
  return { from, rate: formatRate(rate), rate5y: five ? formatRate(new Money(five[1]!).dividedBy(100)) : null };
}
