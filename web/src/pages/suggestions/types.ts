/**
 * The suggestions API's shapes, taken from the server's zod schemas so the pages and the server never drift.
 * Type-only: nothing from the server is bundled.
 */
import type { z } from 'zod';
import type * as S from '../../../../server/modules/suggestions/suggestions.schemas';

export type RuleSet = z.infer<typeof S.RuleSetView>;
export type Session = z.infer<typeof S.SessionView>;
export type Deputy = z.infer<typeof S.DeputyView>;
export type SuggestionListItem = z.infer<typeof S.SuggestionListItem>;
export type SuggestionPage = z.infer<typeof S.SuggestionPage>;
export type SuggestionDetail = z.infer<typeof S.SuggestionDetail>;
export type Assignment = z.infer<typeof S.AssignmentView>;
export type ExtensionRequest = z.infer<typeof S.ExtensionRequestView>;
export type SupervisionAction = z.infer<typeof S.SupervisionActionView>;
export type Reply = z.infer<typeof S.ReplyView>;
export type ReplyPoint = z.infer<typeof S.ReplyPointView>;
export type Rating = z.infer<typeof S.RatingView>;
export type RatingResult = z.infer<typeof S.RatingResult>;
export type SuggestionEvent = z.infer<typeof S.EventView>;
export type ExplainedDate = z.infer<typeof S.ExplainedDate>;
export type DeadlineClock = z.infer<typeof S.DeadlineClockView>;
export type Dashboard = z.infer<typeof S.Dashboard>;
export type Inbox = z.infer<typeof S.Inbox>;
export type InboxItem = z.infer<typeof S.InboxItem>;
export type SuggestionAction = (typeof S.SUGGESTION_VIEW_ACTIONS)[number];
export type Satisfaction = z.infer<typeof S.SatisfactionEnum>;

export type SuggestionCreateBody = z.input<typeof S.SuggestionCreate>;
export type SuggestionUpdateBody = z.input<typeof S.SuggestionUpdate>;
export type SessionCreateBody = z.input<typeof S.SessionCreate>;
export type SessionUpdateBody = z.input<typeof S.SessionUpdate>;
export type AssignBody = z.input<typeof S.AssignBody>;
export type ReplyUpdateBody = z.input<typeof S.ReplyUpdate>;
export type ReplyPointCreateBody = z.input<typeof S.ReplyPointCreate>;
export type ReplyPointUpdateBody = z.input<typeof S.ReplyPointUpdate>;
export type RatingCreateBody = z.input<typeof S.RatingCreate>;

export interface OrgUnit { id: string; name: string; shortName: string; kind: string; officialPhone: string | null }
