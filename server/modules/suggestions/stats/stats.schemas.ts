import { z } from 'zod';

export const StatsQuery = z.object({ sessionId: z.string().max(64).optional() });

const Tally = z.object({ rated: z.number(), satisfied: z.number(), basically: z.number(), dissatisfied: z.number(), rate: z.number().nullable() });
export const StatsRowView = z.object({
  assigned: z.number(),
  coAssigned: z.number(),
  replied: z.number(),
  repliedOnTime: z.number(),
  overdueOpen: z.number(),
  replyRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  firstRound: Tally,
  final: Tally,
  classMix: z.record(z.string(), z.number()),
  returnRequests: z.number(),
  returnsApproved: z.number(),
  extensionRequests: z.number(),
  extensionsApproved: z.number(),
  avgDaysToReply: z.number().nullable(),
  avgWorkdaysToReply: z.number().nullable(),
});

export const StatsReportView = z.object({
  today: z.string(),
  sessionId: z.string().nullable(),
  sessionName: z.string().nullable(),
  sessions: z.array(z.object({ id: z.string(), name: z.string() })),
  classScheme: z.array(z.object({ code: z.string(), label: z.string() })),
  /** 'unit': unit staff see their own unit only (no totals). */
  scope: z.enum(['all', 'unit']),
  total: StatsRowView.nullable(),
  units: z.array(StatsRowView.extend({ unitId: z.string(), unitName: z.string() })),
  bySession: z.array(StatsRowView.extend({ sessionId: z.string(), sessionName: z.string() })),
});
