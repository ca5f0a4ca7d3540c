/**
 * Quantities with units in reply text, with the comparator the words give them:
 * 不少于3.5万平米 → 35000 m² (>=), 163亩 → 163 亩 (=), 1800多名 → 1800 人 (>=), 300万元 → 3000000 元,
 * 不超过15分钟 … Chinese numerals (三千, 两万, 十二) are read too.
 */

export type Comparator = '>=' | '<=' | '=' | '>';

export interface Quantity {
  value: number;
  /** Normalised unit: m², km², 亩, 元, 人, 公里, % …; other measure words as written (个, 项, 轨 …). */
  unit: string;
  comparator: Comparator;
  /** The comparator comes only from 多/余 (1800多名): an approximate figure rather than a bound. */
  approximate: boolean;
  /** The starting figure of a change (由42个增加到68个): not the figure aimed at. */
  baseline: boolean;
  raw: string;
  index: number;
  end: number;
}

// ------------------------------------------------------------------ numbers

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Reads a Chinese numeral: 三千 → 3000, 两万 → 20000, 一千八百 → 1800, 十二 → 12, 三点五万 → 35000,
 * 一亿二千万 → 120000000. Null when it is not one.
 */
export function parseChineseNumber(raw: string): number | null {
  if (!raw || !/^[零〇○一二两三四五六七八九十百千万亿点]+$/.test(raw)) return null;
  const dot = raw.indexOf('点');
  if (dot >= 0) {
    // 三点五万: a decimal followed by at most one big unit.
    const m = /^([零〇○一二两三四五六七八九十百千]+)点([零〇○一二三四五六七八九]+)([万亿]?)$/.exec(raw);
    if (!m) return null;
    const whole = parseChineseNumber(m[1]);
    if (whole === null) return null;
    const frac = Number('0.' + [...m[2]].map((c) => CN_DIGIT[c]).join(''));
    return round((whole + frac) * (m[3] ? CN_BIG_UNIT[m[3]] : 1));
  }
  // total: the part already multiplied by 亿; wan: the part multiplied by 万; section: below 万.
  let total = 0;
  let wan = 0;
  let section = 0;
  let digit = 0;
  let seenDigit = false;
  let lastSmall = 0;
  for (const ch of raw) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
      seenDigit = true;
    } else if (ch in CN_SMALL_UNIT) {
      const u = CN_SMALL_UNIT[ch];
      section += (seenDigit ? digit : 1) * u;
      lastSmall = u;
      digit = 0;
      seenDigit = false;
    } else {
      const below = section + digit;
      if (ch === '万') {
        wan = (below === 0 ? 1 : below) * 1e4;
      } else {
        const all = total + wan + below;
        total = (all === 0 ? 1 : all) * 1e8;
        wan = 0;
      }
      section = 0;
      digit = 0;
      seenDigit = false;
      lastSmall = 0;
    }
  }
  // 一千八 → 1800 (the trailing digit takes the next smaller unit).
  if (seenDigit && lastSmall >= 100) section += digit * (lastSmall / 10);
  else section += digit;
  return total + wan + section;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

// ------------------------------------------------------------------ units

/** Written unit → normalised unit. Longest first when matching. */
const UNIT_MAP: [string, string][] = [
  ['平方公里', 'km²'], ['平方千米', 'km²'], ['km²', 'km²'], ['km2', 'km²'],
  ['平方米', 'm²'], ['平米', 'm²'], ['平方', 'm²'], ['㎡', 'm²'], ['m²', 'm²'], ['m2', 'm²'],
  ['立方米', 'm³'], ['m³', 'm³'], ['m3', 'm³'],
  ['公顷', '公顷'], ['亩', '亩'],
  ['个工作日', '工作日'], ['工作日', '工作日'], ['个小时', '小时'], ['小时', '小时'], ['天', '天'],
  ['公里', '公里'], ['千米', '公里'], ['km', '公里'], ['延米', '延米'], ['米', '米'],
  ['千瓦时', '千瓦时'], ['千瓦', '千瓦'], ['兆瓦', '兆瓦'], ['千伏安', '千伏安'], ['千伏', '千伏'], ['kW', '千瓦'], ['MW', '兆瓦'],
  ['吨', '吨'], ['千克', '千克'], ['公斤', '千克'],
  ['元', '元'],
  ['人次', '人次'], ['名', '人'], ['人', '人'], ['位', '人'],
  ['户', '户'], ['家', '家'], ['个', '个'], ['项', '项'], ['件', '件'], ['所', '所'], ['座', '座'], ['条', '条'],
  ['台', '台'], ['套', '套'], ['辆', '辆'], ['栋', '栋'], ['幢', '幢'], ['间', '间'], ['张', '张'], ['批次', '批次'],
  ['批', '批'], ['次', '次'], ['轨', '轨'], ['床', '床'], ['株', '株'], ['棵', '棵'], ['盏', '盏'], ['处', '处'],
  ['场', '场'], ['班', '班'], ['趟', '趟'], ['路', '路'], ['部', '部'], ['块', '块'], ['份', '份'], ['本', '本'],
  ['册', '册'], ['支', '支'], ['组', '组'], ['类', '类'], ['层', '层'], ['口', '口'], ['眼', '眼'], ['只', '只'],
  ['个百分点', '个百分点'], ['%', '%'], ['％', '%'], ['‰', '‰'],
];
UNIT_MAP.sort((a, b) => b[0].length - a[0].length);

/** What may follow 个/次/… and turn it into a duration or a word rather than a count. */
const NOT_A_COUNT_AFTER: Record<string, RegExp> = {
  个: /^(工作日|月|小时|星期|季度|年|日|半|多月|多小时)/,
  次: /^(会议|日)/,
  名: /^(称|单)/,
  人: /^(民|员|大|口|才|事|社|选|力|均)/,
  家: /^(庭|园|乡|属|长)/,
  所: /^(有|在|属|得|需|以|谓|辖)/,
  条: /^(件|例|款|线|理)/,
  处: /^(理|置|于|室|长|罚)/,
  部: /^(门|分|署|署|位)/,
  本: /^(地|级|市|区|单位|着|年|月|次|身|项|届)/,
  批: /^(准|复|示|评)/,
  场: /^(所|地|景|馆)/,
  班: /^(子|组|车)/,
  路: /^(径|线|面|网|灯|段)/,
  口: /^(径|岸|号)/,
  层: /^(面|级|次)/,
  只: /^(有|要|能|是)/,
  块: /^(钱)/,
  米: /^(山|西|东|粒)/,
  位: /^(置|于)/,
  项: /^(目)/,
  份: /^(额)/,
  台: /^(账|阶)/,
  间: /^(隔|距)/,
  类: /^(似)/,
  组: /^(织|建|成)/,
  支: /^(持|付|出)/,
  眼: /^(前|光)/,
};

function matchUnit(s: string, i: number): { written: string; unit: string } | null {
  for (const [w, u] of UNIT_MAP) {
    if (s.startsWith(w, i)) {
      const guard = NOT_A_COUNT_AFTER[w];
      if (guard && guard.test(s.slice(i + w.length, i + w.length + 3))) return null;
      // A Latin unit glued to more letters (km in kmh, m2 in m2x) is not a unit.
      if (/^[A-Za-z]/.test(w) && /[A-Za-z]/.test(s[i + w.length] ?? '')) return null;
      return { written: w, unit: u };
    }
  }
  return null;
}

const TIME_UNITS = new Set(['工作日', '小时', '天']);
const LIMIT_BEFORE = /(压缩|缩短|缩减|控制|减少|降低|不超过|不多于|最多|平均)(到|至|在|为)?\s*$/;

// ------------------------------------------------------------------ comparators

// Longer words first: 不少于 must not be read as 少于, nor 不超过 as 超过.
const BEFORE_GE = /(不少于|不低于|不小于|不下于|至少|最少|超过|突破|多达|逾)$/;
const BEFORE_LE = /(不超过|不高于|不大于|不多于|最多|至多|控制在|低于|少于|小于)$/;
const BEFORE_GT = /(大于|高于|多于)$/;
const AFTER_GE = /^(以上|及以上|之上)/;
const AFTER_LE = /^(以内|之内|内|以下|及以下)/;

function comparatorFor(
  s: string, start: number, end: number, approx: boolean,
): { comparator: Comparator; approximate: boolean; baseline: boolean } {
  const before = s.slice(Math.max(0, start - 5), start).replace(/\s+$/, '');
  const after = s.slice(end, end + 3);
  const baseline = /(由|从)$/.test(before) && /^[^，。；]{0,4}?(增加|增长|提高|提升|扩大|减少|降低|压缩|缩短|调整|上升|下降)/.test(s.slice(end, end + 8));
  const explicit = (comparator: Comparator) => ({ comparator, approximate: false, baseline });
  if (/(不少于|不低于|不小于|不下于)$/.test(before)) return explicit('>=');
  if (/(不超过|不高于|不大于|不多于)$/.test(before)) return explicit('<=');
  if (BEFORE_GE.test(before)) return explicit('>=');
  if (BEFORE_LE.test(before)) return explicit('<=');
  if (BEFORE_GT.test(before)) return explicit('>');
  if (AFTER_LE.test(after)) return explicit('<=');
  if (AFTER_GE.test(after)) return explicit('>=');
  if (approx) return { comparator: '>=', approximate: true, baseline };
  return explicit('=');
}

// ------------------------------------------------------------------ scanner

const DIGITS_RE = /\d+(?:[,，]\d{3})*(?:\.\d+)?/y;
const CN_RE = /[零〇○一二两三四五六七八九十百千万亿点]+/y;
const PERCENT_WORD_RE = /百分之([零〇○一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)/y;

/** Full-width digits and symbols to ASCII, keeping every index in place. */
function normalize(s: string): string {
  return s.replace(/[０-９％．]/g, (c) => (c === '％' ? '%' : c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Every quantity with a unit in `text`, left to right. Numbers without a unit (years, phone numbers) are skipped. */
export function findQuantities(text: string): Quantity[] {
  const s = normalize(String(text ?? ''));
  const out: Quantity[] = [];
  let i = 0;
  while (i < s.length) {
    const q = quantityAt(s, i);
    if (q) {
      out.push(q);
      i = q.end;
    } else {
      i++;
    }
  }
  return out;
}

function quantityAt(s: string, i: number): Quantity | null {
  const prev = s[i - 1] ?? '';
  PERCENT_WORD_RE.lastIndex = i;
  const pw = PERCENT_WORD_RE.exec(s);
  if (pw) {
    const v = /^\d/.test(pw[1]) ? Number(pw[1]) : parseChineseNumber(pw[1]);
    if (v === null) return null;
    const end = i + pw[0].length;
    return { value: v, unit: '%', ...comparatorFor(s, i, end, false), raw: pw[0], index: i, end };
  }

  let value: number | null = null;
  let j = i;
  if (/\d/.test(s[i])) {
    // Inside a longer token (No.3, 2024-08, A12) or an ordinal (第3): not a quantity.
    if (/[\dA-Za-z.\-_/]/.test(prev) || prev === '第') return null;
    DIGITS_RE.lastIndex = i;
    const m = DIGITS_RE.exec(s)!;
    value = Number(m[0].replace(/[,，]/g, ''));
    j = i + m[0].length;
  } else if (/[零〇○一二两三四五六七八九十百千万亿]/.test(s[i])) {
    if (/[零〇○一二两三四五六七八九十百千万亿第]/.test(prev)) return null;
    CN_RE.lastIndex = i;
    const m = CN_RE.exec(s)!;
    const raw = m[0].replace(/点$/, '');
    // A numeral needs a digit word, except a lone 十 (十项); 千家万户 and 百姓 are words, not numbers.
    if (!/[零〇○一二两三四五六七八九]/.test(raw) && raw !== '十') return null;
    // 一是, 一体, 一流 …: the unit check below rejects them.
    value = parseChineseNumber(raw);
    j = i + raw.length;
  } else {
    return null;
  }
  if (value === null || !Number.isFinite(value)) return null;

  let approx = false;
  if (/[多余]/.test(s[j] ?? '') && !/余额|余下|余量/.test(s.slice(j, j + 2))) {
    approx = true;
    j++;
  }
  if (/\d/.test(s[i])) {
    const mult = s[j] === '万' ? 1e4 : s[j] === '亿' ? 1e8 : s[j] === '千' && !matchUnit(s, j) ? 1e3 : s[j] === '百' && !/^百分/.test(s.slice(j)) ? 100 : 0;
    if (mult) {
      value = round(value * mult);
      j++;
    }
  }
  if (!approx && /[多余]/.test(s[j] ?? '') && !/余额|余下|余量/.test(s.slice(j, j + 2))) {
    approx = true;
    j++;
  }
  const unit = matchUnit(s, j);
  if (!unit) return null;
  const end = j + unit.written.length;
  // A span of time is a quantity only as a limit to reach (压缩至3个工作日以内, 不超过2个工作日); 10个工作日内办结
  // is a deadline, 工期60天 and 24小时自助服务 are descriptions.
  if (TIME_UNITS.has(unit.unit) && !LIMIT_BEFORE.test(s.slice(Math.max(0, i - 6), i))) return null;
  const raw = s.slice(i, end);
  // Dates and times are not quantities: 2024年 has no unit here; 8月份, 10个工作日 are filtered by the unit guard.
  return { value, unit: unit.unit, ...comparatorFor(s, i, end, approx), raw, index: i, end };
}

/**
 * The quantity a promise is measured by among several: one bounded by words (不少于, 不超过, 以上) first,
 * then the first one that is not the starting figure of a change.
 */
export function pickTarget(quantities: Quantity[]): Quantity | null {
  const aimed = quantities.filter((q) => !q.baseline);
  return aimed.find((q) => q.comparator !== '=' && !q.approximate) ?? aimed[0] ?? null;
}
