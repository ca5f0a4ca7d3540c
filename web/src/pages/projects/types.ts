/** What the key-projects API returns (server/modules/projects). */
export type Light = 'green' | 'yellow' | 'red';
export type ReasonLevel = Light | 'info';

export interface LightReason { rule: string; level: ReasonLevel; text: string }
export interface LightResult { light: Light; reasons: LightReason[]; expected: number | null; expectedBasis: string | null; gap: number | null }
export interface NextMilestone { id: string; name: string; targetDate: string; daysLeft: number; overdue: boolean }

export interface LightRules {
  gapYellow: number; gapRed: number; targetBasis: 'plan' | 'linear'; notStartedYellow: boolean; notStartedRedMonths: number;
  milestoneOverdueRed: boolean; milestoneWarnDays: number; suspendedYellow: boolean;
}

export interface ProjectSummary {
  id: string; name: string; ownerOrgId: string; ownerOrgName: string; location: string; level: string; category: string;
  status: ProjectStatus; statusLabel: string; plannedInvestmentWan: number | null; plannedStart: string | null; plannedFinish: string | null;
  actualStart: string | null; startedOn: string | null; progress: number; weighting: 'equal' | 'area'; weightingExplanation: string;
  light: LightResult; nextMilestone: NextMilestone | null; componentCount: number; lastReportOn: string | null;
  isPublic: boolean; isDemo: boolean; version: number; canEdit: boolean; openIssues?: number; overdueIssues?: number;
}

export type ProjectStatus = 'preparing' | 'under_construction' | 'suspended' | 'completed';

export interface Stage { key: string; name: string; weight: number }
export interface StageProgress extends Stage { percent: number; asOf: string | null }
export interface Component {
  id: string; name: string; floorAreaM2: number | null; sortOrder: number; note: string; percent: number;
  currentStage: { key: string; name: string; percent: number } | null; lastReportOn: string | null; stages: StageProgress[]; updateCount: number; version: number;
}
export interface Milestone {
  id: string; name: string; componentId: string | null; componentName: string | null; targetDate: string; achievedOn: string | null; note: string;
  state: 'achieved' | 'overdue' | 'pending'; daysLeft: number | null; version: number;
}
export interface MonthRow {
  id: string; month: string; planInvestmentWan: number | null; actualInvestmentWan: number | null; planInvestmentCumWan: number;
  actualInvestmentCumWan: number | null; planProgress: number | null; actualProgress: number | null; actualProgressAsOf: string | null; note: string; version: number;
}
export interface Issue {
  id: string; type: string; title: string; raisedOn: string; raisedBy: string; ownerOrgId: string | null; ownerOrgName: string | null;
  actionRequired: string; dueOn: string | null; resolvedOn: string | null; resolution: string; state: 'open' | 'overdue' | 'resolved'; daysOverdue: number; version: number;
}
export interface Photo { id: string; name: string; mime: string; size: number; caption: string; hash: string; url: string }
export interface Update {
  id: string; componentId: string; componentName: string; stageKey: string; stageName: string; percent: number; asOf: string;
  completesPrevious: boolean; note: string; internalNote: string; isPublic: boolean; voided: { at: string; reason: string } | null;
  createdByName: string; createdAt: string; version: number; photos: Photo[];
}

export interface ProjectDetail extends ProjectSummary {
  description: string; internalNote: string;
  lightRules: { effective: LightRules; custom: Partial<LightRules> | null; global: LightRules; sentences: string[] };
  components: Component[]; milestones: Milestone[]; monthly: MonthRow[]; issues: Issue[]; updates: Update[];
  canManage: boolean;
}

export interface StageTemplate { id: string; name: string; stages: Stage[]; isDefault: boolean; builtin: boolean; version: number }
export interface OrgOption { id: string; name: string; shortName: string }

export const STATUS_OPTIONS: Array<{ value: ProjectStatus; label: string }> = [
  { value: 'preparing', label: '前期' }, { value: 'under_construction', label: '在建' }, { value: 'suspended', label: '停工' }, { value: 'completed', label: '竣工' },
];
export const LEVEL_OPTIONS = ['省级重点', '市级重点', '区级重点', '一般项目'].map((v) => ({ value: v, label: v }));
export const CATEGORY_OPTIONS = ['产业项目', '社会事业', '基础设施', '生态环保', '其他'].map((v) => ({ value: v, label: v }));
export const ISSUE_TYPE_OPTIONS = ['要素保障', '审批手续', '资金', '征地拆迁', '施工组织', '安全环保', '其他'].map((v) => ({ value: v, label: v }));
