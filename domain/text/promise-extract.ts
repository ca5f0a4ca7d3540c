/**
 * Proposes the promises (承诺) of a reply from its text, for staff to confirm: each one the words it came
 * from, a due date read from the time words, the action, a measurable target, the point, and whether the
 * reply reports it as already done.
 *
 * Favours precision: a clause becomes a promise only when it commits to something (将, 计划, 预计, 有望,
 * 下一步 …), names a future deadline together with an action or a target, or sets a target with a
 * comparator for the year (全年不少于3.5万平米). Facts and statistics are left alone; things reported as
 * finished (已建成, 已全面开工) are proposed as done, never as planned promises in the past.
 */
import { parseReply } from './reply-parser.js';
import { damagedSignatureDate, signatureDate } from './reply-patterns.js';
import { governingAction } from './promise-actions.js';
import { joinClauses, splitSentences, joinBrokenLines, type Clause } from './promise-clauses.js';
import { isValidDate as isValidYmd } from '../calendar/dates.js';
import { learnOrgNames, pointOwner } from './promise-owner.js';
import { analyseSentence, isIncomplete, type ClauseFacts } from './promise-signals.js';
import { findQuantities, pickTarget, type Comparator, type Quantity } from './quantities.js';
import { openEndedWord, type TimeHit } from './time-words.js';

export interface ProposedPromise {
  /** The words it came from: the clause or sentence, trimmed. */
  text: string;
  /** 'YYYY-MM-DD' or null (no date stated, or the reply's date unknown for a relative word). */
  due: string | null;
  /** The governing action (主体封顶, 投入运营, 出让 …) or null. */
  action: string | null;
  target: { value: number; unit: string; comparator: Comparator } | null;
  /** Ordinal of the reply point, or null for text outside the numbered points. */
  point: number | null;
  status: 'planned' | 'done';
  /** A commitment without any time stated (下一步, 尽快, 将 …). */
  openEnded: boolean;
  /** The organisation named as responsible in the point, under one name (恒通公司 → 恒通集团). */
  owner: string | null;
  /** How the due date was read, in Chinese (年底 → 2024-12-31（…）). */
  dueRule: string | null;
}

export interface ExtractInput {
  points: { ordinal: number; heading: string | null; text: string }[];
  replyDate: string | null;
  /** The whole reply: used to learn organisation names and to read promises outside the numbered points. */
  bodyText?: string;
}

interface Group {
  status: 'planned' | 'done';
  /** Clauses quoted, in order; `trigger` is the one that made it a promise. */
  clauses: ClauseFacts[];
  trigger: ClauseFacts;
  time: TimeHit | null;
}

export function extractPromises(input: ExtractInput): ProposedPromise[] {
  try {
    return extract(input);
  } catch {
    return [];
  }
}

function extract(input: ExtractInput): ProposedPromise[] {
  const replyDate = isValidYmd(input?.replyDate) ? input.replyDate : null;
  const points = Array.isArray(input?.points) ? input.points.filter((p) => p && typeof p.text === 'string') : [];
  const body = typeof input?.bodyText === 'string' ? input.bodyText : '';
  const allText = [body, ...points.map((p) => `${p.heading ?? ''}\n${p.text}`)].join('\n');
  const names = learnOrgNames(allText);
  const out: ProposedPromise[] = [];

  for (const p of points) {
    const ordinal = Number.isFinite(p.ordinal) ? p.ordinal : null;
    let owner: string | null = null;
    try {
      owner = pointOwner(p.heading ?? null, p.text, names);
    } catch {
      owner = null;
    }
    // A heading that is itself a dated or measured commitment (加快学校建设，确保年底主体封顶) counts;
    // a topic heading (关于…的问题, 下一步工作) does not.
    const heading = (p.heading ?? '').trim();
    if (heading && !/^关于/.test(heading)) {
      out.push(...fromText(heading, replyDate, ordinal, owner).filter((x) => x.due !== null || x.target !== null));
    }
    out.push(...fromText(p.text, replyDate, ordinal, owner));
  }

  if (body) {
    for (const para of uncoveredParagraphs(body, points)) {
      let owner: string | null = null;
      try {
        owner = pointOwner(null, para, names);
      } catch {
        owner = null;
      }
      out.push(...fromText(para, replyDate, null, owner));
    }
  }
  return dedupe(out);
}

/** Promises of one stretch of text (a point, or a paragraph outside the points). */
function fromText(text: string, replyDate: string | null, point: number | null, owner: string | null): ProposedPromise[] {
  const out: ProposedPromise[] = [];
  let sentences: Clause[][];
  try {
    sentences = splitSentences(text);
  } catch {
    return out;
  }
  for (const sentence of sentences) {
    try {
      for (const g of groupSentence(analyseSentence(sentence, replyDate))) {
        const promise = toPromise(g, replyDate, point, owner);
        if (promise) out.push(promise);
      }
    } catch {
      // One sentence that cannot be read must not lose the others.
    }
  }
  return out;
}

// ------------------------------------------------------------------ grouping

/**
 * Clauses of a sentence become promises: a trigger clause starts one, a following clause without its own
 * time joins a commitment (下一步，X将A，B，C), a clause with a different deadline starts the next one,
 * and a trigger that lacks its subject (有望8月份顺利出让) takes the clauses just before it as context.
 */
function groupSentence(facts: ClauseFacts[]): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let pending: ClauseFacts[] = [];
  const close = () => {
    if (current) groups.push(current);
    current = null;
  };
  const open = (status: Group['status'], f: ClauseFacts) => {
    close();
    const context = isIncomplete(f) ? pending.slice(-2) : [];
    current = { status, clauses: [...context, f], trigger: f, time: status === 'planned' ? f.deadline ?? f.weak : null };
    pending = [];
  };

  for (const f of facts) {
    const cur = current as Group | null;
    if (f.role === 'planned') {
      if (cur && cur.status === 'planned' && canMerge(cur, f)) {
        cur.clauses.push(f);
        if (!cur.time || (cur.time.kind === 'weak' && f.deadline)) cur.time = f.deadline ?? f.weak ?? cur.time;
      } else {
        open('planned', f);
      }
    } else if (f.role === 'done') {
      if (cur && cur.status === 'done') cur.clauses.push(f);
      else open('done', f);
    } else if (cur && cur.status === 'planned' && cur.trigger.modal?.strength === 'strong' && f.continues) {
      cur.clauses.push(f);
    } else {
      close();
      if (f.context) pending.push(f);
      else pending = [];
    }
  }
  close();
  return groups;
}

function canMerge(g: Group, f: ClauseFacts): boolean {
  if (!f.deadline) return true;
  if (!g.time || g.time.kind === 'weak') return true;
  return g.time.due === f.deadline.due && g.time.due !== null;
}

// ------------------------------------------------------------------ one promise

function toPromise(g: Group, replyDate: string | null, point: number | null, owner: string | null): ProposedPromise | null {
  const text = joinClauses(g.clauses.map((c) => c.clause)).replace(LIST_MARKER, '').trim();
  // A marker left alone (下一步，followed by a courtesy) commits to nothing.
  const words = text.replace(/下一步|下步|下阶段|接下来|同时|此外|另外|今后|[^\u4e00-\u9fa5]/g, '');
  if (words.length < 4) return null;
  const ordered = [g.trigger, ...g.clauses.filter((c) => c !== g.trigger && c.index > g.trigger.index), ...g.clauses.filter((c) => c.index < g.trigger.index).reverse()];

  // A milestone anywhere in the promise governs before a generic verb (加快推进项目建设，力争年底前建成投用).
  let action: string | null = null;
  for (const tier of ['milestone', 'generic'] as const) {
    for (const c of ordered) {
      action = governingAction(c.clause.plain, c === g.trigger ? c.anchor : 0, tier);
      if (action) break;
    }
    if (action) break;
  }

  let target: Quantity | null = null;
  for (const c of ordered) {
    target = pickTarget(findQuantities(c.clause.plain));
    if (target) break;
  }

  let due: string | null = null;
  let dueRule: string | null = null;
  let openEnded = false;
  if (g.status === 'planned') {
    const t = g.time;
    if (t) {
      due = t.due;
      dueRule = t.rule;
    } else {
      openEnded = true;
      const w = openEndedWord(text) ?? g.trigger.modal?.word ?? null;
      dueRule = w ? `${w}：未写明期限` : '未写明期限';
    }
    // Never a planned promise in the past.
    if (due !== null && replyDate !== null && due < replyDate) return null;
  } else {
    const past = g.clauses.flatMap((c) => c.times).find((t) => t.kind !== 'background' && t.asWritten !== null && (replyDate ? t.asWritten <= replyDate : t.explicitYear));
    if (past) {
      due = past.asWritten;
      dueRule = `${past.raw} → ${past.asWritten}（已完成事项，按所述时间）`;
    } else {
      dueRule = '已完成事项，未写明完成时间';
    }
  }

  return {
    text,
    due,
    action,
    target: target ? { value: target.value, unit: target.unit, comparator: target.comparator } : null,
    point,
    status: g.status,
    openEnded,
    owner,
    dueRule,
  };
}

// ------------------------------------------------------------------ text outside the points

function squeeze(s: string): string {
  return s
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const LIST_MARKER = /^\s*(?:第[一二三四五六七八九十]+[、，,.．]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|[①-⑳])\s*/;

/** Paragraphs of the reply that none of the points (headings and texts) contains. */
function uncoveredParagraphs(body: string, points: ExtractInput['points']): string[] {
  const covered = squeeze(points.map((p) => `${p.heading ?? ''}${p.text}`).join(''));
  const out: string[] = [];
  for (const raw of joinBrokenLines(body).split('\n')) {
    const para = raw.replace(/^\s*(#{1,6}\s*|>\s*)/, '').replace(/\*\*/g, '').trim();
    const key = squeeze(para.replace(LIST_MARKER, ''));
    if (key.length < 4) continue;
    if (covered.includes(key)) continue;
    // The signature (organ and date, whole or damaged) is never a promise.
    if (signatureDate(para) || damagedSignatureDate(para)) continue;
    out.push(para);
  }
  return out;
}

function dedupe(list: ProposedPromise[]): ProposedPromise[] {
  const seen = new Set<string>();
  const kept: ProposedPromise[] = [];
  const pointTexts = list.filter((p) => p.point !== null).map((p) => squeeze(p.text));
  for (const p of list) {
    const key = squeeze(p.text);
    if (seen.has(key)) continue;
    if (p.point === null && pointTexts.some((t) => t.includes(key))) continue;
    seen.add(key);
    kept.push(p);
  }
  return kept;
}

// ------------------------------------------------------------------ from a whole reply

/**
 * Reads a reply (text as imported) and proposes its promises. The reply's own date is used when it states
 * one; `replyDate` is the fallback for a reply that does not.
 */
export function extractPromisesFromReply(text: string, replyDate?: string): ProposedPromise[] {
  try {
    const body = typeof text === 'string' ? text : '';
    const parsed = parseReply(body);
    const date = isValidYmd(parsed.date) ? parsed.date : isValidYmd(replyDate) ? replyDate : null;
    return extractPromises({
      points: parsed.points.map((p) => ({ ordinal: p.ordinal, heading: p.heading, text: p.text })),
      replyDate: date,
      bodyText: body,
    });
  } catch {
    return [];
  }
}

