import type { z } from 'zod';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ProjectAccess } from './project-access.js';
import type { ProjectsRepo } from './projects.repo.js';
import type { ProjectProgressUpdateTable } from './projects.tables.js';
import type { ProgressUpdateCreate, ProgressUpdateEdit } from './projects.schemas.js';
import { checkPhoto, MAX_PHOTOS_PER_REQUEST, type CheckedPhoto } from './photos.js';
import { parseStages, progressOn } from './projects.present.js';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

const updateAudit = (u: ProjectProgressUpdateTable) => ({
  componentId: u.component_id, stageKey: u.stage_key, percent: u.percent, asOf: u.as_of, completesPrevious: u.completes_previous === 1,
  note: u.note, internalNote: u.internal_note, isPublic: u.is_public === 1,
});
const photoAudit = (p: CheckedPhoto, fileId: string) => ({ fileId, name: p.name, mime: p.mime, size: p.size, sm3: p.hash });

/** Dated progress reports (进度填报) with photos, and their history: reports are voided, never deleted. */
export class ProjectProgressService {
  constructor(private readonly access: ProjectAccess) {}

  private get repo() {
    return this.access.repo;
  }

  async create(actor: Actor, projectId: string, body: z.infer<typeof ProgressUpdateCreate>, files: UploadedFile[]) {
    const p = await this.access.forEdit(actor, projectId);
    if (p.status === 'completed') conflict('项目已竣工，不能再填报进度', 'completed');
    const comp = await this.repo.getComponent(body.componentId);
    if (!comp || comp.project_id !== projectId) badRequest('所选单体不属于该项目', 'component_mismatch');
    const stages = parseStages(comp!.stages_json);
    const stage = stages.find((s) => s.key === body.stageKey) ?? badRequest(`单体“${comp!.name}”没有该工序`, 'stage_mismatch');
    this.access.assertNotFuture(body.asOf, '进度日期');
    if (body.isPublic) this.access.assertPublishable({ 进度说明: body.note, 照片说明: body.captions.join(' ') });
    if (files.length > MAX_PHOTOS_PER_REQUEST) badRequest(`每条进度最多 ${MAX_PHOTOS_PER_REQUEST} 张照片`, 'too_many_files');
    const photos = files.map((f) => checkPhoto(f.data, f.filename));

    // A lower figure than the one on record is a correction: say why.
    const [bundle] = await this.access.bundles([p]);
    const before = progressOn(bundle);
    const current = before.comps.find((c) => c.row.id === comp!.id)!.progress.stages.find((s) => s.key === stage!.key)!;
    if (body.percent < current.percent && !body.note.trim() && !body.internalNote.trim()) {
      badRequest(`“${stage!.name}”此前已填报 ${current.percent}%，本次 ${body.percent}% 低于此前数值；如为更正，请在说明中写明原因`, 'percent_decrease');
    }

    const now = this.access.ctx.clock.nowIso();
    const row: ProjectProgressUpdateTable = {
      id: newId(), project_id: projectId, component_id: comp!.id, stage_key: stage!.key, percent: body.percent, as_of: body.asOf,
      completes_previous: body.completesPrevious ? 1 : 0, note: body.note, internal_note: body.internalNote, is_public: body.isPublic ? 1 : 0,
      voided_at: null, voided_by: null, void_reason: null, is_demo: 0, version: 1, created_by: actor.userId, created_by_name: actor.displayName, created_at: now,
    };
    await this.access.tx(async (repo, audit) => {
      await repo.insertUpdate(row);
      const stored = await this.storePhotos(repo, actor, row.id, photos, body.captions, 0);
      await audit({ action: 'project.progress.create', entityType: 'project_progress_update', entityId: row.id, after: { projectId, ...updateAudit(row), photos: stored } });
    }, actor);

    const [afterBundle] = await this.access.bundles([(await this.repo.getProject(projectId))!]);
    const after = progressOn(afterBundle);
    return {
      id: row.id,
      photos: photos.length,
      component: { id: comp!.id, name: comp!.name, before: before.comps.find((c) => c.row.id === comp!.id)!.progress.percent, after: after.comps.find((c) => c.row.id === comp!.id)!.progress.percent },
      project: { before: before.overall.percent, after: after.overall.percent },
    };
  }

  private async storePhotos(repo: ProjectsRepo, actor: Actor, updateId: string, photos: CheckedPhoto[], captions: string[], startOrder: number) {
    const now = this.access.ctx.clock.nowIso();
    const stored: ReturnType<typeof photoAudit>[] = [];
    for (const [i, ph] of photos.entries()) {
      const fileId = newId();
      await repo.insertFile({ id: fileId, name: ph.name, mime: ph.mime, size: ph.size, content_hash: ph.hash, data: ph.data, created_by: actor.userId, created_at: now });
      await repo.insertPhoto({ id: newId(), update_id: updateId, file_id: fileId, caption: captions[i] ?? '', sort_order: startOrder + i, created_at: now });
      stored.push(photoAudit(ph, fileId));
    }
    return stored;
  }

  private async update(projectId: string, id: string) {
    const u = await this.repo.getUpdate(id);
    if (!u || u.project_id !== projectId) notFound('进度记录不存在或不属于该项目');
    return u!;
  }

  /** The words and visibility of a report may change; its figures never do (void it and report again). */
  async edit(actor: Actor, projectId: string, id: string, body: z.infer<typeof ProgressUpdateEdit>) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.update(projectId, id);
    if (cur.voided_at) conflict('该进度记录已作废，不能修改', 'voided');
    const next = { ...cur, note: body.note ?? cur.note, internal_note: body.internalNote ?? cur.internal_note, is_public: body.isPublic === undefined ? cur.is_public : body.isPublic ? 1 : 0 };
    if (next.is_public) this.access.assertPublishable({ 进度说明: next.note });
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('project_progress_update', id, body.version, { note: next.note, internal_note: next.internal_note, is_public: next.is_public }, '该进度记录');
      await audit({ action: 'project.progress.update', entityType: 'project_progress_update', entityId: id, before: updateAudit(cur), after: updateAudit(next) });
    }, actor);
    return { id };
  }

  async void(actor: Actor, projectId: string, id: string, body: { version: number; reason: string }) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.update(projectId, id);
    if (cur.voided_at) conflict(`该进度记录已于 ${cur.voided_at.slice(0, 10)} 作废`, 'voided');
    const now = this.access.ctx.clock.nowIso();
    await this.access.tx(async (repo, audit) => {
      await repo.versioned('project_progress_update', id, body.version, { voided_at: now, voided_by: actor.userId, void_reason: body.reason }, '该进度记录');
      await audit({ action: 'project.progress.void', entityType: 'project_progress_update', entityId: id, before: updateAudit(cur), after: { voided: true, reason: body.reason } });
    }, actor);
    return { id };
  }

  async addPhotos(actor: Actor, projectId: string, id: string, files: UploadedFile[], captions: string[]) {
    await this.access.forEdit(actor, projectId);
    const cur = await this.update(projectId, id);
    if (cur.voided_at) conflict('该进度记录已作废，不能再添加照片', 'voided');
    if (files.length === 0) badRequest('请选择要上传的照片', 'no_files');
    const existing = await this.repo.photoCount(id);
    if (existing + files.length > MAX_PHOTOS_PER_REQUEST) badRequest(`每条进度最多 ${MAX_PHOTOS_PER_REQUEST} 张照片（已有 ${existing} 张）`, 'too_many_files');
    if (cur.is_public) this.access.assertPublishable({ 照片说明: captions.join(' ') });
    const photos = files.map((f) => checkPhoto(f.data, f.filename));
    await this.access.tx(async (repo, audit) => {
      const stored = await this.storePhotos(repo, actor, id, photos, captions, existing);
      await audit({ action: 'project.progress.photos.add', entityType: 'project_progress_update', entityId: id, after: { photos: stored } });
    }, actor);
    return { id, photos: existing + photos.length };
  }

  async removePhoto(actor: Actor, projectId: string, updateId: string, fileId: string) {
    await this.access.forEdit(actor, projectId);
    await this.update(projectId, updateId);
    const ph = await this.repo.getPhoto(fileId);
    if (!ph || ph.update_id !== updateId) notFound('照片不存在或不属于该进度记录');
    const meta = (await this.repo.fileData(fileId))!;
    await this.access.tx(async (repo, audit) => {
      await repo.deletePhoto(fileId);
      await audit({ action: 'project.progress.photos.delete', entityType: 'project_progress_update', entityId: updateId, before: { fileId, name: meta.name, size: meta.size, sm3: meta.content_hash } });
    }, actor);
    return { ok: true };
  }

  /** A photo for staff who may read the project (any report, public or not). */
  async photo(actor: Viewer, projectId: string, fileId: string) {
    await this.access.forRead(actor, projectId);
    const ph = await this.repo.getPhoto(fileId);
    if (!ph || ph.project_id !== projectId) notFound('照片不存在');
    return (await this.repo.fileData(fileId)) ?? notFound('照片不存在');
  }
}
