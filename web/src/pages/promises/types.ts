import type { DeliveryRating, PromiseStatus } from '../../../../domain/promise-states';

export type PromiseClock = 'closed' | 'open_ended' | 'overdue' | 'due_today' | 'due_soon' | 'on_track' | 'unconfirmed';

/** A promise as the API presents it (GET /api/promises, /api/promises/:id, /api/replies/:id/promises). */
export interface PromiseView {
  id: string;
  text: string;
  sourceText: string | null;
  due: string | null;
  dueRule: string | null;
  originalDue: string | null;
  openEnded: boolean;
  action: string | null;
  target: { value: number; unit: string; comparator: string; text: string } | null;
  achievedValue: number | null;
  targetMet: boolean | null;
  status: PromiseStatus;
  statusLabel: string;
  progress: number;
  doneOn: string | null;
  statusReason: string | null;
  clock: PromiseClock;
  clockLabel: string;
  daysLeft: number | null;
  confirmed: boolean;
  confirmedAt: string | null;
  discarded: boolean;
  discardReason: string | null;
  origin: 'extracted' | 'manual';
  extractedStatus: 'planned' | 'done' | null;
  owner: { id: string; name: string; shortName: string };
  reply: { id: string; round: number; docNumber: string | null; replyDate: string | null; unitId: string; unitName: string; published: boolean };
  point: { id: string | null; ordinal: number; heading: string | null } | null;
  suggestion: {
    id: string; number: number | null; title: string; label: string; sessionId: string; sessionName: string;
    replySatisfaction: string | null; replySatisfactionLabel: string | null;
  };
  project: { id: string; name: string; progress?: number; light?: string; status?: string; ownerOrgName?: string } | null;
  /** Where progress, status and done date come from (null: kept by hand on the promise). */
  source: PromiseSource | null;
  delivery: {
    kept: number; partly: number; notKept: number; verdict: DeliveryRating | null; verdictLabel: string | null; rateable: boolean; expected: number;
    setAside: number; setAsideNote: string | null;
    mine: { rating: DeliveryRating; label: string; ratedAt: string; current: boolean } | null;
  };
  isDemo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  can: { review: boolean; restore: boolean; update: boolean; rate: boolean; report: boolean; link: boolean };
}

export type SourceKind = 'project' | 'milestone' | 'greening' | 'facility';

export interface PromiseSource {
  kind: SourceKind; kindLabel: string; id: string; name: string | null; link: string | null; isPublic: boolean; missing: boolean;
  stateText: string | null; note: string;
}

export interface SourceOptions {
  projects: Array<{ id: string; name: string; progress: number; statusLabel: string; milestones: Array<{ id: string; name: string; targetDate: string; achievedOn: string | null }> }>;
  greening: Array<{ id: string; year: number; targetM2: number; achievedM2: number }>;
  facilities: Array<{ id: string; name: string; statusLabel: string }>;
}

export interface HistoryItem {
  id: string;
  at: string;
  kind: string;
  label: string;
  by: string | null;
  changes: Array<{ field: string; label: string; before: string | null; after: string | null }>;
  note: string | null;
  internal: boolean;
}

export interface EvidenceItem {
  id: string;
  note: string;
  happenedOn: string;
  internal: boolean;
  by: string;
  at: string;
  voided: boolean;
  voidReason: string | null;
  version: number;
  file: { name: string; mime: string; size: number; sm3: string; url: string } | null;
}

export interface PromiseDetail extends PromiseView {
  history: HistoryItem[];
  evidence: EvidenceItem[];
  ratings: Array<{
    deputyId: string; name: string; role: string;
    latest: { rating: DeliveryRating; label: string; comment: string | null; ratedAt: string; promiseStatus: string; current: boolean; setAside: boolean } | null;
    history: Array<{ rating: DeliveryRating; label: string; comment: string | null; ratedAt: string }>;
  }>;
}

export interface Ledger {
  today: string;
  total: number;
  page: number;
  pageSize: number;
  counts: { all: number; overdue: number; dueSoon: number; openEnded: number; done: number };
  items: PromiseView[];
  filters: { units: Array<{ id: string; name: string }>; sessions: Array<{ id: string; name: string }>; statuses: Array<{ value: PromiseStatus; label: string }> };
}

export interface SummaryGroup {
  key: string; name: string; total: number; done: number; inProgress: number; overdue: number; dueSoon: number; openEnded: number;
  slipped: number; dropped: number; kept: number; partly: number; notKept: number; doneRate: number;
}

export interface Summary { today: string; groupBy: 'unit' | 'session' | 'status'; groups: SummaryGroup[] }

export interface ReplyPanel {
  reply: {
    id: string; round: number; state: string; docNumber: string | null; replyDate: string | null; unitId: string; unitName: string; published: boolean; isDemo: boolean;
    suggestion: { id: string; number: number | null; title: string };
  };
  points: Array<{ id: string; ordinal: number; heading: string | null }>;
  extraction: { ranAt: string; by: string; trigger: string; proposed: number; replyDate: string | null } | null;
  proposals: PromiseView[];
  confirmed: PromiseView[];
  discarded: PromiseView[];
  can: { propose: boolean };
}

export interface Dashboard {
  today: string;
  role: 'deputy' | 'staff';
  toRate: number;
  toRateItems: PromiseView[];
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  proposals: number;
  items: PromiseView[];
}

export interface OrgUnit { id: string; name: string; shortName: string; kind: string }
export interface ProjectOption { id: string; name: string; ownerOrgId: string; ownerOrgName: string; status: string }
