import { describe, expect, it } from 'vitest';
import { findPersonalData, redact } from './redact.js';
import { HIDDEN_NUMBER_VARIANTS, visibleDigits } from './fixtures/hidden-numbers.js';

describe('redaction normalises before it detects', () => {
  for (const v of HIDDEN_NUMBER_VARIANTS) {
    it(`finds ${v.name} and hides every character of it`, () => {
      const text = `现场负责人电话${v.text}，请联系。`;
      const found = findPersonalData(text);
      expect(found.map((f) => f.kind)).toEqual([v.kind]);
      expect(found[0].original).toBe(v.text);
      const out = redact(text).text;
      expect(visibleDigits(out)).not.toContain(v.digits.slice(3, 11));
      expect(out.startsWith('现场负责人电话')).toBe(true);
      expect(out.endsWith('，请联系。')).toBe(true);
      // Nothing invisible is left behind where the number was.
      expect(out).not.toMatch(/[\u200B-\u200D\u2060\uFEFF\u00AD]/u);
    });
  }

  it('masks from the normalised digits', () => {
    expect(redact('手机１３９１２３４５６７８').text).toBe('手机139****5678');
    expect(redact('身份证１１０１０５１９４９１２３１００２Ｘ').text).toBe('身份证110105********002*');
  });

  it('keeps the official line in any width', () => {
    expect(redact('联系电话：５２４１５６６', { keepNumbers: ['5241566'] }).redactions).toEqual([]);
    expect(redact('联系电话：0356-5241566', { keepNumbers: ['５２４１５６６'] }).redactions).toEqual([]);
  });

  it('maps positions back to the original text', () => {
    const text = '甲１３９\u200B１２３４５６７８乙';
    const [r] = findPersonalData(text);
    expect(text.slice(0, r.start)).toBe('甲');
    expect(text.slice(r.end)).toBe('乙');
  });

  it('leaves ordinary full-width text alone', () => {
    expect(findPersonalData('投资３６６０万元，面积１６３亩，ＡＢＣ公司')).toEqual([]);
  });
});
