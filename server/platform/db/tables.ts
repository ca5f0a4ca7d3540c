import type { Generated } from 'kysely';

/**
 * Platform tables. Conventions (both databases): ids are UUIDv7 text; instants are ISO-8601 UTC text;
 * calendar dates are YYYY-MM-DD text; booleans are 0/1 integers; JSON is text parsed in the repo layer.
 */
export interface OrgUnitTable {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  doc_prefix: string | null;
  official_phone: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  org_unit_id: string | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  ip: string | null;
  at: string;
  ok: number;
}

/** A login throttle counter: a window count (per address, per account and address) or a delay gate (per account). */
export interface AuthThrottleTable {
  throttle_key: string;
  fails: number;
  window_start: string;
  last_at: string;
  next_at: string;
}

/** The chain head at `seq`, with an HMAC-SM3 under the audit key (kept outside the database). */
export interface AuditCheckpointTable {
  id: string;
  seq: number;
  head_hash: string;
  entries: number;
  at: string;
  mac: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface WorkCalendarTable {
  date: string;
  year: number;
  kind: string;
  name: string;
  created_at: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  imported_at: string;
  imported_by: string | null;
}

export interface JobTable {
  id: string;
  name: string;
  payload: string;
  run_at: string;
  status: string;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface FileBlobTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  content_hash: string;
  data: Buffer;
  created_by: string | null;
  created_at: string;
}

export interface PlatformTables {
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  auth_throttle: AuthThrottleTable;
  audit_checkpoint: AuditCheckpointTable;
  work_calendar: WorkCalendarTable;
  calendar_year: CalendarYearTable;
  job: JobTable;
  notification: NotificationTable;
  file_blob: FileBlobTable;
}
