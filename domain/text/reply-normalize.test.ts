import { describe, expect, it } from 'vitest';
import { closeCjkSpaces, documentLines, isFurniture, paragraphs, prepareText, stripMarkdown } from './reply-normalize.js';

const texts = (text: string) => paragraphs(text).paras.map((p) => p.text);

describe('prepareText', () => {
  it('removes the BOM, unifies line ends and odd spaces, and narrows full-width digits and letters', () => {
    expect(prepareText('\uFEFF第１８７号\r\nＡ类\r二\u3000三\u00A0四\t五')).toBe('第187号\nA类\n二 三 四 五');
  });
});

describe('stripMarkdown', () => {
  it.each([
    ['## 关于第187号建议的答复', '关于第187号建议的答复', true],
    ['## **二、关于商业服务设施稀缺的问题**', '二、关于商业服务设施稀缺的问题', true],
    ['**一、加强领导**', '一、加强领导', true],
    ['> 尊敬的王华代表：', '尊敬的王华代表：', false],
    ['- 第一项内容', '第一项内容', false],
    ['1\\. 补充教师数量。', '1. 补充教师数量。', false],
    ['[首页](http://a.b/) > [建议提案](http://a.b/c)', '首页 > 建议提案', false],
    ['![印章](seal.png)高平市民政局', '高平市民政局', false],
    ['| 文号 | 高民函〔2024〕5号 |', '文号 高民函〔2024〕5号', false],
    ['这是*强调*的文字', '这是强调的文字', false],
  ])('%s', (line, text, heading) => {
    expect(stripMarkdown(line)).toMatchObject({ text, heading });
  });

  it('drops rules and table borders', () => {
    for (const line of ['---', '***', '___', '|---|---|', '| :-- | --: |', '   ']) expect(stripMarkdown(line)).toBeNull();
  });

  it('keeps the bold lead of a paragraph', () => {
    expect(stripMarkdown('**一、加强组织领导。**我局成立了专班。')).toEqual({
      text: '一、加强组织领导。我局成立了专班。',
      heading: false,
      boldLead: '一、加强组织领导。',
    });
  });
});

describe('web-page furniture', () => {
  it.each([
    '首页 > 政务公开 > 建议提案办理',
    '首页＞政务公开＞建议提案办理',
    '当前位置：首页 > 互动交流',
    '您现在的位置：首页',
    '发布时间：2024-09-10 10:30　来源：高平市人民政府　浏览次数：1024',
    '来源：市住建局',
    '【字号：大 中 小】【打印】【关闭】',
    '打印本页 | 关闭窗口',
    '【打印】 【关闭】',
    '分享到：',
    '上一篇：关于第91号建议的答复',
    '附件：答复意见征询表.docx',
    '附件下载：',
    '第187号建议答复.pdf',
    '索引号：11140581MB0123456X/2024-00321',
    '首页 | 政务公开 | 办事服务 | 互动交流',
    '— 2 —',
    '-3-',
    '第 2 页 共 5 页',
  ])('%s', (line) => expect(isFurniture(line)).toBe(true));

  it.each([
    '一、关于教育资源优势不明显的问题',
    '联系电话：5241566',
    '尊敬的郜义鹏、李科代表：',
    '高平市工业和信息化局',
    '2024年8月22日',
    '我局将PM2.5>75的天数控制在10天以内，确保空气质量持续改善。',
  ])('keeps %s', (line) => expect(isFurniture(line)).toBe(false));

  it('ends the document at a site footer in the lower part of the page, with the footer lines just above it', () => {
    const page = [
      '关于第1号建议的答复', '王华代表：', '您的建议收悉。', '一、甲。', '二、乙。', '某某局', '2024年1月2日',
      '联系电话：0356-1111111', '主办单位：某某市人民政府办公室', '网站标识码：1405810001', '联系电话：0356-9999999',
    ].join('\n');
    const { lines } = documentLines(page);
    expect(lines.map((l) => l.text)).toContain('联系电话：0356-1111111');
    expect(lines.map((l) => l.text).join()).not.toMatch(/主办单位|网站标识码|9999999/);
  });

  it('keeps a 主办单位 line that is not part of a site footer', () => {
    const { lines } = documentLines('主办单位：市住建局\n协办单位：市城管局\n关于第1号建议的答复');
    expect(lines).toHaveLength(3);
  });
});

describe('page-break joins', () => {
  it('joins a sentence cut by a page break, across blank lines', () => {
    expect(texts('目前开发区附近有一所学校处于在建状态，为高平市第十中\n\n学校项目。该项目位于米山镇。')).toEqual([
      '目前开发区附近有一所学校处于在建状态，为高平市第十中学校项目。该项目位于米山镇。',
    ]);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    expect(texts('我局高度重视，立即组织相关科室深入\n现场调研，形成了办理方案。')).toEqual([
      '我局高度重视，立即组织相关科室深入现场调研，形成了办理方案。',
    ]);
  });

  it('puts a space between Latin words or digits that a break separated', () => {
    expect(texts('项目总投资约为人民币一亿元，其中PM\n\n2.5监测设备采购费用占比较小。')).toEqual([
      '项目总投资约为人民币一亿元，其中PM 2.5监测设备采购费用占比较小。',
    ]);
  });

  it.each([
    ['a heading line', '一、关于教育资源优势不明显的问题\n目前开发区附近有一所学校。'],
    ['a Markdown heading', '### 关于教育资源优势不明显的问题说明\n目前开发区附近有一所学校。'],
    ['the title and the salutation', '关于市人大七届六次会议第187号建议的答复\n尊敬的郜义鹏代表：'],
    ['the title and the intro', '关于市人大七届六次会议第187号建议的答复\n您提出的建议收悉。'],
    ['the organ and the date', '高平市工业和信息化局\n2024年8月22日'],
    ['a contact line and the next', '联系人：张三\n联系电话：5241566'],
    ['a paragraph and a new numbered item', '为园区企业职工打造幸福家园，让园区企业职工\n二、关于户籍管理的问题'],
    ['a paragraph and the closing', '持续加大绿化美化力度，积极打造小微景观\n以上答复你们是否满意'],
    ['a short line without commas', '领导签字\n高平市工业和信息化局'],
  ])('does not join %s', (_, text) => {
    expect(texts(text)).toHaveLength(2);
  });

  it('joins a long numbered line cut by a page break', () => {
    const first = '一、关于教育资源问题，目前开发区附近有一所学校处于在建状态，建成后能满足周边1800多名学生的入学需求，当前进度为基础';
    expect(texts(`${first}\n\n回填土完成。`)).toEqual([`${first}回填土完成。`]);
  });
});

describe('closeCjkSpaces', () => {
  it.each([
    ['第187号建议的 答复', '第187号建议的答复'],
    ['第 38 号建议', '第38号建议'],
    ['张　三', '张三'],
    ['PM 2.5 and NO2', 'PM 2.5 and NO2'],
    ['2024年 8月', '2024年8月'],
  ])('%s → %s', (s, out) => expect(closeCjkSpaces(prepareText(s))).toBe(out));
});
