import type { AppContext } from '../../platform/context.js';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { authorize, allowed } from '../../platform/policy/policy.js';
import { badRequest, conflict, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { projectScope } from './projects.scope.js';
import { normalizeLightRules, type LightRules } from '../../../domain/project-light.js';
import { daysBetween } from '../../../domain/calendar/dates.js';
import { projectPolicy } from './projects.policy.js';
import { ProjectAccess } from './project-access.js';
import type { ProjectRow } from './projects.repo.js';
import type { ProjectTable } from './projects.tables.js';
import type { ProjectCreateBody, ProjectUpdateBody } from './projects.schemas.js';
import { componentViews, effectiveRules, issueState, monthlyView, parseStages, photoView, ruleSentences, summarize, type ProjectBundle } from './projects.present.js';
import { ProjectPartsService } from './project-parts.service.js';
import { ProjectProgressService } from './project-progress.service.js';
import { ProjectConfigService } from './project-config.service.js';
import { PublicProjectsService } from './project-public.service.js';

const auditView = (p: ProjectTable) => ({
  name: p.name, ownerOrgId: p.owner_org_id, location: p.location, level: p.level, category: p.category, plannedInvestmentWan: p.planned_investment_wan,
  plannedStart: p.planned_start, plannedFinish: p.planned_finish, actualStart: p.actual_start, status: p.status, description: p.description,
  internalNote: p.internal_note, weighting: p.weighting, isPublic: p.is_public === 1,
});

/** Key projects (重点项目调度): the list, one project in full, and the project record itself. */
export class ProjectsService {
  readonly access: ProjectAccess;
  readonly parts: ProjectPartsService;
  readonly progress: ProjectProgressService;
  readonly config: ProjectConfigService;
  readonly public: PublicProjectsService;

  constructor(ctx: AppContext) {
    this.access = new ProjectAccess(ctx);
    this.config = new ProjectConfigService(this.access);
    this.parts = new ProjectPartsService(this.access, this.config);
    this.progress = new ProjectProgressService(this.access);
    this.public = new PublicProjectsService(this.access);
  }

  private get repo() {
    return this.access.repo;
  }

  async list(actor: Viewer) {
    authorize(projectPolicy, actor, 'list', null);
    const rows = await this.repo.listProjects({ scope: projectScope.where(actor) });
    const { rules } = await this.access.globalRules();
    const today = this.access.today();
    const bundles = await this.access.bundles(rows);
    return bundles.map((b) => {
      const { comps: _c, ...s } = summarize(b, today, rules);
      const issues = b.issues.map((i) => issueState(i, today));
      return {
        ...s, openIssues: issues.filter((x) => x !== 'resolved').length, overdueIssues: issues.filter((x) => x === 'overdue').length,
        canEdit: allowed(projectPolicy, actor, 'edit', b.project),
      };
    });
  }

  /** Ids and names for pickers (e.g. linking a promise to a project). */
  async options(actor: Viewer) {
    authorize(projectPolicy, actor, 'pick', null);
    const rows = await this.repo.options();
    return rows.map((r) => ({ id: r.id, name: r.name, ownerOrgId: r.owner_org_id, ownerOrgName: r.owner_name, status: r.status }));
  }

  /**
   * For other modules on the server (promises, park life): the named projects with their current progress and
   * light; unknown ids are left out. `isPublic` says whether the portal may show the project.
   */
  async lookup(ids: string[]) {
    const rows = await this.repo.listProjects({ ids: [...new Set(ids)] });
    const { rules } = await this.access.globalRules();
    const today = this.access.today();
    return (await this.access.bundles(rows)).map((b) => {
      const s = summarize(b, today, rules);
      return { id: s.id, name: s.name, ownerOrgName: s.ownerOrgName, status: s.status, progress: s.progress, light: s.light.light, nextMilestone: s.nextMilestone, isPublic: s.isPublic };
    });
  }

  /**
   * For promises that take their progress from a project or one of its milestones: each project's facts as read
   * now (progress, status, light, last report) and its milestones with their state and, for a milestone of one
   * component, that component's progress. Projects of the given milestones are included; unknown ids are left out.
   */
  async sourceFacts(f: { projectIds: string[]; milestoneIds: string[] }) {
    const viaMilestones = await this.repo.milestoneProjectIds(f.milestoneIds);
    const rows = await this.repo.listProjects({ ids: [...new Set([...f.projectIds, ...viaMilestones])] });
    const { rules } = await this.access.globalRules();
    const today = this.access.today();
    return (await this.access.bundles(rows)).map((b) => {
      const s = summarize(b, today, rules);
      const compPercent = new Map(s.comps.map((c) => [c.row.id, c.progress.percent]));
      return {
        id: s.id, name: s.name, status: s.status, statusLabel: s.statusLabel, progress: s.progress, light: s.light.light,
        lastReportOn: s.lastReportOn, plannedFinish: s.plannedFinish, isPublic: s.isPublic,
        milestones: this.milestoneViews(b, today).map((m) => ({ ...m, progress: m.componentId ? compPercent.get(m.componentId) ?? s.progress : s.progress })),
      };
    });
  }

  async detail(actor: Viewer, id: string) {
    const p = await this.access.forRead(actor, id);
    return this.present(actor, p);
  }

  async present(actor: Viewer, p: ProjectRow) {
    const [b] = await this.access.bundles([p]);
    const today = this.access.today();
    const global = await this.access.globalRules();
    const { comps, ...s } = summarize(b, today, global.rules);
    const { rules, custom } = effectiveRules(p.light_rules_json, global.rules);
    const history = await this.repo.updates([p.id], { includeVoided: true });
    const photos = await this.repo.photos(history.map((u) => u.id));
    const compName = new Map(b.components.map((c) => [c.id, c.name]));
    const stageName = (componentId: string, key: string) =>
      parseStages(b.components.find((c) => c.id === componentId)?.stages_json ?? '[]').find((st) => st.key === key)?.name ?? key;
    return {
      ...s,
      description: p.description, internalNote: p.internal_note,
      lightRules: { effective: rules, custom, global: global.rules, sentences: ruleSentences(rules) },
      components: componentViews(comps, b.updates),
      milestones: this.milestoneViews(b, today),
      monthly: monthlyView(b, today),
      issues: b.issues.map((i) => ({
        id: i.id, type: i.type, title: i.title, raisedOn: i.raised_on, raisedBy: i.raised_by, ownerOrgId: i.owner_org_id, ownerOrgName: i.owner_name,
        actionRequired: i.action_required, dueOn: i.due_on, resolvedOn: i.resolved_on, resolution: i.resolution, state: issueState(i, today),
        daysOverdue: !i.resolved_on && i.due_on && i.due_on < today ? daysBetween(i.due_on, today) : 0, version: i.version,
      })),
      updates: history.map((u) => ({
        id: u.id, componentId: u.component_id, componentName: compName.get(u.component_id) ?? '（已删除）', stageKey: u.stage_key,
        stageName: stageName(u.component_id, u.stage_key), percent: u.percent, asOf: u.as_of, completesPrevious: u.completes_previous === 1,
        note: u.note, internalNote: u.internal_note, isPublic: u.is_public === 1,
        voided: u.voided_at ? { at: u.voided_at, reason: u.void_reason ?? '' } : null,
        createdByName: u.created_by_name, createdAt: u.created_at, version: u.version,
        photos: photos.filter((ph) => ph.update_id === u.id).map((ph) => photoView(ph, `/api/projects/${p.id}/photos`)),
      })),
      canEdit: allowed(projectPolicy, actor, 'edit', p),
      canManage: allowed(projectPolicy, actor, 'manage', p),
    };
  }

  private milestoneViews(b: ProjectBundle, today: string) {
    const compName = new Map(b.components.map((c) => [c.id, c.name]));
    return b.milestones.map((m) => ({
      id: m.id, name: m.name, componentId: m.component_id, componentName: m.component_id ? compName.get(m.component_id) ?? null : null,
      targetDate: m.target_date, achievedOn: m.achieved_on, note: m.note,
      state: (m.achieved_on ? 'achieved' : m.target_date < today ? 'overdue' : 'pending') as 'achieved' | 'overdue' | 'pending',
      daysLeft: m.achieved_on ? null : daysBetween(today, m.target_date), version: m.version,
    }));
  }

  async create(actor: Actor, body: ProjectCreateBody) {
    authorize(projectPolicy, actor, 'create', null);
    await this.assertOrg(body.ownerOrgId);
    if (await this.repo.projectNameTaken(body.name)) conflict(`已有名为“${body.name}”的项目`, 'duplicate');
    if (body.isPublic) this.access.assertPublishable({ 项目简介: body.description, 建设地点: body.location });
    this.access.assertNotFuture(body.actualStart, '实际开工日期');
    const names = body.components.map((c) => c.name);
    if (new Set(names).size !== names.length) badRequest('单体名称不能重复', 'duplicate_component');
    const stages = await this.config.resolveStages(body.stageTemplateId);
    const now = this.access.ctx.clock.nowIso();
    const row: ProjectTable = {
      id: newId(), name: body.name, owner_org_id: body.ownerOrgId, location: body.location, level: body.level, category: body.category,
      planned_investment_wan: body.plannedInvestmentWan, planned_start: body.plannedStart, planned_finish: body.plannedFinish, actual_start: body.actualStart,
      status: body.status, description: body.description, internal_note: body.internalNote, weighting: body.weighting, light_rules_json: null,
      is_public: body.isPublic ? 1 : 0, is_demo: 0, version: 1, created_by: actor.userId, created_at: now, updated_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      await repo.insertProject(row);
      let order = 0;
      for (const c of body.components) {
        await repo.insertComponent({
          id: newId(), project_id: row.id, name: c.name, floor_area_m2: c.floorAreaM2, sort_order: order++, stages_json: JSON.stringify(stages),
          note: '', is_demo: 0, version: 1, created_at: now, updated_at: now,
        });
      }
      await audit({ action: 'project.create', entityType: 'project', entityId: row.id, after: { ...auditView(row), components: names } });
    }, actor);
    return this.present(actor, (await this.repo.getProject(row.id))!);
  }

  async update(actor: Actor, id: string, body: ProjectUpdateBody) {
    const p = await this.access.forEdit(actor, id);
    if ((body.ownerOrgId !== undefined && body.ownerOrgId !== p.owner_org_id) || (body.isPublic !== undefined && (body.isPublic ? 1 : 0) !== p.is_public)) {
      authorize(projectPolicy, actor, 'manage', p);
    }
    if (body.ownerOrgId) await this.assertOrg(body.ownerOrgId);
    if (body.name && body.name !== p.name && (await this.repo.projectNameTaken(body.name, id))) conflict(`已有名为“${body.name}”的项目`, 'duplicate');
    const next: ProjectTable = {
      ...stripOwnerName(p),
      name: body.name ?? p.name, owner_org_id: body.ownerOrgId ?? p.owner_org_id, location: body.location ?? p.location, level: body.level ?? p.level,
      category: body.category ?? p.category,
      planned_investment_wan: body.plannedInvestmentWan === undefined ? p.planned_investment_wan : body.plannedInvestmentWan,
      planned_start: body.plannedStart === undefined ? p.planned_start : body.plannedStart,
      planned_finish: body.plannedFinish === undefined ? p.planned_finish : body.plannedFinish,
      actual_start: body.actualStart === undefined ? p.actual_start : body.actualStart,
      status: body.status ?? p.status, description: body.description ?? p.description, internal_note: body.internalNote ?? p.internal_note,
      weighting: body.weighting ?? p.weighting, is_public: body.isPublic === undefined ? p.is_public : body.isPublic ? 1 : 0,
      version: body.version + 1, updated_at: this.access.ctx.clock.nowIso(),
    };
    if (next.planned_start && next.planned_finish && next.planned_start > next.planned_finish) badRequest('计划竣工日期不能早于计划开工日期', 'date_order');
    if (next.is_public) this.access.assertPublishable({ 项目简介: next.description, 建设地点: next.location });
    if (body.actualStart !== undefined) this.access.assertNotFuture(body.actualStart, '实际开工日期');
    await this.access.tx(async (repo, audit) => {
      const { id: _i, version: _v, created_at: _c, created_by: _b, is_demo: _d, light_rules_json: _l, ...patch } = next;
      await repo.versioned('project', id, body.version, patch, '该项目');
      await audit({ action: 'project.update', entityType: 'project', entityId: id, before: auditView(p), after: auditView(next) });
    }, actor);
    return this.present(actor, (await this.repo.getProject(id))!);
  }

  async remove(actor: Actor, id: string, version: number) {
    const p = await this.access.forEdit(actor, id);
    authorize(projectPolicy, actor, 'manage', p);
    if ((await this.repo.countUpdates({ projectId: id })) > 0) conflict('该项目已有进度填报记录，不能删除；如项目终止，请将状态改为“停工”并在内部备注中说明', 'has_history');
    await this.access.tx(async (repo, audit) => {
      await repo.deleteProjectTree(id, version, '该项目');
      await audit({ action: 'project.delete', entityType: 'project', entityId: id, before: auditView(p) });
    }, actor);
    return { ok: true };
  }

  /** A project's own light rules (null: back to the global default). The zone sets them, not the owner unit. */
  async setLightRules(actor: Actor, id: string, body: { version: number; rules: Partial<LightRules> | null }) {
    const p = await this.access.forRead(actor, id);
    authorize(projectPolicy, actor, 'manage', p);
    const global = await this.access.globalRules();
    let json: string | null = null;
    if (body.rules && Object.keys(body.rules).length) {
      try { normalizeLightRules(body.rules, global.rules); } catch (e) { badRequest((e as Error).message, 'invalid_rules'); }
      json = JSON.stringify(body.rules);
    }
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('project', id, body.version, { light_rules_json: json, updated_at: this.access.ctx.clock.nowIso() }, '该项目');
      await audit({ action: 'project.light_rules', entityType: 'project', entityId: id, before: p.light_rules_json ? JSON.parse(p.light_rules_json) : null, after: json ? JSON.parse(json) : null });
    }, actor);
    return this.present(actor, (await this.repo.getProject(id))!);
  }

  private async assertOrg(id: string) {
    if (!(await this.repo.orgName(id))) badRequest('所选责任单位不存在', 'org_missing');
  }
}

function stripOwnerName(p: ProjectRow): ProjectTable {
  const { owner_name: _o, ...rest } = p;
  return rest;
}
