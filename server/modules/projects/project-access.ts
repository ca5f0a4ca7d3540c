/**
 * What every part of the key-projects module needs: the project row checked against the policy, one
 * transaction with its audit record, the global light rules and the bundle of rows a view is derived from.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import type { Tx } from '../../platform/db/database.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit, type AuditEntry } from '../../platform/audit/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { DEFAULT_LIGHT_RULES, normalizeLightRules, type LightRules } from '../../../domain/project-light.js';
import { publicTextProblems } from '../../../domain/public-text.js';
import { ProjectsRepo, type ProjectRow } from './projects.repo.js';
import { projectPolicy } from './projects.policy.js';
import type { ProjectBundle } from './projects.present.js';

export const LIGHT_RULES_KEY = 'light_rules';

export class ProjectAccess {
  readonly repo: ProjectsRepo;

  constructor(readonly ctx: AppContext) {
    this.repo = new ProjectsRepo(ctx.db);
  }

  today() {
    return this.ctx.clock.today();
  }

  async project(id: string): Promise<ProjectRow> {
    return (await this.repo.getProject(id)) ?? notFound('项目不存在');
  }

  async forRead(actor: Viewer, id: string): Promise<ProjectRow> {
    authorize(projectPolicy, actor, 'list', null);
    const p = await this.project(id);
    authorize(projectPolicy, actor, 'read', p);
    return p;
  }

  async forEdit(actor: Viewer, id: string): Promise<ProjectRow> {
    authorize(projectPolicy, actor, 'list', null);
    const p = await this.project(id);
    authorize(projectPolicy, actor, 'edit', p);
    return p;
  }

  /** One transaction: the change and its audit record commit together. */
  tx<T>(fn: (repo: ProjectsRepo, audit: (entry: AuditEntry) => Promise<void>, tx: Tx) => Promise<T>, actor: Actor): Promise<T> {
    return this.ctx.db.transaction().execute((tx) => fn(this.repo.in(tx), (entry) => recordAudit(tx, this.ctx.clock, actor, entry), tx));
  }

  async globalRules(): Promise<{ rules: LightRules; version: number }> {
    const row = await this.repo.getSetting(LIGHT_RULES_KEY);
    if (!row) return { rules: { ...DEFAULT_LIGHT_RULES }, version: 0 };
    return { rules: normalizeLightRules(JSON.parse(row.value_json) as Partial<LightRules>), version: row.version };
  }

  async bundles(projects: ProjectRow[]): Promise<ProjectBundle[]> {
    const ids = projects.map((p) => p.id);
    const [components, updates, milestones, monthly, issues] = await Promise.all([
      this.repo.components(ids), this.repo.updates(ids), this.repo.milestones(ids), this.repo.monthly(ids), this.repo.issues(ids),
    ]);
    return projects.map((project) => ({
      project,
      components: components.filter((c) => c.project_id === project.id),
      updates: updates.filter((u) => u.project_id === project.id),
      milestones: milestones.filter((m) => m.project_id === project.id),
      monthly: monthly.filter((m) => m.project_id === project.id),
      issues: issues.filter((i) => i.project_id === project.id),
    }));
  }

  /** Text the portal will show must not carry personal contact data. */
  assertPublishable(fields: Record<string, string | null | undefined>) {
    const problems = publicTextProblems(fields);
    if (problems.length) badRequest(problems.join('；'), 'personal_data');
  }

  assertNotFuture(date: string | null | undefined, what: string) {
    if (date && date > this.today()) badRequest(`${what}不能晚于今天（${this.today()}）`, 'future_date');
  }
}
