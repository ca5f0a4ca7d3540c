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

export class PdfConversionError extends Error {
  constructor(
    message: string,
    readonly code: 'unavailable' | 'timeout' | 'failed',
  ) {
    super(message);
    this.name = 'PdfConversionError';
  }
}

export const PDF_UNAVAILABLE_MESSAGE = '未安装 LibreOffice，无法生成 PDF，请下载 .docx';
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

/**
 * LibreOffice (7.x) gives a character two grid cells when the grid pitch is below the font size, so the
 * standard grid of 28 三号 characters in 156 mm (charSpace < 0, pitch 15.8 pt for 16 pt type) comes out as 14
 * characters a line. Word instead narrows every character by the difference. For LibreOffice the same layout is
 * had with a line grid and that difference as character spacing on the document defaults. The .docx given to
 * users keeps the real grid; only the copy handed to LibreOffice is changed.
 */
export async function adaptGridForLibreOffice(docx: Buffer): Promise<Buffer> {
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
  if (narrowest === 0) return docx;
  // Character spacing is in twentieths of a point; round away from zero so 28 characters still fit.
  const spacing = `<w:spacing w:val="${Math.floor(narrowest * 20)}"/>`;
  zip.file('word/document.xml', adapted);
  const stylesFile = zip.file('word/styles.xml');
  if (stylesFile) {
    let styles = await stylesFile.async('string');
    const defaults = /<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(styles);
    if (defaults && !/<w:spacing\b/.test(defaults[1])) {
      const at = defaults.index + defaults[0].indexOf('<w:rPr>') + '<w:rPr>'.length;
      const body = defaults[1];
      // Keep the schema order: spacing comes before w, kern, position, sz, …
      const before = /<w:(w|kern|position|sz|szCs|highlight|u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)\b/.exec(body);
      const offset = at + (before ? before.index : body.length);
      styles = styles.slice(0, offset) + spacing + styles.slice(offset);
    } else if (!defaults) {
      styles = styles.replace(/<w:docDefaults>/, `<w:docDefaults><w:rPrDefault><w:rPr>${spacing}</w:rPr></w:rPrDefault>`);
    }
    zip.file('word/styles.xml', styles);
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
 * not installed, `timeout` after 60 s, `failed` when LibreOffice produced no PDF.
 */
export async function docxToPdf(docx: Buffer, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = await sofficePath();
  if (!soffice) throw new PdfConversionError(PDF_UNAVAILABLE_MESSAGE, 'unavailable');
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS;
  const dir = await mkdtemp(join(tmpdir(), 'qunei-pdf-'));
  try {
    const input = join(dir, 'reply.docx');
    const outDir = join(dir, 'out');
    await writeFile(input, await adaptGridForLibreOffice(docx));
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
      throw new PdfConversionError(`PDF 生成失败：${(err as Error).message}`, 'failed');
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
    const detail = result.output.trim().split('\n').slice(-3).join(' ').slice(0, 300);
    throw new PdfConversionError(`PDF 生成失败（LibreOffice 退出码 ${result.code}）${detail ? `：${detail}` : ''}`, 'failed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
