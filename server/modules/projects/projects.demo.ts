/**
 * Demo key projects from the seed reply (高工信发〔2024〕37号, 2024-08-22): the school of 米山镇米西村 with the
 * exact per-building progress of that day, the 80,000 m² standard factories and the 米山工业园 water, power,
 * heating and gas works. Investment figures, plans, earlier reports and coordination issues are invented for
 * the demo and say so in the internal note.
 */
import type { AppContext } from '../../platform/context.js';
import type { DemoRefs } from '../../demo/modules.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DEFAULT_STAGES, type StageDef } from '../../../domain/project-progress.js';
import type { Tx } from '../../platform/db/database.js';
import { demoSitePhoto } from './demo-png.js';
import { sm3Hex } from './photos.js';

export const SCHOOL_NAME = '高平市第十中学建设项目';
export const FACTORY_NAME = '开发区8万平方米标准化厂房建设项目';
export const UTILITIES_NAME = '米山工业园水暖电气配套工程';

const EDUCATION = '高平市教育局';
const ZONE = '高平经济技术开发区管委会';
const HENGTONG = '恒通集团';
const SOURCE = '据高工信发〔2024〕37号答复';

const PIPE_STAGES: StageDef[] = [
  { key: 'survey', name: '路由勘测', weight: 5 },
  { key: 'trench', name: '沟槽开挖', weight: 20 },
  { key: 'laying', name: '管线铺设', weight: 40 },
  { key: 'backfill', name: '回填恢复', weight: 15 },
  { key: 'testing', name: '试压调试', weight: 10 },
  { key: 'operation', name: '投入运营', weight: 10 },
];

interface ProjectSpec {
  name: string;
  owner: string;
  location: string;
  level: string;
  category: string;
  investment: number;
  start: string;
  finish: string;
  description: string;
  weighting: 'equal' | 'area';
  stages: StageDef[];
  components: Array<{ name: string; code: string; area?: number }>;
  /** [date, component, stage key, percent, completes previous, public note, photo?] */
  reports: Array<[string, string, string, number, boolean, string, boolean?]>;
  milestones: Array<{ name: string; target: string; achieved?: string; note: string }>;
  /** [month, plan investment, actual investment, plan cumulative progress] */
  monthly: Array<[string, number, number | null, number]>;
  issues: Array<{ type: string; title: string; raised: string; by: string; owner: string | null; action: string; due: string | null; resolved?: string; resolution?: string }>;
}

const SCHOOL: ProjectSpec = {
  name: SCHOOL_NAME, owner: EDUCATION, location: '米山镇米西村（紧邻高平一中）', level: '市级重点', category: '社会事业',
  investment: 18000, start: '2024-04-01', finish: '2025-08-15', weighting: 'equal', stages: [...DEFAULT_STAGES],
  description: '高平市第十中学项目位于米山镇米西村，紧邻高平一中，建设标准为初中十二轨制，建成后能满足周边1800多名学生的入学需求，可以解决开发区教育资源匮乏、企业职工子女入学难的问题。预计年底主体封顶。',
  components: [
    { name: '风雨操场', code: 'GYM' }, { name: '宿舍楼', code: 'DORM' }, { name: '教学楼', code: 'TEACH' }, { name: '综合楼', code: 'COMPLEX' },
    { name: '办公楼', code: 'OFFICE' }, { name: '图书阅览室', code: 'LIBRARY' }, { name: '多功能报告厅', code: 'HALL' },
  ],
  reports: [
    ['2024-05-10', '风雨操场', 'earthwork', 100, false, '风雨操场土方开挖完成', true],
    ['2024-05-10', '宿舍楼', 'earthwork', 70, false, '宿舍楼土方开挖完成70%'],
    ['2024-06-14', '风雨操场', 'bedding', 100, true, '风雨操场基础垫层浇筑完成'],
    ['2024-06-14', '宿舍楼', 'earthwork', 100, false, '宿舍楼土方开挖完成'],
    ['2024-06-14', '教学楼', 'earthwork', 50, false, '教学楼土方开挖完成50%'],
    ['2024-07-19', '风雨操场', 'foundation_rebar', 100, true, '风雨操场基础钢筋绑扎完成', true],
    ['2024-07-19', '宿舍楼', 'bedding', 100, true, '宿舍楼基础垫层浇筑完成'],
    ['2024-07-19', '宿舍楼', 'foundation_rebar', 60, false, '宿舍楼基础钢筋绑扎完成60%'],
    ['2024-07-19', '教学楼', 'earthwork', 100, false, '教学楼土方开挖完成'],
    ['2024-07-19', '综合楼', 'earthwork', 20, false, '综合楼土方开挖完成20%'],
    ['2024-08-22', '风雨操场', 'backfill', 100, true, `${SOURCE}：风雨操场基础回填土完成`, true],
    ['2024-08-22', '宿舍楼', 'foundation_rebar', 100, true, `${SOURCE}：宿舍楼基础拉梁层钢筋绑扎完成`],
    ['2024-08-22', '宿舍楼', 'beam_formwork', 40, false, `${SOURCE}：宿舍楼拉梁模板完成40%`, true],
    ['2024-08-22', '教学楼', 'bedding', 100, true, `${SOURCE}：教学楼基础垫层浇筑完成`],
    ['2024-08-22', '教学楼', 'foundation_rebar', 10, false, `${SOURCE}：教学楼基础钢筋绑扎完成10%`, true],
    ['2024-08-22', '综合楼', 'earthwork', 60, false, `${SOURCE}：综合楼土方开挖完成60%`],
    ['2024-08-22', '办公楼', 'earthwork', 60, false, `${SOURCE}：办公楼、图书阅览室、多功能报告厅土方开挖完成60%`],
    ['2024-08-22', '图书阅览室', 'earthwork', 60, false, `${SOURCE}：办公楼、图书阅览室、多功能报告厅土方开挖完成60%`],
    ['2024-08-22', '多功能报告厅', 'earthwork', 60, false, `${SOURCE}：办公楼、图书阅览室、多功能报告厅土方开挖完成60%`],
  ],
  milestones: [
    { name: '主体封顶', target: '2024-12-31', note: '答复：“预计年底主体封顶”' },
    { name: '竣工交付', target: '2025-08-15', note: '演示数据：计划秋季学期前交付使用' },
  ],
  monthly: [
    ['2024-04', 800, 650, 2], ['2024-05', 900, 820, 4], ['2024-06', 1000, 980, 6], ['2024-07', 1100, 1050, 8], ['2024-08', 1200, 700, 11],
    ['2024-09', 1500, null, 20], ['2024-10', 1800, null, 32], ['2024-11', 1800, null, 45], ['2024-12', 1600, null, 60],
    ['2025-01', 600, null, 62], ['2025-02', 400, null, 63], ['2025-03', 1000, null, 68], ['2025-04', 1200, null, 75],
    ['2025-05', 1200, null, 82], ['2025-06', 1000, null, 90], ['2025-07', 600, null, 96], ['2025-08', 300, null, 100],
  ],
  issues: [
    { type: '要素保障', title: '施工临时用电容量不足', raised: '2024-06-20', by: '施工单位', owner: HENGTONG, action: '协调供电部门为施工现场临时变压器增容', due: '2024-07-20', resolved: '2024-07-15', resolution: '临时用电已增容至 800 kVA，满足两台塔吊同时作业' },
    { type: '审批手续', title: '宿舍楼施工图审查意见待回复', raised: '2024-08-05', by: '高平市教育局', owner: '高平市行政审批服务管理局', action: '设计单位按审查意见修改后复审', due: '2024-08-20' },
    { type: '资金', title: '第二批建设资金拨付', raised: '2024-08-15', by: '高平市教育局', owner: '高平市人民政府办公室', action: '按工程进度拨付第二批建设资金，保障主体施工', due: '2024-09-15' },
  ],
};

const FACTORY: ProjectSpec = {
  name: FACTORY_NAME, owner: ZONE, location: '米山工业园', level: '市级重点', category: '产业项目',
  investment: 24000, start: '2024-03-01', finish: '2025-06-30', weighting: 'area', stages: [...DEFAULT_STAGES],
  description: '紧扣“标准地”出让任务，今年计划建设的8万平方米标准化厂房已全面开工，做到“熟地等项目、厂房等企业”。',
  components: [
    { name: '1号厂房', code: 'F1', area: 20000 }, { name: '2号厂房', code: 'F2', area: 20000 },
    { name: '3号厂房', code: 'F3', area: 20000 }, { name: '4号厂房', code: 'F4', area: 20000 },
  ],
  reports: [
    ['2024-06-28', '1号厂房', 'backfill', 100, true, '1号厂房基础工程完成'],
    ['2024-06-28', '2号厂房', 'beam_formwork', 100, true, '2号厂房拉梁模板完成'],
    ['2024-08-20', '1号厂房', 'main_structure', 30, true, '1号厂房钢结构主体吊装完成30%', true],
    ['2024-08-20', '2号厂房', 'main_structure', 20, true, '2号厂房钢结构主体吊装完成20%'],
    ['2024-08-20', '3号厂房', 'backfill', 100, true, '3号厂房基础回填完成'],
    ['2024-08-20', '4号厂房', 'foundation_rebar', 60, true, '4号厂房基础钢筋绑扎完成60%'],
  ],
  milestones: [
    { name: '全面开工', target: '2024-04-30', achieved: '2024-04-28', note: '答复：“8万平方米标准化厂房已全面开工”' },
    { name: '主体封顶', target: '2024-11-30', note: '演示数据' },
    { name: '竣工验收', target: '2025-06-30', note: '演示数据' },
  ],
  monthly: [
    ['2024-03', 1500, 1400, 3], ['2024-04', 2000, 2100, 8], ['2024-05', 2000, 1900, 14], ['2024-06', 2200, 2250, 20],
    ['2024-07', 2200, 2000, 26], ['2024-08', 2400, 1500, 32], ['2024-09', 2400, null, 40], ['2024-10', 2400, null, 50],
    ['2024-11', 2200, null, 60], ['2024-12', 1600, null, 65],
    ['2025-03', 1600, null, 80], ['2025-06', 1500, null, 100],
  ],
  issues: [
    { type: '要素保障', title: '钢结构构件进场道路需临时加固', raised: '2024-08-12', by: '施工单位', owner: HENGTONG, action: '园区道路临时加固，保障大件运输', due: '2024-08-30' },
  ],
};

const UTILITIES: ProjectSpec = {
  name: UTILITIES_NAME, owner: HENGTONG, location: '米山工业园', level: '区级重点', category: '基础设施',
  investment: 6500, start: '2024-03-15', finish: '2024-12-31', weighting: 'equal', stages: PIPE_STAGES,
  description: '米山工业园供水、供电、供暖、供气管网铺装工程，由恒通集团建设运营，计划2024年底前投入运营。',
  components: [{ name: '供水管网', code: 'WATER' }, { name: '供电线路', code: 'POWER' }, { name: '供热管网', code: 'HEAT' }, { name: '燃气管网', code: 'GAS' }],
  reports: [
    ['2024-08-20', '供水管网', 'laying', 80, true, '供水主管网铺设完成80%', true],
    ['2024-08-20', '供电线路', 'laying', 70, true, '10kV 电缆敷设完成70%'],
    ['2024-08-20', '供热管网', 'trench', 60, true, '供热管网沟槽开挖完成60%'],
    ['2024-08-20', '燃气管网', 'laying', 30, true, '燃气中压管线铺设完成30%'],
  ],
  milestones: [{ name: '投入运营', target: '2024-12-31', note: '答复：“年内投入运营”' }],
  monthly: [
    ['2024-04', 500, 480, 8], ['2024-05', 700, 650, 18], ['2024-06', 900, 850, 30], ['2024-07', 900, 800, 45], ['2024-08', 900, 600, 60],
    ['2024-09', 900, null, 72], ['2024-10', 900, null, 85], ['2024-11', 600, null, 95], ['2024-12', 200, null, 100],
  ],
  issues: [],
};

const TINTS: Array<[number, number, number]> = [[170, 120, 110], [120, 140, 170], [150, 160, 120], [160, 150, 130]];

async function insertProject(tx: Tx, ctx: AppContext, refs: DemoRefs, spec: ProjectSpec, now: string) {
  const projectId = newId();
  const zoneUser = refs.userIds.zone ?? null;
  await tx.insertInto('project').values({
    id: projectId, name: spec.name, owner_org_id: refs.orgIds[spec.owner], location: spec.location, level: spec.level, category: spec.category,
    planned_investment_wan: spec.investment, planned_start: spec.start, planned_finish: spec.finish, actual_start: null, status: 'under_construction',
    description: spec.description, internal_note: '演示数据：进度取自2024年8月22日答复，投资额、工期、月度计划、早期进度与协调事项为演示用虚构数据。',
    weighting: spec.weighting, light_rules_json: null, is_public: 1, is_demo: 1, version: 1, created_by: zoneUser, created_at: now, updated_at: now,
  }).execute();
  const compIds: Record<string, string> = {};
  for (const [i, c] of spec.components.entries()) {
    compIds[c.name] = newId();
    await tx.insertInto('project_component').values({
      id: compIds[c.name], project_id: projectId, name: c.name, floor_area_m2: c.area ?? null, sort_order: i, stages_json: JSON.stringify(spec.stages),
      note: '', is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  // Running per cents per component, only to draw each photo at the right stage of construction.
  const pct: Record<string, Record<string, number>> = {};
  for (const [n, [date, comp, stage, percent, completes, note, photo]] of spec.reports.entries()) {
    const id = newId();
    const recordedAt = new Date(Date.parse(`${date}T01:00:00.000Z`) + n * 60_000).toISOString();
    await tx.insertInto('project_progress_update').values({
      id, project_id: projectId, component_id: compIds[comp], stage_key: stage, percent, as_of: date, completes_previous: completes ? 1 : 0,
      note, internal_note: '', is_public: 1, voided_at: null, voided_by: null, void_reason: null, is_demo: 1, version: 1,
      created_by: zoneUser, created_by_name: '演示数据', created_at: recordedAt,
    }).execute();
    const state = (pct[comp] ??= {});
    const idx = spec.stages.findIndex((s) => s.key === stage);
    if (completes) for (const s of spec.stages.slice(0, idx)) state[s.key] = 100;
    state[stage] = percent;
    if (photo) {
      const total = spec.stages.reduce((s, x) => s + x.weight, 0);
      const compPct = spec.stages.reduce((s, x) => s + x.weight * (state[x.key] ?? 0), 0) / total;
      const meta = spec.components.find((c) => c.name === comp)!;
      const data = demoSitePhoto({ date, percent: compPct, code: meta.code, tint: TINTS[spec.components.indexOf(meta) % TINTS.length] });
      const fileId = newId();
      await tx.insertInto('file_blob').values({ id: fileId, name: `演示照片-${comp}-${date}.png`, mime: 'image/png', size: data.length, content_hash: sm3Hex(data), data, created_by: zoneUser, created_at: recordedAt }).execute();
      await tx.insertInto('project_update_photo').values({ id: newId(), update_id: id, file_id: fileId, caption: `${comp}现场（演示图片）`, sort_order: 0, created_at: recordedAt }).execute();
    }
  }
  for (const m of spec.milestones) {
    await tx.insertInto('project_milestone').values({
      id: newId(), project_id: projectId, component_id: null, name: m.name, target_date: m.target, achieved_on: m.achieved ?? null, note: m.note,
      is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  for (const [month, plan, actual, progress] of spec.monthly) {
    await tx.insertInto('project_monthly').values({
      id: newId(), project_id: projectId, month, plan_investment_wan: plan, actual_investment_wan: actual, plan_progress: progress, note: '',
      is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  for (const i of spec.issues) {
    await tx.insertInto('coordination_issue').values({
      id: newId(), project_id: projectId, type: i.type, title: i.title, raised_on: i.raised, raised_by: i.by, owner_org_id: i.owner ? refs.orgIds[i.owner] : null,
      action_required: i.action, due_on: i.due, resolved_on: i.resolved ?? null, resolution: i.resolution ?? '', is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  return projectId;
}

export async function seedProjects(ctx: AppContext, refs: DemoRefs): Promise<void> {
  const now = ctx.clock.nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('project_stage_template').values({
      id: newId(), name: '市政管网工程', stages_json: JSON.stringify(PIPE_STAGES), is_default: 0, is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
    const ids: string[] = [];
    for (const spec of [SCHOOL, FACTORY, UTILITIES]) ids.push(await insertProject(tx, ctx, refs, spec, now));
    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed.projects', entityType: 'project', entityId: null, after: { projects: [SCHOOL.name, FACTORY.name, UTILITIES.name] } });
  });
}
