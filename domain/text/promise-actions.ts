/**
 * What a promise says will be done: the verbs of government replies, from milestones that can be checked
 * on a day (主体封顶, 投入运营, 出让, 开工) to generic verbs of work (推进, 建设, 实施).
 */

/** Milestones: something that happens on a day and can be verified. */
export const MILESTONE_ACTIONS = [
  '主体封顶', '投入运营', '投入使用', '投入运行', '投入生产', '建成投用', '建成投运', '建成投产', '竣工验收',
  '正式运营', '试运行', '对外营业', '对外开放',
  '封顶', '竣工', '完工', '建成', '开工', '出让', '挂牌', '完成', '开通', '通车', '启用', '投用', '投运',
  '投产', '达产', '交付', '验收', '搬迁', '招生', '开学', '覆盖', '营业', '开业', '上线', '印发', '出台', '发布',
  '签约', '落地', '拨付', '兑付', '通水', '通电', '通气', '供暖', '并网', '办结', '移交', '安置',
] as const;

/** Generic verbs of work: they say what, but not when it is finished. */
export const GENERIC_ACTIONS = [
  '建设', '实施', '推进', '推动', '建立', '开展', '落实', '完善', '改造', '启动', '制定', '修订', '新建', '扩建',
  '改建', '整治', '打造', '安装', '铺设', '新增', '兑现', '协调', '组织', '研究', '争取',
] as const;

export type ActionTier = 'milestone' | 'generic';

export interface ActionHit {
  word: string;
  tier: ActionTier;
  index: number;
}

const VOCAB: { word: string; tier: ActionTier }[] = [
  ...MILESTONE_ACTIONS.map((word) => ({ word, tier: 'milestone' as const })),
  ...GENERIC_ACTIONS.map((word) => ({ word, tier: 'generic' as const })),
].sort((a, b) => b.word.length - a.word.length);

/**
 * Verbs used as nouns or conditions rather than as the predicate: 建成后 (once built), 完成率, 开工率,
 * 建设期, 验收时; and verbs that are negated (尚未开工, 未完成).
 */
const NOT_PREDICATE_AFTER = /^(的|后|率|期|时|量|额|区|执照|单位|部门|情况|标准|工作日|证|计划|方案|规模|内容|任务书)/;
/** Two characters that only look like the verb across a word boundary (展开工作, 线上线下). */
const FALSE_START: Record<string, RegExp> = { 开工: /展$/, 上线: /线$/, 开通: /展$/ };
const NEGATED_BEFORE = /(未|没有|不|无法|难以|尚未|未能)$/;

/** Every action verb in `text`, longest match first, left to right. */
export function findActions(text: string): ActionHit[] {
  const s = String(text ?? '');
  const out: ActionHit[] = [];
  let i = 0;
  while (i < s.length) {
    const v = VOCAB.find((a) => s.startsWith(a.word, i));
    if (!v) {
      i++;
      continue;
    }
    const after = s.slice(i + v.word.length, i + v.word.length + 4);
    const before = s.slice(Math.max(0, i - 3), i);
    const falseStart = FALSE_START[v.word]?.test(before) ?? false;
    if (!NOT_PREDICATE_AFTER.test(after) && !NEGATED_BEFORE.test(before) && !falseStart) {
      out.push({ word: v.word, tier: v.tier, index: i });
    }
    i += v.word.length;
  }
  return out;
}

/**
 * The action that governs a clause: the first verb of the tier after `from` (the position of the commitment
 * word, time word or 已), else the first one before it.
 */
export function governingAction(text: string, from = 0, tier?: ActionTier): string | null {
  const hits = findActions(text);
  const pick = (t: ActionTier) =>
    hits.find((h) => h.tier === t && h.index >= from)?.word ?? hits.find((h) => h.tier === t && h.index < from)?.word ?? null;
  if (tier) return pick(tier);
  return pick('milestone') ?? pick('generic');
}
