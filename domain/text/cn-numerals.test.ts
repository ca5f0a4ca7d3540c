import { describe, expect, it } from 'vitest';
import { parseCnInt, parseDigitByDigit, toCnNumeral } from './cn-numerals.js';

describe('parseCnInt', () => {
  it.each([
    ['七', 7], ['十', 10], ['十五', 15], ['二十', 20], ['二十二', 22], ['三十一', 31], ['廿二', 22], ['卅', 30],
    ['一百零三', 103], ['一百二十', 120], ['两', 2], ['187', 187], ['0123', 123], ['二〇二四', 2024],
  ])('%s → %i', (s, n) => expect(parseCnInt(s)).toBe(n));

  it('returns null for what is not a number', () => {
    expect(parseCnInt('')).toBeNull();
    expect(parseCnInt('十A')).toBeNull();
    expect(parseCnInt('届')).toBeNull();
  });
});

describe('parseDigitByDigit', () => {
  it.each([['二〇二四', 2024], ['二○二四', 2024], ['二零二四', 2024], ['二O二四', 2024]])('%s → %i', (s, n) =>
    expect(parseDigitByDigit(s)).toBe(n));
});

describe('toCnNumeral', () => {
  it.each([[1, '一'], [7, '七'], [10, '十'], [15, '十五'], [20, '二十'], [31, '三十一'], [105, '一百零五'], [110, '一百一十']])(
    '%i → %s',
    (n, s) => expect(toCnNumeral(n)).toBe(s),
  );
  it('round-trips 1–99', () => {
    for (let n = 1; n < 100; n++) expect(parseCnInt(toCnNumeral(n))).toBe(n);
  });
});
