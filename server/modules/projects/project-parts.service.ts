import type { z } from 'zod';
import type { Actor } from '../../platform/auth/roles.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { StageDef } from '../../../domain/project-progress.js';
import type { ProjectAccess } from './project-access.js';
import { assertStages } from './project-config.service.js';
import type { ProjectConfigService } from './project-config.service.js';
import type { CoordinationIssueTable, ProjectComponentTable, ProjectMilestoneTable, ProjectMonthlyTable } from './projects.tables.js';
import type { ComponentCreate, ComponentUpdate, IssueCreate, IssueResolve, IssueUpdate, MilestoneCreate, MilestoneUpdate, MonthlyBody } from './projects.schemas.js';

const componentAudit = (c: ProjectComponentTable) => ({ name: c.name, floorAreaM2: c.floor_area_m2, sortOrder: c.sort_order, note: c.note, stages: JSON.parse(c.stages_json) });
const milestoneAudit = (m: ProjectMilestoneTable) => ({ name: m.name, componentId: m.component_id, targetDate: m.target_date, achievedOn: m.achieved_on, note: m.note });
const monthAudit = (m: ProjectMonthlyTable) => ({ month: m.month, planInvestmentWan: m.plan_investment_wan, actualInvestmentWan: m.actual_investment_wan, planProgress: m.plan_progress, note: m.note });
const issueAudit = (i: CoordinationIssueTable) => ({
  type: i.type, title: i.title, raisedOn: i.raised_on, raisedBy: i.raised_by, ownerOrgId: i.owner_org_id, actionRequired: i.action_required,
  dueOn: i.due_on, resolvedOn: i.resolved_on, resolution: i.resolution,
});

/** The parts of a project: components (单体), milestones, the monthly plan and coordination issues (协调事项). */
export class ProjectPartsService {
  constructor(private readonly access: ProjectAccess, private readonly config: ProjectConfigService) {}

  private get repo() {
    return this.access.repo;
  }
  private now() {
    return this.access.ctx.clock.nowIso();
  }

  // ------------------------------------------------------------ components

  private async component(projectId: string, id: string) {
    const c = await this.repo.getComponent(id);
    if (!c || c.project_id !== projectId) notFound('单体不存在或不属于该项目');
    return c!;
  }

  async addComponent(actor: Actor, projectId: string, body: z.infer<typeof ComponentCreate>) {
    await this.access.forEdit(actor, projectId);
    if (await this.repo.componentNameTaken(projectId, body.name)) conflict(`该项目已有名为“${body.name}”的单体`, 'duplicate');
    const stages = body.stages ?? (await this.config.resolveStages(body.stageTemplateId));
    assertStages(stages);
    const now = this.now();
    const row: ProjectComponentTable = {
      id: newId(), project_id: projectId, name: body.name, floor_area_m2: body.floorAreaM2, sort_order: (await this.repo.maxComponentOrder(projectId)) + 1,
      stages_json: JSON.stringify(stages), note: body.note, is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      await repo.insertComponent(row);
      await audit({ action: 'project.component.create', entityType: 'project_component', entityId: row.id, after: { projectId, ...componentAudit(row) } });
    }, actor);
    return { id: row.id };
  }

  async updateComponent(actor: Actor, projectId: string, id: string, body: z.infer<typeof ComponentUpdate>) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.component(projectId, id);
    if (body.name && body.name !== cur.name && (await this.repo.componentNameTaken(projectId, body.name, id))) conflict(`该项目已有名为“${body.name}”的单体`, 'duplicate');
    if (body.stages) {
      assertStages(body.stages);
      const kept = new Set(body.stages.map((s) => s.key));
      const lost = (await this.repo.stageKeysInUse(id)).filter((k) => !kept.has(k));
      if (lost.length) {
        const names = (JSON.parse(cur.stages_json) as StageDef[]).filter((s) => lost.includes(s.key)).map((s) => s.name);
        conflict(`工序“${(names.length ? names : lost).join('、')}”已有进度填报记录，不能删除（可调整名称或权重）`, 'stage_in_use');
      }
    }
    const next: ProjectComponentTable = {
      ...cur, name: body.name ?? cur.name, floor_area_m2: body.floorAreaM2 === undefined ? cur.floor_area_m2 : body.floorAreaM2,
      note: body.note ?? cur.note, sort_order: body.sortOrder ?? cur.sort_order, stages_json: body.stages ? JSON.stringify(body.stages) : cur.stages_json,
      updated_at: this.now(),
    };
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('project_component', id, body.version, {
        name: next.name, floor_area_m2: next.floor_area_m2, note: next.note, sort_order: next.sort_order, stages_json: next.stages_json, updated_at: next.updated_at,
      }, '该单体');
      await audit({ action: 'project.component.update', entityType: 'project_component', entityId: id, before: componentAudit(cur), after: componentAudit(next) });
    }, actor);
    return { id };
  }

  async removeComponent(actor: Actor, projectId: string, id: string, version: number) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.component(projectId, id);
    if ((await this.repo.countUpdates({ componentId: id })) > 0) conflict(`单体“${cur.name}”已有进度填报记录，不能删除`, 'has_history');
    if ((await this.repo.milestonesOfComponent(id)) > 0) conflict(`单体“${cur.name}”关联了里程碑，请先修改或删除这些里程碑`, 'has_milestones');
    await this.access.tx(async (repo, audit) => {
      await repo.deleteVersioned('project_component', id, version, '该单体');
      await audit({ action: 'project.component.delete', entityType: 'project_component', entityId: id, before: componentAudit(cur) });
    }, actor);
    return { ok: true };
  }

  // ------------------------------------------------------------ milestones

  private async milestone(projectId: string, id: string) {
    const m = await this.repo.getMilestone(id);
    if (!m || m.project_id !== projectId) notFound('里程碑不存在或不属于该项目');
    return m!;
  }

  private async assertComponentOf(projectId: string, componentId: string | null | undefined) {
    if (componentId) await this.component(projectId, componentId);
  }

  async addMilestone(actor: Actor, projectId: string, body: z.infer<typeof MilestoneCreate>) {
    await this.access.forEdit(actor, projectId);
    await this.assertComponentOf(projectId, body.componentId);
    this.access.assertNotFuture(body.achievedOn, '实际完成日期');
    const now = this.now();
    const row: ProjectMilestoneTable = {
      id: newId(), project_id: projectId, component_id: body.componentId, name: body.name, target_date: body.targetDate, achieved_on: body.achievedOn,
      note: body.note, is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      await repo.insertMilestone(row);
      await audit({ action: 'project.milestone.create', entityType: 'project_milestone', entityId: row.id, after: { projectId, ...milestoneAudit(row) } });
    }, actor);
    return { id: row.id };
  }

  async updateMilestone(actor: Actor, projectId: string, id: string, body: z.infer<typeof MilestoneUpdate>) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.milestone(projectId, id);
    await this.assertComponentOf(projectId, body.componentId);
    if (body.achievedOn !== undefined) this.access.assertNotFuture(body.achievedOn, '实际完成日期');
    const next: ProjectMilestoneTable = {
      ...cur, name: body.name ?? cur.name, component_id: body.componentId === undefined ? cur.component_id : body.componentId,
      target_date: body.targetDate ?? cur.target_date, achieved_on: body.achievedOn === undefined ? cur.achieved_on : body.achievedOn,
      note: body.note ?? cur.note, updated_at: this.now(),
    };
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('project_milestone', id, body.version, {
        name: next.name, component_id: next.component_id, target_date: next.target_date, achieved_on: next.achieved_on, note: next.note, updated_at: next.updated_at,
      }, '该里程碑');
      const action = !cur.achieved_on && next.achieved_on ? 'project.milestone.achieve' : 'project.milestone.update';
      await audit({ action, entityType: 'project_milestone', entityId: id, before: milestoneAudit(cur), after: milestoneAudit(next) });
    }, actor);
    return { id };
  }

  async removeMilestone(actor: Actor, projectId: string, id: string, version: number) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.milestone(projectId, id);
    await this.access.tx(async (repo, audit) => {
      await repo.deleteVersioned('project_milestone', id, version, '该里程碑');
      await audit({ action: 'project.milestone.delete', entityType: 'project_milestone', entityId: id, before: milestoneAudit(cur) });
    }, actor);
    return { ok: true };
  }

  // ------------------------------------------------------------ monthly plan and actuals

  /** Creates the month (no version given) or updates it (the version read); a month exists once per project. */
  async putMonth(actor: Actor, projectId: string, month: string, body: z.infer<typeof MonthlyBody>) {
    await this.access.forEdit(actor, projectId);
    const y = Number(month.slice(0, 4));
    if (y < 2000 || y > 2100) badRequest('月份须在 2000–2100 年之间', 'invalid_month');
    if (body.actualInvestmentWan !== null && `${month}-01` > this.access.today()) badRequest(`${month} 尚未开始，不能填写实际完成投资`, 'future_month');
    const cur = await this.repo.getMonth(projectId, month);
    const now = this.now();
    const next: ProjectMonthlyTable = {
      id: cur?.id ?? newId(), project_id: projectId, month, plan_investment_wan: body.planInvestmentWan, actual_investment_wan: body.actualInvestmentWan,
      plan_progress: body.planProgress, note: body.note, is_demo: cur?.is_demo ?? 0, version: (body.version ?? 0) + 1, created_at: cur?.created_at ?? now, updated_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      if (!cur) {
        if (body.version !== undefined) staleWrite(`${month} 的计划`);
        await repo.insertMonth(next);
      } else {
        if (body.version === undefined) conflict(`${month} 已有计划数据，请刷新后在原记录上修改`, 'exists');
        await repo.versioned('project_monthly', cur.id, body.version!, {
          plan_investment_wan: next.plan_investment_wan, actual_investment_wan: next.actual_investment_wan, plan_progress: next.plan_progress, note: next.note, updated_at: now,
        }, `${month} 的计划`);
      }
      await audit({ action: cur ? 'project.monthly.update' : 'project.monthly.create', entityType: 'project_monthly', entityId: next.id, before: cur ? monthAudit(cur) : undefined, after: { projectId, ...monthAudit(next) } });
    }, actor);
    return { id: next.id };
  }

  async removeMonth(actor: Actor, projectId: string, month: string, version: number) {
    await this.access.forEdit(actor, projectId);
    const cur = (await this.repo.getMonth(projectId, month)) ?? notFound(`${month} 没有计划数据`);
    await this.access.tx(async (repo, audit) => {
      await repo.deleteVersioned('project_monthly', cur.id, version, `${month} 的计划`);
      await audit({ action: 'project.monthly.delete', entityType: 'project_monthly', entityId: cur.id, before: { projectId, ...monthAudit(cur) } });
    }, actor);
    return { ok: true };
  }

  // ------------------------------------------------------------ coordination issues (协调事项)

  private async issue(projectId: string, id: string) {
    const i = await this.repo.getIssue(id);
    if (!i || i.project_id !== projectId) notFound('协调事项不存在或不属于该项目');
    return i!;
  }

  private async assertOrg(id: string | null | undefined) {
    if (id && !(await this.repo.orgName(id))) badRequest('所选责任单位不存在', 'org_missing');
  }

  async addIssue(actor: Actor, projectId: string, body: z.infer<typeof IssueCreate>) {
    await this.access.forEdit(actor, projectId);
    await this.assertOrg(body.ownerOrgId);
    this.access.assertNotFuture(body.raisedOn, '提出日期');
    if (body.dueOn && body.dueOn < body.raisedOn) badRequest('办结时限不能早于提出日期', 'date_order');
    const now = this.now();
    const row: CoordinationIssueTable = {
      id: newId(), project_id: projectId, type: body.type, title: body.title, raised_on: body.raisedOn, raised_by: body.raisedBy, owner_org_id: body.ownerOrgId,
      action_required: body.actionRequired, due_on: body.dueOn, resolved_on: null, resolution: '', is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      await repo.insertIssue(row);
      await audit({ action: 'project.issue.create', entityType: 'coordination_issue', entityId: row.id, after: { projectId, ...issueAudit(row) } });
    }, actor);
    return { id: row.id };
  }

  async updateIssue(actor: Actor, projectId: string, id: string, body: z.infer<typeof IssueUpdate>) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.issue(projectId, id);
    await this.assertOrg(body.ownerOrgId);
    if (body.raisedOn) this.access.assertNotFuture(body.raisedOn, '提出日期');
    const next: CoordinationIssueTable = {
      ...cur, type: body.type ?? cur.type, title: body.title ?? cur.title, raised_on: body.raisedOn ?? cur.raised_on, raised_by: body.raisedBy ?? cur.raised_by,
      owner_org_id: body.ownerOrgId === undefined ? cur.owner_org_id : body.ownerOrgId, action_required: body.actionRequired ?? cur.action_required,
      due_on: body.dueOn === undefined ? cur.due_on : body.dueOn, updated_at: this.now(),
    };
    if (next.due_on && next.due_on < next.raised_on) badRequest('办结时限不能早于提出日期', 'date_order');
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('coordination_issue', id, body.version, {
        type: next.type, title: next.title, raised_on: next.raised_on, raised_by: next.raised_by, owner_org_id: next.owner_org_id,
        action_required: next.action_required, due_on: next.due_on, updated_at: next.updated_at,
      }, '该协调事项');
      await audit({ action: 'project.issue.update', entityType: 'coordination_issue', entityId: id, before: issueAudit(cur), after: issueAudit(next) });
    }, actor);
    return { id };
  }

  async resolveIssue(actor: Actor, projectId: string, id: string, body: z.infer<typeof IssueResolve>) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.issue(projectId, id);
    if (cur.resolved_on) conflict(`该协调事项已于 ${cur.resolved_on} 解决`, 'already_resolved');
    this.access.assertNotFuture(body.resolvedOn, '解决日期');
    if (body.resolvedOn < cur.raised_on) badRequest('解决日期不能早于提出日期', 'date_order');
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('coordination_issue', id, body.version, { resolved_on: body.resolvedOn, resolution: body.resolution, updated_at: this.now() }, '该协调事项');
      await audit({ action: 'project.issue.resolve', entityType: 'coordination_issue', entityId: id, before: issueAudit(cur), after: { ...issueAudit(cur), resolvedOn: body.resolvedOn, resolution: body.resolution } });
    }, actor);
    return { id };
  }

  async reopenIssue(actor: Actor, projectId: string, id: string, version: number) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.issue(projectId, id);
    if (!cur.resolved_on) conflict('该协调事项尚未解决，无需重新打开', 'not_resolved');
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('coordination_issue', id, version, { resolved_on: null, updated_at: this.now() }, '该协调事项');
      await audit({ action: 'project.issue.reopen', entityType: 'coordination_issue', entityId: id, before: issueAudit(cur), after: { ...issueAudit(cur), resolvedOn: null } });
    }, actor);
    return { id };
  }
}
