/**
 * Checks every row of an import against the rules of registering a suggestion, pure: what is missing, too
 * long or duplicated, and which deputies are unknown or ambiguous. Every problem names its row in Chinese.
 */
import type { SheetRow } from './import.read.js';

export const LIMITS = { titleMin: 5, titleMax: 100, bodyMin: 10, bodyMax: 20000, categoryMax: 20, nameMax: 20, coMax: 50 } as const;
export const KINDS = ['建议', '议案转建议', '提案'] as const;

export interface ImportContext {
  /** Deputies of the session's body by name (a name may belong to several people). */
  deputiesByName: Map<string, string[]>;
  /** Numbers already used in the session, with their titles. */
  takenNumbers: Map<number, string>;
  createMissingDeputies: boolean;
  defaultKind: (typeof KINDS)[number];
  /** 人大 or 政协: whose roster the names are matched against. */
  body: string;
}

export interface RowReport {
  row: number;
  number: number | null;
  title: string;
  leadDeputy: string;
  coSigners: string[];
  category: string;
  kind: string;
  bodyLength: number;
  /** Deputies that will be created (when the option is on). */
  newDeputies: string[];
  errors: string[];
  warnings: string[];
}

export interface ValidatedRow extends RowReport {
  body: string;
}

/** 郜义鹏、李科，杜小林 韩志峰;万建勤 → five names. */
export const splitNames = (s: string | undefined) => (s ?? '').split(/[、，,;；\s/／]+/).map((x) => x.trim()).filter(Boolean);

/** 187, "187", "第187号" → 187; anything else → null. */
export function parseNumber(s: string): number | null {
  const m = /^第?\s*(\d{1,6})\s*号?$/.exec(s.normalize('NFKC').trim().replace(/\.0+$/, ''));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 99999 ? n : null;
}

const person = (ctx: ImportContext) => (ctx.body === '政协' ? '委员' : '代表');
const roster = (ctx: ImportContext) => `${ctx.body}${person(ctx)}名单`;

export function validateRows(rows: SheetRow[], ctx: ImportContext): ValidatedRow[] {
  const firstRowOfNumber = new Map<number, number>();
  const firstRowOfTitle = new Map<string, number>();
  const out: ValidatedRow[] = [];
  for (const r of rows) {
    const v = r.values;
    const errors: string[] = [];
    const warnings: string[] = [];
    const title = (v.title ?? '').replace(/\s+/g, ' ').trim();
    const body = (v.body ?? '').trim();
    let category = (v.category ?? '').trim();
    let kind: string = (v.kind ?? '').trim();

    let number: number | null = null;
    if (v.number !== undefined) {
      number = parseNumber(v.number);
      if (number === null) errors.push(`编号“${v.number}”不是 1 至 99999 之间的整数`);
      else if (firstRowOfNumber.has(number)) errors.push(`编号 ${number} 与第 ${firstRowOfNumber.get(number)} 行重复`);
      else if (ctx.takenNumbers.has(number)) errors.push(`本届次已有第 ${number} 号建议（${ctx.takenNumbers.get(number)}）`);
      if (number !== null && !firstRowOfNumber.has(number)) firstRowOfNumber.set(number, r.row);
    }

    if (!title) errors.push('缺少标题');
    else if ([...title].length < LIMITS.titleMin) errors.push(`标题至少 ${LIMITS.titleMin} 个字`);
    else if ([...title].length > LIMITS.titleMax) errors.push(`标题超过 ${LIMITS.titleMax} 个字（${[...title].length} 个字）`);
    if (title && firstRowOfTitle.has(title)) warnings.push(`标题与第 ${firstRowOfTitle.get(title)} 行相同`);
    if (title && !firstRowOfTitle.has(title)) firstRowOfTitle.set(title, r.row);

    if (!body) errors.push('缺少内容');
    else if ([...body].length < LIMITS.bodyMin) errors.push(`内容至少 ${LIMITS.bodyMin} 个字`);
    else if ([...body].length > LIMITS.bodyMax) errors.push(`内容超过 ${LIMITS.bodyMax} 个字（${[...body].length} 个字）`);

    if (!category) {
      category = '其他';
      warnings.push('类别为空，按“其他”导入');
    } else if ([...category].length > LIMITS.categoryMax) errors.push(`类别超过 ${LIMITS.categoryMax} 个字`);

    if (!kind) kind = ctx.defaultKind;
    else if (!(KINDS as readonly string[]).includes(kind)) errors.push(`类型“${kind}”无效，只能是${KINDS.join('、')}`);

    const newDeputies: string[] = [];
    const checkName = (name: string, role: string) => {
      if ([...name].length > LIMITS.nameMax) {
        errors.push(`${role}姓名“${name.slice(0, 20)}…”超过 ${LIMITS.nameMax} 个字`);
        return;
      }
      const ids = ctx.deputiesByName.get(name) ?? [];
      if (ids.length > 1) errors.push(`${roster(ctx)}中有 ${ids.length} 位名为“${name}”的${person(ctx)}，无法确定是哪一位，请先在系统中区分`);
      else if (ids.length === 0) {
        if (ctx.createMissingDeputies) newDeputies.push(name);
        else errors.push(`${role}“${name}”不在${roster(ctx)}中`);
      }
    };
    const leads = splitNames(v.lead);
    const leadDeputy = leads[0] ?? '';
    if (!leads.length) errors.push('缺少领衔代表');
    else if (leads.length > 1) errors.push(`领衔代表只能填写一人（“${v.lead}”），其余请填入附议代表`);
    else checkName(leadDeputy, '领衔代表');

    let coSigners = splitNames(v.co);
    if (coSigners.includes(leadDeputy)) {
      warnings.push(`附议代表中的“${leadDeputy}”是领衔代表，已去除`);
      coSigners = coSigners.filter((n) => n !== leadDeputy);
    }
    const unique = [...new Set(coSigners)];
    if (unique.length < coSigners.length) warnings.push('附议代表有重复姓名，已合并');
    coSigners = unique;
    if (coSigners.length > LIMITS.coMax) errors.push(`附议代表超过 ${LIMITS.coMax} 人（${coSigners.length} 人）`);
    else for (const n of coSigners) checkName(n, '附议代表');

    out.push({ row: r.row, number, title, leadDeputy, coSigners, category, kind, bodyLength: [...body].length, body, newDeputies: [...new Set(newDeputies)], errors, warnings });
  }
  return out;
}
