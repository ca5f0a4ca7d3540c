import type { z } from 'zod';
import type { PublicParkLife } from '../../../server/modules/parklife/parklife.schemas';
import type { PublicProjectDetail, PublicProjectSummary } from '../../../server/modules/projects/projects.schemas';

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
  closing: string; signature: { organ: string; date: string | null }; contactPerson: string | null; contactPhone: string | null; replyDate: string | null; redactionCount: number;
}
/** What GET /api/public/projects and /api/public/projects/:id return, from the server's schemas (type-only). */
export type ProjectSummary = z.infer<typeof PublicProjectSummary>;
export type ProjectDetail = z.infer<typeof PublicProjectDetail>;
export type Light = ProjectSummary['light'];
/** What GET /api/public/parklife returns, from the server's schema (type-only). */
export type ParkLife = z.infer<typeof PublicParkLife>;
