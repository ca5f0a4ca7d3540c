import type { z } from 'zod';
import type { PublicParkLife } from '../../../server/modules/parklife/parklife.schemas';

export interface ReplyListItem {
  id: string; title: string; suggestionNumber: number | null; suggestionTitle: string; sessionName: string; unitName: string;
  docNumber: string | null; round: number; classCode: string | null; classLabel: string | null; replyDate: string | null; publishedAt: string; pointCount: number;
}
export interface ReplyList { total: number; page: number; pageSize: number; items: ReplyListItem[]; filters: { sessions: Array<{ id: string; name: string }>; units: Array<{ id: string; name: string }> } }
export interface ReplyDetail {
  id: string; publishedAt: string; title: string;
  suggestion: { id: string; number: number | null; title: string; sessionName: string; kind: string; category: string };
  unit: { id: string; name: string }; docNumber: string | null; round: number; classCode: string | null; classLabel: string | null;
  addressee: string; intro: string | null; points: Array<{ ordinal: number; heading: string | null; text: string; responsibleOrgName: string | null }>;
  closing: string; signer: string | null; contactPerson: string | null; contactPhone: string | null; replyDate: string | null; redactionCount: number;
}
export interface Light { light: 'green' | 'yellow' | 'red'; reasons: Array<{ level: string; text: string }>; expected: number | null; gap: number | null }
export interface ProjectSummary {
  id: string; name: string; ownerOrgName: string; location: string; level: string; category: string; status: string; statusLabel: string;
  plannedInvestmentWan: number | null; plannedStart: string | null; plannedFinish: string | null; progress: number; light: Light;
  nextMilestone: { id: string; name: string; targetDate: string; daysLeft: number; overdue: boolean } | null; lastReportOn: string | null; componentCount: number;
}
export interface ProjectDetail extends Omit<ProjectSummary, 'componentCount'> {
  description: string; startedOn: string | null; weightingExplanation: string;
  components: Array<{ id: string; name: string; floorAreaM2: number | null; percent: number; lastReportOn: string | null; currentStage: { key: string; name: string; percent: number } | null; stages: Array<{ key: string; name: string; weight: number; percent: number; asOf: string | null }> }>;
  milestones: Array<{ name: string; componentName: string | null; targetDate: string; achievedOn: string | null; state: string }>;
  monthly: Array<{ month: string; planProgress: number | null; actualProgress: number | null; planInvestmentWan: number | null; actualInvestmentWan: number | null }>;
  updates: Array<{ id: string; componentName: string; stageName: string; percent: number; asOf: string; completesPrevious: boolean; note: string; photos: Array<{ id: string; url: string; caption: string; mime: string; size: number }> }>;
}
/** What GET /api/public/parklife returns, from the server's schema (type-only). */
export type ParkLife = z.infer<typeof PublicParkLife>;
