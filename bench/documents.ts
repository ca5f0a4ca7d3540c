/**
 * Official documents: median time to render one reply to .docx and to parse one reply, over the seed and a few
 * hundred generated variants (bench/documents-data.ts), printed beside the targets (≤ 30 ms render, ≤ 5 ms
 * parse). The renderer's reference path (docx packing everything on every call) is measured on a sample too, to
 * show what packing from the cached template saves.
 */
import { pathToFileURL } from 'node:url';
import { renderReplyDocx, renderReplyDocxReference } from '../server/platform/docgen/reply-docx.js';
import { parseReply } from '../domain/text/reply-parser.js';
import { replyVariants, type Variant } from './documents-data.js';

const COUNT = Number(process.env.BENCH_REPLIES ?? 300);
const RENDER_TARGET_MS = 30;
const PARSE_TARGET_MS = 5;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9), max: s[s.length - 1], n: s.length };
}

async function time(items: Variant[], fn: (v: Variant) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const v of items) {
    const t = performance.now();
    await fn(v);
    out.push(performance.now() - t);
  }
  return out;
}

/** Pads to a width in columns, a Chinese character taking two. */
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));

const line = (label: string, s: ReturnType<typeof stats>, target?: number) =>
  `  ${pad(label, 24)}中位数 ${s.median.toFixed(2).padStart(6)} ms   p90 ${s.p90.toFixed(2).padStart(6)} ms   最大 ${s.max.toFixed(1).padStart(6)} ms   （${s.n} 份）` +
  (target === undefined ? '' : `   目标 ≤ ${target} ms：${s.median <= target ? '达到' : '未达到'}`);

export async function benchDocuments() {
  const variants = replyVariants(COUNT);
  console.log(`\n■ 公文：答复 .docx 生成与答复解析（种子答复 + ${variants.length - 1} 份变体）`);
  // Warm-up: the template is built and the code paths are compiled before anything is timed.
  for (const v of variants.slice(0, 20)) {
    await renderReplyDocx(v.doc);
    parseReply(v.text);
  }
  const render = stats(await time(variants, (v) => renderReplyDocx(v.doc)));
  const parse = stats(await time(variants, (v) => parseReply(v.text)));
  const sample = variants.filter((_, i) => i % 10 === 0);
  const reference = stats(await time(sample, (v) => renderReplyDocxReference(v.doc)));
  const fastSample = stats(await time(sample, (v) => renderReplyDocx(v.doc)));
  const seedRender = stats(await time(Array(30).fill(variants[0]), (v) => renderReplyDocx(v.doc)));
  const seedParse = stats(await time(Array(30).fill(variants[0]), (v) => parseReply(v.text)));
  console.log(line('生成 .docx（全部）', render, RENDER_TARGET_MS));
  console.log(line('生成 .docx（种子答复）', seedRender, RENDER_TARGET_MS));
  console.log(line('解析答复（全部）', parse, PARSE_TARGET_MS));
  console.log(line('解析答复（种子答复）', seedParse, PARSE_TARGET_MS));
  console.log(line('对照：docx 整包生成', reference));
  console.log(`  模板缓存打包比整包生成快 ${(reference.median / fastSample.median).toFixed(1)} 倍（同一样本 ${sample.length} 份的中位数之比）`);
  return { render, parse, reference };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDocuments().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
