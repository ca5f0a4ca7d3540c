import { createHash } from 'node:crypto';
import { docxToPdf, libreOfficeAvailable } from '../../platform/docgen/pdf.js';

export interface PdfConverter {
  available(): Promise<boolean>;
  convert(docx: Buffer): Promise<Buffer>;
}

export const libreOffice: PdfConverter = { available: libreOfficeAvailable, convert: (docx) => docxToPdf(docx) };

/**
 * PDFs through LibreOffice, which takes seconds and a good share of a core: at most two conversions at a time
 * per instance, and the last few results kept, keyed by the document's content, so a second download of an
 * unchanged reply is immediate.
 */
export class PdfMaker {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly cache = new Map<string, Buffer>();

  constructor(public converter: PdfConverter = libreOffice, private readonly parallel = 2, private readonly keep = 16) {}

  available(): Promise<boolean> {
    return this.converter.available();
  }

  /** `key` identifies the content (not the bytes of the .docx, which carry a timestamp). */
  async make(key: unknown, render: () => Promise<Buffer>): Promise<Buffer> {
    const id = createHash('sm3').update(JSON.stringify(key)).digest('hex');
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    await this.acquire();
    try {
      const pdf = await this.converter.convert(await render());
      this.cache.set(id, pdf);
      while (this.cache.size > this.keep) this.cache.delete(this.cache.keys().next().value!);
      return pdf;
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.parallel) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => { this.running++; resolve(); }));
  }

  private release() {
    this.running--;
    this.waiting.shift()?.();
  }
}
