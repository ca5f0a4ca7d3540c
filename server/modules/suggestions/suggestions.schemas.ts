/**
 * Every request and response of the suggestions API (建议办理). The web app codes against these; the routes
 * validate with them (Chinese messages) and serialise through them (nothing outside them leaves the server).
 *
 * Routes (all under /api, JSON; state-changing ones need the CSRF header):
 *   rule sets        GET /rule-sets · POST /rule-sets · PATCH /rule-sets/:id
 *   sessions         GET /congress-sessions · POST /congress-sessions · PATCH /congress-sessions/:id
 *   deputies         GET /deputies · GET /deputies/me · POST /deputies · PATCH /deputies/:id
 *   suggestions      GET /suggestions · POST /suggestions · GET /suggestions/:id · PATCH /suggestions/:id
 *                    POST /suggestions/:id/submit · /admit · /not-admit · /assign
 *                    POST /suggestions/:id/signers · DELETE /suggestions/:id/signers/:deputyId
 *                    POST /suggestions/:id/signature (an invited deputy accepts or declines)
 *                    PUT /suggestions/:id/key-supervision · POST /suggestions/:id/supervision-actions
 *                    POST /suggestions/:id/extension-requests · GET /suggestions/:id/events
 *   assignments      POST /assignments/:id/accept · /return-request · /return-decision · PUT /assignments/:id/opinion
 *   extensions       POST /extension-requests/:id/decision
 *   replies          PATCH /replies/:id · POST /replies/:id/points · PUT /replies/:id/point-order
 *                    PATCH /reply-points/:id · DELETE /reply-points/:id?version=N · POST /replies/:id/submit
 *                    POST /replies/:id/ratings
 *   overviews        GET /suggestions-dashboard · GET /unit-inbox
 */
import { z } from 'zod';
import { isValidDate } from '../../../domain/calendar/dates.js';
import { ASSIGNMENT_STATES, SATISFACTIONS, SUGGESTION_STATES } from '../../../domain/suggestion-states.js';

// ---------- building blocks ----------

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const Version = z.number({ message: '缺少版本号' }).int().positive();
export const IsoDateString = z.string().refine(isValidDate, { message: '日期无效，应为 YYYY-MM-DD 格式的真实日期，例如 2024-08-22' });
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional();
/** Mobile (1xxxxxxxxxx) or landline (optionally with area code and extension). */
export const PhoneString = z.string().trim().regex(/^(1\d{10}|(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?)$/, '电话号码格式不正确（手机 11 位，或固定电话如 0356-5241566、5241566）');

export const SuggestionStateEnum = z.enum(SUGGESTION_STATES);
export const AssignmentStateEnum = z.enum(ASSIGNMENT_STATES);
export const SatisfactionEnum = z.enum(SATISFACTIONS, { message: '请选择满意、基本满意或不满意' });
export const SUGGESTION_KINDS = ['建议', '议案转建议', '提案'] as const;
export const CONGRESS_BODIES = ['人大', '政协'] as const;
export const SUPERVISION_KINDS = ['meeting', 'inspection', 'reminder', 'escalation', 'other'] as const;
export const SUPERVISION_KIND_LABELS: Record<(typeof SUPERVISION_KINDS)[number], string> = {
  meeting: '督办会议', inspection: '实地督查', reminder: '催办', escalation: '提级督办', other: '其他',
};
/** Categories offered in forms; any other short category is accepted. */
export const SUGGESTION_CATEGORIES = ['经济发展', '城乡建设', '交通运输', '教育科技', '医疗卫生', '社会保障', '生态环境', '营商环境', '农业农村', '社会治理', '其他'] as const;

/** A computed due date with the lines that say how it was computed (explainText). */
export const ExplainedDate = z.object({ date: z.string(), lines: z.array(z.string()), provisional: z.boolean().optional() });
export const DeadlineClockView = z.object({
  dueDate: z.string(),
  status: z.enum(['normal', 'due_soon', 'overdue']),
  statusLabel: z.string(),
  workdaysLeft: z.number(),
  text: z.string(),
});
const Ref = z.object({ id: z.string(), name: z.string() });

// ---------- rule sets ----------

export const ClassItem = z.object({ code: text('分类代码', 4), label: text('分类说明', 60) });
export const ReminderRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('before'), workdays: z.number().int().min(1, '提前天数至少为 1').max(60, '提前天数不能超过 60') }),
  z.object({ kind: z.literal('on_day') }),
  z.object({ kind: z.literal('overdue_every'), workdays: z.number().int().min(1, '间隔至少为 1 个工作日').max(60, '间隔不能超过 60 个工作日') }),
]);
const months = (label: string) => z.number().int().min(1, `${label}至少 1 个月`).max(24, `${label}不能超过 24 个月`);
const RuleSetFields = z.object({
  name: text('规则名称', 60),
  jurisdiction: text('适用地区', 40),
  replyMonths: months('答复期限'),
  hardMonths: months('最长期限'),
  coOpinionMonths: months('协办意见期限'),
  returnWindowCount: z.number().int().min(1, '退办期限至少 1 天').max(60, '退办期限不能超过 60 天'),
  returnWindowUnit: z.enum(['workdays', 'days'], { message: '退办期限单位只能是工作日或自然日' }),
  rereplyMonths: months('重新办理期限'),
  publishWorkdays: z.number().int().min(1).max(120, '公开期限不能超过 120 个工作日'),
  classScheme: z.array(ClassItem).min(2, '分类方案至少两类').max(10, '分类方案不能超过 10 类'),
  classMarkOnDoc: z.boolean(),
  replyMode: z.enum(['joint', 'per_deputy'], { message: '答复方式只能是合并答复或逐人答复' }),
  reminders: z.array(ReminderRule).max(10, '提醒规则不能超过 10 条'),
});
const checkRuleSet = (r: { replyMonths?: number; hardMonths?: number; classScheme?: Array<{ code: string }> }, ctx: z.RefinementCtx) => {
  if (r.replyMonths !== undefined && r.hardMonths !== undefined && r.hardMonths < r.replyMonths) {
    ctx.addIssue({ code: 'custom', path: ['hardMonths'], message: '最长期限不能短于答复期限' });
  }
  if (r.classScheme && new Set(r.classScheme.map((c) => c.code)).size !== r.classScheme.length) {
    ctx.addIssue({ code: 'custom', path: ['classScheme'], message: '分类代码不能重复' });
  }
};
export const RuleSetCreate = RuleSetFields.superRefine(checkRuleSet);
export const RuleSetUpdate = RuleSetFields.partial().extend({ version: Version }).superRefine(checkRuleSet);
export const RuleSetView = RuleSetFields.extend({ id: z.string(), isDemo: z.boolean(), version: z.number(), updatedAt: z.string() });

// ---------- congress sessions ----------

const SessionFields = z.object({
  body: z.enum(CONGRESS_BODIES, { message: '只能是人大或政协' }),
  term: z.string().trim().regex(/^[一二三四五六七八九十百]{1,4}$/, '届次请用汉字数字，例如 七'),
  meeting: z.string().trim().regex(/^[一二三四五六七八九十百]{1,4}$/, '会次请用汉字数字，例如 六'),
  /** Defaults to `${term}届${meeting}次`. */
  shortName: text('简称', 20).optional(),
  fullName: text('全称', 80),
  startsOn: IsoDateString,
  endsOn: IsoDateString,
  ruleSetId: z.string().min(1, '请选择办理规则').max(64),
});
export const SessionCreate = SessionFields.refine((s) => s.endsOn >= s.startsOn, { message: '闭幕日期不能早于开幕日期', path: ['endsOn'] });
export const SessionUpdate = SessionFields.partial().extend({ version: Version });
export const SessionView = z.object({
  id: z.string(), body: z.string(), term: z.string(), meeting: z.string(), shortName: z.string(), fullName: z.string(),
  startsOn: z.string(), endsOn: z.string(), ruleSetId: z.string(), ruleSetName: z.string(), suggestionCount: z.number(),
  isDemo: z.boolean(), version: z.number(),
});

// ---------- deputies ----------

export const DeputyCreate = z.object({
  name: text('姓名', 20),
  body: z.enum(CONGRESS_BODIES).default('人大'),
  delegation: optionalText('代表团/界别', 40),
  phone: PhoneString.nullable().optional(),
  userId: z.string().max(64).nullable().optional(),
});
export const DeputyUpdate = z.object({
  version: Version,
  name: text('姓名', 20).optional(),
  delegation: optionalText('代表团/界别', 40),
  phone: PhoneString.nullable().optional(),
  userId: z.string().max(64).nullable().optional(),
});
/** `phone` is present only for organizers and the deputy themself; for everyone else it is null. */
export const DeputyView = z.object({
  id: z.string(), name: z.string(), body: z.string(), delegation: z.string().nullable(), userId: z.string().nullable(),
  username: z.string().nullable(), phone: z.string().nullable(), phoneVisible: z.boolean(), isDemo: z.boolean(), version: z.number(),
});
export const DeputyListQuery = z.object({ q: z.string().trim().max(20).optional(), body: z.enum(CONGRESS_BODIES).optional() });

// ---------- suggestions ----------

export const SuggestionCreate = z.object({
  sessionId: z.string().min(1, '请选择届次').max(64),
  /** Organizer only; omitted → the next free number of the session when admitted. */
  number: z.number().int().min(1, '编号须为正整数').max(99999, '编号过大').optional(),
  title: text('标题', 100, 5),
  body: text('内容', 20000, 10),
  category: text('类别', 20),
  kind: z.enum(SUGGESTION_KINDS, { message: '类型只能是建议、议案转建议或提案' }).default('建议'),
  /** Organizer: the lead deputy; a deputy submitting their own may omit it (it is them). */
  leadDeputyId: z.string().max(64).optional(),
  /** Organizer: co-signers recorded as signed; deputy: co-signers invited to sign in the app. */
  coSignerIds: z.array(z.string().max(64)).max(50, '附议代表不能超过 50 人').default([]),
});
export const SuggestionUpdate = z.object({
  version: Version,
  number: z.number().int().min(1).max(99999).optional(),
  title: text('标题', 100, 5).optional(),
  body: text('内容', 20000, 10).optional(),
  category: text('类别', 20).optional(),
  kind: z.enum(SUGGESTION_KINDS).optional(),
});
export const VersionBody = z.object({ version: Version });
export const NotAdmitBody = z.object({ version: Version, reason: text('不予立案理由', 500, 4) });
export const AssignBody = z.object({
  version: Version,
  leadUnitId: z.string().min(1, '请选择主办单位').max(64),
  coUnitIds: z.array(z.string().min(1).max(64)).max(20, '协办单位不能超过 20 个').default([]),
  /** The 交办 date; defaults to today and may not be in the future (a 交办会 held earlier may be recorded). */
  assignedOn: IsoDateString.optional(),
});
export const InviteSignerBody = z.object({ deputyId: z.string().min(1).max(64) });
export const SignerParams = z.object({ id: z.string().min(1).max(64), deputyId: z.string().min(1).max(64) });
export const SignatureBody = z.object({ accept: z.boolean() });
export const KeySupervisionBody = z.object({ version: Version, keySupervision: z.boolean() });
export const SupervisionActionCreate = z.object({
  kind: z.enum(SUPERVISION_KINDS, { message: '督办方式无效' }),
  happenedOn: IsoDateString,
  note: text('督办情况', 2000, 2),
});
export const ExtensionRequestCreate = z.object({ requestedDue: IsoDateString, reason: text('延期理由', 1000, 4) });
export const ExtensionDecisionBody = z.object({
  version: Version,
  approve: z.boolean(),
  /** When approving: the new due date (defaults to the one requested); never after the hard deadline. */
  decidedDue: IsoDateString.optional(),
  note: optionalText('审核意见', 500),
});

export const SuggestionListQuery = z.object({
  sessionId: z.string().max(64).optional(),
  state: z.union([SuggestionStateEnum, z.array(SuggestionStateEnum)]).optional(),
  unitId: z.string().max(64).optional(),
  deputyId: z.string().max(64).optional(),
  category: z.string().max(20).optional(),
  keySupervision: z.enum(['1', '0']).optional(),
  /** 'overdue' | 'due_soon': derived from the due dates and the calendar. */
  clock: z.enum(['overdue', 'due_soon']).optional(),
  /** Title or number contains (plain match; full-text search is its own route). */
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const SignerView = z.object({
  deputyId: z.string(), name: z.string(), role: z.enum(['lead', 'co']), status: z.enum(['invited', 'accepted', 'declined']),
  statusLabel: z.string(), respondedAt: z.string().nullable(),
});

export const SuggestionListItem = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionShortName: z.string(),
  number: z.number().nullable(),
  title: z.string(),
  category: z.string(),
  kind: z.string(),
  state: SuggestionStateEnum,
  stateLabel: z.string(),
  round: z.number(),
  leadDeputy: Ref,
  signerNames: z.array(z.string()),
  leadUnit: Ref.nullable(),
  assignedOn: z.string().nullable(),
  /** The due date in force: extended_due ?? reply_due. */
  dueDate: z.string().nullable(),
  /** Present while a unit is handling it (正常/临期/逾期). */
  clock: DeadlineClockView.nullable(),
  keySupervision: z.boolean(),
  finalSatisfaction: SatisfactionEnum.nullable(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
});
export const SuggestionPage = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(SuggestionListItem) });

export const AssignmentView = z.object({
  id: z.string(),
  suggestionId: z.string(),
  unit: Ref,
  role: z.enum(['lead', 'co']),
  roleLabel: z.string(),
  state: AssignmentStateEnum,
  stateLabel: z.string(),
  assignedOn: z.string(),
  acceptedAt: z.string().nullable(),
  returnDue: ExplainedDate,
  returnReason: z.string().nullable(),
  returnRequestedAt: z.string().nullable(),
  returnDecision: z.enum(['approved', 'rejected']).nullable(),
  returnDecisionNote: z.string().nullable(),
  returnDecidedAt: z.string().nullable(),
  opinionDue: ExplainedDate.nullable(),
  /** Co-unit opinion: shown to the organizer, admin, the lead unit and the co-unit itself; never to deputies. */
  opinion: z.object({ text: z.string(), at: z.string(), byName: z.string().nullable() }).nullable(),
  opinionVisible: z.boolean(),
  /** For the lead: the reply due; for a co-unit: its opinion due until the opinion is in. */
  clock: DeadlineClockView.nullable(),
  version: z.number(),
});

export const ExtensionRequestView = z.object({
  id: z.string(), assignmentId: z.string(), unitName: z.string(), requestedDue: z.string(), reason: z.string(),
  state: z.enum(['pending', 'approved', 'rejected']), stateLabel: z.string(), decidedDue: z.string().nullable(),
  decisionNote: z.string().nullable(), requestedAt: z.string(), decidedAt: z.string().nullable(), version: z.number(),
});

export const SupervisionActionView = z.object({
  id: z.string(), kind: z.enum(SUPERVISION_KINDS), kindLabel: z.string(), happenedOn: z.string(), note: z.string(),
  actorName: z.string(), createdAt: z.string(),
});

export const ReplyPointView = z.object({
  id: z.string(), ordinal: z.number(), heading: z.string().nullable(), text: z.string(),
  responsibleOrg: Ref.nullable(), version: z.number(),
});
export const RatingView = z.object({
  id: z.string(), deputyId: z.string(), deputyName: z.string(), satisfaction: SatisfactionEnum, satisfactionLabel: z.string(),
  metInPerson: z.boolean(), comment: z.string().nullable(), ratedAt: z.string(),
});
export const ReplyView = z.object({
  id: z.string(),
  suggestionId: z.string(),
  round: z.number(),
  state: z.enum(['draft', 'submitted']),
  unit: Ref,
  docNumber: z.string().nullable(),
  classCode: z.string().nullable(),
  classLabel: z.string().nullable(),
  signer: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  intro: z.string().nullable(),
  closing: z.string(),
  replyDate: z.string().nullable(),
  dueOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publicationState: z.enum(['draft', 'reviewed', 'published']),
  publishedAt: z.string().nullable(),
  points: z.array(ReplyPointView),
  /** Organizer, admin and units see every rating; a deputy sees their own. */
  ratings: z.array(RatingView),
  /** How many of the signers are to rate this round, and how many did. */
  ratingsExpected: z.number(),
  ratingsReceived: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});

/** What the viewer may do now, so the UI shows only working buttons. */
export const SUGGESTION_VIEW_ACTIONS = [
  'edit', 'submit', 'invite', 'admit', 'not_admit', 'assign', 'accept', 'request_return', 'decide_return',
  'request_extension', 'decide_extension', 'submit_opinion', 'edit_reply', 'submit_reply', 'rate', 'sign',
  'key_supervision', 'supervise',
] as const;

export const SuggestionDetail = SuggestionListItem.extend({
  body: z.string(),
  notAdmittedReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  admittedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** How each due date was computed (explainText lines). */
  deadlines: z.object({ replyDue: ExplainedDate.nullable(), hardDue: ExplainedDate.nullable(), extendedDue: ExplainedDate.nullable() }),
  ruleSet: z.object({ id: z.string(), name: z.string(), classScheme: z.array(z.object({ code: z.string(), label: z.string() })), returnWindowCount: z.number(), returnWindowUnit: z.enum(['workdays', 'days']) }),
  signers: z.array(SignerView),
  assignments: z.array(AssignmentView),
  extensionRequests: z.array(ExtensionRequestView),
  supervisionActions: z.array(SupervisionActionView),
  /** Deputies see submitted replies only; units and the organizer also the draft of the current round. */
  replies: z.array(ReplyView),
  actions: z.array(z.enum(SUGGESTION_VIEW_ACTIONS)),
  version: z.number(),
});

export const RatingResult = z.object({ rating: RatingView, suggestion: SuggestionDetail });

export const EventView = z.object({
  id: z.string(), kind: z.string(), label: z.string(), actorName: z.string(), at: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(), visibility: z.enum(['internal', 'deputy', 'public']),
});

// ---------- assignments ----------

export const ReturnRequestBody = z.object({ version: Version, reason: text('退办理由', 1000, 4) });
export const ReturnDecisionBody = z.object({
  version: Version,
  approve: z.boolean(),
  /** Approving a lead unit's return: the unit that takes it over (required). A co-unit's: optional replacement. */
  newUnitId: z.string().max(64).optional(),
  note: optionalText('决定说明', 500),
});
export const OpinionBody = z.object({ version: Version, text: text('协办意见', 10000, 4) });

// ---------- replies ----------

export const ReplyUpdate = z.object({
  version: Version,
  docNumber: optionalText('发文字号', 40),
  classCode: z.string().trim().max(4).nullable().optional(),
  signer: optionalText('签发人', 20),
  contactPerson: optionalText('联系人', 20),
  contactPhone: PhoneString.nullable().optional(),
  intro: optionalText('开头语', 5000),
  closing: text('结束语', 500).optional(),
  replyDate: IsoDateString.nullable().optional(),
});
export const ReplyPointCreate = z.object({
  heading: optionalText('要点标题', 200),
  text: text('要点内容', 20000),
  responsibleOrgId: z.string().max(64).nullable().optional(),
});
export const ReplyPointUpdate = z.object({
  version: Version,
  heading: optionalText('要点标题', 200),
  text: text('要点内容', 20000).optional(),
  responsibleOrgId: z.string().max(64).nullable().optional(),
});
export const PointDeleteQuery = z.object({ version: z.coerce.number().int().positive() });
/** The full list of the reply's point ids in their new order. */
export const PointOrderBody = z.object({ pointIds: z.array(z.string().max(64)).min(1).max(100) });
export const RatingCreate = z.object({
  satisfaction: SatisfactionEnum,
  metInPerson: z.boolean(),
  comment: optionalText('意见', 2000),
});

// ---------- overviews ----------

export const DashboardQuery = z.object({ sessionId: z.string().max(64).optional() });
export const Dashboard = z.object({
  today: z.string(),
  /** Working days ahead that count as 临期 (the largest "before" reminder of the rule set, default 10). */
  dueSoonWorkdays: z.number(),
  countsByState: z.array(z.object({ state: SuggestionStateEnum, label: z.string(), count: z.number() })),
  total: z.number(),
  overdue: z.array(SuggestionListItem),
  dueSoon: z.array(SuggestionListItem),
  awaitingAdmission: z.number(),
  pendingReturns: z.array(z.object({ assignment: AssignmentView, suggestion: z.object({ id: z.string(), number: z.number().nullable(), title: z.string() }) })),
  pendingExtensions: z.array(z.object({ request: ExtensionRequestView, suggestion: z.object({ id: z.string(), number: z.number().nullable(), title: z.string(), hardDue: z.string().nullable() }) })),
  keySupervision: z.number(),
  coOpinionsOverdue: z.number(),
});

export const InboxQuery = z.object({ state: z.enum(['open', 'all']).default('open') });
export const InboxItem = z.object({
  assignment: AssignmentView,
  suggestion: SuggestionListItem,
  /** Whether the current round's reply draft exists (lead) and its state. */
  replyState: z.enum(['none', 'draft', 'submitted']),
});
export const Inbox = z.object({ unit: Ref, today: z.string(), items: z.array(InboxItem) });

export type SuggestionDetailT = z.infer<typeof SuggestionDetail>;
export type SuggestionListItemT = z.infer<typeof SuggestionListItem>;
export type AssignmentViewT = z.infer<typeof AssignmentView>;
export type ReplyViewT = z.infer<typeof ReplyView>;
export type RuleSetViewT = z.infer<typeof RuleSetView>;
