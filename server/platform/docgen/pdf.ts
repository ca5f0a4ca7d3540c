/**
 * .docx → PDF with LibreOffice headless, when it is installed (Debian: libreoffice-writer-nogui).
 *
 * Each conversion runs in a fresh temporary directory with its own LibreOffice profile, so conversions in
 * parallel (several requests, several app instances on one host) never share a profile lock. The official font
 * names in the .docx are mapped to free fonts by fonts/fonts.conf (FONTCONFIG_FILE).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';

/**
 * A conversion that did not give a PDF. `message` is Chinese and fit for a user; `detail` (LibreOffice's exit code
 * and the end of its output) is for the server log only, never for a response.
 */
export class PdfConversionError extends Error {
  constructor(
    message: string,
    readonly code: 'unavailable' | 'timeout' | 'failed',
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PdfConversionError';
  }
}

export const PDF_UNAVAILABLE_MESSAGE = '未安装 LibreOffice，无法生成 PDF，请下载 .docx';
export const PDF_FAILED_MESSAGE = 'PDF 生成失败，请下载 .docx';
export const PDF_TIMEOUT_MS = 60_000;

/** The fontconfig file that maps 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体 to installed fonts. */
export const FONTS_CONF = fileURLToPath(new URL('./fonts/fonts.conf', import.meta.url));

let located: Promise<string | null> | undefined;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice binary: $QUNEI_SOFFICE, else soffice or libreoffice on the PATH. */
async function locate(): Promise<string | null> {
  const explicit = process.env.QUNEI_SOFFICE;
  if (explicit) return (await isExecutable(explicit)) ? explicit : null;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function sofficePath(): Promise<string | null> {
  located ??= locate();
  return located;
}

export async function libreOfficeAvailable(): Promise<boolean> {
  return (await sofficePath()) !== null;
}

const GRID_RE = /<w:docGrid\b[^>]*\/>/g;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

/** Paragraph properties that may follow w:overflowPunct in a w:pPr (ECMA-376 order). */
const AFTER_OVERFLOW_PUNCT = /<w:(topLinePunct|autoSpaceDE|autoSpaceDN|bidi|adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;
/** Run properties that may follow w:spacing in a w:rPr. */
const AFTER_SPACING = /<w:(w|kern|position|sz|szCs|highlight|u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)\b/;

/** Inserts `element` into the first `<w:${group}Default><w:${group}>…` of styles.xml, before the first of `after`. */
function addDefault(styles: string, group: 'pPr' | 'rPr', element: string, after: RegExp): string {
  const defaults = new RegExp(`<w:${group}Default>\\s*<w:${group}>([\\s\\S]*?)</w:${group}>`).exec(styles);
  if (defaults) {
    const at = defaults.index + defaults[0].indexOf(`<w:${group}>`) + `<w:${group}>`.length;
    const before = after.exec(defaults[1]);
    const offset = at + (before ? before.index : defaults[1].length);
    return styles.slice(0, offset) + element + styles.slice(offset);
  }
  const empty = new RegExp(`<w:${group}Default\\s*/>|<w:${group}Default>\\s*</w:${group}Default>`);
  if (empty.test(styles)) return styles.replace(empty, `<w:${group}Default><w:${group}>${element}</w:${group}></w:${group}Default>`);
  if (/<w:docDefaults\s*\/>/.test(styles)) styles = styles.replace(/<w:docDefaults\s*\/>/, '<w:docDefaults></w:docDefaults>');
  // rPrDefault comes first in docDefaults, pPrDefault after it.
  return group === 'rPr'
    ? styles.replace(/<w:docDefaults>/, `<w:docDefaults><w:rPrDefault><w:rPr>${element}</w:rPr></w:rPrDefault>`)
    : styles.replace(/<\/w:docDefaults>/, `<w:pPrDefault><w:pPr>${element}</w:pPr></w:pPrDefault></w:docDefaults>`);
}

/**
 * The copy of a .docx handed to LibreOffice, changed where LibreOffice (7.4, Debian 12) lays it out otherwise than
 * Word. The .docx given to users is not changed.
 *
 * - Grid. LibreOffice gives a character two grid cells when the grid pitch is below the font size, so the standard
 *   grid of 28 三号 characters in 156 mm (charSpace < 0, pitch 15.8 pt for 16 pt type) comes out as 14 characters a
 *   line. Word instead narrows every character by the difference. For LibreOffice the same layout is had with a
 *   line grid and that difference as character spacing on the document defaults.
 * - Punctuation at the end of a line. A .docx that says nothing allows a closing mark (，、。；) that does not fit
 *   to hang into the right margin (w:overflowPunct defaults to on). LibreOffice hangs it too, but in a justified
 *   paragraph it never paints the hanging mark: the comma after 「凝聚执行联动工作合力」 was missing from the PDF.
 *   So LibreOffice is told not to hang punctuation, and its line-breaking rules (避头尾) carry the last character
 *   down with the mark instead; every line stays inside the 28-character text block. LibreOffice 7.4 reads the
 *   value of w:overflowPunct inverted (w:val="1" turns hanging off, "0" leaves it on, as tried on each); the PDF
 *   test that finds every punctuation mark of the source in the PDF's text guards this against other versions.
 */
export async function adaptForLibreOffice(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const documentFile = zip.file('word/document.xml');
  if (!documentFile) return docx;
  const xml = await documentFile.async('string');
  let narrowest = 0;
  const adapted = xml.replace(GRID_RE, (tag) => {
    const type = attr(tag, 'type');
    const charSpace = Number(attr(tag, 'charSpace') ?? '0');
    if ((type !== 'linesAndChars' && type !== 'snapToChars') || !(charSpace < 0)) return tag;
    narrowest = Math.min(narrowest, charSpace / 4096);
    const linePitch = attr(tag, 'linePitch');
    return `<w:docGrid w:type="lines"${linePitch ? ` w:linePitch="${linePitch}"` : ''}/>`;
  });
  if (narrowest !== 0) zip.file('word/document.xml', adapted);
  const stylesFile = zip.file('word/styles.xml');
  if (stylesFile) {
    const original = await stylesFile.async('string');
    let styles = original;
    if (narrowest !== 0) {
      // Character spacing is in twentieths of a point; round away from zero so 28 characters still fit.
      const defaults = /<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(styles);
      if (!defaults || !/<w:spacing\b/.test(defaults[1])) {
        styles = addDefault(styles, 'rPr', `<w:spacing w:val="${Math.floor(narrowest * 20)}"/>`, AFTER_SPACING);
      }
    }
    const paragraphDefaults = /<w:pPrDefault>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(styles);
    if (!paragraphDefaults || !/<w:overflowPunct\b/.test(paragraphDefaults[1])) {
      styles = addDefault(styles, 'pPr', '<w:overflowPunct w:val="1"/>', AFTER_OVERFLOW_PUNCT);
    }
    if (styles !== original) zip.file('word/styles.xml', styles);
    else if (narrowest === 0) return docx;
  } else if (narrowest === 0) {
    return docx;
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout ends soffice.bin as well as the launcher script.
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      if (output.length < 8000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/**
 * Converts a .docx to PDF. Throws PdfConversionError with a Chinese message: `unavailable` when LibreOffice is
 * not installed, `timeout` after 60 s, `failed` when LibreOffice produced no PDF (its output in `detail`).
 */
export async function docxToPdf(docx: Buffer, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = await sofficePath();
  if (!soffice) throw new PdfConversionError(PDF_UNAVAILABLE_MESSAGE, 'unavailable');
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS;
  const dir = await mkdtemp(join(tmpdir(), 'qunei-pdf-'));
  try {
    const input = join(dir, 'reply.docx');
    const outDir = join(dir, 'out');
    await writeFile(input, await adaptForLibreOffice(docx));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--invisible',
      '--nodefault',
      '--nolockcheck',
      '--nologo',
      '--norestore',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      outDir,
      input,
    ];
    const env = { ...process.env, FONTCONFIG_FILE: FONTS_CONF, HOME: dir, SAL_USE_VCLPLUGIN: 'svp' };
    let result: RunResult;
    try {
      result = await run(soffice, args, env, timeoutMs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        located = undefined;
        throw new PdfConversionError(PDF_UNAVAILABLE_MESSAGE, 'unavailable');
      }
      throw new PdfConversionError(PDF_FAILED_MESSAGE, 'failed', (err as Error).message);
    }
    if (result.timedOut) {
      throw new PdfConversionError(`PDF 生成超时（${Math.round(timeoutMs / 1000)} 秒），请稍后重试或下载 .docx`, 'timeout');
    }
    try {
      const pdf = await readFile(join(outDir, 'reply.pdf'));
      if (pdf.subarray(0, 5).toString('latin1') === '%PDF-') return pdf;
    } catch {
      // reported below
    }
    const output = result.output.trim().split('\n').slice(-5).join(' ').slice(0, 1000);
    throw new PdfConversionError(PDF_FAILED_MESSAGE, 'failed', `LibreOffice exit code ${result.code}, no PDF${output ? `: ${output}` : ''}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
