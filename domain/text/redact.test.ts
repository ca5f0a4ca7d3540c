import { describe, expect, it } from 'vitest';
import { findPersonalData, redact, validIdCard } from './redact.js';

describe('redaction of personal contact data', () => {
  it('hides mobile numbers in their common forms', () => {
    for (const m of ['13812345678', '138-1234-5678', '138 1234 5678', '+86 13812345678', '+86-138-1234-5678']) {
      const r = redact(`请联系张先生，手机${m}。`);
      expect(r.redactions).toHaveLength(1);
      expect(r.redactions[0].kind).toBe('mobile');
      expect(r.text).toContain('138****5678');
      expect(r.text).not.toContain(m);
    }
  });

  it('hides landlines with area codes and extensions, and bare local numbers after a phone word', () => {
    expect(redact('办公室电话：0356-5221234转801').text).toBe('办公室电话：［电话已隐去］');
    expect(redact('（0356）5221234').redactions[0].kind).toBe('landline');
    expect(redact('联系电话：5221234').text).toBe('联系电话：［电话已隐去］');
  });

  it('keeps the unit official contact line, written with or without the area code', () => {
    const opts = { keepNumbers: ['5241566'] };
    expect(redact('联系电话：5241566', opts).redactions).toEqual([]);
    expect(redact('联系电话：0356-5241566', opts).redactions).toEqual([]);
    expect(redact('联系电话：5241566，经办人手机13912345678', opts).text).toBe('联系电话：5241566，经办人手机139****5678');
  });

  it('hides valid ID-card numbers but leaves other long numbers such as amounts alone', () => {
    expect(validIdCard('11010519491231002X')).toBe(true);
    const r = redact('身份证号11010519491231002X，项目投资3660万元，合同号202400001234567');
    expect(r.redactions.map((x) => x.kind)).toEqual(['id_card']);
    expect(r.text).toContain('110105********002*');
    expect(validIdCard('110105194912310021')).toBe(false);
  });

  it('hides personal e-mail addresses but not official ones', () => {
    const r = redact('来信请寄 zhangsan@163.com 或 gxj@gaoping.gov.cn');
    expect(r.redactions).toHaveLength(1);
    expect(r.text).toBe('来信请寄 ［个人邮箱已隐去］ 或 gxj@gaoping.gov.cn');
  });

  it('does not take years, amounts, areas or document numbers for phones', () => {
    const text = '2024年8月22日，高工信发〔2024〕37号：建成1500平方米，容纳400余人，补贴18320000元，163亩。';
    expect(findPersonalData(text)).toEqual([]);
  });

  it('the seed reply only carries the unit line, which stays', () => {
    expect(findPersonalData('联系电话：5241566', { keepNumbers: ['5241566'] })).toEqual([]);
  });
});

describe('redaction leaves identifiers alone', () => {
  it('does not read digits inside a UUID or a hash as a phone number', () => {
    expect(findPersonalData('01a2214d-e6e0-768d-9486-2f8270191c65 e162-7189-9391f0c1')).toEqual([]);
    expect(findPersonalData('照片 a13812345678b')).toEqual([]);
  });
});
