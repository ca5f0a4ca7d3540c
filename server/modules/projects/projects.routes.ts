import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../platform/http/request-context.js';
import { parseFields } from '../../platform/http/parse-fields.js';
import { badRequest } from '../../platform/errors.js';
import {
  ComponentCreate, ComponentUpdate, GlobalLightRulesBody, IdParams, IssueCreate, IssueResolve, IssueUpdate, MilestoneCreate, MilestoneUpdate,
  MonthlyBody, MonthlyParams, ProgressUpdateCreate, ProgressUpdateEdit, ProjectCreate, ProjectLightRulesBody, ProjectUpdate, PublicProjectDetail,
  PublicProjectSummary, StageTemplateBody, IdResult, OkResult, ProjectDetailView, ProjectSummaryView,
  GlobalLightRulesView, ProjectOptionView, StageTemplateView, StageTemplateUpdate, VersionQuery, VoidBody,
} from './projects.schemas.js';
import { readMultipart } from './photos.js';

const Id = z.string().min(1).max(64);
const tags = ['重点项目'];


/** Multipart fields are strings; `captions` travels as a JSON array. */
function formBody(fields: Record<string, string>) {
  const body: Record<string, unknown> = { ...fields };
  if (fields.captions) {
    try { body.captions = JSON.parse(fields.captions); } catch { badRequest('照片说明格式不正确', 'validation_failed'); }
  }
  return body;
}

type FileRow = { name: string; mime: string; size: number; content_hash: string; data: Buffer };
function sendFile(req: FastifyRequest, reply: FastifyReply, f: FileRow, cache: string) {
  const etag = `"${f.content_hash}"`;
  reply.header('etag', etag).header('cache-control', cache).header('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  reply.type(f.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`);
  return reply.send(Buffer.from(f.data));
}

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = () => app.services.projects;

  // ------------------------------------------------------------ configuration
  app.get('/api/projects/options', { schema: { tags, summary: '项目选项（供关联承诺等选择）', response: { 200: z.array(ProjectOptionView) } } }, (req) => s().options(req.actor));
  app.get('/api/projects/stage-templates', { schema: { tags, summary: '工序模板', response: { 200: z.array(StageTemplateView) } } }, (req) => s().config.templates(req.actor));
  app.post('/api/projects/stage-templates', { schema: { tags, summary: '新建工序模板', body: StageTemplateBody, response: { 200: StageTemplateView } } },
    (req) => s().config.createTemplate(mustActor(req.actor), req.body));
  app.patch('/api/projects/stage-templates/:id', { schema: { tags, summary: '修改工序模板（带版本号）', params: IdParams, body: StageTemplateUpdate, response: { 200: StageTemplateView } } },
    (req) => s().config.updateTemplate(mustActor(req.actor), req.params.id, req.body));
  app.delete('/api/projects/stage-templates/:id', { schema: { tags, summary: '删除工序模板', params: IdParams, querystring: VersionQuery, response: { 200: OkResult } } },
    (req) => s().config.deleteTemplate(mustActor(req.actor), req.params.id, req.query.version));
  app.get('/api/projects/light-rules', { schema: { tags, summary: '全局亮灯规则', response: { 200: GlobalLightRulesView } } }, (req) => s().config.lightRules(req.actor));
  app.put('/api/projects/light-rules', { schema: { tags, summary: '修改全局亮灯规则（带版本号，首次为 0）', body: GlobalLightRulesBody, response: { 200: GlobalLightRulesView } } },
    (req) => s().config.setLightRules(mustActor(req.actor), req.body));

  // ------------------------------------------------------------ projects
  app.get('/api/projects', { schema: { tags, summary: '重点项目列表（含进度、亮灯、下一个里程碑）', response: { 200: z.array(ProjectSummaryView) } } }, (req) => s().list(req.actor));
  app.post('/api/projects', { schema: { tags, summary: '新建重点项目', body: ProjectCreate, response: { 200: ProjectDetailView } } }, (req) => s().create(mustActor(req.actor), req.body));
  app.get('/api/projects/:id', { schema: { tags, summary: '项目详情', params: IdParams, response: { 200: ProjectDetailView } } }, (req) => s().detail(req.actor, req.params.id));
  app.patch('/api/projects/:id', { schema: { tags, summary: '修改项目（带版本号）', params: IdParams, body: ProjectUpdate, response: { 200: ProjectDetailView } } },
    (req) => s().update(mustActor(req.actor), req.params.id, req.body));
  app.delete('/api/projects/:id', { schema: { tags, summary: '删除项目（无进度记录时）', params: IdParams, querystring: VersionQuery, response: { 200: OkResult } } },
    (req) => s().remove(mustActor(req.actor), req.params.id, req.query.version));
  app.put('/api/projects/:id/light-rules', { schema: { tags, summary: '项目专用亮灯规则（null 为沿用全局）', params: IdParams, body: ProjectLightRulesBody, response: { 200: ProjectDetailView } } },
    (req) => s().setLightRules(mustActor(req.actor), req.params.id, req.body));

  // ------------------------------------------------------------ components
  const CompParams = z.object({ id: Id, componentId: Id });
  app.post('/api/projects/:id/components', { schema: { tags, summary: '新增单体', params: IdParams, body: ComponentCreate, response: { 200: IdResult } } },
    (req) => s().parts.addComponent(mustActor(req.actor), req.params.id, req.body));
  app.patch('/api/projects/:id/components/:componentId', { schema: { tags, summary: '修改单体及其工序（带版本号）', params: CompParams, body: ComponentUpdate, response: { 200: IdResult } } },
    (req) => s().parts.updateComponent(mustActor(req.actor), req.params.id, req.params.componentId, req.body));
  app.delete('/api/projects/:id/components/:componentId', { schema: { tags, summary: '删除单体（无进度记录时）', params: CompParams, querystring: VersionQuery, response: { 200: OkResult } } },
    (req) => s().parts.removeComponent(mustActor(req.actor), req.params.id, req.params.componentId, req.query.version));

  // ------------------------------------------------------------ progress reports and photos
  app.post('/api/projects/:id/updates', {
    schema: { tags, summary: '填报进度（multipart/form-data：字段 + photos 照片，JPEG/PNG/WebP，每张不超过 5 MB；或 JSON 无照片）', params: IdParams },
  }, async (req) => {
    const actor = mustActor(req.actor);
    if (!req.isMultipart()) return s().progress.create(actor, req.params.id, parseFields(ProgressUpdateCreate, req.body ?? {}), []);
    await s().access.forEdit(actor, req.params.id); // refuse before reading any upload
    const form = await readMultipart(req);
    return s().progress.create(actor, req.params.id, parseFields(ProgressUpdateCreate, formBody(form.fields)), form.files);
  });
  const UpdParams = z.object({ id: Id, updateId: Id });
  app.patch('/api/projects/:id/updates/:updateId', { schema: { tags, summary: '修改进度说明或公开状态（带版本号）', params: UpdParams, body: ProgressUpdateEdit, response: { 200: IdResult } } },
    (req) => s().progress.edit(mustActor(req.actor), req.params.id, req.params.updateId, req.body));
  app.post('/api/projects/:id/updates/:updateId/void', { schema: { tags, summary: '作废进度记录（保留历史）', params: UpdParams, body: VoidBody, response: { 200: IdResult } } },
    (req) => s().progress.void(mustActor(req.actor), req.params.id, req.params.updateId, req.body));
  app.post('/api/projects/:id/updates/:updateId/photos', { schema: { tags, summary: '为进度记录补充照片（multipart/form-data）', params: UpdParams } }, async (req) => {
    const actor = mustActor(req.actor);
    await s().access.forEdit(actor, req.params.id);
    const form = await readMultipart(req);
    const captions = parseFields(z.array(z.string().trim().max(60, '照片说明不能超过 60 个字')).max(9), formBody(form.fields).captions ?? []);
    return s().progress.addPhotos(actor, req.params.id, req.params.updateId, form.files, captions);
  });
  app.delete('/api/projects/:id/updates/:updateId/photos/:fileId', { schema: { tags, summary: '删除照片', params: z.object({ id: Id, updateId: Id, fileId: Id }) } },
    (req) => s().progress.removePhoto(mustActor(req.actor), req.params.id, req.params.updateId, req.params.fileId));
  app.get('/api/projects/:id/photos/:fileId', { schema: { tags, summary: '查看照片（工作人员）', params: z.object({ id: Id, fileId: Id }) } }, async (req, reply) => {
    const f = await s().progress.photo(req.actor, req.params.id, req.params.fileId);
    return sendFile(req, reply, f, 'private, max-age=3600');
  });

  // ------------------------------------------------------------ milestones
  const MsParams = z.object({ id: Id, milestoneId: Id });
  app.post('/api/projects/:id/milestones', { schema: { tags, summary: '新增里程碑', params: IdParams, body: MilestoneCreate, response: { 200: IdResult } } },
    (req) => s().parts.addMilestone(mustActor(req.actor), req.params.id, req.body));
  app.patch('/api/projects/:id/milestones/:milestoneId', { schema: { tags, summary: '修改里程碑或登记完成（带版本号）', params: MsParams, body: MilestoneUpdate, response: { 200: IdResult } } },
    (req) => s().parts.updateMilestone(mustActor(req.actor), req.params.id, req.params.milestoneId, req.body));
  app.delete('/api/projects/:id/milestones/:milestoneId', { schema: { tags, summary: '删除里程碑', params: MsParams, querystring: VersionQuery, response: { 200: OkResult } } },
    (req) => s().parts.removeMilestone(mustActor(req.actor), req.params.id, req.params.milestoneId, req.query.version));

  // ------------------------------------------------------------ monthly plan
  app.put('/api/projects/:id/monthly/:month', { schema: { tags, summary: '月度计划与完成（新建不带版本号，修改带版本号）', params: MonthlyParams, body: MonthlyBody, response: { 200: IdResult } } },
    (req) => s().parts.putMonth(mustActor(req.actor), req.params.id, req.params.month, req.body));
  app.delete('/api/projects/:id/monthly/:month', { schema: { tags, summary: '删除某月计划', params: MonthlyParams, querystring: VersionQuery, response: { 200: OkResult } } },
    (req) => s().parts.removeMonth(mustActor(req.actor), req.params.id, req.params.month, req.query.version));

  // ------------------------------------------------------------ coordination issues
  const IssueParams = z.object({ id: Id, issueId: Id });
  app.post('/api/projects/:id/issues', { schema: { tags, summary: '新增协调事项', params: IdParams, body: IssueCreate, response: { 200: IdResult } } },
    (req) => s().parts.addIssue(mustActor(req.actor), req.params.id, req.body));
  app.patch('/api/projects/:id/issues/:issueId', { schema: { tags, summary: '修改协调事项（带版本号）', params: IssueParams, body: IssueUpdate, response: { 200: IdResult } } },
    (req) => s().parts.updateIssue(mustActor(req.actor), req.params.id, req.params.issueId, req.body));
  app.post('/api/projects/:id/issues/:issueId/resolve', { schema: { tags, summary: '登记协调事项已解决', params: IssueParams, body: IssueResolve, response: { 200: IdResult } } },
    (req) => s().parts.resolveIssue(mustActor(req.actor), req.params.id, req.params.issueId, req.body));
  app.post('/api/projects/:id/issues/:issueId/reopen', { schema: { tags, summary: '重新打开协调事项', params: IssueParams, body: z.object({ version: z.number().int().positive() }), response: { 200: IdResult } } },
    (req) => s().parts.reopenIssue(mustActor(req.actor), req.params.id, req.params.issueId, req.body.version));

  // ------------------------------------------------------------ public (no login)
  const pub = ['公开'];
  app.get('/api/public/projects', { schema: { tags: pub, summary: '公开：重点项目进度', response: { 200: z.array(PublicProjectSummary) } } }, () => s().public.list());
  app.get('/api/public/projects/:id', { schema: { tags: pub, summary: '公开：项目详情（各单体进度、照片、里程碑、亮灯）', params: IdParams, response: { 200: PublicProjectDetail } } },
    (req) => s().public.detail(req.params.id));
  app.get('/api/public/files/:id', { schema: { tags: pub, summary: '公开：已公开进度记录的现场照片', params: IdParams } }, async (req, reply) => {
    const f = await s().public.file(req.params.id);
    return sendFile(req, reply, f, 'public, max-age=86400');
  });
};
