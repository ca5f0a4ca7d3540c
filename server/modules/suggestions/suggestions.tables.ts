/**
 * Row types of the suggestions module (建议办理). Conventions as everywhere: text ids, ISO instants, YYYY-MM-DD
 * dates, 0/1 booleans, JSON as text. Overdue is never stored: it is derived from the due dates and the calendar.
 */

/** Deadlines, classification scheme and reminders of one jurisdiction; sessions point at one. */
export interface RuleSetTable {
  id: string;
  name: string;
  jurisdiction: string;
  reply_months: number;
  hard_months: number;
  co_opinion_months: number;
  return_window_count: number;
  /** 'workdays' | 'days' */
  return_window_unit: string;
  rereply_months: number;
  publish_workdays: number;
  /** JSON [{code, label}] */
  class_scheme_json: string;
  class_mark_on_doc: number;
  /** 'joint' | 'per_deputy' */
  reply_mode: string;
  /** JSON [{kind:'before', workdays}, {kind:'on_day'}, {kind:'overdue_every', workdays}] */
  reminders_json: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 届次/会议: e.g. 人大 七届六次. */
export interface CongressSessionTable {
  id: string;
  /** '人大' | '政协' */
  body: string;
  term: string;
  meeting: string;
  short_name: string;
  full_name: string;
  starts_on: string;
  ends_on: string;
  rule_set_id: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A deputy (代表) or member (委员); the personal phone is stored encrypted (SM4 + HMAC-SM3). */
export interface DeputyTable {
  id: string;
  name: string;
  user_id: string | null;
  /** '人大' | '政协' */
  body: string;
  delegation: string | null;
  phone_enc: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SuggestionTable {
  id: string;
  session_id: string;
  /** Unique within the session; null for a deputy's draft until it is admitted. */
  number: number | null;
  title: string;
  body: string;
  category: string;
  /** '建议' | '议案转建议' | '提案' */
  kind: string;
  lead_deputy_id: string;
  state: string;
  not_admitted_reason: string | null;
  round: number;
  submitted_at: string | null;
  admitted_at: string | null;
  assigned_on: string | null;
  /** Due date of the current round (round 1: reply deadline; later rounds: re-reply deadline). */
  reply_due: string | null;
  hard_due: string | null;
  extended_due: string | null;
  /** JSON {replyDue:{date,lines}, hardDue:{…}, extendedDue?:{…}}: how each due date was computed. */
  due_explain_json: string | null;
  key_supervision: number;
  lead_unit_id: string | null;
  /** Outcome of the last completed rating round: satisfied | basically_satisfied | dissatisfied. */
  final_satisfaction: string | null;
  closed_at: string | null;
  /** Filled by the search module. */
  search_text: string | null;
  is_demo: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuggestionSignerTable {
  id: string;
  suggestion_id: string;
  deputy_id: string;
  /** 'lead' | 'co' */
  role: string;
  /** 'invited' | 'accepted' | 'declined' */
  status: string;
  invited_at: string;
  responded_at: string | null;
  is_demo: number;
}

export interface AssignmentTable {
  id: string;
  suggestion_id: string;
  unit_id: string;
  /** 'lead' | 'co' */
  role: string;
  /** 'assigned' | 'accepted' | 'return_requested' | 'returned' */
  state: string;
  assigned_on: string;
  accepted_at: string | null;
  /** Last day on which a return (退办) may be requested. */
  return_due: string;
  return_reason: string | null;
  return_requested_at: string | null;
  /** 'approved' | 'rejected' | null */
  return_decision: string | null;
  return_decision_note: string | null;
  return_decided_at: string | null;
  /** Co-units only: when their opinion to the lead unit is due. */
  opinion_due: string | null;
  opinion_text: string | null;
  opinion_at: string | null;
  opinion_by: string | null;
  /** JSON {returnDue:{date,lines}, opinionDue?:{…}} */
  due_explain_json: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExtensionRequestTable {
  id: string;
  suggestion_id: string;
  assignment_id: string;
  requested_due: string;
  reason: string;
  /** 'pending' | 'approved' | 'rejected' */
  state: string;
  decided_due: string | null;
  decision_note: string | null;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  is_demo: number;
  version: number;
}

export interface SupervisionActionTable {
  id: string;
  suggestion_id: string;
  /** 'meeting' | 'inspection' | 'reminder' | 'escalation' | 'other' */
  kind: string;
  happened_on: string;
  note: string;
  actor_id: string | null;
  actor_name: string;
  created_at: string;
  is_demo: number;
}

/** The timeline of a suggestion; `visibility` says who may see the entry. */
export interface SuggestionEventTable {
  id: string;
  suggestion_id: string;
  kind: string;
  actor_id: string | null;
  actor_name: string;
  at: string;
  detail_json: string | null;
  /** 'internal' | 'deputy' | 'public' */
  visibility: string;
  is_demo: number;
}

export interface ReplyTable {
  id: string;
  suggestion_id: string;
  round: number;
  /** 'draft' | 'submitted' */
  state: string;
  unit_id: string;
  doc_number: string | null;
  class_code: string | null;
  signer: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  intro: string | null;
  closing: string;
  reply_date: string | null;
  /** The due date in force when the reply was submitted (for "replied on time"). */
  due_on: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  /** 'draft' | 'reviewed' | 'published' */
  publication_state: string;
  published_json: string | null;
  redactions_json: string | null;
  published_at: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ReplyPointTable {
  id: string;
  reply_id: string;
  ordinal: number;
  heading: string | null;
  text: string;
  responsible_org_id: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RatingTable {
  id: string;
  reply_id: string;
  suggestion_id: string;
  deputy_id: string;
  /** 'satisfied' | 'basically_satisfied' | 'dissatisfied' */
  satisfaction: string;
  met_in_person: number;
  comment: string | null;
  rated_at: string;
  is_demo: number;
}

export interface SuggestionTables {
  rule_set: RuleSetTable;
  congress_session: CongressSessionTable;
  deputy: DeputyTable;
  suggestion: SuggestionTable;
  suggestion_signer: SuggestionSignerTable;
  assignment: AssignmentTable;
  extension_request: ExtensionRequestTable;
  supervision_action: SupervisionActionTable;
  suggestion_event: SuggestionEventTable;
  reply: ReplyTable;
  reply_point: ReplyPointTable;
  rating: RatingTable;
}
