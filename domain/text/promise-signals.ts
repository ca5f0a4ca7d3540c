/**
 * What each clause of a sentence says about commitment: commitment words (将, 计划, 预计, 有望, 下一步 /
 * 力争, 确保, 争取), time words, 已 + a milestone (done), past and present markers, background frames
 * (今年以来, 截至目前), conditions (建成后，能满足…) and the set phrases of a reply (敬请反馈 …). From
 * these it gives each clause a role: it starts a planned promise, reports a done one, or neither.
 */
import { findActions } from './promise-actions.js';
import type { Clause } from './promise-clauses.js';
import { findQuantities } from './quantities.js';
import { findTimeExpressions, type TimeHit } from './time-words.js';

export interface Modal {
  word: string;
  index: number;
  /** strong: commits by itself (将, 计划, 下一步); weak: only with a time or a target (力争, 确保). */
  strength: 'strong' | 'weak';
}

export interface ClauseFacts {
  /** Position of the clause in its sentence. */
  index: number;
  clause: Clause;
  times: TimeHit[];
  /** The first deadline that is not over (its due may be null when the reply's date is unknown). */
  deadline: TimeHit | null;
  /** 今年 / 全年 / 本年度: the current year, a due date only for a clause that commits otherwise. */
  weak: TimeHit | null;
  modal: Modal | null;
  /** Where the governing action is looked for (after the commitment word, time word or 已). */
  anchor: number;
  role: 'planned' | 'done' | 'none';
  /** May join a commitment opened by an earlier clause (下一步，X将A，B，C). */
  continues: boolean;
  /** May be quoted as the context of a following trigger that lacks its subject. */
  context: boolean;
}

const STRONG_MODALS: RegExp[] = [
  /下一步|下步|下阶段|下一阶段|接下来/g,
  // 将 as "will"; not 必将 (rhetoric), 将近 (nearly), nor 将…作为 (treats … as, a description).
  /(?<![必已])将(?!近)(?![^，。；]{0,15}?(?:作为|视为|当作|当成))/g,
  // 计划 as "plan to"; not the noun (年度计划, 建设计划，, 特岗计划和, 列入…计划, 有计划地).
  /(?<![有度作资动规划案设施展造修])(?<!(?:列入|纳入)[^，。；]{0,20})计划(?!总投资|投资|书|表|单|内|外|中|和|与|及|的|任务|生育|指标|项目|$|[，。；、）”,;)])/g,
  /(?<![模虚])拟(?!定|订|人|声|稿)/g,
  /预计(?!总投资|投资|可|能|年产值|年销售|带动|新增|实现年|需)/g,
  /有望/g,
  /尽快/g,
];
const WEAK_MODALS = /(力争|确保|争取|努力|务必|保证)(?!了)/g;

const DONE_MARK = /已经|业已|已/g;
const NOT_DONE_MARK = /^(收悉|知|久)|^$/;
const PAST_VERB = /[\u4e00-\u9fa5](?<![为除罢不])了(?![解结却])|曾经|曾|先后|相继|陆续/;
const PRESENT = /目前|当前|现阶段|正在|正加紧|现已/;
const BACKGROUND_WORDS = /近年来|多年来|一直以来|长期以来|以来|此前|过去|为例|截至目前|截止目前/;
const BOILERPLATE =
  /敬请|是否满意|感谢|欢迎|联系电话|联系人|领导签字|签发人|抄送|特此|答复如下|已收悉|认真研究|此复|如有意见|附件|(吸纳|采纳|借鉴|研究|听取)[^，。；]{0,6}(意见|建议|提案)/;
const ABOUT_SUGGESTION = /你们提出|您提出|代表提出|建议提出|所提|提出的|反映的/;
const CONDITION = /(建成|投产|达产|完成|投用|运营|实施|落地|开通|竣工|改造|到位)后$/;
const INCOMPLETE_START =
  /^(有望|预计|计划|力争|争取|确保|拟|将|并|于|在|年内|年底|年末|全年|今年|明年|次年|已|也已|均已|目前已|同时|可|按期|如期|顺利|\d|[一二三四五六七八九十]+月|上半年|下半年|本月|下月|春节|国庆)/;

function firstModal(plain: string): Modal | null {
  let best: Modal | null = null;
  for (const re of STRONG_MODALS) {
    re.lastIndex = 0;
    const m = re.exec(plain);
    if (m && (!best || m.index < best.index)) best = { word: m[0], index: m.index, strength: 'strong' };
  }
  WEAK_MODALS.lastIndex = 0;
  const w = WEAK_MODALS.exec(plain);
  if (w && !best) best = { word: w[0], index: w.index, strength: 'weak' };
  return best;
}

/**
 * Position of a 已 that reports a milestone as reached (已建成, 已于去年底建成投用, 也已全面开工);
 * progress in per cent (已完成80%) is not a milestone reached.
 */
function doneAt(plain: string): number | null {
  const progress = findQuantities(plain).filter((q) => q.unit === '%' && q.value < 100);
  const milestones = findActions(plain).filter(
    (a) => a.tier === 'milestone' && !progress.some((q) => q.index >= a.index && q.index - (a.index + a.word.length) <= 6),
  );
  DONE_MARK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DONE_MARK.exec(plain))) {
    const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (NOT_DONE_MARK.test(after) || plain[m.index - 1] === '而') continue;
    const at = m.index;
    if (milestones.some((a) => a.index > at && a.index - at <= 14)) return at;
  }
  return null;
}

/** Both halves of the year listed as a routine (上半年打基础、下半年出让): a working method, not a date. */
function routineCycle(plain: string): boolean {
  return /上半年/.test(plain) && /下半年/.test(plain) && !/(\d{4}年|今年|明年|本年度?)(上半年|下半年)/.test(plain);
}

export function analyseSentence(sentence: Clause[], replyDate: string | null): ClauseFacts[] {
  const out: ClauseFacts[] = [];
  let afterCondition = false;
  // 截至7月底，已开工85个，完工32个: after a frame, 已 reports statistics, not a promise kept.
  let framed = false;
  sentence.forEach((clause, index) => {
    const plain = clause.plain;
    const times = findTimeExpressions(plain, replyDate);
    const live = times.filter((t) => t.kind !== 'background');
    const deadline = live.find((t) => t.kind === 'deadline' && !t.past) ?? null;
    const weak = live.find((t) => t.kind === 'weak' && !t.past) ?? null;
    const pastTime = live.some((t) => t.past);
    const background = times.some((t) => t.kind === 'background') || BACKGROUND_WORDS.test(plain);
    const modal = firstModal(plain);
    const strong = modal?.strength === 'strong';
    const done = doneAt(plain);
    const pastVerb = PAST_VERB.test(plain);
    const present = PRESENT.test(plain);
    const boiler = BOILERPLATE.test(plain) || ABOUT_SUGGESTION.test(plain);
    const routine = routineCycle(plain);
    const condition = CONDITION.test(plain) && !/^(待|等|在)/.test(plain);
    const effect = afterCondition && !deadline;
    if (condition) afterCondition = true;
    const statistics = framed;
    if (times.some((t) => t.kind === 'background')) framed = true;
    const actions = findActions(plain);
    const quantities = findQuantities(plain);
    const target = quantities.some((q) => q.comparator !== '=' && !q.approximate);

    let role: ClauseFacts['role'] = 'none';
    if (!boiler && !routine) {
      if (done !== null) {
        if (!statistics && !times.some((t) => t.kind === 'background')) role = 'done';
      } else if (!effect && !condition && !pastTime && !(background && !strong) && !(pastVerb && !strong)) {
        const committed =
          strong ||
          (deadline !== null && (actions.length > 0 || quantities.length > 0 || modal !== null)) ||
          // 力争/确保/争取 commit with a deadline or a bound; with 今年 alone only when a milestone follows
          // (力争今年建成投用), since 争取资金 is also what was obtained this year.
          (modal?.strength === 'weak' &&
            (deadline !== null || target || (weak !== null && actions.some((a) => a.tier === 'milestone' && a.index > modal.index)))) ||
          (weak !== null && target);
        if (committed) role = 'planned';
      }
    }

    const ends = [modal ? modal.index + modal.word.length : -1, deadline ? deadline.end : -1, weak ? weak.end : -1].filter((n) => n >= 0);
    const anchor = role === 'done' && done !== null ? done : ends.length ? Math.min(...ends) : 0;
    const quiet = role === 'none' && !boiler && !routine && !pastTime && !background && done === null;
    out.push({
      index,
      clause,
      times,
      deadline,
      weak,
      modal,
      anchor,
      role,
      continues: quiet && !present && !pastVerb,
      context: quiet && !pastVerb,
    });
  });
  return out;
}

/** A trigger that lacks its subject or object (有望8月份顺利出让, 年内投入运营) needs the clauses before it. */
export function isIncomplete(f: ClauseFacts): boolean {
  return f.clause.text.length <= 6 || INCOMPLETE_START.test(f.clause.plain);
}
