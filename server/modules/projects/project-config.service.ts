import type { z } from 'zod';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { DEFAULT_STAGES, stageListProblems, type StageDef } from '../../../domain/project-progress.js';
import { DEFAULT_LIGHT_RULES, describeLightRules, normalizeLightRules, type LightRules } from '../../../domain/project-light.js';
import { projectPolicy } from './projects.policy.js';
import { LIGHT_RULES_KEY, type ProjectAccess } from './project-access.js';
import type { ProjectStageTemplateTable } from './projects.tables.js';
import type { StageTemplateBody, StageTemplateUpdate } from './projects.schemas.js';

export const BUILTIN_TEMPLATE_ID = 'builtin';

const view = (t: ProjectStageTemplateTable) => ({
  id: t.id, name: t.name, stages: JSON.parse(t.stages_json) as StageDef[], isDefault: t.is_default === 1, builtin: false, version: t.version,
});
const builtin = (isDefault: boolean) => ({ id: BUILTIN_TEMPLATE_ID, name: '房屋建筑（系统默认）', stages: [...DEFAULT_STAGES], isDefault, builtin: true, version: 0 });

/** Stage templates (工序模板) and the global light rules: the zone's configuration of project scheduling. */
export class ProjectConfigService {
  constructor(private readonly access: ProjectAccess) {}

  private get repo() {
    return this.access.repo;
  }

  async templates(actor: Viewer) {
    authorize(projectPolicy, actor, 'list', null);
    const rows = await this.repo.templates();
    return [builtin(!rows.some((r) => r.is_default === 1)), ...rows.map(view)];
  }

  /** The stages of a template, the default template when none is named, or the built-in list. */
  async resolveStages(templateId: string | null | undefined): Promise<StageDef[]> {
    if (templateId && templateId !== BUILTIN_TEMPLATE_ID) {
      const t = (await this.repo.getTemplate(templateId)) ?? notFound('工序模板不存在');
      return JSON.parse(t.stages_json) as StageDef[];
    }
    if (templateId === BUILTIN_TEMPLATE_ID) return [...DEFAULT_STAGES];
    const def = (await this.repo.templates()).find((t) => t.is_default === 1);
    return def ? (JSON.parse(def.stages_json) as StageDef[]) : [...DEFAULT_STAGES];
  }

  async createTemplate(actor: Actor, body: z.infer<typeof StageTemplateBody>) {
    authorize(projectPolicy, actor, 'configure', null);
    assertStages(body.stages);
    if (await this.repo.templateNameTaken(body.name)) conflict(`已有名为“${body.name}”的工序模板`, 'duplicate');
    const now = this.access.ctx.clock.nowIso();
    const row: ProjectStageTemplateTable = {
      id: newId(), name: body.name, stages_json: JSON.stringify(body.stages), is_default: body.isDefault ? 1 : 0, is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      await repo.insertTemplate(row);
      if (body.isDefault) await repo.clearDefaultTemplates(row.id);
      await audit({ action: 'project.template.create', entityType: 'project_stage_template', entityId: row.id, after: view(row) });
    }, actor);
    return view(row);
  }

  async updateTemplate(actor: Actor, id: string, body: z.infer<typeof StageTemplateUpdate>) {
    authorize(projectPolicy, actor, 'configure', null);
    if (id === BUILTIN_TEMPLATE_ID) badRequest('系统默认模板不能修改，请新建模板并设为默认', 'builtin');
    const cur = (await this.repo.getTemplate(id)) ?? notFound('工序模板不存在');
    if (body.stages) assertStages(body.stages);
    if (body.name && body.name !== cur.name && (await this.repo.templateNameTaken(body.name, id))) conflict(`已有名为“${body.name}”的工序模板`, 'duplicate');
    const next = {
      ...cur, name: body.name ?? cur.name, stages_json: body.stages ? JSON.stringify(body.stages) : cur.stages_json,
      is_default: body.isDefault === undefined ? cur.is_default : body.isDefault ? 1 : 0, version: body.version + 1, updated_at: this.access.ctx.clock.nowIso(),
    };
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('project_stage_template', id, body.version, { name: next.name, stages_json: next.stages_json, is_default: next.is_default, updated_at: next.updated_at }, '该工序模板');
      if (next.is_default) await repo.clearDefaultTemplates(id);
      await audit({ action: 'project.template.update', entityType: 'project_stage_template', entityId: id, before: view(cur), after: view(next) });
    }, actor);
    return view(next);
  }

  async deleteTemplate(actor: Actor, id: string, version: number) {
    authorize(projectPolicy, actor, 'configure', null);
    if (id === BUILTIN_TEMPLATE_ID) badRequest('系统默认模板不能删除', 'builtin');
    const cur = (await this.repo.getTemplate(id)) ?? notFound('工序模板不存在');
    await this.access.tx(async (repo, audit) => {
      // Components keep their own copy of the stages: deleting a template changes no project.
      await repo.deleteVersioned('project_stage_template', id, version, '该工序模板');
      await audit({ action: 'project.template.delete', entityType: 'project_stage_template', entityId: id, before: view(cur) });
    }, actor);
    return { ok: true };
  }

  async lightRules(actor: Viewer) {
    authorize(projectPolicy, actor, 'list', null);
    const g = await this.access.globalRules();
    return { rules: g.rules, version: g.version, defaults: { ...DEFAULT_LIGHT_RULES }, sentences: describeLightRules(g.rules) };
  }

  async setLightRules(actor: Actor, body: { version: number; rules: Partial<LightRules> }) {
    authorize(projectPolicy, actor, 'configure', null);
    const before = await this.access.globalRules();
    let rules: LightRules;
    try { rules = normalizeLightRules(body.rules, DEFAULT_LIGHT_RULES); } catch (e) { return badRequest((e as Error).message, 'invalid_rules'); }
    await this.access.tx(async (repo, audit) => {
      if (!(await repo.putSetting(LIGHT_RULES_KEY, body.version, JSON.stringify(rules), this.access.ctx.clock.nowIso()))) staleWrite('全局亮灯规则');
      await audit({ action: 'project.light_rules.global', entityType: 'project_setting', entityId: LIGHT_RULES_KEY, before: before.rules, after: rules });
    }, actor);
    return this.lightRules(actor);
  }
}

export function assertStages(stages: StageDef[]) {
  const problems = stageListProblems(stages);
  if (problems.length) badRequest(problems.join('；'), 'invalid_stages');
}
