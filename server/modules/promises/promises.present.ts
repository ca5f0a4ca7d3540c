/**
 * What a viewer sees of a promise: names instead of ids, labels, the derived clock (overdue is computed
 * here, never stored), the deputies' delivery ratings (latest per deputy), and what the viewer may do.
 */
import type { Viewer } from '../../platform/auth/roles.js';
import { allowed } from '../../platform/policy/policy.js';
import {
  DELIVERY_LABELS, PROMISE_STATUS_LABELS, daysBetween, deliveryRateable, deliveryVerdict, promiseClock, targetMet, targetText,
  type DeliveryRating, type PromiseClock, type PromiseStatus,
} from '../../../domain/promise-states.js';
import { SATISFACTION_LABELS, type Satisfaction } from '../../../domain/suggestion-states.js';
import type { PromiseRow } from './promises.repo.js';
import { promisePolicy, type PromiseAccess } from './promises.policy.js';
import type { DeliveryRatingTable, PromiseEventTable } from './promises.tables.js';
import type { SourceView } from './promise-sources.js';

export const CLOCK_LABELS: Record<PromiseClock, string> = {
  unconfirmed: '待确认',
  closed: '已办结',
  open_ended: '无明确时限',
  overdue: '已逾期',
  due_today: '今日到期',
  due_soon: '30 天内到期',
  on_track: '按期推进',
};

export type Signer = { suggestion_id: string; deputy_id: string; role: string; status: string; name: string; user_id: string | null };
export type RatingRow = DeliveryRatingTable & { deputy_name: string; deputy_user_id: string | null };

export function accessOf(p: Pick<PromiseRow, 'owner_org_id' | 'reply_unit_id' | 'confirmed' | 'discarded' | 'suggestion_id'>, signers: Signer[]): PromiseAccess {
  const mine = signers.filter((g) => g.suggestion_id === p.suggestion_id && g.user_id);
  return {
    ownerOrgId: p.owner_org_id,
    replyUnitId: p.reply_unit_id,
    confirmed: p.confirmed === 1,
    discarded: p.discarded === 1,
    signerUserIds: mine.map((g) => g.user_id!),
    ratingUserIds: mine.filter((g) => g.status === 'accepted').map((g) => g.user_id!),
  };
}

export const sessionName = (p: { session_body: string; session_short_name: string }) => `${p.session_body}${p.session_short_name}`;
export const suggestionLabel = (p: { suggestion_number: number | null; suggestion_title: string }) =>
  p.suggestion_number !== null ? `第${p.suggestion_number}号建议` : `建议“${p.suggestion_title}”`;

/** The latest rating of each deputy on each promise: earlier ones are history. */
export function latestRatings(ratings: RatingRow[]): RatingRow[] {
  const latest = new Map<string, RatingRow>();
  for (const r of ratings) {
    const key = `${r.promise_id}|${r.deputy_id}`;
    const cur = latest.get(key);
    if (!cur || r.rated_at > cur.rated_at || (r.rated_at === cur.rated_at && r.id > cur.id)) latest.set(key, r);
  }
  return [...latest.values()];
}

/**
 * A 兑现 (kept) rating says the promise was delivered. When the promise as read now is not done (its source says
 * otherwise: the milestone is not met, the project not finished), such a rating contradicts the facts: it stays
 * in the history and on the rating page, marked, but is set aside from the counts and the verdict.
 */
export const contradicts = (r: Pick<RatingRow, 'rating'>, status: string | undefined) => r.rating === 'kept' && status !== undefined && status !== 'done';

export function deliveryOf(ratings: RatingRow[], status?: string) {
  const all = latestRatings(ratings);
  const latest = all.filter((r) => !contradicts(r, status));
  const setAside = all.length - latest.length;
  const count = (k: DeliveryRating) => latest.filter((r) => r.rating === k).length;
  const verdict = deliveryVerdict(latest.map((r) => r.rating as DeliveryRating));
  return {
    kept: count('kept'), partly: count('partly'), notKept: count('not_kept'), verdict, verdictLabel: verdict ? DELIVERY_LABELS[verdict] : null,
    /** 兑现 ratings set aside because the promise, as its source shows it now, is not done. */
    setAside, setAsideNote: setAside ? `${setAside} 项“兑现”评价与当前状态（${PROMISE_STATUS_LABELS[status as PromiseStatus] ?? status}）不符，未计入` : null,
  };
}

export interface PresentContext {
  today: string;
  actor: Viewer;
  ratings: RatingRow[];
  signers: Signer[];
}

export function presentPromise(p: PromiseRow & { source?: SourceView | null }, c: PresentContext) {
  const access = accessOf(p, c.signers);
  const clock = promiseClock({ status: p.status as PromiseStatus, due: p.due, confirmed: p.confirmed === 1 }, c.today);
  const ratings = c.ratings.filter((r) => r.promise_id === p.id);
  const rateable = deliveryRateable({ status: p.status as PromiseStatus, due: p.due, confirmed: p.confirmed === 1 }, c.today) && p.discarded === 0;
  const target = p.target_value !== null ? { value: p.target_value, unit: p.target_unit ?? '', comparator: p.target_comparator ?? '>=', text: targetText({ value: p.target_value, unit: p.target_unit, comparator: p.target_comparator })! } : null;
  const mySigner = c.actor?.role === 'deputy' ? c.signers.find((g) => g.suggestion_id === p.suggestion_id && g.user_id === c.actor!.userId && g.status === 'accepted') : undefined;
  const myLatest = mySigner ? latestRatings(ratings).find((r) => r.deputy_id === mySigner.deputy_id) : undefined;
  const canRate = rateable && allowed(promisePolicy, c.actor, 'rate', access);
  return {
    id: p.id,
    text: p.text,
    sourceText: p.source_text,
    due: p.due,
    dueRule: p.due_rule,
    originalDue: p.original_due,
    openEnded: p.open_ended === 1,
    action: p.action,
    target,
    achievedValue: p.achieved_value,
    targetMet: target ? targetMet({ value: p.target_value, comparator: p.target_comparator }, p.achieved_value) : null,
    status: p.status as PromiseStatus,
    statusLabel: PROMISE_STATUS_LABELS[p.status as PromiseStatus] ?? p.status,
    progress: p.progress,
    doneOn: p.done_on,
    statusReason: p.status_reason,
    clock,
    clockLabel: CLOCK_LABELS[clock],
    daysLeft: p.due && p.confirmed === 1 ? daysBetween(c.today, p.due) : null,
    confirmed: p.confirmed === 1,
    confirmedAt: p.confirmed_at,
    discarded: p.discarded === 1,
    discardReason: p.discard_reason,
    origin: p.origin as 'extracted' | 'manual',
    extractedStatus: p.extracted_status as 'planned' | 'done' | null,
    owner: { id: p.owner_org_id, name: p.owner_name, shortName: p.owner_short_name },
    reply: {
      id: p.reply_id, round: p.reply_round, docNumber: p.reply_doc_number, replyDate: p.reply_date, unitId: p.reply_unit_id,
      unitName: p.reply_unit_name, published: p.reply_publication_state === 'published',
    },
    point: p.point_ordinal !== null ? { id: p.reply_point_id, ordinal: p.point_ordinal, heading: p.point_heading } : null,
    suggestion: {
      id: p.suggestion_id, number: p.suggestion_number, title: p.suggestion_title, label: suggestionLabel(p), sessionId: p.session_id, sessionName: sessionName(p),
      /** 答复满意: the deputies' satisfaction with the reply (the suggestions module's rating round). */
      replySatisfaction: p.final_satisfaction as Satisfaction | null,
      replySatisfactionLabel: p.final_satisfaction ? SATISFACTION_LABELS[p.final_satisfaction as Satisfaction] ?? null : null,
    },
    project: p.project_id ? { id: p.project_id, name: p.project_name ?? '' } : null,
    /** The source progress, status and done date come from (null: kept by hand on the promise). */
    source: p.source ?? null,
    /** 落实满意: the deputies' latest delivery ratings. */
    delivery: {
      ...deliveryOf(ratings, p.source ? p.status : undefined), rateable, expected: access.ratingUserIds.length,
      mine: myLatest ? { rating: myLatest.rating as DeliveryRating, label: DELIVERY_LABELS[myLatest.rating as DeliveryRating], ratedAt: myLatest.rated_at, current: myLatest.promise_version === p.version } : null,
    },
    isDemo: p.is_demo === 1,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    can: {
      review: p.discarded === 0 ? allowed(promisePolicy, c.actor, 'review', access) : false,
      restore: p.discarded === 1 && allowed(promisePolicy, c.actor, 'review', access),
      update: p.confirmed === 1 && p.discarded === 0 && allowed(promisePolicy, c.actor, 'update', access),
      /** Progress and done/in-progress by hand: not on a promise whose progress comes from a source. */
      report: p.confirmed === 1 && p.discarded === 0 && !p.source && allowed(promisePolicy, c.actor, 'update', access),
      /** Link or unlink a source (the lead unit or the owner, like the linked project). */
      link: p.discarded === 0 && allowed(promisePolicy, c.actor, 'review', access),
      // Again after the promise changed; for a linked one also when its source moved it to another status.
      rate: canRate && (!myLatest || myLatest.promise_version !== p.version || (!!p.source && myLatest.promise_status !== p.status)),
    },
  };
}

export type PromiseView = ReturnType<typeof presentPromise>;

// ------------------------------------------------------------ history

export const EVENT_LABELS: Record<string, string> = {
  proposed: '从答复中提取',
  created: '新增承诺',
  confirmed: '确认承诺',
  edited: '修改承诺',
  discarded: '舍弃',
  restored: '恢复',
  status: '更新状态',
  progress: '更新进度',
  evidence: '上传佐证',
  evidence_void: '作废佐证',
  rated: '代表评价落实情况',
  linked: '关联进度来源',
};

export const FIELD_LABELS: Record<string, string> = {
  text: '承诺内容',
  due: '完成时限',
  ownerOrgId: '责任单位',
  owner: '责任单位',
  action: '动作',
  target: '目标',
  achievedValue: '完成数值',
  projectId: '关联项目',
  project: '关联项目',
  status: '状态',
  progress: '进度',
  doneOn: '完成日期',
  confirmed: '确认',
  discarded: '舍弃',
  rating: '评价',
  evidence: '佐证',
  source: '进度来源',
};

/** Fields whose changes the public history shows. */
export const PUBLIC_FIELDS = new Set(['status', 'progress', 'due', 'doneOn', 'achievedValue', 'target', 'owner', 'text']);

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export function showValue(field: string, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return field === 'due' ? '无明确时限' : null;
  if (field === 'status') return PROMISE_STATUS_LABELS[v as PromiseStatus] ?? String(v);
  if (field === 'progress') return `${v}%`;
  if (field === 'rating') return DELIVERY_LABELS[v as DeliveryRating] ?? String(v);
  if (field === 'confirmed' || field === 'discarded') return v ? '是' : '否';
  if (field === 'target' && typeof v === 'object') {
    const t = v as { value: number; unit: string; comparator: string };
    return targetText({ value: t.value, unit: t.unit, comparator: t.comparator });
  }
  return String(v);
}

export function presentEvent(e: PromiseEventTable, opts: { public?: boolean } = {}) {
  const raw: Change[] = e.changes_json ? JSON.parse(e.changes_json) : [];
  const changes = raw
    .filter((ch) => !opts.public || PUBLIC_FIELDS.has(ch.field))
    .map((ch) => ({ field: ch.field, label: FIELD_LABELS[ch.field] ?? ch.field, before: showValue(ch.field, ch.before), after: showValue(ch.field, ch.after) }));
  return {
    id: e.id,
    at: e.at,
    kind: e.kind,
    label: EVENT_LABELS[e.kind] ?? e.kind,
    by: opts.public ? e.actor_org_name : e.actor_org_name ? `${e.actor_name}（${e.actor_org_name}）` : e.actor_name,
    changes,
    note: e.note,
    internal: e.internal === 1,
  };
}
