import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/roles.js';
import { mustActor } from '../../platform/http/request-context.js';
import { authorize, definePolicy, roleIs } from '../../platform/policy/policy.js';
import { badRequest } from '../../platform/errors.js';
import { assignmentDates } from './deadlines.js';
import { IdParams, IsoDateString } from './suggestions.schemas.js';
import type { SuggestionsCore } from './core.js';

/**
 * Before assigning, the organizer sees the due dates the rule set will give and how each is computed — with
 * the same calendar the assignment uses (including a year whose holidays are not imported yet, said so).
 */
export const AssignPreviewQuery = z.object({ assignedOn: IsoDateString.optional() });
const Explained = z.object({ date: z.string(), lines: z.array(z.string()), provisional: z.boolean() });
export const AssignPreview = z.object({
  assignedOn: z.string(),
  ruleSet: z.object({ id: z.string(), name: z.string() }),
  replyDue: Explained,
  hardDue: Explained,
  returnDue: Explained,
  opinionDue: Explained,
});

const previewPolicy = definePolicy<null, 'preview'>({ preview: roleIs('organizer') });

export async function assignPreview(core: SuggestionsCore, actor: Actor, id: string, assignedOn: string | undefined): Promise<z.infer<typeof AssignPreview>> {
  authorize(previewPolicy, actor, 'preview', null);
  const x = await core.access(actor, id);
  const today = core.today();
  const on = assignedOn ?? today;
  if (on > today) badRequest(`交办日期不能晚于今天（${today}）`, 'validation_failed');
  const rs = await core.ruleSetOfSession(x.s.session_id);
  const d = assignmentDates(await core.calendar(), rs, on);
  const view = (e: { date: string; lines: string[]; provisional?: boolean }) => ({ date: e.date, lines: e.lines, provisional: !!e.provisional });
  return { assignedOn: on, ruleSet: { id: rs.id, name: rs.name }, replyDue: view(d.replyDue), hardDue: view(d.hardDue), returnDue: view(d.returnDue), opinionDue: view(d.opinionDue) };
}

export const assignPreviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/suggestions/:id/assign-preview', {
    schema: { tags: ['建议办理'], summary: '交办前预览各项期限及计算过程', params: IdParams, querystring: AssignPreviewQuery, response: { 200: AssignPreview } },
  }, (req) => assignPreview(app.services.suggestions.core, mustActor(req.actor), req.params.id, req.query.assignedOn));
};
