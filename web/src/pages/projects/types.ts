/**
 * The key-projects API's shapes, taken from the server's zod schemas so the pages and the server never drift.
 * Type-only: nothing from the server is bundled.
 */
import type { z } from 'zod';
import type * as S from '../../../../server/modules/projects/projects.schemas';

export type ProjectSummary = z.infer<typeof S.ProjectSummaryView>;
export type ProjectDetail = z.infer<typeof S.ProjectDetailView>;
export type ProjectStatus = (typeof S.PROJECT_STATUSES)[number];
export type LightResult = z.infer<typeof S.LightView>;
export type Light = LightResult['light'];
export type LightReason = LightResult['reasons'][number];
export type ReasonLevel = LightReason['level'];
export type LightRules = z.infer<typeof S.LightRulesView>;
export type NextMilestone = NonNullable<ProjectSummary['nextMilestone']>;
export type StageProgress = z.infer<typeof S.StageProgressView>;
export type Stage = Pick<StageProgress, 'key' | 'name' | 'weight'>;
export type Component = z.infer<typeof S.ComponentView>;
export type Milestone = z.infer<typeof S.MilestoneView>;
export type MonthRow = z.infer<typeof S.MonthRowView>;
export type Issue = z.infer<typeof S.IssueView>;
export type Photo = z.infer<typeof S.PhotoView>;
export type Update = z.infer<typeof S.UpdateView>;

export type StageTemplate = z.infer<typeof S.StageTemplateView>;
export type GlobalLightRules = z.infer<typeof S.GlobalLightRulesView>;
export interface OrgOption { id: string; name: string; shortName: string }

export const STATUS_OPTIONS: Array<{ value: ProjectStatus; label: string }> = [
  { value: 'preparing', label: '前期' }, { value: 'under_construction', label: '在建' }, { value: 'suspended', label: '停工' }, { value: 'completed', label: '竣工' },
];
export const LEVEL_OPTIONS = ['省级重点', '市级重点', '区级重点', '一般项目'].map((v) => ({ value: v, label: v }));
export const CATEGORY_OPTIONS = ['产业项目', '社会事业', '基础设施', '生态环保', '其他'].map((v) => ({ value: v, label: v }));
export const ISSUE_TYPE_OPTIONS = ['要素保障', '审批手续', '资金', '征地拆迁', '施工组织', '安全环保', '其他'].map((v) => ({ value: v, label: v }));
