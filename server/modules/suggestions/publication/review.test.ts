import { describe, expect, it } from 'vitest';
import { reviewFields, appliedOf, type ReviewField } from './review.js';

const fields: ReviewField[] = [
  { key: 'intro', label: '开头语', text: '如有疑问请致电 13912345678 或 0356-5241566，邮箱 zhang.san@163.com、gxj@gaoping.gov.cn。' },
  { key: 'point:1:text', label: '第一点 内容', text: '项目位于米山镇米西村，负责人身份证号 11010519491231002X。' },
  { key: 'contactPhone', label: '联系电话', text: '5241566' },
];

describe('redaction review', () => {
  it('finds personal data but keeps the unit\'s official line and official e-mail', () => {
    const r = reviewFields(fields, { keep: [], manual: [] }, { keepNumbers: ['5241566'] });
    const kinds = r.flatMap((f) => f.findings.map((x) => `${f.key}:${x.kind}:${x.original}`));
    expect(kinds).toEqual(['intro:mobile:13912345678', 'intro:email:zhang.san@163.com', 'point:1:text:id_card:11010519491231002X']);
    expect(r[0].redacted).toBe('如有疑问请致电 139****5678 或 0356-5241566，邮箱 ［个人邮箱已隐去］、gxj@gaoping.gov.cn。');
    expect(r[2].findings).toEqual([]);
    expect(r[2].redacted).toBe('5241566');
  });

  it('a contact phone that is not the official line is hidden', () => {
    const r = reviewFields([{ key: 'contactPhone', label: '联系电话', text: '5228888' }], { keep: [], manual: [] }, { keepNumbers: ['5241566'] });
    expect(r[0].findings.map((f) => [f.kind, f.start, f.end])).toEqual([['landline', 0, 7]]);
    expect(r[0].redacted).toBe('［电话已隐去］');
  });

  it('keeps what the reviewer keeps and hides manual ranges and phrases everywhere', () => {
    const first = reviewFields(fields, { keep: [], manual: [] }, { keepNumbers: ['5241566'] });
    const mobileKey = first[0].findings[0].key;
    const r = reviewFields(fields, {
      keep: [mobileKey],
      manual: [{ id: 'm1', phrase: '米山镇米西村' }, { id: 'm2', field: 'intro', start: 0, end: 4 }],
    }, { keepNumbers: ['5241566'] });
    expect(r[0].findings.find((f) => f.key === mobileKey)!.kept).toBe(true);
    expect(r[0].redacted.startsWith('［已隐去］请致电 13912345678')).toBe(true);
    expect(r[1].redacted).toBe('项目位于［已隐去］，负责人身份证号 110105********002*。');
    expect(appliedOf(r).map((a) => a.kind)).toEqual(['manual', 'email', 'manual', 'id_card']);
  });

  it('overlapping redactions merge into one hidden range', () => {
    const r = reviewFields([{ key: 'intro', label: '', text: '电话13912345678请拨打' }], { keep: [], manual: [{ id: 'x', field: 'intro', start: 0, end: 8 }] }, { keepNumbers: [] });
    expect(r[0].redacted).toBe('［已隐去］请拨打');
    expect(r[0].segments.map((s) => s.text).join('')).toBe('电话13912345678请拨打');
  });
});
