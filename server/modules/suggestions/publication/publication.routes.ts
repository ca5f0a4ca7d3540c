import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../../platform/http/request-context.js';
import {
  DecisionsBody, PublicationCounts, PublicationList, PublicationListQuery, PublicationReview, PublicRepliesList, PublicRepliesQuery, PublicReply, UnpublishBody, VersionOnly,
} from './publication.schemas.js';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const publicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const p = () => app.services.suggestionTools.publication;
  const pub = () => app.services.suggestionTools.publicReplies;
  const tags = ['答复公开'];

  app.get('/api/publication/replies', { schema: { tags, summary: '待审核、待发布和已公开的答复（含公开期限）', querystring: PublicationListQuery, response: { 200: PublicationList } } },
    (req) => p().list(mustActor(req.actor), req.query));
  app.get('/api/publication/counts', { schema: { tags, summary: '各公开状态的答复数及逾期未公开数', response: { 200: PublicationCounts } } },
    (req) => p().counts(mustActor(req.actor)));
  app.get('/api/publication/replies/:id', { schema: { tags, summary: '答复的隐去审核：每处个人信息及隐去后的文本', params: IdParams, response: { 200: PublicationReview } } },
    (req) => p().get(mustActor(req.actor), req.params.id));
  app.put('/api/publication/replies/:id/decisions', { schema: { tags, summary: '保留自动识别项、增加人工隐去（带版本号）', params: IdParams, body: DecisionsBody, response: { 200: PublicationReview } } },
    (req) => p().saveDecisions(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/publication/replies/:id/review', { schema: { tags, summary: '标记为已审核', params: IdParams, body: VersionOnly, response: { 200: PublicationReview } } },
    (req) => p().markReviewed(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/publication/replies/:id/publish', { schema: { tags, summary: '公开（保存隐去后的文本）', params: IdParams, body: VersionOnly, response: { 200: PublicationReview } } },
    (req) => p().publish(mustActor(req.actor), req.params.id, req.body));
  app.post('/api/publication/replies/:id/unpublish', { schema: { tags, summary: '撤回已公开的答复（须说明理由）', params: IdParams, body: UnpublishBody, response: { 200: PublicationReview } } },
    (req) => p().unpublish(mustActor(req.actor), req.params.id, req.body));

  app.get('/api/public/replies', { schema: { tags: ['公开'], summary: '已公开的答复（无需登录）', querystring: PublicRepliesQuery, response: { 200: PublicRepliesList } } },
    (req) => pub().list(req.query));
  app.get('/api/public/replies/:id', { schema: { tags: ['公开'], summary: '一件已公开的答复（隐去个人信息后的文本）', params: IdParams, response: { 200: PublicReply } } },
    (req) => pub().get(req.params.id));
};
