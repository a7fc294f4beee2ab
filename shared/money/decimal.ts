// The one Decimal for money and rates. Every amount, rate and product goes through it:
// JS numbers cannot hold 0.1 exactly, and a cent lost in a negotiation letter is a lie.
// Isomorphic (no Node, no DOM).
import DecimalJs from 'decimal.js';

/**
 * Precision 60 significant digits: (1 + R)^D for D up to 100 years of days still keeps
 * every cent exact before the final rounding. ROUND_HALF_UP is the rounding that
 * Chinese financial practice (四舍五入) and cli.md ask for.
 */
export const Money = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
// A clone shares decimal.js's prototype, so instances are plain `Decimal`s to the type system.
export type Decimal = DecimalJs;
export type DecimalInput = Decimal | string;

export const ZERO = new Money(0);
export const ONE = new Money(1);

export function dec(value: DecimalInput): Decimal {
  return value instanceof DecimalJs ? value : new Money(value);
}

/** Round half up to whole cents (四舍五入到分). */
export function toCents(value: DecimalInput): Decimal {
  return dec(value).toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
}

/** Money on the wire and in documents: exactly two decimals, no grouping ("1825.00"). */
export function formatMoney(value: DecimalInput): string {
  return toCents(value).toFixed(2, DecimalJs.ROUND_HALF_UP);
}

/** Money for people: thousands grouped ("12,345.67"). */
export function formatMoneyGrouped(value: DecimalInput): string {
  const plain = formatMoney(value);
  const negative = plain.startsWith('-');
  const [int = '0', frac = '00'] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${frac}`;
}

/** A rate as a plain decimal string ("0.0005"), never exponent notation, no trailing zeros. */
export function formatRate(value: DecimalInput): string {
  return dec(value).toFixed();
}

/** A rate as a percentage for people ("0.05%"). */
export function formatPercent(value: DecimalInput): string {
  return `${dec(value).times(100).toFixed()}%`;
}
