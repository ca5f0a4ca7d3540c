import { Document, Footer, Header, Packer, Paragraph, Tab, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { assertSupportedDocument, decodeText, documentText, wordXmlText } from './document-text.js';

const SAMPLE = '关于市人大七届六次会议第187号建议的答复\n尊敬的郜义鹏代表：\n联系电话：5241566\n';

/** GB18030 bytes for a text of common characters (Node decodes GB18030 but has no encoder). */
function gbEncode(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function handMadeDocx(body: string, header = '高平市工业和信息化局（页眉）'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/header1.xml', `<?xml version="1.0"?><w:hdr ${W}><w:p><w:r><w:t>${header}</w:t></w:r></w:p></w:hdr>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('documentText: text files', () => {
  it('reads UTF-8', async () => {
    expect(await documentText(Buffer.from(SAMPLE, 'utf8'), '答复.txt')).toBe(SAMPLE);
  });

  it('reads UTF-8 with a BOM and drops the BOM', async () => {
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(await documentText(data, '答复.MD')).toBe(SAMPLE);
  });

  it('reads GB18030 (GBK) as saved by older Windows tools', async () => {
    const data = gbEncode(SAMPLE);
    expect(data.length).toBeLessThan(Buffer.byteLength(SAMPLE, 'utf8'));
    expect(await documentText(data, 'reply.txt')).toBe(SAMPLE);
  });

  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(le)).toBe(SAMPLE);
  });
});

describe('documentText: .docx', () => {
  it('turns paragraphs into lines, keeps tabs and breaks, and does not read page headers', async () => {
    const data = await handMadeDocx(
      [
        '<w:p><w:r><w:t>高平市工业和信息化局文件</w:t></w:r></w:p>',
        '<w:p><w:r><w:t xml:space="preserve">关于市人大七届六次会议第187号建议的</w:t></w:r><w:r><w:t>答复</w:t></w:r></w:p>',
        '<w:p/>',
        '<w:p><w:r><w:t>联系人：张三</w:t><w:tab/><w:t>联系电话：5241566</w:t></w:r></w:p>',
        '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行 &amp; &lt;续&gt; &#x4E00;</w:t></w:r></w:p>',
        '<w:p><w:r><w:delText>删除的文字</w:delText><w:instrText>PAGE</w:instrText><w:t>保留</w:t></w:r></w:p>',
      ].join(''),
    );
    const text = await documentText(data, '答复.docx');
    expect(text.split('\n')).toEqual([
      '高平市工业和信息化局文件',
      '关于市人大七届六次会议第187号建议的答复',
      '',
      '联系人：张三\t联系电话：5241566',
      '第一行',
      '第二行 & <续> 一',
      '保留',
    ]);
    expect(text).not.toContain('页眉');
  });

  it('joins the cells of a table row with tabs and reads a text box once', () => {
    const xml = [
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>建议题目</w:t></w:r></w:p></w:tc>',
      '<w:tc><w:p><w:r><w:t>关于加强社区养老服务的建议</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>B</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>',
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>B</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    ].join('');
    expect(wordXmlText(xml).split('\n').filter(Boolean)).toEqual(['建议题目\t关于加强社区养老服务的建议', 'B']);
  });

  it('reads a .docx written by the docx package, without its header and footer', async () => {
    const doc = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('页眉：高平市工业和信息化局')] }) },
          footers: { default: new Footer({ children: [new Paragraph('— 1 —')] }) },
          children: [
            new Paragraph('高工信发〔2024〕37号'),
            new Paragraph({ children: [new TextRun('联系人：张三'), new TextRun({ children: [new Tab(), '联系电话：5241566'] })] }),
            new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
          ],
        },
      ],
    });
    const text = await documentText(await Packer.toBuffer(doc), 'reply.docx');
    expect(text.split('\n').filter(Boolean)).toEqual(['高工信发〔2024〕37号', '联系人：张三\t联系电话：5241566', '第一行', '第二行']);
    expect(text).not.toContain('页眉');
    expect(text).not.toContain('— 1 —');
  });

  it('rejects a file that is not a Word document, in Chinese', async () => {
    await expect(documentText(Buffer.from('not a zip'), 'x.docx')).rejects.toThrow('无法读取 .docx 文件');
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(documentText(await zip.generateAsync({ type: 'nodebuffer' }), 'x.docx')).rejects.toThrow('缺少正文');
  });
});

describe('unsupported files', () => {
  it('names the extension and the accepted ones', async () => {
    await expect(documentText(Buffer.from(''), '答复.pdf')).rejects.toThrow('不支持的文件类型：.pdf，请上传 .txt、.md 或 .docx');
    expect(() => assertSupportedDocument('答复.doc')).toThrow('不支持的文件类型：.doc，请上传 .txt、.md 或 .docx');
    expect(() => assertSupportedDocument('README')).toThrow('不支持的文件类型：（无扩展名）');
  });
});
