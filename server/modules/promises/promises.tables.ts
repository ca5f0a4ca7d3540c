/**
 * Row types of the promises module (承诺). Conventions as everywhere: text ids, ISO instants, YYYY-MM-DD
 * dates, 0/1 booleans, JSON as text. Overdue is never stored: it is derived from the due date when read.
 */

export interface PromiseTable {
  id: string;
  suggestion_id: string;
  reply_id: string;
  /** The reply point it belongs to; null for promises outside the numbered points or added by hand. */
  reply_point_id: string | null;
  /** The point's ordinal when the promise was made (kept for display if the point is later renumbered). */
  point_ordinal: number | null;
  owner_org_id: string;
  /** The promise as staff word it (starts as the source words). */
  text: string;
  /** The words of the reply it came from; null for promises added by hand. */
  source_text: string | null;
  /** YYYY-MM-DD, or null for an open-ended promise. */
  due: string | null;
  /** How the due date was read from the text (年底 → 2024-12-31（…）), or who set it. */
  due_rule: string | null;
  /** The first confirmed due date: a slipped promise shows how far it moved. */
  original_due: string | null;
  open_ended: number;
  action: string | null;
  target_value: number | null;
  target_unit: string | null;
  /** '>=' | '>' | '<=' | '<' | '=' */
  target_comparator: string | null;
  achieved_value: number | null;
  /** planned | in_progress | done | slipped | dropped */
  status: string;
  progress: number;
  /** The day it was done (status done). */
  done_on: string | null;
  /** The reason of the last slip or drop. */
  status_reason: string | null;
  /** 'extracted' | 'manual' */
  origin: string;
  /** What the reply said: 'planned', or 'done' for things reported as already finished. */
  extracted_status: string | null;
  confirmed: number;
  confirmed_at: string | null;
  confirmed_by: string | null;
  discarded: number;
  discarded_at: string | null;
  discarded_by: string | null;
  discard_reason: string | null;
  project_id: string | null;
  /**
   * Where the promise's progress comes from, if anywhere: 'project' | 'milestone' | 'greening' | 'facility'
   * (with `source_id`). When set, progress, status and done date are derived from the source when read; the
   * stored ones are not shown.
   */
  source_kind: string | null;
  source_id: string | null;
  is_demo: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One change in a promise's history: who, when, which fields from what to what, and a note. */
export interface PromiseEventTable {
  id: string;
  promise_id: string;
  /** proposed | created | confirmed | edited | discarded | restored | status | progress | evidence | evidence_void | rated */
  kind: string;
  actor_id: string | null;
  actor_name: string;
  /** The actor's organisation: what the public history shows instead of a person's name. */
  actor_org_name: string | null;
  at: string;
  /** JSON [{field, before, after}] */
  changes_json: string | null;
  note: string | null;
  /** 1: staff only, never on the public portal. */
  internal: number;
  is_demo: number;
}

/** Evidence of delivery: a note, optionally with a file (photo, PDF, office document) kept in file_blob. */
export interface PromiseEvidenceTable {
  id: string;
  promise_id: string;
  note: string;
  file_id: string | null;
  /** The day the evidence is about (e.g. the day of the transfer). */
  happened_on: string;
  internal: number;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
  is_demo: number;
  version: number;
}

/**
 * A deputy's rating of how a promise was delivered (兑现 / 部分兑现 / 未兑现). One per deputy per promise
 * and promise version: after the promise changes (a later status, progress or date) the deputy may rate
 * again, as a new row; the latest row of each deputy counts.
 */
export interface DeliveryRatingTable {
  id: string;
  promise_id: string;
  suggestion_id: string;
  deputy_id: string;
  /** kept | partly | not_kept */
  rating: string;
  comment: string | null;
  /** The promise's version when rated. */
  promise_version: number;
  /** The promise's status when rated. */
  promise_status: string;
  rated_at: string;
  is_demo: number;
}

/** When the promises of a reply were last proposed from its text, and how many. */
export interface PromiseExtractionTable {
  reply_id: string;
  /** 'submit' | 'manual' | 'job' | 'demo' */
  trigger: string;
  ran_at: string;
  ran_by_name: string;
  proposed: number;
  reply_date: string | null;
}

export interface PromiseTables {
  promise: PromiseTable;
  promise_event: PromiseEventTable;
  promise_evidence: PromiseEvidenceTable;
  delivery_rating: DeliveryRatingTable;
  promise_extraction: PromiseExtractionTable;
}
