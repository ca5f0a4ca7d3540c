/**
 * Key projects (重点项目调度). Conventions as everywhere: text ids, ISO instants, YYYY-MM-DD dates, 0/1
 * booleans, JSON as text. Progress is never stored: it is derived from the dated progress reports.
 */
export interface ProjectTable {
  id: string;
  name: string;
  owner_org_id: string;
  location: string;
  /** 市级重点 / 省级重点 / 区级重点 … */
  level: string;
  /** 社会事业 / 产业项目 / 基础设施 … */
  category: string;
  planned_investment_wan: number | null;
  planned_start: string | null;
  planned_finish: string | null;
  actual_start: string | null;
  /** preparing | under_construction | suspended | completed */
  status: string;
  description: string;
  /** Staff-only remarks: never public. */
  internal_note: string;
  /** equal | area */
  weighting: string;
  /** Light rules overriding the global default (JSON of Partial<LightRules>), or null. */
  light_rules_json: string | null;
  /** Shown on the public portal. */
  is_public: number;
  is_demo: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectComponentTable {
  id: string;
  project_id: string;
  name: string;
  floor_area_m2: number | null;
  sort_order: number;
  /** The component's own stage list (JSON of StageDef[]), copied from a template when created. */
  stages_json: string;
  note: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectProgressUpdateTable {
  id: string;
  project_id: string;
  component_id: string;
  stage_key: string;
  percent: number;
  as_of: string;
  completes_previous: number;
  /** What the public may read about this report. */
  note: string;
  /** Staff-only remarks: never public. */
  internal_note: string;
  is_public: number;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
  is_demo: number;
  version: number;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface ProjectUpdatePhotoTable {
  id: string;
  update_id: string;
  file_id: string;
  caption: string;
  sort_order: number;
  created_at: string;
}

export interface ProjectMilestoneTable {
  id: string;
  project_id: string;
  component_id: string | null;
  name: string;
  target_date: string;
  achieved_on: string | null;
  note: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One month of the plan and its actuals; actual progress is derived from the reports, not stored. */
export interface ProjectMonthlyTable {
  id: string;
  project_id: string;
  /** YYYY-MM */
  month: string;
  plan_investment_wan: number | null;
  actual_investment_wan: number | null;
  /** Cumulative progress planned at the month's end (%). */
  plan_progress: number | null;
  note: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 协调事项: internal, never public. */
export interface CoordinationIssueTable {
  id: string;
  project_id: string;
  type: string;
  title: string;
  raised_on: string;
  raised_by: string;
  owner_org_id: string | null;
  action_required: string;
  due_on: string | null;
  resolved_on: string | null;
  resolution: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectStageTemplateTable {
  id: string;
  name: string;
  stages_json: string;
  is_default: number;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Module settings by key, e.g. the global default light rules. */
export interface ProjectSettingTable {
  key: string;
  value_json: string;
  version: number;
  updated_at: string;
}

export interface ProjectTables {
  project: ProjectTable;
  project_component: ProjectComponentTable;
  project_progress_update: ProjectProgressUpdateTable;
  project_update_photo: ProjectUpdatePhotoTable;
  project_milestone: ProjectMilestoneTable;
  project_monthly: ProjectMonthlyTable;
  coordination_issue: CoordinationIssueTable;
  project_stage_template: ProjectStageTemplateTable;
  project_setting: ProjectSettingTable;
}
