import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seed187 } from './fixtures/seed-187.js';
import {
  LAYOUT,
  ReplyRenderError,
  addressedTo,
  chineseOrdinal,
  formatChineseDate,
  renderReplyCopies,
  renderReplyDocx,
  safeFileName,
  type ReplyDocument,
} from './reply-docx.js';

async function unzip(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  return { zip, read, document: await read('word/document.xml'), styles: await read('word/styles.xml') };
}

/** The text of each paragraph of document.xml, in order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) =>
    [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? '\t').join(''),
  );
}

const TWIPS_PER_MM = 1440 / 25.4;
const mmToTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

describe('renderReplyDocx — the seed reply 高工信发〔2024〕37号', async () => {
  const data = await renderReplyDocx(seed187);
  const { zip, read, document, styles } = await unzip(data);

  it('is a .docx', () => {
    expect(data.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.file('word/document.xml')).not.toBeNull();
  });

  it('sets A4 and the 37/35/28/26 mm margins in twips', () => {
    expect(document).toContain(`<w:pgSz w:w="${mmToTwips(210)}" w:h="${mmToTwips(297)}"`);
    expect(mmToTwips(210)).toBe(11906);
    expect(mmToTwips(297)).toBe(16838);
    const pgMar = /<w:pgMar [^>]*\/>/.exec(document)![0];
    expect(pgMar).toContain(`w:top="${mmToTwips(37)}"`);
    expect(pgMar).toContain(`w:bottom="${mmToTwips(35)}"`);
    expect(pgMar).toContain(`w:left="${mmToTwips(28)}"`);
    expect(pgMar).toContain(`w:right="${mmToTwips(26)}"`);
    expect(pgMar).toContain('w:top="2098"');
    expect(pgMar).toContain('w:bottom="1984"');
    expect(pgMar).toContain('w:left="1587"');
    expect(pgMar).toContain('w:right="1474"');
  });

  it('lays a 22 × 28 document grid on the 156 × 225 mm text block', () => {
    const grid = /<w:docGrid [^>]*\/>/.exec(document)![0];
    expect(grid).toContain('w:type="linesAndChars"');
    const linePitch = Number(/w:linePitch="(\d+)"/.exec(grid)![1]);
    const charSpace = Number(/w:charSpace="(-?\d+)"/.exec(grid)![1]);
    const textHeight = 16838 - 2098 - 1984;
    const textWidth = 11906 - 1587 - 1474;
    expect(Math.round(textWidth / TWIPS_PER_MM)).toBe(156);
    expect(Math.round(textHeight / TWIPS_PER_MM)).toBe(225);
    expect(linePitch).toBe(579);
    expect(Math.floor(textHeight / linePitch)).toBe(22);
    expect(charSpace).toBe(-842);
    expect(Math.floor(textWidth / 20 / (16 + charSpace / 4096))).toBe(28);
    expect(LAYOUT).toMatchObject({ linePitch: 579, charSpace: -842, lines: 22, chars: 28 });
  });

  it('names the official fonts on ascii, hAnsi and eastAsia', () => {
    const all = document + styles;
    for (const font of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312']) {
      expect(all).toContain(`w:ascii="${font}"`);
      expect(all).toContain(`w:eastAsia="${font}"`);
      expect(all).toContain(`w:hAnsi="${font}"`);
    }
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
    expect(document).toContain('w:eastAsia="黑体"');
    // Body 三号, title 二号.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts[^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    expect(document).toMatch(/方正小标宋简体"\/><w:sz w:val="44"\/>[\s\S]*?<w:t[^>]*>关于市人大七届六次会议第187号建议的答复</);
  });

  it('prints the mark in red, the number and the red separator line', () => {
    expect(document).toMatch(/<w:color w:val="FF0000"\/>[\s\S]*?<w:t[^>]*>高平市工业和信息化局文件</);
    expect(document).toContain('>高工信发〔2024〕37号<');
    expect(document).toMatch(/<w:bottom w:val="single" w:color="FF0000"[^>]*\/>/);
  });

  it('keeps the text in reading order, one paragraph per line of content', () => {
    const texts = paragraphs(document).filter((t) => t.trim());
    const order = [
      '高平市工业和信息化局文件',
      '高工信发〔2024〕37号',
      '关于市人大七届六次会议第187号建议的答复',
      '尊敬的郜义鹏、李科、杜小林、韩志峰、万建勤代表：',
      '关于你们提出的“关于提升开发区公共配套服务，优化营商环境的建议”已收悉。经过我们认真研究后，现答复如下：',
      '一、关于教育资源优势不明显的问题',
      '二、关于商业服务设施稀缺的问题',
      '三、关于入驻企业人员户籍管理不畅的问题',
      '四、关于园区环境卫生、城市管理有差距的问题',
      '五、关于水、电、暖、气、公共交通等基础设施需要理顺提升的问题',
      '六、高平开发区坚持“五个持续推动”，实现“区内事、区内办”常态化',
      '以上答复你们是否满意，如有意见，敬请反馈。',
      '感谢你们对开发区建设的关心和支持，并欢迎今后提出更加宝贵的意见。',
      '高平市工业和信息化局',
      '2024年8月22日',
      '（联系电话：5241566）',
      '抄送：市人大常委会人事代表工作委员会，市政府办公室。',
      '高平市工业和信息化局办公室\t2024年8月22日印发',
    ];
    const positions = order.map((line) => texts.indexOf(line));
    expect(positions.every((p) => p >= 0), JSON.stringify(order.filter((_, i) => positions[i] < 0))).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(texts[0]).toBe('高平市工业和信息化局文件');
    expect(texts[texts.length - 1]).toBe('高平市工业和信息化局办公室\t2024年8月22日印发');
    // 2 intro paragraphs, 6 headings, 8 point paragraphs.
    expect(texts).toHaveLength(3 + 1 + 2 + 6 + 8 + 2 + 3 + 2);
  });

  it('has page numbers — 1 — in even and odd footers, 四号 宋体, outside edge', async () => {
    const settings = await read('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    const alignments: string[] = [];
    for (const f of footers) {
      const xml = await read(f);
      expect(xml).toContain('>— </w:t>');
      expect(xml).toContain('> —</w:t>');
      expect(xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
      alignments.push(/<w:jc w:val="(\w+)"\/>/.exec(xml)![1]);
    }
    expect(alignments.sort()).toEqual(['left', 'right']);
  });

  it('puts the 版记 in a table floated to the bottom of the text block, rules thick-thin-thick', () => {
    const tbl = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)![0];
    expect(tbl).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(tbl).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(tbl).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(tbl).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(tbl).toContain('<w:sz w:val="28"/>');
  });

  it('right-aligns the signature and sets the date 4 characters in from the right', () => {
    const dateP = /<w:p>(?:(?!<w:p>)[\s\S])*?>2024年8月22日<\/w:t>[\s\S]*?<\/w:p>/.exec(document)![0];
    expect(dateP).toContain('<w:jc w:val="right"/>');
    expect(dateP).toContain('w:right="1280"');
  });
});

describe('renderReplyDocx — options and edge cases', () => {
  const base: ReplyDocument = { ...seed187 };

  it('prints the class mark top-left, before the organ mark', async () => {
    const { document } = await unzip(await renderReplyDocx({ ...base, classMark: 'A' }));
    const texts = paragraphs(document).filter((t) => t.trim());
    expect(texts[0]).toBe('「A」');
    expect(texts[1]).toBe('高平市工业和信息化局文件');
  });

  it('sets the heading part of （一） lines in 楷体_GB2312', async () => {
    const doc = {
      ...base,
      points: [{ ordinal: 1, heading: '关于教育', text: '（一）加快建设学校。目前进度良好。\n（二）完善配套\n正文。' }],
    };
    const { document } = await unzip(await renderReplyDocx(doc));
    expect(document).toMatch(/w:eastAsia="楷体_GB2312"[^>]*\/>[\s\S]*?<w:t[^>]*>（一）加快建设学校。<\/w:t>/);
    expect(document).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/>[\s\S]*?<w:t[^>]*>目前进度良好。<\/w:t>/);
    expect(document).toMatch(/w:eastAsia="楷体_GB2312"[^>]*\/>[\s\S]*?<w:t[^>]*>（二）完善配套<\/w:t>/);
    expect(paragraphs(document)).toContain('一、关于教育');
  });

  it('writes the number in the standard form whatever form it was given in', async () => {
    const { document } = await unzip(await renderReplyDocx({ ...base, docNumber: '高工信发[2024]第037号' }));
    expect(document).toContain('>高工信发〔2024〕37号<');
  });

  it('leaves out the number, 附注 and 抄送 when there are none', async () => {
    const doc = { ...base, docNumber: null, contactPhone: null, contactPerson: null, cc: [] };
    const texts = paragraphs((await unzip(await renderReplyDocx(doc))).document).filter((t) => t.trim());
    expect(texts.some((t) => t.includes('〔2024〕'))).toBe(false);
    expect(texts.some((t) => t.includes('联系'))).toBe(false);
    expect(texts.some((t) => t.startsWith('抄送'))).toBe(false);
    expect(texts[texts.length - 1]).toBe('高平市工业和信息化局办公室\t2024年8月22日印发');
  });

  it('writes contact person and phone in one parenthesised note', async () => {
    const doc = { ...base, contactPerson: '张三', contactPhone: '0356-5241566' };
    expect(paragraphs((await unzip(await renderReplyDocx(doc))).document)).toContain(
      '（联系人：张三，联系电话：0356-5241566）',
    );
  });

  it('uses 委员 for CPPCC members and the default closing when none is given', async () => {
    const doc = { ...base, addresseeSuffix: '委员', closing: '', extraClosing: null };
    const texts = paragraphs((await unzip(await renderReplyDocx(doc))).document);
    expect(texts).toContain('尊敬的郜义鹏、李科、杜小林、韩志峰、万建勤委员：');
    expect(texts).toContain('以上答复你们是否满意，如有意见，敬请反馈。');
    expect(texts.some((t) => t.startsWith('感谢'))).toBe(false);
  });

  it.each([
    [{ addressees: [] }, '答复至少需要一位主送代表'],
    [{ addressees: ['  '] }, '答复至少需要一位主送代表'],
    [{ title: ' ' }, '答复缺少标题'],
    [{ date: '2024-8-22' }, '成文日期格式不正确'],
    [{ date: '2024-02-30' }, '成文日期格式不正确'],
    [{ printedOn: '2024年8月22日' }, '印发日期格式不正确'],
    [{ points: [{ ordinal: 0, heading: 'x', text: 'y' }] }, '答复要点序号应为1至99的整数'],
  ])('refuses %j with a Chinese message', async (change, message) => {
    const doc = { ...base, ...change } as ReplyDocument;
    await expect(renderReplyDocx(doc)).rejects.toThrow(ReplyRenderError);
    await expect(renderReplyDocx(doc)).rejects.toThrow(message);
  });
});

describe('renderReplyCopies', () => {
  it('gives one file per deputy, each naming only that deputy', async () => {
    const copies = await renderReplyCopies(seed187, 'per_deputy');
    expect(copies).toHaveLength(5);
    expect(copies.map((c) => c.fileName)).toEqual([
      '高工信发〔2024〕37号-郜义鹏.docx',
      '高工信发〔2024〕37号-李科.docx',
      '高工信发〔2024〕37号-杜小林.docx',
      '高工信发〔2024〕37号-韩志峰.docx',
      '高工信发〔2024〕37号-万建勤.docx',
    ]);
    for (const copy of copies) {
      const [name] = copy.addressees;
      expect(copy.addressees).toHaveLength(1);
      const texts = paragraphs((await unzip(copy.data)).document);
      expect(texts).toContain(`尊敬的${name}代表：`);
      for (const other of seed187.addressees.filter((n) => n !== name)) {
        expect(texts.join('\n')).not.toContain(other);
      }
      // One deputy is addressed in the singular, throughout: intro, points, closing.
      const all = texts.join('\n');
      expect(all).not.toMatch(/你/);
      expect(all).toContain('关于您提出的“关于提升开发区公共配套服务，优化营商环境的建议”已收悉。');
      expect(all).toContain('感谢您对开发区建设的关心和支持');
      expect(texts).toContain('以上答复您是否满意，如有意见，敬请反馈。');
    }
  });

  it('gives one joint file naming everyone', async () => {
    const copies = await renderReplyCopies(seed187, 'joint');
    expect(copies).toHaveLength(1);
    expect(copies[0].fileName).toBe('高工信发〔2024〕37号.docx');
    expect(copies[0].addressees).toEqual(seed187.addressees);
    const texts = paragraphs((await unzip(copies[0].data)).document);
    expect(texts).toContain('尊敬的郜义鹏、李科、杜小林、韩志峰、万建勤代表：');
    // Several deputies: the plural stays.
    expect(texts).toContain('以上答复你们是否满意，如有意见，敬请反馈。');
    expect(texts.join('\n')).toContain('关于你们提出的');
    expect(texts.join('\n')).not.toContain('您');
  });

  it('addressedTo: 你们 and 你 become 您 for one addressee only', () => {
    expect(addressedTo('以上答复你们是否满意，感谢你的支持。', 1)).toBe('以上答复您是否满意，感谢您的支持。');
    expect(addressedTo('以上答复你们是否满意。', 2)).toBe('以上答复你们是否满意。');
  });

  it('keeps file names apart for deputies with the same name, and names by title without a number', async () => {
    const doc = { ...seed187, docNumber: null, addressees: ['王伟', '王伟', '李/娜'] };
    const names = (await renderReplyCopies(doc, 'per_deputy')).map((c) => c.fileName);
    expect(names).toEqual([
      '关于市人大七届六次会议第187号建议的答复-王伟.docx',
      '关于市人大七届六次会议第187号建议的答复-王伟(2).docx',
      '关于市人大七届六次会议第187号建议的答复-李_娜.docx',
    ]);
  });
});

describe('helpers', () => {
  it('writes Chinese ordinals', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 35, 99].map(chineseOrdinal)).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '三十五', '九十九',
    ]);
    expect(() => chineseOrdinal(100)).toThrow(ReplyRenderError);
  });

  it('writes dates with Arabic numerals and no padding', () => {
    expect(formatChineseDate('2024-08-22')).toBe('2024年8月22日');
    expect(formatChineseDate('2024-01-05')).toBe('2024年1月5日');
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日');
    expect(formatChineseDate('2024-02-29')).toBe('2024年2月29日');
    expect(() => formatChineseDate('2023-02-29')).toThrow('日期格式不正确');
    expect(() => formatChineseDate('2024-13-01')).toThrow('日期格式不正确');
  });

  it('makes download-safe file names', () => {
    expect(safeFileName('高工信发〔2024〕37号-郜义鹏')).toBe('高工信发〔2024〕37号-郜义鹏.docx');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0001')).toBe('a_b_c_d_e_f_g_h_i_j_.docx');
    expect(safeFileName('  ..名字.. ')).toBe('名字.docx');
    expect(safeFileName('CON')).toBe('答复_CON.docx');
    expect(safeFileName('')).toBe('答复_.docx');
    expect([...safeFileName('长'.repeat(200))].length).toBe(80 + 5);
  });
});
