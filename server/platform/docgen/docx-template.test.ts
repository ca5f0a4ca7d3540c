import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderReplyDocx, renderReplyDocxReference } from './reply-docx.js';
import { escapeXml, xmlOf } from './docx-template.js';
import { seed187 } from './fixtures/seed-187.js';
import { replyVariants } from '../../../bench/documents-data.js';

/** Every part of a package as text, with the creation and modification instants blanked. */
async function parts(data: Buffer): Promise<Array<[string, string]>> {
  const zip = await JSZip.loadAsync(data);
  const out: Array<[string, string]> = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push([f.name, (await f.async('string')).replace(/(W3CDTF">)[^<]*</g, '$1<')]);
  return out;
}

describe('packing replies from the cached template', () => {
  it('writes the same package as docx packing everything, part for part, over the seed and generated variants', async () => {
    const variants = replyVariants(41, 7);
    for (const [i, v] of variants.entries()) {
      const fast = await parts(await renderReplyDocx(v.doc));
      const reference = await parts(await renderReplyDocxReference(v.doc));
      expect(fast, `variant ${i}`).toEqual(reference);
    }
  });

  it('fills title and author per file, escaped', async () => {
    const doc = { ...replyVariants(2, 3)[1].doc, title: '关于“A&B<C>”的答复', issuingOrgan: '某局 & 某委' };
    const core = (await parts(await renderReplyDocx(doc))).find(([n]) => n === 'docProps/core.xml')![1];
    expect(core).toContain('<dc:title>关于“A&amp;B&lt;C&gt;”的答复</dc:title>');
    expect(core).toContain('<dc:creator>某局 &amp; 某委</dc:creator>');
    expect(core).not.toMatch(/[\uE000\uE001]/);
  });

  it('drops the characters XML 1.0 cannot hold (U+FFFF, U+FFFE, lone surrogates, C0 controls), so every part stays well-formed', async () => {
    const bad = '\uFFFF\uFFFE\uDFFF\uD800\u0001\u000B';
    const doc = {
      ...seed187,
      title: `关于${bad}第187号建议的答复`,
      addressees: [`郜义鹏${bad}`, '李科'],
      points: seed187.points.map((p, i) => (i === 0 ? { ...p, heading: `${p.heading}${bad}`, text: `并\uFFFF列\uFFFE第一${bad}。😀${p.text}` } : p)),
    };
    const package_ = await parts(await renderReplyDocx(doc));
    for (const [name, xml] of package_) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      expect(XMLValidator.validate(xml), name).toBe(true);
      for (const c of ['\uFFFE', '\uFFFF', '\u0001', '\u000B']) expect(xml.includes(c), name).toBe(false);
    }
    const document = package_.find(([n]) => n === 'word/document.xml')![1];
    expect(document).toContain('尊敬的郜义鹏、李科代表：');
    expect(document).toContain('并列第一。😀'); // a surrogate pair is a character, and stays
    expect(document).toContain('关于第187号建议的答复');
    expect(escapeXml('a\uD83D\uDE00b\uD83Dc\tx\ny')).toBe('a😀bc\tx\ny');
  });

  it('serialises docx components by docx’s own rules', () => {
    expect(xmlOf({ 'w:b': {} })).toBe('<w:b/>');
    expect(xmlOf({ 'w:sz': { _attr: { 'w:val': 32 } } })).toBe('<w:sz w:val="32"/>');
    expect(xmlOf({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'a<b & "c"'] })).toBe('<w:t xml:space="preserve">a&lt;b &amp; &quot;c&quot;</w:t>');
    expect(xmlOf({ 'w:p': [] })).toBe('<w:p></w:p>');
    expect(xmlOf({ 'w:p': [{ 'w:r': [{ 'w:t': ['x'] }] }] })).toBe('<w:p><w:r><w:t>x</w:t></w:r></w:p>');
  });
});
