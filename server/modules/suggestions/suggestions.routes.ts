import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../platform/http/request-context.js';
import {
  AssignBody, Dashboard, DashboardQuery, DeputyCreate, DeputyListQuery, DeputyUpdate, DeputyView, EventView, ExtensionDecisionBody,
  ExtensionRequestCreate, IdParams, Inbox, InboxQuery, InviteSignerBody, KeySupervisionBody, NotAdmitBody, OpinionBody, PointDeleteQuery,
  PointOrderBody, RatingCreate, RatingResult, ReplyPointCreate, ReplyPointUpdate, ReplyUpdate, ReturnDecisionBody, ReturnRequestBody,
  RuleSetCreate, RuleSetUpdate, RuleSetView, SessionCreate, SessionUpdate, SessionView, SignatureBody, SignerParams, SuggestionCreate,
  SuggestionDetail, SuggestionListQuery, SuggestionPage, SuggestionUpdate, SupervisionActionCreate, VersionBody,
} from './suggestions.schemas.js';

const T = ['建议办理'];
type Parts = { params?: z.ZodTypeAny; body?: z.ZodTypeAny; querystring?: z.ZodTypeAny };
const ok = <E extends Parts, R extends z.ZodTypeAny = typeof SuggestionDetail>(summary: string, extra: E, response?: R) =>
  ({ schema: { tags: T, summary, ...extra, response: { 200: (response ?? SuggestionDetail) as R } } });

/** HTTP only: validate, make one service call, return what the schema allows. */
export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const m = () => app.services.suggestions;

  // ---- rule sets, sessions, deputies ----
  app.get('/api/rule-sets', ok('办理规则列表', {}, z.array(RuleSetView)), (req) => m().setup.listRuleSets(mustActor(req.actor)));
  app.post('/api/rule-sets', ok('新建办理规则', { body: RuleSetCreate }, RuleSetView), (req) => m().setup.createRuleSet(mustActor(req.actor), req.body));
  app.patch('/api/rule-sets/:id', ok('修改办理规则（带版本号）', { params: IdParams, body: RuleSetUpdate }, RuleSetView), (req) => m().setup.updateRuleSet(mustActor(req.actor), req.params.id, req.body));

  app.get('/api/congress-sessions', ok('届次会议列表', {}, z.array(SessionView)), (req) => m().setup.listSessions(mustActor(req.actor)));
  app.post('/api/congress-sessions', ok('新建届次会议', { body: SessionCreate }, SessionView), (req) => m().setup.createSession(mustActor(req.actor), req.body));
  app.patch('/api/congress-sessions/:id', ok('修改届次会议（带版本号）', { params: IdParams, body: SessionUpdate }, SessionView), (req) => m().setup.updateSession(mustActor(req.actor), req.params.id, req.body));

  app.get('/api/deputies', ok('代表名录（个人电话仅交办方可见）', { querystring: DeputyListQuery }, z.array(DeputyView)), (req) => m().setup.listDeputies(mustActor(req.actor), req.query));
  app.get('/api/deputies/me', ok('本人的代表信息', {}, DeputyView), (req) => m().setup.me(mustActor(req.actor)));
  app.post('/api/deputies', ok('登记代表', { body: DeputyCreate }, DeputyView), (req) => m().setup.createDeputy(mustActor(req.actor), req.body));
  app.patch('/api/deputies/:id', ok('修改代表信息（带版本号）', { params: IdParams, body: DeputyUpdate }, DeputyView), (req) => m().setup.updateDeputy(mustActor(req.actor), req.params.id, req.body));

  // ---- suggestions ----
  app.get('/api/suggestions', ok('建议列表（按角色限定范围）', { querystring: SuggestionListQuery }, SuggestionPage), (req) => m().suggestions.list(mustActor(req.actor), req.query));
  app.post('/api/suggestions', ok('登记建议（交办方）或起草建议（代表）', { body: SuggestionCreate }), (req) => m().suggestions.create(mustActor(req.actor), req.body));
  app.get('/api/suggestions/:id', ok('建议详情', { params: IdParams }), (req) => m().suggestions.detail(mustActor(req.actor), req.params.id));
  app.patch('/api/suggestions/:id', ok('修改建议（带版本号）', { params: IdParams, body: SuggestionUpdate }), (req) => m().suggestions.update(mustActor(req.actor), req.params.id, req.body));
  app.get('/api/suggestions/:id/events', ok('办理时间线', { params: IdParams }, z.array(EventView)), (req) => m().suggestions.events(mustActor(req.actor), req.params.id));
  app.post('/api/suggestions/:id/submit', ok('提交建议', { params: IdParams, body: VersionBody }), (req) => m().suggestions.submit(mustActor(req.actor), req.params.id, req.body.version));
  app.post('/api/suggestions/:id/signers', ok('邀请或增加附议代表', { params: IdParams, body: InviteSignerBody }), (req) => m().suggestions.invite(mustActor(req.actor), req.params.id, req.body));
  app.delete('/api/suggestions/:id/signers/:deputyId', ok('撤回邀请或移除附议代表', { params: SignerParams }), (req) => m().suggestions.removeSigner(mustActor(req.actor), req.params.id, req.params.deputyId));
  app.post('/api/suggestions/:id/signature', ok('受邀代表同意或谢绝附议', { params: IdParams, body: SignatureBody }), (req) => m().suggestions.sign(mustActor(req.actor), req.params.id, req.body.accept));
  app.post('/api/suggestions/:id/admit', ok('立案', { params: IdParams, body: VersionBody }), (req) => m().suggestions.admit(mustActor(req.actor), req.params.id, req.body.version));
  app.post('/api/suggestions/:id/not-admit', ok('不予立案', { params: IdParams, body: NotAdmitBody }), (req) => m().suggestions.notAdmit(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/suggestions/:id/assign', ok('交办（主办单位与协办单位，期限由规则计算）', { params: IdParams, body: AssignBody }), (req) => m().suggestions.assign(mustActor(req.actor), req.params.id, req.body));
  app.put('/api/suggestions/:id/key-supervision', ok('列为或取消重点督办', { params: IdParams, body: KeySupervisionBody }), (req) => m().suggestions.setKeySupervision(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/suggestions/:id/supervision-actions', ok('记录督办情况', { params: IdParams, body: SupervisionActionCreate }), (req) => m().suggestions.addSupervisionAction(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/suggestions/:id/extension-requests', ok('主办单位申请延期', { params: IdParams, body: ExtensionRequestCreate }), (req) => m().assignments.requestExtension(mustActor(req.actor), req.params.id, req.body));

  // ---- assignments and extensions ----
  app.post('/api/assignments/:id/accept', ok('签收', { params: IdParams, body: VersionBody }), (req) => m().assignments.accept(mustActor(req.actor), req.params.id, req.body.version));
  app.post('/api/assignments/:id/return-request', ok('申请退办', { params: IdParams, body: ReturnRequestBody }), (req) => m().assignments.requestReturn(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/assignments/:id/return-decision', ok('交办方决定退办申请', { params: IdParams, body: ReturnDecisionBody }), (req) => m().assignments.decideReturn(mustActor(req.actor), req.params.id, req.body));
  app.put('/api/assignments/:id/opinion', ok('协办单位提交或修改协办意见', { params: IdParams, body: OpinionBody }), (req) => m().assignments.submitOpinion(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/extension-requests/:id/decision', ok('交办方审核延期申请', { params: IdParams, body: ExtensionDecisionBody }), (req) => m().assignments.decideExtension(mustActor(req.actor), req.params.id, req.body));

  // ---- replies and ratings ----
  app.patch('/api/replies/:id', ok('修改答复稿（带版本号）', { params: IdParams, body: ReplyUpdate }), (req) => m().replies.update(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/replies/:id/points', ok('增加答复要点', { params: IdParams, body: ReplyPointCreate }), (req) => m().replies.addPoint(mustActor(req.actor), req.params.id, req.body));
  app.put('/api/replies/:id/point-order', ok('调整答复要点顺序', { params: IdParams, body: PointOrderBody }), (req) => m().replies.reorderPoints(mustActor(req.actor), req.params.id, req.body));
  app.patch('/api/reply-points/:id', ok('修改答复要点（带版本号）', { params: IdParams, body: ReplyPointUpdate }), (req) => m().replies.updatePoint(mustActor(req.actor), req.params.id, req.body));
  app.delete('/api/reply-points/:id', ok('删除答复要点（带版本号）', { params: IdParams, querystring: PointDeleteQuery }), (req) => m().replies.deletePoint(mustActor(req.actor), req.params.id, req.query.version));
  app.post('/api/replies/:id/submit', ok('提交答复', { params: IdParams, body: VersionBody }), (req) => m().replies.submit(mustActor(req.actor), req.params.id, req.body.version));
  app.post('/api/replies/:id/ratings', ok('代表评价答复', { params: IdParams, body: RatingCreate }, RatingResult), (req) => m().replies.rate(mustActor(req.actor), req.params.id, req.body));

  // ---- overviews ----
  app.get('/api/suggestions-dashboard', ok('交办方工作台：逾期、临期、待办', { querystring: DashboardQuery }, Dashboard), (req) => m().overview.dashboard(mustActor(req.actor), req.query.sessionId));
  app.get('/api/unit-inbox', ok('承办单位待办：本单位的办理任务与期限', { querystring: InboxQuery }, Inbox), (req) => m().overview.inbox(mustActor(req.actor), req.query.state));
};
