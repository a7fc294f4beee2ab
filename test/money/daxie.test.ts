// Each expected string was written by hand from the rules quoted in shared/money/daxie.ts.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../shared/errors';
import { daxie } from '../../shared/money/daxie';
import { Money } from '../../shared/money/decimal';

describe('daxie', () => {
  it.each([
    // from the brief and cli.md
    ['1.05', '壹元零伍分'],
    ['10000.00', '壹万元整'],
    ['100.50', '壹佰元伍角'],
    ['0.05', '伍分'],
    ['1000000.00', '壹佰万元整'],
    ['10010.00', '壹万零壹拾元整'],
    ['100000010', '壹亿零壹拾元整'],
    // 整 only when there are no 角 and 分
    ['1825.00', '壹仟捌佰贰拾伍元整'],
    ['12345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['0.00', '零元整'],
    ['0.01', '壹分'],
    // 壹拾 always carries its digit
    ['10', '壹拾元整'],
    ['16', '壹拾陆元整'],
    ['110', '壹佰壹拾元整'],
    // one 零 for a run of zeros, inside and across groups
    ['1001', '壹仟零壹元整'],
    ['1010', '壹仟零壹拾元整'],
    ['100.05', '壹佰元零伍分'],
    ['101.01', '壹佰零壹元零壹分'],
    ['10000.10', '壹万元壹角'],
    ['100001000', '壹亿零壹仟元整'],
    ['100100000', '壹亿零壹拾万元整'],
    ['110000000', '壹亿壹仟万元整'],
    ['100000000', '壹亿元整'],
    ['20000001', '贰仟万零壹元整'],
    // trailing zeros of a group do not add 零 before the next group (十万七千)
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['30006.70', '叁万零陆元柒角'],
    ['99999999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['508000.08', '伍拾万捌仟元零捌分'],
  ])('%s → %s', (amount, expected) => {
    expect(daxie(amount)).toBe(expected);
  });

  it('accepts a Decimal', () => {
    expect(daxie(new Money('2.3'))).toBe('贰元叁角');
  });
  it('rejects negatives, sub-cent amounts and amounts of 1 万亿 or more', () => {
    expect(() => daxie('-1')).toThrow(BadInputError);
    expect(() => daxie('1.005')).toThrow(/两位小数/);
    expect(() => daxie('1000000000000')).toThrow(/过大/);
    expect(daxie('999999999999.99')).toBe('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
  });
});
