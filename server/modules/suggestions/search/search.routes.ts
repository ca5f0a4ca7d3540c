import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../../platform/http/request-context.js';
import { PublicSearchQuery, PublicSearchResult, ReindexResult, SearchQuery, SearchResult, SimilarBody, SimilarResult } from './search.schemas.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const t = () => app.services.suggestionTools;

  app.get('/api/suggestions/search', {
    schema: { tags: ['建议办理'], summary: '全文检索建议和答复（按权限范围，片段标出命中文字）', querystring: SearchQuery, response: { 200: SearchResult } },
  }, (req) => t().search.search(mustActor(req.actor), req.query));

  app.post('/api/suggestions/similar', {
    schema: { tags: ['建议办理'], summary: '起草时查找相似的往届建议及其办理情况', body: SimilarBody, response: { 200: SimilarResult } },
  }, (req) => t().similar.similar(mustActor(req.actor), req.body));

  app.post('/api/suggestions/search/reindex', {
    schema: { tags: ['建议办理'], summary: '重建检索索引中过期的部分', response: { 200: ReindexResult } },
  }, (req) => t().search.reindex(mustActor(req.actor)));

  app.get('/api/public/search', {
    schema: { tags: ['公开'], summary: '检索已公开的答复（无需登录）', querystring: PublicSearchQuery, response: { 200: PublicSearchResult } },
  }, (req) => t().search.publicSearch(req.query));
};
