import { z } from 'zod';
import { isValidDate } from '../../../domain/calendar/dates.js';

export const PROJECT_STATUSES = ['preparing', 'under_construction', 'suspended', 'completed'] as const;
export const PROJECT_STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], string> = {
  preparing: '前期', under_construction: '在建', suspended: '停工', completed: '竣工',
};
export const WEIGHTINGS = ['equal', 'area'] as const;

export const DateStr = z.string().refine(isValidDate, { message: '日期无效，应为 YYYY-MM-DD' });
export const MonthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份无效，应为 YYYY-MM');
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
const Version = z.number({ message: '缺少版本号' }).int().positive();
const Wan = z.number().min(0, '金额不能为负数').max(100_000_000, '金额过大').nullable();
const Percent = z.number().min(0, '百分比须在 0–100 之间').max(100, '百分比须在 0–100 之间');

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });

// ---------------------------------------------------------------- projects

const ProjectFields = {
  name: required('项目名称', 80),
  ownerOrgId: z.string().min(1, '请选择责任单位').max(64),
  location: required('建设地点', 120),
  level: required('项目级别', 20),
  category: required('项目类别', 20),
  plannedInvestmentWan: Wan,
  plannedStart: DateStr.nullable(),
  plannedFinish: DateStr.nullable(),
  actualStart: DateStr.nullable(),
  status: z.enum(PROJECT_STATUSES, { message: '项目状态无效' }),
  description: text('项目简介', 2000),
  internalNote: text('内部备注', 2000),
  weighting: z.enum(WEIGHTINGS, { message: '进度加权方式无效' }),
  isPublic: z.boolean(),
};
const datesInOrder = (v: { plannedStart?: string | null; plannedFinish?: string | null }) => !v.plannedStart || !v.plannedFinish || v.plannedStart <= v.plannedFinish;
export const ProjectCreate = z.object({
  ...ProjectFields,
  actualStart: ProjectFields.actualStart.default(null),
  description: ProjectFields.description.default(''),
  internalNote: ProjectFields.internalNote.default(''),
  weighting: ProjectFields.weighting.default('equal'),
  isPublic: ProjectFields.isPublic.default(true),
  /** Stage template for the components listed here (default template when omitted). */
  components: z.array(z.object({ name: required('单体名称', 40), floorAreaM2: z.number().positive('建筑面积须大于 0').max(10_000_000).nullable().default(null) })).max(50).default([]),
  stageTemplateId: z.string().max(64).nullable().default(null),
}).refine(datesInOrder, { message: '计划竣工日期不能早于计划开工日期', path: ['plannedFinish'] });
export const ProjectUpdate = z.object(ProjectFields).partial().extend({ version: Version }).refine(datesInOrder, { message: '计划竣工日期不能早于计划开工日期', path: ['plannedFinish'] });

export const LightRulesInput = z.object({
  gapYellow: z.number().min(0).max(100),
  gapRed: z.number().min(0).max(100),
  targetBasis: z.enum(['plan', 'linear']),
  notStartedYellow: z.boolean(),
  notStartedRedMonths: z.number().int().min(1).max(24),
  milestoneOverdueRed: z.boolean(),
  milestoneWarnDays: z.number().int().min(0).max(365),
  suspendedYellow: z.boolean(),
}).partial();
export const ProjectLightRulesBody = z.object({ version: Version, rules: LightRulesInput.nullable() });
export const GlobalLightRulesBody = z.object({ version: z.number().int().min(0), rules: LightRulesInput });

// ---------------------------------------------------------------- stage templates and components

export const StageInput = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '工序编码须为小写字母开头的字母、数字或下划线'),
  name: required('工序名称', 20),
  weight: z.number().positive('工序权重须大于 0').max(1000),
});
export const StageTemplateBody = z.object({
  name: required('模板名称', 40),
  stages: z.array(StageInput).min(1, '至少需要一道工序').max(40),
  isDefault: z.boolean().default(false),
});
export const StageTemplateUpdate = StageTemplateBody.partial().extend({ version: Version });

export const ComponentCreate = z.object({
  name: required('单体名称', 40),
  floorAreaM2: z.number().positive('建筑面积须大于 0').max(10_000_000).nullable().default(null),
  note: text('说明', 500).default(''),
  stageTemplateId: z.string().max(64).nullable().default(null),
  stages: z.array(StageInput).min(1).max(40).optional(),
});
export const ComponentUpdate = z.object({
  version: Version,
  name: required('单体名称', 40).optional(),
  floorAreaM2: z.number().positive('建筑面积须大于 0').max(10_000_000).nullable().optional(),
  note: text('说明', 500).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  stages: z.array(StageInput).min(1, '至少需要一道工序').max(40).optional(),
});

// ---------------------------------------------------------------- progress reports

const boolField = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])]).transform((v) => v === true || v === 'true' || v === '1' || v === 'on');
export const ProgressUpdateCreate = z.object({
  componentId: z.string().min(1, '请选择单体').max(64),
  stageKey: z.string().min(1, '请选择工序').max(40),
  percent: z.coerce.number({ message: '请填写完成百分比' }).int('完成百分比须为整数').min(0, '百分比须在 0–100 之间').max(100, '百分比须在 0–100 之间'),
  asOf: DateStr,
  completesPrevious: boolField.default(false),
  note: text('进度说明', 1000).default(''),
  internalNote: text('内部备注', 1000).default(''),
  isPublic: boolField.default(true),
  captions: z.array(text('照片说明', 60)).max(9).default([]),
});
export const ProgressUpdateEdit = z.object({
  version: Version,
  note: text('进度说明', 1000).optional(),
  internalNote: text('内部备注', 1000).optional(),
  isPublic: z.boolean().optional(),
});
export const VoidBody = z.object({ version: Version, reason: required('作废原因', 200) });

// ---------------------------------------------------------------- milestones, monthly plan, issues

export const MilestoneCreate = z.object({
  name: required('里程碑名称', 40),
  componentId: z.string().max(64).nullable().default(null),
  targetDate: DateStr,
  achievedOn: DateStr.nullable().default(null),
  note: text('说明', 500).default(''),
});
export const MilestoneUpdate = z.object({
  version: Version,
  name: required('里程碑名称', 40).optional(),
  componentId: z.string().max(64).nullable().optional(),
  targetDate: DateStr.optional(),
  achievedOn: DateStr.nullable().optional(),
  note: text('说明', 500).optional(),
});

export const MonthlyParams = z.object({ id: z.string().min(1).max(64), month: MonthStr });
export const MonthlyBody = z.object({
  /** Absent when the month is new; the current version otherwise. */
  version: Version.optional(),
  planInvestmentWan: Wan,
  actualInvestmentWan: Wan,
  planProgress: Percent.nullable(),
  note: text('说明', 500).default(''),
});

export const ISSUE_TYPES = ['要素保障', '审批手续', '资金', '征地拆迁', '施工组织', '安全环保', '其他'] as const;
export const IssueCreate = z.object({
  type: required('事项类型', 20),
  title: required('事项', 120),
  raisedOn: DateStr,
  raisedBy: required('提出方', 60),
  ownerOrgId: z.string().max(64).nullable().default(null),
  actionRequired: text('需协调解决的事项', 1000).default(''),
  dueOn: DateStr.nullable().default(null),
});
export const IssueUpdate = z.object({
  version: Version,
  type: required('事项类型', 20).optional(),
  title: required('事项', 120).optional(),
  raisedOn: DateStr.optional(),
  raisedBy: required('提出方', 60).optional(),
  ownerOrgId: z.string().max(64).nullable().optional(),
  actionRequired: text('需协调解决的事项', 1000).optional(),
  dueOn: DateStr.nullable().optional(),
});
export const IssueResolve = z.object({ version: Version, resolvedOn: DateStr, resolution: required('解决情况', 1000) });

export type ProjectCreateBody = z.infer<typeof ProjectCreate>;
export type ProjectUpdateBody = z.infer<typeof ProjectUpdate>;

// ---------------------------------------------------------------- public views (a whitelist: anything else is stripped)

const PublicLight = z.object({
  light: z.enum(['green', 'yellow', 'red']),
  reasons: z.array(z.object({ level: z.enum(['green', 'yellow', 'red', 'info']), text: z.string() })),
  expected: z.number().nullable(),
  gap: z.number().nullable(),
});
const PublicNextMilestone = z.object({ id: z.string(), name: z.string(), targetDate: z.string(), daysLeft: z.number(), overdue: z.boolean() }).nullable();
const PublicBase = {
  id: z.string(), name: z.string(), ownerOrgName: z.string(), location: z.string(), level: z.string(), category: z.string(),
  status: z.string(), statusLabel: z.string(), plannedInvestmentWan: z.number().nullable(), plannedStart: z.string().nullable(), plannedFinish: z.string().nullable(),
  progress: z.number(), light: PublicLight, nextMilestone: PublicNextMilestone, lastReportOn: z.string().nullable(),
};
export const PublicProjectSummary = z.object({ ...PublicBase, componentCount: z.number() });
export const PublicProjectDetail = z.object({
  ...PublicBase,
  description: z.string(), startedOn: z.string().nullable(), weightingExplanation: z.string(),
  components: z.array(z.object({
    id: z.string(), name: z.string(), floorAreaM2: z.number().nullable(), percent: z.number(), lastReportOn: z.string().nullable(),
    currentStage: z.object({ key: z.string(), name: z.string(), percent: z.number() }).nullable(),
    stages: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), percent: z.number(), asOf: z.string().nullable() })),
  })),
  milestones: z.array(z.object({ name: z.string(), componentName: z.string().nullable(), targetDate: z.string(), achievedOn: z.string().nullable(), state: z.string() })),
  monthly: z.array(z.object({ month: z.string(), planProgress: z.number().nullable(), actualProgress: z.number().nullable(), planInvestmentWan: z.number().nullable(), actualInvestmentWan: z.number().nullable() })),
  updates: z.array(z.object({
    id: z.string(), componentName: z.string(), stageName: z.string(), percent: z.number(), asOf: z.string(), completesPrevious: z.boolean(), note: z.string(),
    photos: z.array(z.object({ id: z.string(), url: z.string(), caption: z.string(), mime: z.string(), size: z.number() })),
  })),
});

// ---------------------------------------------------------------- staff views (what the staff pages read)

export const OkResult = z.object({ ok: z.boolean() });
export const IdResult = z.object({ id: z.string() });

const LightEnum = z.enum(['green', 'yellow', 'red']);
export const LightRulesView = z.object({
  gapYellow: z.number(), gapRed: z.number(), targetBasis: z.enum(['plan', 'linear']), notStartedYellow: z.boolean(), notStartedRedMonths: z.number(),
  milestoneOverdueRed: z.boolean(), milestoneWarnDays: z.number(), suspendedYellow: z.boolean(),
});
export const LightView = z.object({
  light: LightEnum,
  reasons: z.array(z.object({
    rule: z.enum(['completed', 'suspended', 'not_yet_due', 'not_started', 'progress_gap', 'milestone_overdue', 'milestone_due', 'no_dates']),
    level: z.enum(['green', 'yellow', 'red', 'info']), text: z.string(),
  })),
  expected: z.number().nullable(), expectedBasis: z.string().nullable(), gap: z.number().nullable(),
});
const StaffBase = {
  id: z.string(), name: z.string(), ownerOrgId: z.string(), ownerOrgName: z.string(), location: z.string(), level: z.string(), category: z.string(),
  status: z.string(), statusLabel: z.string(), plannedInvestmentWan: z.number().nullable(), plannedStart: z.string().nullable(),
  plannedFinish: z.string().nullable(), actualStart: z.string().nullable(), startedOn: z.string().nullable(), progress: z.number(),
  weighting: z.enum(['equal', 'area']), weightingExplanation: z.string(), light: LightView, nextMilestone: PublicNextMilestone, componentCount: z.number(),
  lastReportOn: z.string().nullable(), isPublic: z.boolean(), isDemo: z.boolean(), version: z.number(), canEdit: z.boolean(),
};
/** A row of GET /api/projects. */
export const ProjectSummaryView = z.object({ ...StaffBase, openIssues: z.number(), overdueIssues: z.number() });
const StageView = z.object({ key: z.string(), name: z.string(), weight: z.number() });
export const StageProgressView = StageView.extend({ percent: z.number(), asOf: z.string().nullable() });
export const ComponentView = z.object({
  id: z.string(), name: z.string(), floorAreaM2: z.number().nullable(), sortOrder: z.number(), note: z.string(), percent: z.number(),
  currentStage: z.object({ key: z.string(), name: z.string(), percent: z.number() }).nullable(), lastReportOn: z.string().nullable(),
  stages: z.array(StageProgressView), updateCount: z.number(), version: z.number(),
});
export const MilestoneView = z.object({
  id: z.string(), name: z.string(), componentId: z.string().nullable(), componentName: z.string().nullable(), targetDate: z.string(), achievedOn: z.string().nullable(),
  note: z.string(), state: z.enum(['achieved', 'overdue', 'pending']), daysLeft: z.number().nullable(), version: z.number(),
});
export const MonthRowView = z.object({
  id: z.string(), month: z.string(), planInvestmentWan: z.number().nullable(), actualInvestmentWan: z.number().nullable(), planInvestmentCumWan: z.number(),
  actualInvestmentCumWan: z.number().nullable(), planProgress: z.number().nullable(), actualProgress: z.number().nullable(), actualProgressAsOf: z.string().nullable(),
  note: z.string(), version: z.number(),
});
export const IssueView = z.object({
  id: z.string(), type: z.string(), title: z.string(), raisedOn: z.string(), raisedBy: z.string(), ownerOrgId: z.string().nullable(), ownerOrgName: z.string().nullable(),
  actionRequired: z.string(), dueOn: z.string().nullable(), resolvedOn: z.string().nullable(), resolution: z.string(), state: z.enum(['open', 'overdue', 'resolved']),
  daysOverdue: z.number(), version: z.number(),
});
export const PhotoView = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), caption: z.string(), hash: z.string(), url: z.string() });
export const UpdateView = z.object({
  id: z.string(), componentId: z.string(), componentName: z.string(), stageKey: z.string(), stageName: z.string(), percent: z.number(), asOf: z.string(),
  completesPrevious: z.boolean(), note: z.string(), internalNote: z.string(), isPublic: z.boolean(), voided: z.object({ at: z.string(), reason: z.string() }).nullable(),
  createdByName: z.string(), createdAt: z.string(), version: z.number(), photos: z.array(PhotoView),
});
/** GET /api/projects/:id, and what creating or changing a project returns. */
export const ProjectDetailView = z.object({
  ...StaffBase,
  description: z.string(), internalNote: z.string(),
  lightRules: z.object({ effective: LightRulesView, custom: LightRulesView.partial().nullable(), global: LightRulesView, sentences: z.array(z.string()) }),
  components: z.array(ComponentView), milestones: z.array(MilestoneView), monthly: z.array(MonthRowView), issues: z.array(IssueView), updates: z.array(UpdateView),
  canManage: z.boolean(),
});

/** A row of GET /api/projects/options (pickers elsewhere). */
export const ProjectOptionView = z.object({ id: z.string(), name: z.string(), ownerOrgId: z.string(), ownerOrgName: z.string(), status: z.string() });
export const StageTemplateView = z.object({ id: z.string(), name: z.string(), stages: z.array(StageView), isDefault: z.boolean(), builtin: z.boolean(), version: z.number() });
/** GET /api/projects/light-rules and what changing them returns. */
export const GlobalLightRulesView = z.object({ rules: LightRulesView, version: z.number(), defaults: LightRulesView, sentences: z.array(z.string()) });
