import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyReply, parseReply, type ParsedReply } from './reply-parser.js';

const seed = readFileSync(new URL('./fixtures/replies/seed-187.txt', import.meta.url), 'utf8');

const SEED_FIELDS: Omit<ParsedReply, 'points' | 'confidence'> = {
  docNumber: '高工信发〔2024〕37号',
  issuingOrgan: '高平市工业和信息化局',
  title: '关于市人大七届六次会议第187号建议的答复',
  congress: '人大',
  session: '七届六次',
  suggestionNumber: 187,
  proposers: ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤'],
  subject: '关于提升开发区公共配套服务，优化营商环境的建议',
  replyClass: null,
  date: '2024-08-22',
  contactPerson: null,
  contactPhone: '5241566',
};

const SEED_HEADINGS = [
  '关于教育资源优势不明显的问题',
  '关于商业服务设施稀缺的问题',
  '关于入驻企业人员户籍管理不畅的问题',
  '关于园区环境卫生、城市管理有差距的问题',
  '关于水、电、暖、气、公共交通等基础设施需要理顺提升的问题',
  '高平开发区坚持“五个持续推动”，实现“区内事、区内办”常态化',
];

describe('parseReply on the seed reply (高工信发〔2024〕37号)', () => {
  const r = parseReply(seed);

  it.each(Object.entries(SEED_FIELDS))('%s is read exactly', (key, value) => {
    expect(r[key as keyof ParsedReply]).toEqual(value);
  });

  it('returns the keys in the order of the CLI contract', () => {
    expect(Object.keys(r)).toEqual([
      'docNumber', 'issuingOrgan', 'title', 'congress', 'session', 'suggestionNumber', 'proposers', 'subject',
      'points', 'replyClass', 'date', 'contactPerson', 'contactPhone', 'confidence',
    ]);
    expect(Object.keys(r.points[0])).toEqual(['ordinal', 'heading', 'text']);
  });

  it('finds the six top-level points with their headings, not the 一是…五是 inside point 6', () => {
    expect(r.points.map((p) => p.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.points.map((p) => p.heading)).toEqual(SEED_HEADINGS);
    expect(r.points[5].text).toContain('一是持续推动依法授权赋能有为有效');
    expect(r.points[5].text).toContain('五是持续推动惠商惠企政策用足用好');
  });

  it('joins the sentences that page breaks cut in two', () => {
    expect(r.points[0].text).toContain('为高平市第十中学校项目。');
    expect(r.points[0].text).not.toContain('\n');
    expect(r.points[3].text).toContain('进一步擦亮乡村生态底色，让美丽乡村焕发新颜值。');
    expect(r.points[5].text).toContain('二是持续推动“一本制”改革深入深化');
    expect(r.points[5].text).toContain('试行“一张清单告知、服务全程跟进”模式');
  });

  it('keeps the paragraphs of a point apart with one newline, and drops Markdown', () => {
    expect(r.points[3].text.split('\n')).toHaveLength(2);
    expect(r.points[3].text.split('\n')[1].startsWith('在城市管理方面')).toBe(true);
    for (const p of r.points) expect(p.text).not.toMatch(/[#*]{2}|^#/m);
    expect(r.points[0].text.startsWith('目前开发区附近有一所学校')).toBe(true);
    expect(r.points[5].text.startsWith('近年来，高平经济技术开发区')).toBe(true);
  });

  it('leaves the intro and the closing out of the points', () => {
    const all = r.points.map((p) => p.text).join('\n');
    expect(all).not.toContain('已收悉');
    expect(all).not.toContain('你们的这一提案');
    expect(all).not.toContain('以上答复');
    expect(all).not.toContain('感谢你们');
    expect(all).not.toContain('领导签字');
    expect(all).not.toContain('5241566');
    expect(all).not.toContain('三条建议给予了非常及时的启示与借鉴');
    expect(r.points[5].text.endsWith('用心用情用力打造宾至如归的亲商家园。')).toBe(true);
  });

  it('parses the seed within a few milliseconds (printed, not asserted tightly)', () => {
    const cold = performance.now();
    parseReply(seed);
    const coldMs = performance.now() - cold;
    const runs = 100;
    const start = performance.now();
    for (let i = 0; i < runs; i++) parseReply(seed);
    const warmMs = (performance.now() - start) / runs;
    console.log(`parseReply(seed): first call ${coldMs.toFixed(2)} ms, then ${warmMs.toFixed(2)} ms per call`);
    expect(warmMs).toBeLessThan(50);
  });
});

describe('parseReply on degenerate input', () => {
  it('gives all nulls and empty lists for empty or blank text', () => {
    expect(parseReply('')).toEqual(emptyReply());
    expect(parseReply('\n\r\n  \t　\n')).toEqual(emptyReply());
  });

  it('does not throw on values that are not text', () => {
    expect(parseReply(undefined as unknown as string)).toEqual(emptyReply());
    expect(parseReply(42 as unknown as string)).toEqual(emptyReply());
  });

  it('does not throw on noise, binary debris or very long lines', () => {
    const samples = [
      '\u0000\u0001\uFFFD'.repeat(500),
      '一、'.repeat(2000),
      '（'.repeat(3000) + '〔2024〕',
      '**'.repeat(1000) + '#'.repeat(1000),
      '尊敬的' + '、'.repeat(500) + '代表：',
      '2024年13月45日\n二〇二四年十三月四十日\n2024-02-30',
      '联系电话：' + '9'.repeat(5000),
      'x'.repeat(200_000),
    ];
    for (const s of samples) expect(() => parseReply(s)).not.toThrow();
  });

  it('survives random slices of the seed', () => {
    let state = 20240822;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(random() * seed.length);
      const b = a + Math.floor(random() * 800);
      const r = parseReply(seed.slice(a, b));
      expect(Array.isArray(r.points)).toBe(true);
      expect(Array.isArray(r.proposers)).toBe(true);
    }
  });

  it('rejects impossible dates instead of inventing one', () => {
    expect(parseReply('关于第1号建议的答复\n\n某某局\n\n2024年2月30日').date).toBeNull();
  });
});

describe('parseReply on other layouts', () => {
  it('reads text hard-wrapped by a PDF extraction, with a title broken mid-line', () => {
    const text = [
      '关于市人大七届六次会议',
      '第187号建议的答复',
      '尊敬的郜义鹏代表：',
      '    你提出的关于提升开发区公共配套服务的建议收',
      '悉。现答复如下：',
      '    一、关于教育资源。目前开发区附近有一所学校',
      '处于在建状态，预计年底主体封顶。',
      '    二、关于商业设施。恒通公司已建成职工餐厅，',
      '能同时容纳400余人用餐。',
      '    以上答复，如有意见，敬请反馈。',
      '                      高平市工业和信息化局',
      '                        2024年8月22日',
    ].join('\n');
    const { confidence, ...fields } = parseReply(text);
    expect(confidence.date).toEqual({ level: 'sure', reason: null });
    expect(confidence.docNumber.level).toBe('missing');
    expect(fields).toEqual({
      docNumber: null,
      issuingOrgan: '高平市工业和信息化局',
      title: '关于市人大七届六次会议第187号建议的答复',
      congress: '人大',
      session: '七届六次',
      suggestionNumber: 187,
      proposers: ['郜义鹏'],
      subject: '关于提升开发区公共配套服务的建议',
      points: [
        { ordinal: 1, heading: '关于教育资源', text: '目前开发区附近有一所学校处于在建状态，预计年底主体封顶。' },
        { ordinal: 2, heading: '关于商业设施', text: '恒通公司已建成职工餐厅，能同时容纳400余人用餐。' },
      ],
      replyClass: null,
      date: '2024-08-22',
      contactPerson: null,
      contactPhone: null,
    });
  });

  it('reads a labelled portal title, a spaced-out number prefix and a number after the quoted subject', () => {
    const r = parseReply([
      '晋 市 教 函〔2024〕3号',
      '标题：晋城市教育局关于市七届人大三次会议第56号建议的答复',
      '杨帆代表：',
      '　　您在会上提出的《关于加强校园周边交通安全的建议》（第56号）收悉。现答复如下：',
      '　　一、加强交通设施建设。在全市62所中小学校门口设置交通标志标线。',
      '　　二、开展联合执法。会同公安交警部门在上下学时段开展护学行动。',
      '　　专此答复。',
      '晋城市教育局',
      '2024年6月3日',
      '（联系人：周一鸣，联系电话：0356-2036178）',
      '抄送：市人大常委会人事代表工作委员会，市人民政府办公室。',
    ].join('\n'));
    expect(r).toMatchObject({
      docNumber: '晋市教函〔2024〕3号', title: '晋城市教育局关于市七届人大三次会议第56号建议的答复',
      suggestionNumber: 56, subject: '关于加强校园周边交通安全的建议', contactPerson: '周一鸣',
      contactPhone: '0356-2036178', date: '2024-06-03', issuingOrgan: '晋城市教育局',
    });
    expect(r.points.map((p) => p.heading)).toEqual(['加强交通设施建设', '开展联合执法']);
  });

  it('reads a document number written at the end of the title', () => {
    const r = parseReply('高平市农业农村局关于市人大七届六次会议第77号建议的答复（高农函〔2024〕22号）\n冯晓丽代表：\n您的建议收悉。');
    expect(r.docNumber).toBe('高农函〔2024〕22号');
    expect(r.issuingOrgan).toBe('高平市农业农村局');
  });
});
