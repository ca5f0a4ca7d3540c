/**
 * Turns stored rows into what people read: derived progress per stage, component and project, the light
 * with its reasons, the next milestone, monthly plan against actual. Nothing here is stored.
 */
import { componentProgress, projectProgress, round1, type ProgressReport, type StageDef, type Weighting } from '../../../domain/project-progress.js';
import { computeLight, describeLightRules, monthEnd, normalizeLightRules, type LightResult, type LightRules, type ProjectStatus } from '../../../domain/project-light.js';
import { daysBetween } from '../../../domain/calendar/dates.js';
import type { CoordinationIssueTable, ProjectComponentTable, ProjectMilestoneTable, ProjectMonthlyTable, ProjectProgressUpdateTable } from './projects.tables.js';
import type { IssueRow, PhotoMeta, ProjectRow } from './projects.repo.js';
import { PROJECT_STATUS_LABELS } from './projects.schemas.js';

export interface ProjectBundle {
  project: ProjectRow;
  components: ProjectComponentTable[];
  /** Non-voided reports (voided ones do not count). */
  updates: ProjectProgressUpdateTable[];
  milestones: ProjectMilestoneTable[];
  monthly: ProjectMonthlyTable[];
  issues: IssueRow[];
}

export const parseStages = (json: string): StageDef[] => JSON.parse(json) as StageDef[];

const toReport = (u: ProjectProgressUpdateTable): ProgressReport => ({
  componentId: u.component_id, stageKey: u.stage_key, percent: u.percent, asOf: u.as_of, recordedAt: u.created_at, id: u.id, completesPrevious: u.completes_previous === 1,
});

/** Project progress on a given date (or now), from the reports up to that date. */
export function progressOn(b: Pick<ProjectBundle, 'project' | 'components' | 'updates'>, asOf?: string) {
  const reports = b.updates.map(toReport);
  const comps = b.components.map((c) => {
    const stages = parseStages(c.stages_json);
    return { row: c, stages, progress: componentProgress(stages, reports, c.id, asOf) };
  });
  const overall = projectProgress(comps.map((c) => ({ name: c.row.name, areaM2: c.row.floor_area_m2, percent: c.progress.percent })), b.project.weighting as Weighting);
  return { comps, overall };
}

export function startedOn(b: Pick<ProjectBundle, 'project' | 'updates'>): string | null {
  if (b.project.actual_start) return b.project.actual_start;
  const begun = b.updates.filter((u) => u.percent > 0).map((u) => u.as_of).sort();
  return begun[0] ?? null;
}

export function effectiveRules(projectRulesJson: string | null, globalRules: LightRules): { rules: LightRules; custom: Partial<LightRules> | null } {
  const custom = projectRulesJson ? (JSON.parse(projectRulesJson) as Partial<LightRules>) : null;
  return { rules: normalizeLightRules(custom, globalRules), custom };
}

export function issueState(i: Pick<CoordinationIssueTable, 'resolved_on' | 'due_on'>, today: string): 'resolved' | 'overdue' | 'open' {
  if (i.resolved_on) return 'resolved';
  if (i.due_on && i.due_on < today) return 'overdue';
  return 'open';
}

export function nextMilestone(ms: ProjectMilestoneTable[], today: string) {
  const open = ms.filter((m) => !m.achieved_on).sort((a, b) => (a.target_date < b.target_date ? -1 : 1))[0];
  if (!open) return null;
  return { id: open.id, name: open.name, targetDate: open.target_date, daysLeft: daysBetween(today, open.target_date), overdue: open.target_date < today };
}

export function lightOf(b: ProjectBundle, today: string, globalRules: LightRules, progress: number): LightResult {
  const { rules } = effectiveRules(b.project.light_rules_json, globalRules);
  return computeLight({
    today, status: b.project.status as ProjectStatus, plannedStart: b.project.planned_start, plannedFinish: b.project.planned_finish,
    startedOn: startedOn(b), progress,
    milestones: b.milestones.map((m) => ({ name: m.name, targetDate: m.target_date, achievedOn: m.achieved_on })),
    plan: b.monthly.map((m) => ({ month: m.month, progress: m.plan_progress })),
  }, rules);
}

/** Plan against actual month by month; actual progress is derived at each month's end (or today, this month). */
export function monthlyView(b: ProjectBundle, today: string) {
  let planCum = 0;
  let actualCum = 0;
  return b.monthly.map((m) => {
    planCum += m.plan_investment_wan ?? 0;
    actualCum += m.actual_investment_wan ?? 0;
    const end = monthEnd(m.month);
    const started = `${m.month}-01` <= today;
    const actualProgress = started ? progressOn(b, end < today ? end : today).overall.percent : null;
    return {
      id: m.id, month: m.month,
      planInvestmentWan: m.plan_investment_wan, actualInvestmentWan: m.actual_investment_wan,
      planInvestmentCumWan: round1(planCum), actualInvestmentCumWan: m.actual_investment_wan === null && !started ? null : round1(actualCum),
      planProgress: m.plan_progress, actualProgress, actualProgressAsOf: started ? (end < today ? end : today) : null,
      note: m.note, version: m.version,
    };
  });
}

export const statusLabel = (s: string) => PROJECT_STATUS_LABELS[s as keyof typeof PROJECT_STATUS_LABELS] ?? s;

/** The list row: the same facts for staff and (minus internal counts) for the public. */
export function summarize(b: ProjectBundle, today: string, globalRules: LightRules) {
  const { comps, overall } = progressOn(b);
  const light = lightOf(b, today, globalRules, overall.percent);
  const lastReportOn = b.updates.map((u) => u.as_of).sort().at(-1) ?? null;
  const p = b.project;
  return {
    id: p.id, name: p.name, ownerOrgId: p.owner_org_id, ownerOrgName: p.owner_name, location: p.location, level: p.level, category: p.category,
    status: p.status, statusLabel: statusLabel(p.status), plannedInvestmentWan: p.planned_investment_wan,
    plannedStart: p.planned_start, plannedFinish: p.planned_finish, actualStart: p.actual_start, startedOn: startedOn(b),
    progress: overall.percent, weighting: overall.weighting, weightingExplanation: overall.explanation,
    light, nextMilestone: nextMilestone(b.milestones, today), componentCount: comps.length, lastReportOn,
    isPublic: p.is_public === 1, isDemo: p.is_demo === 1, version: p.version,
    comps,
  };
}

export function componentViews(comps: ReturnType<typeof progressOn>['comps'], updates: ProjectProgressUpdateTable[]) {
  return comps.map(({ row, progress }) => ({
    id: row.id, name: row.name, floorAreaM2: row.floor_area_m2, sortOrder: row.sort_order, note: row.note,
    percent: progress.percent, currentStage: progress.currentStage, lastReportOn: progress.lastReportOn,
    stages: progress.stages, updateCount: updates.filter((u) => u.component_id === row.id).length, version: row.version,
  }));
}

export function photoView(p: PhotoMeta, urlBase: string) {
  return { id: p.file_id, name: p.name, mime: p.mime, size: p.size, caption: p.caption, hash: p.content_hash, url: `${urlBase}/${p.file_id}` };
}

export const ruleSentences = describeLightRules;
