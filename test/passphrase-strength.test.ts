import { describe, expect, it } from 'vitest';
import { estimatePassphraseStrength } from '../shared/passphrase-strength';
import { MIN_PASSPHRASE_LENGTH } from '../shared/passphrase';

const score = (p: string) => estimatePassphraseStrength(p).score;

describe('estimatePassphraseStrength', () => {
  it('rates the empty passphrase 0 with the "empty" hint', () => {
    expect(estimatePassphraseStrength('')).toEqual({ score: 0, hint: 'empty', length: 0, bits: 0 });
  });

  it.each(['12345678', 'password', 'Password', 'P@ssw0rd', '123456789a', 'qwerty', 'qwertyuiop', '1234567890', 'woaini1314', '5201314'])(
    'rates the common password %s 0 with the "common" hint',
    (p) => {
      const r = estimatePassphraseStrength(p);
      expect(r.score).toBe(0);
      expect(r.hint).toBe('common');
    },
  );

  it('counts length in characters, so a Chinese character counts once', () => {
    expect(estimatePassphraseStrength('今天天气很好').length).toBe(6);
    expect(estimatePassphraseStrength('😀😀ab').length).toBe(4);
  });

  it('caps passphrases below the minimum length at 1 and says they are too short', () => {
    const r = estimatePassphraseStrength('k7#Vq2!');
    expect(r.length).toBeLessThan(MIN_PASSPHRASE_LENGTH);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.hint).toBe('tooShort');
  });

  it('honours a different minimum length', () => {
    expect(estimatePassphraseStrength('k7#Vq2!pZx', 12).hint).toBe('tooShort');
    expect(estimatePassphraseStrength('k7#Vq2!pZx', 10).hint).not.toBe('tooShort');
  });

  it('penalises repeats', () => {
    expect(estimatePassphraseStrength('aaaaaaaaaaaa')).toMatchObject({ score: 0, hint: 'repeat' });
    expect(estimatePassphraseStrength('abcabcabcabc')).toMatchObject({ score: 0, hint: 'repeat' });
    expect(estimatePassphraseStrength('我爱你我爱你我爱你我爱你').hint).toBe('repeat');
  });

  it('penalises sequences and keyboard walks', () => {
    expect(estimatePassphraseStrength('abcdefghijkl')).toMatchObject({ score: 0, hint: 'sequence' });
    expect(estimatePassphraseStrength('9876543210zyx').score).toBe(0);
    expect(estimatePassphraseStrength('asdfghjklzxcv').score).toBe(0);
  });

  it('penalises dates such as birthdays', () => {
    const withDate = estimatePassphraseStrength('mq19900101');
    const random = estimatePassphraseStrength('mq73518264');
    expect(withDate.bits).toBeLessThan(random.bits);
    expect(withDate.score).toBeLessThan(2);
  });

  it('sees common words inside longer passphrases', () => {
    expect(score('password123456')).toBe(0);
    expect(score('qq123456789a')).toBeLessThanOrEqual(1);
  });

  it('rewards character variety', () => {
    const letters = estimatePassphraseStrength('xkmqvtzrwp');
    const mixed = estimatePassphraseStrength('xK4#q9Tz2!');
    expect(mixed.bits).toBeGreaterThan(letters.bits);
    expect(mixed.score).toBeGreaterThan(letters.score);
    expect(letters.hint).toBe('variety');
  });

  it('rewards length', () => {
    expect(score('xk4mq9tz2w')).toBeLessThan(score('xk4mq9tz2wr8bn5hv3'));
    expect(score('xk4mq9tz2wr8bn5hv3')).toBe(4);
    expect(estimatePassphraseStrength('xk4mq9tz2wr8bn5hv3').hint).toBe('strong');
  });

  it('counts Chinese passphrases, cautiously', () => {
    const r = estimatePassphraseStrength('我的猫叫小白今年三岁了');
    expect(r.score).toBeGreaterThanOrEqual(3);
    expect(r.bits).toBeLessThan(11 * Math.log2(3500)); // a phrase is not random characters
    expect(score('我的猫叫小白今年三岁了住在杭州')).toBe(4);
  });

  it('stays within 0–4 with finite bits for odd inputs', () => {
    for (const p of ['a', 'ab1', 'Tr0ub4dor&3', 'correct horse battery staple', 'x'.repeat(2000), '密'.repeat(300)]) {
      const r = estimatePassphraseStrength(p);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(4);
      expect(Number.isFinite(r.bits)).toBe(true);
    }
  });

  it('handles a long passphrase quickly', () => {
    const long = Array.from({ length: 1024 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 94))).join('');
    const t0 = performance.now();
    expect(estimatePassphraseStrength(long).score).toBe(4);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
