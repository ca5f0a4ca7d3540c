import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkReplyDocx, type FormatIssue } from './format-check.js';
import { seed187 } from './fixtures/seed-187.js';
import { renderReplyCopies, renderReplyDocx } from './reply-docx.js';

const codes = (issues: FormatIssue[]) => [...new Set(issues.map((i) => i.code))].sort();

/** Our own .docx with one part of its XML changed. */
async function edited(path: string, change: (xml: string) => string, data?: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data ?? (await renderReplyDocx(seed187)));
  const xml = await zip.file(path)!.async('string');
  const next = change(xml);
  expect(next, `the edit of ${path} changed nothing`).not.toBe(xml);
  zip.file(path, next);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const editDocument = (change: (xml: string) => string) => edited('word/document.xml', change);

/** A plainly wrong reply: Letter page, Arial/宋体 12 pt, padded date, non-standard number, no closing, no 附注. */
async function wrongDocument(): Promise<Buffer> {
  const run = (text: string) => new TextRun({ text, font: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '宋体' }, size: 24 });
  const p = (text: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ children: [run(text)], ...(alignment ? { alignment } : {}) });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { width: 12240, height: 15840 } } },
        children: [
          p('高平市工业和信息化局文件', AlignmentType.CENTER),
          p('高工信发[2024]第037号', AlignmentType.CENTER),
          p('关于市人大七届六次会议第187号建议的答复'),
          p('尊敬的郜义鹏、李科、杜小林、韩志峰、万建勤代表：'),
          p('关于你们提出的“关于提升开发区公共配套服务，优化营商环境的建议”已收悉。现答复如下：'),
          p('一、关于教育资源优势不明显的问题'),
          p('目前开发区附近有一所学校处于在建状态，建成后能满足周边1800多名学生的入学需求。'),
          p('高平市工业和信息化局', AlignmentType.RIGHT),
          p('2024年08月22日', AlignmentType.RIGHT),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('checkReplyDocx — our own output', () => {
  it('finds nothing wrong with the seed reply', async () => {
    expect(await checkReplyDocx(await renderReplyDocx(seed187))).toEqual([]);
  });

  it('finds nothing wrong with each per-deputy copy', async () => {
    for (const copy of await renderReplyCopies(seed187, 'per_deputy')) {
      expect(await checkReplyDocx(copy.data), copy.fileName).toEqual([]);
    }
  });

  it('finds nothing wrong with a class mark, （一） headings, a contact person and no 抄送', async () => {
    const doc = {
      ...seed187,
      classMark: 'B',
      contactPerson: '张三',
      cc: [],
      points: [
        { ordinal: 1, heading: '关于教育资源', text: '（一）加快学校建设。目前主体已封顶。\n（二）优化招生服务\n下一步，我们将持续推进。' },
        ...seed187.points.slice(1),
      ],
    };
    expect(await checkReplyDocx(await renderReplyDocx(doc))).toEqual([]);
  });
});

describe('checkReplyDocx — a plainly wrong document', async () => {
  const issues = await checkReplyDocx(await wrongDocument());
  const byCode = (code: string) => issues.filter((i) => i.code === code);

  it('fails with the expected reasons', () => {
    expect(codes(issues)).toEqual(
      [
        'PAGE_SIZE',
        'MARGIN_TOP',
        'MARGIN_BOTTOM',
        'MARGIN_LEFT',
        'GRID_MISSING',
        'TITLE_FONT',
        'TITLE_SIZE',
        'TITLE_ALIGN',
        'BODY_FONT',
        'BODY_SIZE',
        'HEADING1_FONT',
        'DOC_NUMBER_FORM',
        'DATE_FORM',
        'CLOSING_MISSING',
        'NOTE_MISSING',
        'PAGE_NUMBER_MISSING',
      ].sort(),
    );
  });

  it('explains each reason in Chinese and says where', () => {
    expect(byCode('PAGE_SIZE')[0]).toEqual({
      code: 'PAGE_SIZE',
      message: '纸张应为A4纵向（210×297毫米），实际为215.9毫米×279.4毫米',
      where: '页面设置',
    });
    expect(byCode('MARGIN_TOP')[0].message).toBe('上边距应为37毫米（±1毫米），实际为25.4毫米');
    // 25.4 mm is within 1 mm of the 26 mm right margin.
    expect(byCode('MARGIN_RIGHT')).toEqual([]);
    expect(byCode('DOC_NUMBER_FORM')[0]).toMatchObject({
      message: expect.stringContaining('应写作「高工信发〔2024〕37号」'),
      where: '第2段「高工信发[2024]第0…」',
    });
    expect(byCode('DOC_NUMBER_FORM')[0].message).toContain('实际为「高工信发[2024]第037号」');
    expect(byCode('DATE_FORM')[0]).toMatchObject({
      message: expect.stringContaining('实际为「2024年08月22日」'),
      where: '第9段「2024年08月22日」',
    });
    expect(byCode('TITLE_FONT')[0]).toMatchObject({
      message: '标题应使用方正小标宋简体，实际为宋体、Arial',
      where: '第3段「关于市人大七届六次会议第…」',
    });
    expect(byCode('TITLE_SIZE')[0].message).toBe('标题应为二号（22磅），实际为12磅');
    expect(byCode('HEADING1_FONT')[0]).toMatchObject({
      message: '一级标题（一、）应使用黑体，实际为宋体',
      where: '第6段「一、关于教育资源优势不明…」',
    });
    const bodyFont = byCode('BODY_FONT').map((i) => i.where);
    expect(bodyFont).toContain('第4段「尊敬的郜义鹏、李科、杜小…」');
    expect(bodyFont).toContain('第7段「目前开发区附近有一所学校…」');
    expect(byCode('BODY_FONT').find((i) => i.where.startsWith('第7段'))!.message).toBe(
      '正文应使用仿宋_GB2312，实际为宋体、Arial',
    );
    expect(byCode('BODY_SIZE')[0].message).toBe('正文应为三号（16磅），实际为12磅');
    expect(byCode('GRID_MISSING')[0].message).toBe('未设置文档网格，应为每页22行、每行28字');
    expect(byCode('CLOSING_MISSING')[0].message).toContain('以上答复你们是否满意，如有意见，敬请反馈。');
    expect(byCode('NOTE_MISSING')[0].message).toContain('联系电话');
    expect(byCode('PAGE_NUMBER_MISSING')[0].where).toBe('页脚');
    for (const issue of issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.where).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('checkReplyDocx — one departure at a time', () => {
  it.each([
    ['a non-standard number', (x: string) => x.replace('高工信发〔2024〕37号', '高工信发（2024）37号'), 'DOC_NUMBER_FORM'],
    ['a zero-padded date', (x: string) => x.replace('>2024年8月22日<', '>2024年08月22日<'), 'DATE_FORM'],
    ['a date in Chinese numerals', (x: string) => x.replace('>2024年8月22日<', '>二〇二四年八月二十二日<'), 'DATE_FORM'],
    ['an ISO date', (x: string) => x.replace('>2024年8月22日<', '>2024-08-22<'), 'DATE_FORM'],
    ['no date', (x: string) => x.replace('>2024年8月22日<', '><'), 'DATE_MISSING'],
    ['a padded printing date', (x: string) => x.replace('>2024年8月22日印发<', '>2024年08月22日印发<'), 'PRINT_DATE_FORM'],
    ['no closing sentence', (x: string) => x.replace('以上答复你们是否满意，如有意见，敬请反馈。', '以上为答复。'), 'CLOSING_MISSING'],
    ['no 附注', (x: string) => x.replace('（联系电话：5241566）', ''), 'NOTE_MISSING'],
    ['a 附注 without brackets', (x: string) => x.replace('（联系电话：5241566）', '联系电话：5241566'), 'NOTE_FORM'],
    ['no title', (x: string) => x.replace('>关于市人大七届六次会议第187号建议的答复<', '><'), 'TITLE_MISSING'],
    ['a left-aligned title', (x: string) => x.replace(/(<w:pStyle w:val="ReplyTitle"\/>[\s\S]*?)<w:jc w:val="center"\/>/, '$1<w:jc w:val="left"/>'), 'TITLE_ALIGN'],
    ['a 宋体 heading', (x: string) => x.replace(/w:eastAsia="黑体"/g, 'w:eastAsia="宋体"'), 'HEADING1_FONT'],
    ['a 15 pt body paragraph', (x: string) => x.replace(/(<w:sz w:val=")32("\/><w:szCs w:val=")32("\/><\/w:rPr><w:t xml:space="preserve">目前开发区)/, '$130$230$3'), 'BODY_SIZE'],

    ['a grid of 20 lines', (x: string) => x.replace('w:linePitch="579"', 'w:linePitch="620"'), 'GRID_LINES'],
    ['a grid of 27 characters', (x: string) => x.replace('w:charSpace="-842"', 'w:charSpace="0"'), 'GRID_CHARS'],
    ['a line-only grid', (x: string) => x.replace('w:type="linesAndChars"', 'w:type="lines"'), 'GRID_CHARS'],
  ])('flags %s', async (_label, change, code) => {
    const issues = await checkReplyDocx(await editDocument(change));
    expect(codes(issues)).toEqual([code]);
  });

  it('flags a wrong margin, and the grid that no longer gives 22 lines', async () => {
    const issues = await checkReplyDocx(await editDocument((x) => x.replace('w:top="2098"', 'w:top="567"')));
    expect(codes(issues)).toEqual(['GRID_LINES', 'MARGIN_TOP']);
    expect(issues.find((i) => i.code === 'MARGIN_TOP')!.message).toBe('上边距应为37毫米（±1毫米），实际为10毫米');
    expect(issues.find((i) => i.code === 'GRID_LINES')!.message).toBe('文档网格应为每页22行，实际为每页24行');
  });

  it('flags a （一） heading not in 楷体_GB2312', async () => {
    const doc = { ...seed187, points: [{ ordinal: 1, heading: '关于教育', text: '（一）加快学校建设。目前主体已封顶。' }] };
    const data = await edited('word/document.xml', (x) => x.replace(/w:eastAsia="楷体_GB2312"/g, 'w:eastAsia="仿宋_GB2312"'), await renderReplyDocx(doc));
    const issues = await checkReplyDocx(data);
    expect(codes(issues)).toEqual(['HEADING2_FONT']);
    expect(issues[0].message).toBe('二级标题（（一））应使用楷体_GB2312，实际为仿宋_GB2312');
  });

  it('flags page numbers that are not — N —, not 四号 宋体, or not on the outside edge', async () => {
    const dashes = await edited('word/footer1.xml', (x) => x.replace('>— </w:t>', '>-</w:t>').replace('> —</w:t>', '>-</w:t>'));
    const form = await checkReplyDocx(dashes);
    expect(codes(form)).toEqual(['PAGE_NUMBER_FORM']);
    expect(form[0].message).toContain('实际为「-1-」');

    const size = await edited('word/footer2.xml', (x) => x.replace(/<w:sz w:val="28"\/>/g, '<w:sz w:val="21"/>'));
    expect(codes(await checkReplyDocx(size))).toEqual(['PAGE_NUMBER_FONT']);

    const same = await edited('word/settings.xml', (x) => x.replace('<w:evenAndOddHeaders/>', ''));
    const position = await checkReplyDocx(same);
    expect(codes(position)).toEqual(['PAGE_NUMBER_POSITION']);
    expect(position[0].message).toBe('未设置奇偶页不同的页脚，页码应单页居右、双页居左');
  });

  it('accepts other closing phrases when told to', async () => {
    const data = await editDocument((x) => x.replace('以上答复你们是否满意，如有意见，敬请反馈。', '特此答复。'));
    expect(codes(await checkReplyDocx(data))).toEqual(['CLOSING_MISSING']);
    expect(await checkReplyDocx(data, { closingPhrases: ['特此答复'] })).toEqual([]);
  });

  it('says so when the file is not a .docx', async () => {
    expect(await checkReplyDocx(Buffer.from('not a zip'))).toEqual([
      { code: 'NOT_DOCX', message: '文件不是有效的 .docx 文档', where: '文件' },
    ]);
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    const empty = await zip.generateAsync({ type: 'nodebuffer' });
    expect(codes(await checkReplyDocx(empty))).toEqual(['NOT_DOCX']);
  });
});
