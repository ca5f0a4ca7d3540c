/**
 * Replies for the documents benchmark: the seed and generated variants of it — one to twelve points or none,
 * short and long paragraphs, the numbering styles official writing uses, one deputy or several or 「X等N名代表」,
 * 政协 members, brackets of document numbers, dates in Arabic or Chinese numerals, contact lines written
 * several ways, class marks, and web-page furniture. Each variant exists both as the structured ReplyDocument the
 * renderer takes and as the text the parser reads. Deterministic (seeded).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplyDocument } from '../server/platform/docgen/reply-docx.js';
import { seed187 } from '../server/platform/docgen/fixtures/seed-187.js';

export const SEED_TEXT = readFileSync(fileURLToPath(new URL('../domain/text/fixtures/replies/seed-187.txt', import.meta.url)), 'utf8');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const NAMES = ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤', '赵丽萍', '孙建国', '王秀梅', '陈刚', '刘芳', '张建华', '牛晓东'];
const ORGANS = [
  { organ: '高平市工业和信息化局', prefix: '高工信发' },
  { organ: '高平市教育局', prefix: '高教发' },
  { organ: '高平市交通运输局', prefix: '高交发' },
  { organ: '高平市城市管理局', prefix: '高城管发' },
  { organ: '高平经济技术开发区管理委员会', prefix: '高开管发' },
];
const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const SENTENCES = SEED_TEXT.replace(/[#*\s]/g, '').split(/(?<=。)/).filter((s) => s.length > 12 && s.length < 220 && !/答复|代表|联系电话|签字/.test(s));
const HEADINGS = seed187.points.map((p) => p.heading ?? '').filter(Boolean).concat([
  '关于加密公交班次的问题', '关于职工子女就近入学的问题', '关于园区停车难的问题', '关于冬季供暖保障的问题', '关于人才公寓建设的问题', '关于企业用工服务的问题',
]);

type NumberStyle = 'cn' | 'paren' | 'arabic' | 'di' | 'none';
const NUMBERING: Record<Exclude<NumberStyle, 'none'>, (n: number) => string> = {
  cn: (n) => `${CN[n]}、`,
  paren: (n) => `（${CN[n]}）`,
  arabic: (n) => `${n}.`,
  di: (n) => `第${CN[n]}，`,
};
const BRACKETS: Array<[string, string]> = [['〔', '〕'], ['[', ']'], ['（', '）'], ['【', '】']];

export interface Variant {
  doc: ReplyDocument;
  text: string;
}

const cnYear = (y: number) => [...String(y)].map((d) => CN[Number(d)]).join('');
const cnNumber = (n: number) => (n <= 10 ? CN[n] : n < 20 ? `十${n === 10 ? '' : CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`);

export function replyVariants(count: number, seed = 20240822): Variant[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const paragraph = (min: number, max: number) => Array.from({ length: min + Math.floor(r() * (max - min + 1)) }, () => pick(SENTENCES)).join('');
  const out: Variant[] = [{ doc: seed187, text: SEED_TEXT }];
  for (let i = 1; i < count; i++) {
    const { organ, prefix } = pick(ORGANS);
    const cppcc = r() < 0.2;
    const year = 2019 + Math.floor(r() * 6);
    const serial = 1 + Math.floor(r() * 180);
    const number = 1 + Math.floor(r() * 400);
    const names = Array.from(new Set(Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(NAMES))));
    const role = cppcc ? '委员' : '代表';
    const pointCount = r() < 0.08 ? 0 : 1 + Math.floor(r() * 12);
    const style: NumberStyle = pointCount === 0 ? 'none' : pick(['cn', 'cn', 'cn', 'paren', 'arabic', 'di'] as const);
    const points = Array.from({ length: pointCount }, (_, k) => ({
      ordinal: k + 1,
      heading: pick(HEADINGS),
      text: Array.from({ length: 1 + Math.floor(r() * 3) }, () => paragraph(1, r() < 0.15 ? 14 : 5)).join('\n'),
    }));
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const session = `${cnNumber(7 + Math.floor(r() * 9))}届${cnNumber(1 + Math.floor(r() * 6))}次`;
    const kind = cppcc ? '提案' : '建议';
    const title = `关于市${cppcc ? '政协' : '人大'}${session}会议第${number}号${kind}的答复`;
    const subject = `关于${pick(HEADINGS).replace(/^关于|的问题$/g, '')}的${kind}`;
    const intro = `关于你们提出的“${subject}”已收悉。经认真研究，现答复如下：\n${paragraph(1, 4)}`;
    const classMark = r() < 0.4 ? pick(['A', 'B', 'C']) : null;
    const contactPerson = r() < 0.6 ? pick(['李晓东', '张红', '王建军', '刘洋']) : null;
    const contactPhone = pick(['5241566', '0356-5241566', '13935612345', '0356－5226788']);
    const doc: ReplyDocument = {
      issuingOrgan: organ, docNumber: r() < 0.85 ? `${prefix}〔${year}〕${serial}号` : null, classMark, title,
      addressees: names, addresseeSuffix: role, intro, points, closing: '以上答复你们是否满意，如有意见，敬请反馈。',
      extraClosing: r() < 0.5 ? '感谢你们对我们工作的关心和支持。' : null, signerOrgan: organ,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, contactPerson, contactPhone,
      cc: ['高平市人大常委会人事代表工作委员会', '高平市人民政府办公室'], printedBy: `${organ}办公室`, printedOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
    const [open, close] = pick(BRACKETS);
    const lines: string[] = [];
    if (r() < 0.3) lines.push(pick(['首页 > 政务公开 > 建议提案办理', '当前位置：首页>>信息公开>>建议提案', `发布时间：${year}-${month}-${day + 1}  来源：${organ}  浏览次数：${Math.floor(r() * 900)}`]));
    if (classMark) lines.push(pick([classMark, `（${classMark}类）`, `答复类别：${classMark}`]));
    if (r() < 0.6) lines.push(`${organ}文件`);
    if (doc.docNumber) lines.push(`${prefix}${open}${year}${close}${r() < 0.2 ? `第${serial}` : serial}号`);
    lines.push(title);
    const salutation = names.length > 2 && r() < 0.3 ? `尊敬的${names[0]}等${names.length}名${role}：` : `尊敬的${names.join('、')}${role}：`;
    lines.push(r() < 0.2 ? salutation.replace('尊敬的', '') : salutation, ...intro.split('\n'));
    for (const p of points) {
      if (style === 'none') lines.push(...p.text.split('\n'));
      else if (style === 'di' || style === 'arabic' && r() < 0.5) lines.push(`${NUMBERING[style](p.ordinal)}${p.heading}。${p.text.split('\n')[0]}`, ...p.text.split('\n').slice(1));
      else lines.push(`${NUMBERING[style](p.ordinal)}${p.heading}`, ...p.text.split('\n'));
    }
    lines.push(doc.closing);
    if (doc.extraClosing) lines.push(doc.extraClosing);
    lines.push(organ);
    lines.push(r() < 0.7 ? `${year}年${month}月${day}日` : `${cnYear(year)}年${cnNumber(month)}月${cnNumber(day)}日`);
    lines.push(pick([
      `（联系人：${contactPerson ?? '李晓东'}，联系电话：${contactPhone}）`,
      `联系人：${contactPerson ?? '张红'}    联系电话：${contactPhone}`,
      `联系电话：${contactPhone}`,
      `（联系人：${contactPerson ?? '王建军'}  电话：${contactPhone}）`,
    ]));
    if (r() < 0.3) lines.push('抄送：市人大常委会人事代表工作委员会，市政府办公室。', '【打印本页】【关闭窗口】');
    out.push({ doc, text: lines.join(r() < 0.2 ? '\r\n' : '\n') });
  }
  return out;
}
