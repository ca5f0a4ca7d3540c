import { describe, expect, it } from 'vitest';
import {
  DocNumberError,
  findDocNumber,
  formatDocNumber,
  isCanonicalDocNumber,
  parseDocNumber,
  validateDocNumber,
} from './docnumber.js';

describe('formatDocNumber', () => {
  it('writes the standard form with hexagonal brackets, no padding, no 第', () => {
    expect(formatDocNumber({ prefix: '高工信发', year: 2024, serial: 37 })).toBe('高工信发〔2024〕37号');
    expect(formatDocNumber({ prefix: '国办发', year: 2014, serial: 46 })).toBe('国办发〔2014〕46号');
    expect(formatDocNumber({ prefix: '高工信发', year: 2024, serial: 1 })).toBe('高工信发〔2024〕1号');
    expect(formatDocNumber({ prefix: 'ABC函', year: 1949, serial: 1000 })).toBe('ABC函〔1949〕1000号');
  });

  it.each([
    [{ prefix: '', year: 2024, serial: 1 }, '机关代字不能为空'],
    [{ prefix: '高'.repeat(21), year: 2024, serial: 1 }, '机关代字不能超过20个字'],
    [{ prefix: '高工信发1', year: 2024, serial: 1 }, '机关代字只能由汉字或字母组成'],
    [{ prefix: '高工 信发', year: 2024, serial: 1 }, '机关代字只能由汉字或字母组成'],
    [{ prefix: '高工信发', year: 1948, serial: 1 }, '年份应为1949至2100之间的四位整数'],
    [{ prefix: '高工信发', year: 2101, serial: 1 }, '年份应为1949至2100之间的四位整数'],
    [{ prefix: '高工信发', year: 2024.5, serial: 1 }, '年份应为1949至2100之间的四位整数'],
    [{ prefix: '高工信发', year: 2024, serial: 0 }, '发文顺序号应为不小于1的整数'],
    [{ prefix: '高工信发', year: 2024, serial: -3 }, '发文顺序号应为不小于1的整数'],
    [{ prefix: '高工信发', year: 2024, serial: 1.5 }, '发文顺序号应为不小于1的整数'],
  ])('rejects %j with a Chinese message', (n, message) => {
    expect(validateDocNumber(n)).toContain(message);
    expect(() => formatDocNumber(n)).toThrow(DocNumberError);
    expect(() => formatDocNumber(n)).toThrow(message);
  });

  it('accepts the limits', () => {
    expect(validateDocNumber({ prefix: '高'.repeat(20), year: 1949, serial: 1 })).toEqual([]);
    expect(validateDocNumber({ prefix: '高', year: 2100, serial: 999999 })).toEqual([]);
  });

  it('lists every broken rule at once', () => {
    expect(validateDocNumber({ prefix: '', year: 3000, serial: 0 })).toHaveLength(3);
  });
});

describe('parseDocNumber', () => {
  const expected = { prefix: '高工信发', year: 2024, serial: 37 };
  it.each([
    '高工信发〔2024〕37号',
    '高工信发[2024]37号',
    '高工信发（2024）37号',
    '高工信发［2024］37号',
    '高工信发【2024】37号',
    '高工信发(2024)37号',
    '高工信发﹝2024﹞37号',
    '高工信发〔２０２４〕３７号',
    '高工信发〔2024〕第37号',
    '高工信发[2024]第037号',
    '高工信发〔2024〕0037号',
    ' 高工信发 〔2024〕 37 号 ',
    '高工信发\u3000〔2024〕37号',
  ])('reads %s', (s) => {
    expect(parseDocNumber(s)).toEqual(expected);
  });

  it.each([
    '',
    '高工信发',
    '〔2024〕37号',
    '高工信发〔24〕37号',
    '高工信发〔2024〕号',
    '高工信发〔2024〕0号',
    '高工信发〔1900〕3号',
    '高工信发〔2200〕3号',
    '高工信发2024年37号',
    '高工信发〔2024〕37',
    '高工信发〔2024〕37号文',
  ])('rejects %j', (s) => {
    expect(parseDocNumber(s)).toBeNull();
  });

  it('tolerates non-strings', () => {
    expect(parseDocNumber(undefined as unknown as string)).toBeNull();
    expect(parseDocNumber(37 as unknown as string)).toBeNull();
  });

  it('round-trips every formatted number', () => {
    const prefixes = ['高工信发', '国办发', '晋政办函', 'X', '市人大常委会办公室'];
    for (const prefix of prefixes) {
      for (let year = 1949; year <= 2100; year += 13) {
        for (const serial of [1, 2, 9, 10, 37, 99, 100, 101, 1234, 98765]) {
          const s = formatDocNumber({ prefix, year, serial });
          expect(parseDocNumber(s)).toEqual({ prefix, year, serial });
          expect(isCanonicalDocNumber(s)).toBe(true);
          const padded = `${prefix}[${year}]第${String(serial).padStart(3, '0')}号`;
          expect(parseDocNumber(padded)).toEqual({ prefix, year, serial });
          expect(isCanonicalDocNumber(padded)).toBe(false);
        }
      }
    }
  });
});

describe('isCanonicalDocNumber', () => {
  it('is true only for the exact standard form', () => {
    expect(isCanonicalDocNumber('高工信发〔2024〕37号')).toBe(true);
    for (const s of [
      '高工信发[2024]37号',
      '高工信发（2024）37号',
      '高工信发〔2024〕第37号',
      '高工信发〔2024〕037号',
      '高工信发〔２０２４〕37号',
      ' 高工信发〔2024〕37号',
      '高工信发 〔2024〕37号',
      '高工信发〔2024〕37号 ',
      '高工信发〔2024〕0号',
      'nonsense',
    ]) {
      expect(isCanonicalDocNumber(s), s).toBe(false);
    }
  });
});

describe('findDocNumber', () => {
  it('finds the number inside a longer line', () => {
    const found = findDocNumber('高工信发[2024]第037号　　　　签发人：张三');
    expect(found).toEqual({ raw: '高工信发[2024]第037号', number: { prefix: '高工信发', year: 2024, serial: 37 } });
  });

  it('keeps the original characters in raw', () => {
    expect(findDocNumber('文号：高工信发〔２０２４〕３７号')?.raw).toBe('高工信发〔２０２４〕３７号');
  });

  it('returns null when there is none', () => {
    expect(findDocNumber('关于市人大七届六次会议第187号建议的答复')).toBeNull();
    expect(findDocNumber('')).toBeNull();
  });
});
