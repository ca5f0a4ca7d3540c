import { describe, expect, it } from 'vitest';
import { officialPhoneProblem, publicTextProblems } from './public-text.js';

describe('text shown to the public', () => {
  it('accepts ordinary text and office lines', () => {
    expect(publicTextProblems({ 说明: '职工餐厅已正式对外营业，咨询电话 5241566', 备注: null })).toEqual([]);
  });
  it('refuses a personal mobile number and names the field', () => {
    const p = publicTextProblems({ 进度说明: '现场负责人王工 13912345678' });
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('“进度说明”将公开显示，不能包含手机号码（139****5678）');
  });
  it('refuses an ID-card number and a personal e-mail', () => {
    const p = publicTextProblems({ 说明: '联系人身份证 11010519491231002X，邮箱 wang@qq.com' });
    expect(p[0]).toContain('身份证号码');
    expect(p[0]).toContain('个人电子邮箱');
  });
});

describe('official contact phone', () => {
  it('accepts landlines with or without area code and extension', () => {
    for (const ok of ['5241566', '0356-5241566', '（0356）5241566', '0356-5241566-801']) expect(officialPhoneProblem(ok)).toBeNull();
    expect(officialPhoneProblem(null)).toBeNull();
  });
  it('refuses mobiles and things that are not phone numbers', () => {
    expect(officialPhoneProblem('13912345678')).toBe('联系电话只能填写单位办公电话，不能填写个人手机号码');
    expect(officialPhoneProblem('找王主任')).toContain('格式无效');
  });
});
