import type { PermissionCase } from '../../testing/permission-case.js';
import { EVERYONE, LOGGED_IN } from '../../testing/permission-case.js';
import type { TestEnv } from '../../testing/harness.js';
import { SCHOOL_NAME } from './projects.demo.js';

/** Staff who read key projects (unit staff see their own unit's list). */
const READERS = ['admin', 'organizer', 'gongxin', 'hengtong', 'jiaoyu', 'zone'];
/** Who may read and edit the school: the zone, and 教育局 which owns it. */
const SCHOOL_READERS = ['admin', 'organizer', 'jiaoyu', 'zone'];
const SCHOOL_EDITORS = ['jiaoyu', 'zone'];
const ZONE = ['zone'];

const rnd = () => Math.random().toString(36).slice(2, 8);
const school = (env: TestEnv) => env.ctx.db.selectFrom('project').select(['id', 'version']).where('name', '=', SCHOOL_NAME).executeTakeFirstOrThrow();
const component = async (env: TestEnv, name = '风雨操场') => {
  const s = await school(env);
  const c = await env.ctx.db.selectFrom('project_component').select(['id', 'version']).where('project_id', '=', s.id).where('name', '=', name).executeTakeFirstOrThrow();
  return { s, c };
};
const lastUpdate = async (env: TestEnv) => {
  const s = await school(env);
  const u = await env.ctx.db.selectFrom('project_progress_update').select(['id', 'version']).where('project_id', '=', s.id).where('voided_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return { s, u };
};
const photo = async (env: TestEnv) => {
  const s = await school(env);
  const p = await env.ctx.db.selectFrom('project_update_photo').innerJoin('project_progress_update', 'project_progress_update.id', 'project_update_photo.update_id')
    .select(['project_update_photo.file_id', 'project_update_photo.update_id']).where('project_progress_update.project_id', '=', s.id).executeTakeFirst();
  return { s, fileId: p?.file_id ?? 'missing', updateId: p?.update_id ?? 'missing' };
};
const milestone = async (env: TestEnv) => {
  const s = await school(env);
  const m = await env.ctx.db.selectFrom('project_milestone').select(['id', 'version']).where('project_id', '=', s.id).orderBy('target_date', 'desc').executeTakeFirst();
  return { s, id: m?.id ?? 'missing', version: m?.version ?? 1 };
};
const month = async (env: TestEnv, m: string) => {
  const s = await school(env);
  const r = await env.ctx.db.selectFrom('project_monthly').select(['version']).where('project_id', '=', s.id).where('month', '=', m).executeTakeFirst();
  return { s, version: r?.version ?? 1 };
};
const issue = async (env: TestEnv, resolved: boolean) => {
  const s = await school(env);
  const i = await env.ctx.db.selectFrom('coordination_issue').select(['id', 'version']).where('project_id', '=', s.id)
    .where('resolved_on', resolved ? 'is not' : 'is', null).orderBy('raised_on').executeTakeFirst();
  return { s, id: i?.id ?? 'missing', version: i?.version ?? 1 };
};
const template = (env: TestEnv) => env.ctx.db.selectFrom('project_stage_template').select(['id', 'version']).where('name', '=', '市政管网工程').executeTakeFirstOrThrow();
const STAGES = [{ key: 'a', name: '甲', weight: 1 }];

export const projectPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/projects/options', allowed: LOGGED_IN, sample: () => ({ url: '/api/projects/options' }) },
  { method: 'GET', route: '/api/projects/stage-templates', allowed: READERS, sample: () => ({ url: '/api/projects/stage-templates' }) },
  { method: 'POST', route: '/api/projects/stage-templates', allowed: ZONE, sample: () => ({ url: '/api/projects/stage-templates', body: { name: `模板${rnd()}`, stages: STAGES } }) },
  { method: 'PATCH', route: '/api/projects/stage-templates/:id', allowed: ZONE, sample: async (env) => { const t = await template(env); return { url: `/api/projects/stage-templates/${t.id}`, body: { version: t.version } }; } },
  { method: 'DELETE', route: '/api/projects/stage-templates/:id', allowed: ZONE, sample: () => ({ url: '/api/projects/stage-templates/missing?version=1' }) },
  { method: 'GET', route: '/api/projects/light-rules', allowed: READERS, sample: () => ({ url: '/api/projects/light-rules' }) },
  { method: 'PUT', route: '/api/projects/light-rules', allowed: ZONE, sample: async (env) => {
    const v = (await env.ctx.db.selectFrom('project_setting').select('version').where('key', '=', 'light_rules').executeTakeFirst())?.version ?? 0;
    return { url: '/api/projects/light-rules', body: { version: v, rules: {} } };
  } },
  { method: 'GET', route: '/api/projects', allowed: READERS, sample: () => ({ url: '/api/projects' }) },
  { method: 'POST', route: '/api/projects', allowed: ZONE, sample: async (env) => {
    const org = await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '恒通集团').executeTakeFirstOrThrow();
    return { url: '/api/projects', body: { name: `权限测试项目${rnd()}`, ownerOrgId: org.id, location: '米山工业园', level: '区级重点', category: '基础设施', plannedInvestmentWan: null, plannedStart: null, plannedFinish: null, status: 'preparing' } };
  } },
  { method: 'GET', route: '/api/projects/:id', allowed: SCHOOL_READERS, sample: async (env) => ({ url: `/api/projects/${(await school(env)).id}` }) },
  { method: 'PATCH', route: '/api/projects/:id', allowed: SCHOOL_EDITORS, sample: async (env) => { const s = await school(env); return { url: `/api/projects/${s.id}`, body: { version: s.version, level: '市级重点' } }; } },
  // The school has progress reports: the zone is allowed, and then told it cannot be deleted (409).
  { method: 'DELETE', route: '/api/projects/:id', allowed: ZONE, sample: async (env) => { const s = await school(env); return { url: `/api/projects/${s.id}?version=${s.version}` }; } },
  { method: 'PUT', route: '/api/projects/:id/light-rules', allowed: ZONE, sample: async (env) => { const s = await school(env); return { url: `/api/projects/${s.id}/light-rules`, body: { version: s.version, rules: null } }; } },
  { method: 'POST', route: '/api/projects/:id/components', allowed: SCHOOL_EDITORS, sample: async (env) => ({ url: `/api/projects/${(await school(env)).id}/components`, body: { name: `单体${rnd()}` } }) },
  { method: 'PATCH', route: '/api/projects/:id/components/:componentId', allowed: SCHOOL_EDITORS, sample: async (env) => { const { s, c } = await component(env); return { url: `/api/projects/${s.id}/components/${c.id}`, body: { version: c.version } }; } },
  { method: 'DELETE', route: '/api/projects/:id/components/:componentId', allowed: SCHOOL_EDITORS, sample: async (env) => { const { s, c } = await component(env); return { url: `/api/projects/${s.id}/components/${c.id}?version=${c.version}` }; } },
  { method: 'POST', route: '/api/projects/:id/updates', allowed: SCHOOL_EDITORS, sample: async (env) => {
    const { s, c } = await component(env);
    return { url: `/api/projects/${s.id}/updates`, body: { componentId: c.id, stageKey: 'backfill', percent: 100, asOf: '2024-07-31', note: '权限测试' } };
  } },
  { method: 'PATCH', route: '/api/projects/:id/updates/:updateId', allowed: SCHOOL_EDITORS, sample: async (env) => { const { s, u } = await lastUpdate(env); return { url: `/api/projects/${s.id}/updates/${u.id}`, body: { version: u.version } }; } },
  { method: 'POST', route: '/api/projects/:id/updates/:updateId/void', allowed: SCHOOL_EDITORS, sample: async (env) => { const { s, u } = await lastUpdate(env); return { url: `/api/projects/${s.id}/updates/${u.id}/void`, body: { version: u.version, reason: '权限测试' } }; } },
  // A JSON body where a multipart form is expected: allowed callers get 400, the others 401/403 first.
  { method: 'POST', route: '/api/projects/:id/updates/:updateId/photos', allowed: SCHOOL_EDITORS, sample: async (env) => { const { s, u } = await lastUpdate(env); return { url: `/api/projects/${s.id}/updates/${u.id}/photos`, body: {} }; } },
  { method: 'DELETE', route: '/api/projects/:id/updates/:updateId/photos/:fileId', allowed: SCHOOL_EDITORS, sample: async (env) => { const p = await photo(env); return { url: `/api/projects/${p.s.id}/updates/${p.updateId}/photos/${p.fileId}` }; } },
  { method: 'GET', route: '/api/projects/:id/photos/:fileId', allowed: SCHOOL_READERS, sample: async (env) => { const p = await photo(env); return { url: `/api/projects/${p.s.id}/photos/${p.fileId}` }; } },
  { method: 'POST', route: '/api/projects/:id/milestones', allowed: SCHOOL_EDITORS, sample: async (env) => ({ url: `/api/projects/${(await school(env)).id}/milestones`, body: { name: '基础完成', targetDate: '2024-09-30' } }) },
  { method: 'PATCH', route: '/api/projects/:id/milestones/:milestoneId', allowed: SCHOOL_EDITORS, sample: async (env) => { const m = await milestone(env); return { url: `/api/projects/${m.s.id}/milestones/${m.id}`, body: { version: m.version } }; } },
  { method: 'DELETE', route: '/api/projects/:id/milestones/:milestoneId', allowed: SCHOOL_EDITORS, sample: async (env) => { const m = await milestone(env); return { url: `/api/projects/${m.s.id}/milestones/${m.id}?version=${m.version}` }; } },
  { method: 'PUT', route: '/api/projects/:id/monthly/:month', allowed: SCHOOL_EDITORS, sample: async (env) => { const m = await month(env, '2024-07'); return { url: `/api/projects/${m.s.id}/monthly/2024-07`, body: { version: m.version, planInvestmentWan: 1100, actualInvestmentWan: 1050, planProgress: 8 } }; } },
  { method: 'DELETE', route: '/api/projects/:id/monthly/:month', allowed: SCHOOL_EDITORS, sample: async (env) => { const m = await month(env, '2025-08'); return { url: `/api/projects/${m.s.id}/monthly/2025-08?version=${m.version}` }; } },
  { method: 'POST', route: '/api/projects/:id/issues', allowed: SCHOOL_EDITORS, sample: async (env) => ({ url: `/api/projects/${(await school(env)).id}/issues`, body: { type: '其他', title: '权限测试', raisedOn: '2024-07-30', raisedBy: '测试' } }) },
  { method: 'PATCH', route: '/api/projects/:id/issues/:issueId', allowed: SCHOOL_EDITORS, sample: async (env) => { const i = await issue(env, false); return { url: `/api/projects/${i.s.id}/issues/${i.id}`, body: { version: i.version } }; } },
  { method: 'POST', route: '/api/projects/:id/issues/:issueId/resolve', allowed: SCHOOL_EDITORS, sample: async (env) => { const i = await issue(env, false); return { url: `/api/projects/${i.s.id}/issues/${i.id}/resolve`, body: { version: i.version, resolvedOn: '2024-07-31', resolution: '已解决' } }; } },
  { method: 'POST', route: '/api/projects/:id/issues/:issueId/reopen', allowed: SCHOOL_EDITORS, sample: async (env) => { const i = await issue(env, true); return { url: `/api/projects/${i.s.id}/issues/${i.id}/reopen`, body: { version: i.version } }; } },
  { method: 'GET', route: '/api/public/projects', allowed: EVERYONE, sample: () => ({ url: '/api/public/projects' }) },
  { method: 'GET', route: '/api/public/projects/:id', allowed: EVERYONE, sample: async (env) => ({ url: `/api/public/projects/${(await school(env)).id}` }) },
  { method: 'GET', route: '/api/public/files/:id', allowed: EVERYONE, sample: async (env) => {
    const s = await school(env);
    const f = await env.ctx.db.selectFrom('project_update_photo').innerJoin('project_progress_update', 'project_progress_update.id', 'project_update_photo.update_id')
      .select('project_update_photo.file_id').where('project_progress_update.project_id', '=', s.id).where('project_progress_update.voided_at', 'is', null).executeTakeFirst();
    return { url: `/api/public/files/${f?.file_id ?? 'missing'}` };
  } },
];
