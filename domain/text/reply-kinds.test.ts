/**
 * Replies as government websites publish them (fixtures 40-47): organ only in the signature, in the page's
 * 来源 or as 我局; damaged signature dates beside a publication date; class forms; labelled numbers; subjects
 * without 的建议; proposers in a one-person salutation or as X等N名代表. Every field and its confidence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReply, type FieldName, type ParsedReply } from './reply-parser.js';
import { damagedSignatureDate } from './reply-patterns.js';
import { extractPromisesFromReply } from './promise-extract.js';

const read = (f: string) => parseReply(readFileSync(new URL(`./fixtures/replies/${f}`, import.meta.url), 'utf8'));
type Fields = Omit<ParsedReply, 'points' | 'confidence'>;
const NONE: Fields = {
  docNumber: null, issuingOrgan: null, title: null, congress: null, session: null, suggestionNumber: null,
  proposers: [], subject: null, replyClass: null, date: null, contactPerson: null, contactPhone: null,
};

const CASES: Array<{ file: string; fields: Partial<Fields>; unsure?: Partial<Record<FieldName, RegExp>>; missing?: Partial<Record<FieldName, RegExp>> }> = [
  {
    file: '40-organ-in-signature-web-pubdate.txt',
    fields: { issuingOrgan: '沁水县交通运输局', title: '关于县十八届二次会议第41号建议的答复', congress: '人大', session: '十八届二次', suggestionNumber: 41,
      proposers: ['乔文斌'], subject: '关于完善乡村客运站点设置的建议', date: '2023-12-20', contactPerson: '孔令辉', contactPhone: '0356-7022316' },
    unsure: { date: /^落款日期“2023年12月20”缺少“日”，按2023年12月20日推定，请核对$/ },
    missing: { docNumber: /未找到发文字号/, replyClass: /未找到答复类别/ },
  },
  {
    file: '41-source-line-woju.txt',
    fields: { issuingOrgan: '陵川县自然资源局', title: '关于市人大八届三次会议第17号建议的答复', congress: '人大', session: '八届三次', suggestionNumber: 17,
      proposers: ['牛卫东'], subject: '关于加快农村宅基地确权登记', date: '2024-04-26' },
    unsure: { issuingOrgan: /按页面来源“陵川县自然资源局”推定/, subject: /未以“的建议”结尾/ },
    missing: { contactPerson: /未找到联系人/ },
  },
  {
    file: '42-woju-only-compact-date.txt',
    fields: { title: '关于第23号建议的回复', congress: '人大', suggestionNumber: 23, proposers: ['白海涛'], subject: '关于加强农业技术培训的建议',
      date: '2023-06-19', contactPerson: '郭丽', contactPhone: '13935612345' },
    unsure: { date: /“2023619”缺少“年”“月”“日”，按2023年6月19日推定/, proposers: /白海涛等3名代表.*其余提出人请补填/ },
    missing: { issuingOrgan: /正文只称“我站”/, session: /未找到届次/ },
  },
  {
    file: '43-class-label-header-docnumber-label.txt',
    fields: { docNumber: '建议字〔2023〕8号', issuingOrgan: '晋城市城市管理局', title: '关于市八届一次会议第65号建议的答复', congress: '人大', session: '八届一次',
      suggestionNumber: 65, proposers: ['石建华'], subject: '关于提升城区停车管理水平的建议', replyClass: 'A', date: '2023-07-03',
      contactPerson: '范丽娟', contactPhone: '0356-2026688' },
    unsure: { docNumber: /发文字号写作“建议字：〔2023〕8号”/ },
  },
  {
    file: '44-class-paren-closing-proposal-word.txt',
    fields: { issuingOrgan: '高平市教育局', title: '关于市政协九届二次会议第108号提案的答复', congress: '政协', session: '九届二次', suggestionNumber: 108,
      proposers: ['民进高平市委员会'], subject: '关于支持职业教育产教融合的提案', replyClass: 'A', date: '2023-06-12', contactPerson: '申晓燕',
      contactPhone: '0356-5222310' },
  },
  {
    file: '45-class-colon-b-proposal-label.txt',
    fields: { docNumber: '晋教函〔2024〕15号', issuingOrgan: '晋城市教育局', title: '关于市政协九届三次会议第46号提案的答复', congress: '政协', session: '九届三次',
      suggestionNumber: 46, proposers: ['郝丽萍'], subject: '关于改善农村学校供暖条件的提案', replyClass: 'B', date: '2024-06-28' },
  },
  {
    file: '46-salutation-one-person-category.txt',
    fields: { docNumber: '阳卫函〔2022〕31号', issuingOrgan: '阳城县卫生健康局', title: '关于县十七届二次会议第9号建议的答复', congress: '人大', session: '十七届二次',
      suggestionNumber: 9, proposers: ['侯志强'], subject: '关于加强乡村医生队伍建设的建议', replyClass: 'B', date: '2022-08-15' },
  },
  {
    file: '47-no-date-pubdate-only.txt',
    fields: { title: '关于市人大七届四次会议第133号建议的答复', congress: '人大', session: '七届四次', suggestionNumber: 133, proposers: ['马俊杰'],
      subject: '关于建设城市口袋公园的建议', contactPerson: '常卫东', contactPhone: '0356-5256001' },
    missing: { date: /^页面发布日期（2023-02-20）不是答复日期，未采用/, issuingOrgan: /页面来源为“本站”.*正文只称“我局”/ },
  },
];

describe('replies as published on government websites', () => {
  it.each(CASES)('$file: every field and how sure it is', ({ file, fields, unsure = {}, missing = {} }) => {
    const { points, confidence, ...got } = read(file);
    expect(got).toEqual({ ...NONE, ...fields });
    expect(points.length).toBe(2);
    for (const key of Object.keys(confidence) as FieldName[]) {
      const c = confidence[key];
      if (unsure[key]) {
        expect(c.level, key).toBe('unsure');
        expect(c.reason).toMatch(unsure[key]!);
      } else if (missing[key]) {
        expect(c.level, key).toBe('missing');
        expect(c.reason).toMatch(missing[key]!);
      } else {
        const empty = got[key as keyof Fields] === null || (Array.isArray(got[key as keyof Fields]) && (got[key as keyof Fields] as unknown[]).length === 0);
        expect(c.level, key).toBe(empty ? 'missing' : 'sure');
      }
    }
  });

  it('类别：提案 names the kind of document and is never the class; the reason says so when nothing else is found', () => {
    const r = parseReply('类别：提案\n关于市政协九届三次会议第46号提案的答复\n尊敬的郝丽萍委员：\n您提出的“关于改善供暖的提案”收悉。\n晋城市教育局\n2024年6月28日');
    expect(r.replyClass).toBeNull();
    expect(r.confidence.replyClass.reason).toMatch(/“类别：提案”是文种，不是答复类别/);
  });

  it('repairs a damaged date only where one reading is a real date', () => {
    expect(damagedSignatureDate('2012年12月20')?.iso).toBe('2012-12-20');
    expect(damagedSignatureDate('2023619')?.iso).toBe('2023-06-19');
    expect(damagedSignatureDate('20230619')?.iso).toBe('2023-06-19');
    expect(damagedSignatureDate('2023年6 19日')?.iso).toBe('2023-06-19');
    expect(damagedSignatureDate('高平市民政局　2023年11月5')).toMatchObject({ iso: '2023-11-05', before: '高平市民政局' });
    const ambiguous = damagedSignatureDate('2023111');
    expect(ambiguous?.iso).toBeNull();
    expect(ambiguous?.reason).toMatch(/可读作(2023-11-01或2023-01-11|2023-01-11或2023-11-01)，请填写/);
    expect(damagedSignatureDate('2023年8月22日')).toBeNull();
    expect(damagedSignatureDate('共投入2023619元')).toBeNull();
  });
});

describe('other layouts of the same kinds', () => {
  const body = '\n一、加强管理。今年完成整治12处。\n二、完善制度。年底前出台办法。\n以上答复，如有意见，敬请反馈。\n';
  const organ = '陵川县住房和城乡建设局';

  it('（B类） beside a number in 〈〉 brackets; 答复类别：A in the closing note; 办理类别：C类', () => {
    const a = parseReply(`陵建函〈2023〉8号　（B类）\n关于第5号建议的答复\n尊敬的王五代表：\n您提出的“关于整治背街小巷的建议”收悉。${body}${organ}\n2023年6月19日`);
    expect(a).toMatchObject({ docNumber: '陵建函〔2023〕8号', replyClass: 'B', issuingOrgan: organ, date: '2023-06-19', proposers: ['王五'] });
    expect(a.confidence.replyClass.level).toBe('sure');
    const b = parseReply(`关于第5号建议的答复\n王五委员：\n您提出的关于整治背街小巷的建议收悉。${body}${organ}\n2023年6月19日\n（答复类别：A）`);
    expect(b).toMatchObject({ replyClass: 'A', congress: '政协', proposers: ['王五'], subject: '关于整治背街小巷的建议' });
  });

  it('X等N名代表 in the intro, a quotation closed before 的建议, 月 lost with a space', () => {
    const c = parseReply(`文号：陵建函〔2023〕8号\n关于第5号建议的答复\n李四等5名代表提出的“关于整治背街小巷”的建议收悉。${body}${organ}\n2023年6 19日`);
    expect(c).toMatchObject({ docNumber: '陵建函〔2023〕8号', proposers: ['李四'], subject: '关于整治背街小巷的建议', date: '2023-06-19' });
    expect(c.confidence.proposers).toEqual({ level: 'unsure', reason: '原文写作“李四等5名代表”，只写出了李四，其余提出人请补填' });
    expect(c.confidence.date.reason).toBe('落款日期“2023年6 19日”缺少“月”，按2023年6月19日推定，请核对');
  });

  it('代表您好： salutation, only 我局 above a Chinese-numeral date without 日', () => {
    const d = parseReply(`关于第5号建议的答复\n尊敬的王五代表您好：\n您提出的“关于整治背街小巷的建议”收悉。${body}办理类别：C类\n我局\n二〇二三年六月十九`);
    expect(d).toMatchObject({ proposers: ['王五'], congress: '人大', replyClass: 'C', issuingOrgan: null, date: '2023-06-19' });
    expect(d.confidence.issuingOrgan).toEqual({ level: 'missing', reason: '未找到发文机关；正文只称“我局”，请填写或选择承办单位' });
    expect(d.confidence.date).toEqual({ level: 'unsure', reason: '落款日期“二〇二三年六月十九”缺少“日”，按2023年6月19日推定，请核对' });
  });

  it('a signature date without its day is not made up', () => {
    const e = parseReply(`关于第5号建议的答复\n尊敬的王五代表：\n您提出的“关于整治背街小巷的建议”收悉。${body}${organ}　2023年6月`);
    expect(e.date).toBeNull();
    expect(e.confidence.date).toEqual({ level: 'missing', reason: '落款日期“2023年6月”缺少“日”，无法推定，请填写' });
    expect(extractPromisesFromReply(`关于第5号建议的答复\n尊敬的王五代表：\n${body}${organ}　2023年6月`).every((p) => p.due === null)).toBe(true);
  });
});

describe('promises from replies with damaged or missing dates', () => {
  const text = (f: string) => readFileSync(new URL(`./fixtures/replies/${f}`, import.meta.url), 'utf8');

  it('anchors 年底 and 8月份 to the repaired signature date', () => {
    const dues = extractPromisesFromReply(text('40-organ-in-signature-web-pubdate.txt')).map((p) => p.due);
    expect(dues).toContain('2024-12-31');
    const compact = extractPromisesFromReply(text('42-woju-only-compact-date.txt'));
    expect(compact.map((p) => p.due)).toContain('2023-08-31');
  });

  it('anchors nothing when the reply has no usable date (the page date is not used)', () => {
    const promises = extractPromisesFromReply(text('47-no-date-pubdate-only.txt'));
    expect(promises.length).toBeGreaterThan(0);
    expect(promises.every((p) => p.due === null)).toBe(true);
    expect(promises.find((p) => p.text.includes('年底'))?.dueRule).toMatch(/答复未注明日期，无法推算/);
    const given = extractPromisesFromReply(text('47-no-date-pubdate-only.txt'), '2023-03-01');
    expect(given.map((p) => p.due)).toContain('2023-12-31');
  });
});
