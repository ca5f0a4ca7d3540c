import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { PNG_1X1 } from '../../testing/hostile-files.js';
import { checkFile, sanitizeFileName, sm3Hex, sniffKind, type FileRule } from './intake.js';

const RULE: FileRule = { kinds: ['png', 'pdf', 'docx'], maxBytes: 1000, label: '文件', kindsLabel: ' PNG、PDF 或 Word 文档' };

async function office(main: string) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(main, '<x/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('file intake', () => {
  it('takes the kind from the bytes, never from the name', async () => {
    expect(sniffKind(PNG_1X1, '报告.docx')).toBe('png');
    expect(sniffKind(Buffer.from('%PDF-1.7'), 'a.png')).toBe('pdf');
    expect(sniffKind(await office('word/document.xml'), 'a.xlsx')).toBe('docx');
    expect(sniffKind(await office('xl/workbook.xml'), 'a.docx')).toBe('xlsx');
    expect(sniffKind(await office('other.xml'), 'a.docx')).toBeNull();
    expect(sniffKind(Buffer.from('纯文本'), 'a.docx')).toBeNull();
    expect(sniffKind(Buffer.from('纯文本'), 'a.txt')).toBe('txt');
    expect(sniffKind(Buffer.from([0x41, 0, 0x42]), 'a.txt')).toBeNull();
  });

  it('sanitises names: no path parts, control or bidi characters, bounded length, the real extension', () => {
    expect(sanitizeFileName('../../etc/passwd.png', 'png')).toBe('passwd.png');
    expect(sanitizeFileName('C:\\Users\\王\\现场 照片.JPG', 'jpg')).toBe('现场 照片.jpg');
    expect(sanitizeFileName('evil\u202egpj.exe', 'png')).toBe('evilgpj.exe.png');
    expect(sanitizeFileName('a\u0000b\u0007c.docx', 'pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('', 'docx', '佐证材料')).toBe('佐证材料.docx');
    expect([...sanitizeFileName('长'.repeat(5000) + '.png', 'png')]).toHaveLength(80);
  });

  it('refuses empty (400), too large (413) and other kinds (415) in Chinese, and fingerprints with SM3', () => {
    const status = (data: Buffer, name = 'a.png') => {
      try {
        checkFile(data, name, RULE);
        return 0;
      } catch (e) {
        return (e as AppError).status;
      }
    };
    expect(status(Buffer.alloc(0))).toBe(400);
    expect(status(Buffer.concat([PNG_1X1, Buffer.alloc(1000)]))).toBe(413);
    expect(status(Buffer.from('GIF89a'), 'a.png')).toBe(415);
    const ok = checkFile(PNG_1X1, '../照片.docx', RULE);
    expect(ok).toMatchObject({ name: '照片.png', kind: 'png', mime: 'image/png', size: PNG_1X1.length });
    // SM3("abc") from GB/T 32905-2016, appendix A.
    expect(sm3Hex(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(ok.hash).toBe(sm3Hex(PNG_1X1));
  });
});
