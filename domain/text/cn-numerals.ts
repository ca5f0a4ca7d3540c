/**
 * Chinese numerals as they appear in official documents: session numbers (十五届五次), ordinals of
 * headings (二十一、), and dates written out (二〇二四年八月二十二日). Pure: no I/O.
 */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, O: 0, Ｏ: 0, '０': 0,
  一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };

/** Characters that may make up a Chinese numeral (for building regular expressions). */
export const CN_NUMERAL_CHARS = '〇零○一二三四五六七八九十百廿卅两壹贰叁肆伍陆柒捌玖拾佰';

/**
 * Reads an integer written in Arabic digits or Chinese numerals: 十五 → 15, 二十二 → 22, 廿二 → 22,
 * 一百零三 → 103, 三〇 → 30 (digit by digit). Returns null when the text is not a number.
 */
export function parseCnInt(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  const expanded = s.replace(/廿/g, '二十').replace(/卅/g, '三十');
  if (!/[十拾百佰]/.test(expanded)) return parseDigitByDigit(expanded);
  let total = 0;
  let pending = 0;
  let seenDigit = false;
  for (const ch of expanded) {
    if (ch in DIGITS) {
      pending = DIGITS[ch];
      seenDigit = true;
    } else if (ch in UNITS) {
      total += (seenDigit ? pending : 1) * UNITS[ch];
      pending = 0;
      seenDigit = false;
    } else {
      return null;
    }
  }
  return total + pending;
}

/** 二〇二四 → 2024: each character is one decimal digit. */
export function parseDigitByDigit(s: string): number | null {
  if (s === '') return null;
  let n = 0;
  for (const ch of s) {
    if (/\d/.test(ch)) n = n * 10 + Number(ch);
    else if (ch in DIGITS) n = n * 10 + DIGITS[ch];
    else return null;
  }
  return n;
}

const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 15 → 十五, 20 → 二十, 7 → 七, 103 → 一百零三 (1–999; other values as Arabic digits). */
export function toCnNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += SMALL[hundreds] + '百';
  if (tens > 0) out += (tens === 1 && hundreds === 0 ? '' : SMALL[tens]) + '十';
  else if (hundreds > 0 && ones > 0) out += '零';
  return out + SMALL[ones];
}
