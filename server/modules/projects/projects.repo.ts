import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { deleteVersioned, updateVersioned } from '../../platform/db/versioned.js';
import type { FileBlobTable } from '../../platform/db/tables.js';
import type {
  CoordinationIssueTable, ProjectComponentTable, ProjectMilestoneTable, ProjectMonthlyTable, ProjectProgressUpdateTable,
  ProjectStageTemplateTable, ProjectTable, ProjectUpdatePhotoTable,
} from './projects.tables.js';

export type ProjectRow = ProjectTable & { owner_name: string };
export type IssueRow = CoordinationIssueTable & { owner_name: string | null };
export type PhotoMeta = ProjectUpdatePhotoTable & { name: string; mime: string; size: number; content_hash: string };

type VersionedTable = 'project' | 'project_component' | 'project_progress_update' | 'project_milestone' | 'project_monthly' | 'coordination_issue' | 'project_stage_template';

/** Every query of the key-projects module, the same on SQLite and PostgreSQL. */
export class ProjectsRepo {
  constructor(private readonly db: Queryable) {}

  in(q: Queryable) {
    return new ProjectsRepo(q);
  }

  /** A version-checked update (409 `stale_write` naming `what` when the row changed first). */
  versioned<T extends VersionedTable>(table: T, id: string, version: number, patch: Partial<DB[T]>, what: string): Promise<number> {
    return updateVersioned(this.db, table, id, version, patch, what);
  }

  /** A version-checked delete (409 `stale_write` when the row changed or is gone). */
  deleteVersioned(table: VersionedTable, id: string, version: number, what: string): Promise<void> {
    return deleteVersioned(this.db, table, id, version, what);
  }

  // ------------------------------------------------------------ projects

  private projects() {
    return this.db.selectFrom('project').innerJoin('org_unit', 'org_unit.id', 'project.owner_org_id').selectAll('project').select('org_unit.name as owner_name');
  }

  listProjects(f: { scope?: Expression<SqlBool>; ownerOrgId?: string; publicOnly?: boolean; ids?: string[] } = {}): Promise<ProjectRow[]> {
    if (f.ids && f.ids.length === 0) return Promise.resolve([]);
    let q = this.projects();
    if (f.scope) q = q.where(f.scope);
    if (f.ids) q = q.where('project.id', 'in', f.ids);
    if (f.ownerOrgId) q = q.where('project.owner_org_id', '=', f.ownerOrgId);
    if (f.publicOnly) q = q.where('project.is_public', '=', 1);
    return q.orderBy('project.created_at').orderBy('project.name').execute();
  }

  getProject(id: string): Promise<ProjectRow | undefined> {
    return this.projects().where('project.id', '=', id).executeTakeFirst();
  }

  async projectNameTaken(name: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('project').select('id').where('name', '=', name);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return !!(await q.executeTakeFirst());
  }

  async insertProject(row: ProjectTable) {
    await this.db.insertInto('project').values(row).execute();
  }

  async deleteProjectTree(id: string, version: number, what: string): Promise<void> {
    const q = this.db;
    await q.deleteFrom('project_milestone').where('project_id', '=', id).execute();
    await q.deleteFrom('project_monthly').where('project_id', '=', id).execute();
    await q.deleteFrom('coordination_issue').where('project_id', '=', id).execute();
    await q.deleteFrom('project_component').where('project_id', '=', id).execute();
    await this.deleteVersioned('project', id, version, what);
  }

  options() {
    return this.projects().select(['project.id', 'project.name', 'project.status']).orderBy('project.name').execute();
  }

  // ------------------------------------------------------------ children, loaded for many projects at once

  components(projectIds: string[]): Promise<ProjectComponentTable[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return this.db.selectFrom('project_component').selectAll().where('project_id', 'in', projectIds).orderBy('sort_order').orderBy('created_at').execute();
  }

  updates(projectIds: string[], opts: { includeVoided?: boolean } = {}): Promise<ProjectProgressUpdateTable[]> {
    if (!projectIds.length) return Promise.resolve([]);
    let q = this.db.selectFrom('project_progress_update').selectAll().where('project_id', 'in', projectIds);
    if (!opts.includeVoided) q = q.where('voided_at', 'is', null);
    return q.orderBy('as_of', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  photos(updateIds: string[]): Promise<PhotoMeta[]> {
    if (!updateIds.length) return Promise.resolve([]);
    return this.db.selectFrom('project_update_photo').innerJoin('file_blob', 'file_blob.id', 'project_update_photo.file_id')
      .selectAll('project_update_photo').select(['file_blob.name', 'file_blob.mime', 'file_blob.size', 'file_blob.content_hash'])
      .where('project_update_photo.update_id', 'in', updateIds).orderBy('project_update_photo.sort_order').execute();
  }

  milestones(projectIds: string[]): Promise<ProjectMilestoneTable[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return this.db.selectFrom('project_milestone').selectAll().where('project_id', 'in', projectIds).orderBy('target_date').orderBy('name').execute();
  }

  monthly(projectIds: string[]): Promise<ProjectMonthlyTable[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return this.db.selectFrom('project_monthly').selectAll().where('project_id', 'in', projectIds).orderBy('month').execute();
  }

  issues(projectIds: string[]): Promise<IssueRow[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return this.db.selectFrom('coordination_issue').leftJoin('org_unit', 'org_unit.id', 'coordination_issue.owner_org_id')
      .selectAll('coordination_issue').select('org_unit.name as owner_name')
      .where('coordination_issue.project_id', 'in', projectIds).orderBy('coordination_issue.raised_on', 'desc').orderBy('coordination_issue.created_at', 'desc').execute();
  }

  // ------------------------------------------------------------ single rows

  getComponent(id: string) {
    return this.db.selectFrom('project_component').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertComponent(row: ProjectComponentTable) {
    await this.db.insertInto('project_component').values(row).execute();
  }
  async componentNameTaken(projectId: string, name: string, exceptId?: string) {
    let q = this.db.selectFrom('project_component').select('id').where('project_id', '=', projectId).where('name', '=', name);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return !!(await q.executeTakeFirst());
  }
  async maxComponentOrder(projectId: string): Promise<number> {
    const r = await this.db.selectFrom('project_component').select((e) => e.fn.max('sort_order').as('m')).where('project_id', '=', projectId).executeTakeFirst();
    return r?.m === null || r?.m === undefined ? -1 : Number(r.m);
  }
  /** Stage keys a component's reports use (voided ones included: their history still names the stage). */
  async stageKeysInUse(componentId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('project_progress_update').select('stage_key').distinct().where('component_id', '=', componentId).execute();
    return rows.map((r) => r.stage_key);
  }
  async countUpdates(f: { componentId?: string; projectId?: string }): Promise<number> {
    let q = this.db.selectFrom('project_progress_update').select((e) => e.fn.countAll<number>().as('n'));
    if (f.componentId) q = q.where('component_id', '=', f.componentId);
    if (f.projectId) q = q.where('project_id', '=', f.projectId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
  async milestonesOfComponent(componentId: string): Promise<number> {
    const r = await this.db.selectFrom('project_milestone').select((e) => e.fn.countAll<number>().as('n')).where('component_id', '=', componentId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  getUpdate(id: string) {
    return this.db.selectFrom('project_progress_update').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertUpdate(row: ProjectProgressUpdateTable) {
    await this.db.insertInto('project_progress_update').values(row).execute();
  }

  async insertFile(row: FileBlobTable) {
    await this.db.insertInto('file_blob').values(row).execute();
  }
  async insertPhoto(row: ProjectUpdatePhotoTable) {
    await this.db.insertInto('project_update_photo').values(row).execute();
  }
  async photoCount(updateId: string): Promise<number> {
    const r = await this.db.selectFrom('project_update_photo').select((e) => e.fn.countAll<number>().as('n')).where('update_id', '=', updateId).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  getPhoto(fileId: string) {
    return this.db.selectFrom('project_update_photo')
      .innerJoin('project_progress_update', 'project_progress_update.id', 'project_update_photo.update_id')
      .innerJoin('project', 'project.id', 'project_progress_update.project_id')
      .select(['project_update_photo.id', 'project_update_photo.update_id', 'project_update_photo.file_id', 'project_progress_update.project_id', 'project.owner_org_id',
        'project_progress_update.is_public as update_public', 'project_progress_update.voided_at', 'project.is_public as project_public'])
      .where('project_update_photo.file_id', '=', fileId).executeTakeFirst();
  }
  async deletePhoto(fileId: string) {
    await this.db.deleteFrom('project_update_photo').where('file_id', '=', fileId).execute();
    await this.db.deleteFrom('file_blob').where('id', '=', fileId).execute();
  }
  fileData(fileId: string) {
    return this.db.selectFrom('file_blob').select(['id', 'name', 'mime', 'size', 'content_hash', 'data']).where('id', '=', fileId).executeTakeFirst();
  }

  /** The projects the given milestones belong to. */
  async milestoneProjectIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('project_milestone').select('project_id').distinct().where('id', 'in', ids).execute();
    return rows.map((r) => r.project_id);
  }
  getMilestone(id: string) {
    return this.db.selectFrom('project_milestone').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertMilestone(row: ProjectMilestoneTable) {
    await this.db.insertInto('project_milestone').values(row).execute();
  }

  getMonth(projectId: string, month: string) {
    return this.db.selectFrom('project_monthly').selectAll().where('project_id', '=', projectId).where('month', '=', month).executeTakeFirst();
  }
  async insertMonth(row: ProjectMonthlyTable) {
    await this.db.insertInto('project_monthly').values(row).execute();
  }

  getIssue(id: string) {
    return this.db.selectFrom('coordination_issue').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertIssue(row: CoordinationIssueTable) {
    await this.db.insertInto('coordination_issue').values(row).execute();
  }

  // ------------------------------------------------------------ configuration

  templates(): Promise<ProjectStageTemplateTable[]> {
    return this.db.selectFrom('project_stage_template').selectAll().orderBy('is_default', 'desc').orderBy('name').execute();
  }
  getTemplate(id: string) {
    return this.db.selectFrom('project_stage_template').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async templateNameTaken(name: string, exceptId?: string) {
    let q = this.db.selectFrom('project_stage_template').select('id').where('name', '=', name);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return !!(await q.executeTakeFirst());
  }
  async insertTemplate(row: ProjectStageTemplateTable) {
    await this.db.insertInto('project_stage_template').values(row).execute();
  }
  /** Only one default template: clearing the others bumps their versions like any change. */
  async clearDefaultTemplates(exceptId: string) {
    await this.db.updateTable('project_stage_template').set((e) => ({ is_default: 0, version: e('version', '+', 1) })).where('is_default', '=', 1).where('id', '<>', exceptId).execute();
  }

  getSetting(key: string) {
    return this.db.selectFrom('project_setting').selectAll().where('key', '=', key).executeTakeFirst();
  }
  /** Inserts at version 1 when `version` is 0, else updates `where version = ?`; false on a stale version. */
  async putSetting(key: string, version: number, valueJson: string, now: string): Promise<boolean> {
    if (version === 0) {
      const r = await this.db.insertInto('project_setting').values({ key, value_json: valueJson, version: 1, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const r = await this.db.updateTable('project_setting').set({ value_json: valueJson, version: version + 1, updated_at: now }).where('key', '=', key).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  orgName(id: string) {
    return this.db.selectFrom('org_unit').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  }
}
