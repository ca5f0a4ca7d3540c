/**
 * Demo key projects from the seed reply (高工信发〔2024〕37号, 2024-08-22): the school of 米山镇米西村 with the
 * exact per-building progress of that day, the 80,000 m² standard factories and the 米山工业园 water, power,
 * heating and gas works. Investment figures, plans, earlier reports and coordination issues are invented for
 * the demo and say so in the internal note.
 *
 * The seed's facts are history and always loaded. What happened after 2024-08-22 (later reports, milestones met
 * or slipped, issues closed, completion) is invented for the demo and dated: only what falls on or before the
 * load day is written, so a clock set in 2024 sees the story as the seed left it. Three later zone projects are
 * dated relative to the load day, so any day shows a zone at work (one ahead, one behind, one with an overdue
 * milestone); they appear only once their start falls after the seed.
 */
import type { AppContext } from '../../platform/context.js';
import type { DemoRefs } from '../../demo/modules.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DEFAULT_STAGES, type StageDef } from '../../../domain/project-progress.js';
import type { Tx } from '../../platform/db/database.js';
import { demoSitePhoto } from './demo-png.js';
import { addDays } from '../../../domain/calendar/dates.js';
import { addCalendarMonths, monthEnd } from '../../../domain/project-light.js';
import { sm3Hex } from './photos.js';

export const SCHOOL_NAME = '高平市第十中学建设项目';
export const FACTORY_NAME = '开发区8万平方米标准化厂房建设项目';
export const UTILITIES_NAME = '米山工业园水暖电气配套工程';

const EDUCATION = '高平市教育局';
const ZONE = '高平经济技术开发区管委会';
const HENGTONG = '恒通集团';
const SOURCE = '据高工信发〔2024〕37号答复';
/** The day of the seed reply: everything up to it is the seed's history and always loaded. */
export const SEED_DAY = '2024-08-22';
const LATER = '（演示）';

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
  /** A slip moves the target on the day it was decided, with its reason. */
  milestones: Array<{ name: string; target: string; achieved?: string; note: string; slip?: { on: string; target: string; reason: string } }>;
  /** [month, plan investment, actual investment, plan cumulative progress]; actuals after the seed show once the month is over. */
  monthly: Array<[string, number, number | null, number]>;
  issues: Array<{ type: string; title: string; raised: string; by: string; owner: string | null; action: string; due: string | null; resolved?: string; resolution?: string }>;
  /** The day it was completed (竣工), if it was. */
  completed?: string;
  internalNote?: string;
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
    // After the seed: invented for the demo.
    ['2024-09-25', '风雨操场', 'main_structure', 40, true, '风雨操场钢结构柱安装完成40%', true],
    ['2024-09-25', '宿舍楼', 'backfill', 100, true, '宿舍楼基础回填完成，转入主体施工'],
    ['2024-09-25', '教学楼', 'beam_formwork', 100, true, '教学楼基础钢筋绑扎、拉梁模板完成', true],
    ['2024-09-25', '综合楼', 'foundation_rebar', 50, true, '综合楼基础垫层浇筑完成，基础钢筋绑扎完成50%'],
    ['2024-09-25', '办公楼', 'bedding', 100, true, '办公楼基础垫层浇筑完成'],
    ['2024-09-25', '图书阅览室', 'bedding', 100, true, '图书阅览室基础垫层浇筑完成'],
    ['2024-09-25', '多功能报告厅', 'earthwork', 100, false, '多功能报告厅土方开挖完成'],
    ['2024-10-28', '风雨操场', 'main_structure', 100, true, '风雨操场钢结构主体吊装完成', true],
    ['2024-10-28', '宿舍楼', 'main_structure', 40, true, '宿舍楼主体施工至二层'],
    ['2024-10-28', '教学楼', 'main_structure', 30, true, '教学楼主体施工至一层顶板'],
    ['2024-10-28', '综合楼', 'backfill', 100, true, '综合楼基础工程完成'],
    ['2024-10-28', '办公楼', 'backfill', 100, true, '办公楼基础工程完成'],
    ['2024-10-28', '图书阅览室', 'backfill', 100, true, '图书阅览室基础工程完成'],
    ['2024-10-28', '多功能报告厅', 'foundation_rebar', 100, true, '多功能报告厅基础钢筋绑扎完成'],
    ['2024-11-26', '风雨操场', 'topping_out', 100, true, '风雨操场屋面钢结构封顶', true],
    ['2024-11-26', '宿舍楼', 'main_structure', 90, true, '宿舍楼主体施工至五层'],
    ['2024-11-26', '教学楼', 'main_structure', 80, true, '教学楼主体施工至四层', true],
    ['2024-11-26', '综合楼', 'main_structure', 60, true, '综合楼主体施工至三层'],
    ['2024-11-26', '办公楼', 'main_structure', 70, true, '办公楼主体施工至三层'],
    ['2024-11-26', '图书阅览室', 'main_structure', 80, true, '图书阅览室主体施工至二层顶板'],
    ['2024-11-26', '多功能报告厅', 'main_structure', 50, true, '多功能报告厅框架柱浇筑完成'],
    ['2024-12-26', '宿舍楼', 'topping_out', 100, true, '宿舍楼主体结构封顶', true],
    ['2024-12-26', '教学楼', 'topping_out', 100, true, '教学楼主体结构封顶', true],
    ['2024-12-26', '综合楼', 'topping_out', 100, true, '综合楼主体结构封顶'],
    ['2024-12-26', '办公楼', 'topping_out', 100, true, '办公楼主体结构封顶'],
    ['2024-12-26', '图书阅览室', 'topping_out', 100, true, '图书阅览室主体结构封顶'],
    ['2024-12-26', '多功能报告厅', 'topping_out', 100, true, '多功能报告厅屋面网架封顶'],
    ['2025-03-20', '风雨操场', 'finishing', 30, true, '春节后复工，风雨操场墙面围护施工'],
    ['2025-03-20', '宿舍楼', 'finishing', 40, true, '宿舍楼砌体及内墙抹灰完成', true],
    ['2025-03-20', '教学楼', 'finishing', 35, true, '教学楼砌体完成，水电预埋'],
    ['2025-03-20', '综合楼', 'finishing', 25, true, '综合楼砌体施工'],
    ['2025-03-20', '办公楼', 'finishing', 30, true, '办公楼砌体及抹灰施工'],
    ['2025-03-20', '图书阅览室', 'finishing', 20, true, '图书阅览室砌体施工'],
    ['2025-03-20', '多功能报告厅', 'finishing', 15, true, '多功能报告厅砌体施工'],
    ['2025-05-22', '风雨操场', 'finishing', 80, true, '风雨操场地面及看台施工'],
    ['2025-05-22', '宿舍楼', 'finishing', 85, true, '宿舍楼外墙保温及涂料完成'],
    ['2025-05-22', '教学楼', 'finishing', 80, true, '教学楼外墙保温完成，室内涂料施工', true],
    ['2025-05-22', '综合楼', 'finishing', 70, true, '综合楼外墙施工'],
    ['2025-05-22', '办公楼', 'finishing', 75, true, '办公楼室内装修'],
    ['2025-05-22', '图书阅览室', 'finishing', 70, true, '图书阅览室室内装修'],
    ['2025-05-22', '多功能报告厅', 'finishing', 60, true, '多功能报告厅吊顶及声学装修'],
    ['2025-07-10', '风雨操场', 'finishing', 100, true, '风雨操场装修完成'],
    ['2025-07-10', '宿舍楼', 'finishing', 100, true, '宿舍楼装修完成，家具进场'],
    ['2025-07-10', '教学楼', 'finishing', 100, true, '教学楼装修完成', true],
    ['2025-07-10', '综合楼', 'finishing', 100, true, '综合楼装修完成'],
    ['2025-07-10', '办公楼', 'finishing', 100, true, '办公楼装修完成'],
    ['2025-07-10', '图书阅览室', 'finishing', 100, true, '图书阅览室装修完成'],
    ['2025-07-10', '多功能报告厅', 'finishing', 90, true, '多功能报告厅座椅安装'],
    ['2025-08-26', '风雨操场', 'acceptance', 100, true, '风雨操场竣工验收合格'],
    ['2025-08-26', '宿舍楼', 'acceptance', 100, true, '宿舍楼竣工验收合格'],
    ['2025-08-26', '教学楼', 'acceptance', 100, true, '教学楼竣工验收合格，交付使用', true],
    ['2025-08-26', '综合楼', 'acceptance', 100, true, '综合楼竣工验收合格'],
    ['2025-08-26', '办公楼', 'acceptance', 100, true, '办公楼竣工验收合格'],
    ['2025-08-26', '图书阅览室', 'acceptance', 100, true, '图书阅览室竣工验收合格'],
    ['2025-08-26', '多功能报告厅', 'acceptance', 100, true, '多功能报告厅竣工验收合格'],
  ],
  milestones: [
    { name: '主体封顶', target: '2024-12-31', achieved: '2024-12-26', note: '答复：“预计年底主体封顶”' },
    { name: '竣工交付', target: '2025-08-15', achieved: '2025-08-26', note: '演示数据：计划秋季学期前交付使用',
      slip: { on: '2025-08-08', target: '2025-08-28', reason: '消防验收排期推迟，竣工交付顺延至8月28日，不影响9月1日开学' } },
  ],
  monthly: [
    ['2024-04', 800, 650, 2], ['2024-05', 900, 820, 4], ['2024-06', 1000, 980, 6], ['2024-07', 1100, 1050, 8], ['2024-08', 1200, 700, 11],
    ['2024-09', 1500, 1420, 20], ['2024-10', 1800, 1850, 32], ['2024-11', 1800, 1760, 45], ['2024-12', 1600, 1680, 60],
    ['2025-01', 600, 420, 62], ['2025-02', 400, 260, 63], ['2025-03', 1000, 1080, 68], ['2025-04', 1200, 1150, 75],
    ['2025-05', 1200, 1230, 82], ['2025-06', 1000, 960, 90], ['2025-07', 600, 640, 96], ['2025-08', 300, 380, 100],
  ],
  issues: [
    { type: '要素保障', title: '施工临时用电容量不足', raised: '2024-06-20', by: '施工单位', owner: HENGTONG, action: '协调供电部门为施工现场临时变压器增容', due: '2024-07-20', resolved: '2024-07-15', resolution: '临时用电已增容至 800 kVA，满足两台塔吊同时作业' },
    { type: '审批手续', title: '宿舍楼施工图审查意见待回复', raised: '2024-08-05', by: '高平市教育局', owner: '高平市行政审批服务管理局', action: '设计单位按审查意见修改后复审', due: '2024-08-20', resolved: '2024-08-29', resolution: `设计单位按审查意见完成修改，复审通过${LATER}` },
    { type: '资金', title: '第二批建设资金拨付', raised: '2024-08-15', by: '高平市教育局', owner: '高平市人民政府办公室', action: '按工程进度拨付第二批建设资金，保障主体施工', due: '2024-09-15', resolved: '2024-09-12', resolution: `第二批建设资金已按进度拨付到位${LATER}` },
    { type: '施工组织', title: '外墙保温材料进场复检不合格', raised: '2025-03-05', by: '监理单位', owner: EDUCATION, action: '责令供货单位退场更换，重新送检合格后方可使用', due: '2025-03-31', resolved: '2025-03-26', resolution: `更换批次复检合格，已恢复外墙保温施工${LATER}` },
    { type: '审批手续', title: '消防验收排期', raised: '2025-07-28', by: '施工单位', owner: '高平市行政审批服务管理局', action: '协调消防验收提前排期，保障秋季开学', due: '2025-08-20', resolved: '2025-08-22', resolution: `8月22日完成消防验收${LATER}` },
  ],
  completed: '2025-08-26',
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
    // After the seed: invented for the demo.
    ['2024-09-24', '1号厂房', 'main_structure', 70, true, '1号厂房钢结构主体吊装完成70%', true],
    ['2024-09-24', '2号厂房', 'main_structure', 55, true, '2号厂房钢结构主体吊装完成55%'],
    ['2024-09-24', '3号厂房', 'main_structure', 20, true, '3号厂房钢柱吊装开始'],
    ['2024-09-24', '4号厂房', 'backfill', 100, true, '4号厂房基础工程完成'],
    ['2024-10-25', '1号厂房', 'main_structure', 95, true, '1号厂房钢结构主体基本完成'],
    ['2024-10-25', '2号厂房', 'main_structure', 85, true, '2号厂房钢结构主体吊装完成85%'],
    ['2024-10-25', '3号厂房', 'main_structure', 50, true, '3号厂房钢结构吊装完成50%；10月中旬连续降雨大风停吊12天', true],
    ['2024-10-25', '4号厂房', 'main_structure', 20, true, '4号厂房钢柱吊装开始'],
    ['2024-11-27', '1号厂房', 'topping_out', 100, true, '1号厂房屋面板安装完成，主体封顶', true],
    ['2024-11-27', '2号厂房', 'topping_out', 100, true, '2号厂房主体封顶'],
    ['2024-11-27', '3号厂房', 'main_structure', 85, true, '3号厂房钢结构吊装完成85%'],
    ['2024-11-27', '4号厂房', 'main_structure', 60, true, '4号厂房钢结构吊装完成60%'],
    ['2024-12-20', '3号厂房', 'topping_out', 100, true, '3号厂房主体封顶'],
    ['2024-12-20', '4号厂房', 'topping_out', 100, true, '4号厂房主体封顶，4栋厂房主体全部完成', true],
    ['2025-03-18', '1号厂房', 'finishing', 60, true, '1号厂房墙面围护及地坪施工'],
    ['2025-03-18', '2号厂房', 'finishing', 50, true, '2号厂房墙面围护施工'],
    ['2025-03-18', '3号厂房', 'finishing', 40, true, '3号厂房墙面围护施工', true],
    ['2025-03-18', '4号厂房', 'finishing', 30, true, '4号厂房墙面围护施工'],
    ['2025-05-16', '1号厂房', 'finishing', 100, true, '1号厂房装修及室外工程完成'],
    ['2025-05-16', '2号厂房', 'finishing', 100, true, '2号厂房装修及室外工程完成'],
    ['2025-05-16', '3号厂房', 'finishing', 90, true, '3号厂房地坪及消防管线施工'],
    ['2025-05-16', '4号厂房', 'finishing', 85, true, '4号厂房地坪施工', true],
    ['2025-06-26', '1号厂房', 'acceptance', 100, true, '1号厂房竣工验收合格'],
    ['2025-06-26', '2号厂房', 'acceptance', 100, true, '2号厂房竣工验收合格'],
    ['2025-06-26', '3号厂房', 'acceptance', 100, true, '3号厂房竣工验收合格'],
    ['2025-06-26', '4号厂房', 'acceptance', 100, true, '4号厂房竣工验收合格，8万平方米标准化厂房全部建成', true],
  ],
  milestones: [
    { name: '全面开工', target: '2024-04-30', achieved: '2024-04-28', note: '答复：“8万平方米标准化厂房已全面开工”' },
    { name: '主体封顶', target: '2024-11-30', achieved: '2024-12-20', note: '演示数据',
      slip: { on: '2024-10-25', target: '2024-12-25', reason: '10月中旬连续降雨大风，钢结构高空吊装停工12天，主体封顶顺延至12月25日' } },
    { name: '竣工验收', target: '2025-06-30', achieved: '2025-06-26', note: '演示数据' },
  ],
  monthly: [
    ['2024-03', 1500, 1400, 3], ['2024-04', 2000, 2100, 8], ['2024-05', 2000, 1900, 14], ['2024-06', 2200, 2250, 20],
    ['2024-07', 2200, 2000, 26], ['2024-08', 2400, 1500, 32], ['2024-09', 2400, 2350, 40], ['2024-10', 2400, 1900, 50],
    ['2024-11', 2200, 2500, 60], ['2024-12', 1600, 1700, 65],
    ['2025-03', 1600, 1550, 80], ['2025-06', 1500, 1480, 100],
  ],
  issues: [
    { type: '要素保障', title: '钢结构构件进场道路需临时加固', raised: '2024-08-12', by: '施工单位', owner: HENGTONG, action: '园区道路临时加固，保障大件运输', due: '2024-08-30', resolved: '2024-08-28', resolution: `园区道路临时加固完成，大件运输通行${LATER}` },
    { type: '要素保障', title: '厂房高压供电接入', raised: '2025-05-08', by: '高平经济技术开发区管委会', owner: HENGTONG, action: '园区 10kV 线路接入4栋厂房配电室，满足企业入驻用电', due: '2025-06-15', resolved: '2025-06-12', resolution: `4栋厂房配电室全部送电${LATER}` },
  ],
  completed: '2025-06-26',
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
    // After the seed: invented for the demo.
    ['2024-09-20', '供水管网', 'laying', 100, true, '供水主管网铺设完成'],
    ['2024-09-20', '供电线路', 'laying', 100, true, '10kV 电缆敷设完成', true],
    ['2024-09-20', '供热管网', 'trench', 100, true, '供热管网沟槽开挖完成'],
    ['2024-09-20', '燃气管网', 'laying', 60, true, '燃气中压管线铺设完成60%'],
    ['2024-10-30', '供水管网', 'backfill', 100, true, '供水管网回填及路面恢复完成'],
    ['2024-10-30', '供电线路', 'backfill', 100, true, '电缆沟回填完成'],
    ['2024-10-30', '供热管网', 'laying', 40, true, '供热管网铺设完成40%', true],
    ['2024-10-30', '燃气管网', 'laying', 100, true, '燃气管线铺设完成'],
    ['2024-11-29', '供水管网', 'testing', 100, true, '供水管网试压合格，投入试运行'],
    ['2024-11-29', '供电线路', 'testing', 100, true, '供电线路送电调试，投入试运行'],
    ['2024-11-29', '供热管网', 'laying', 75, true, '供热管网铺设完成75%，入冬后冻土开挖受限'],
    ['2024-11-29', '燃气管网', 'backfill', 100, true, '燃气管网回填完成'],
    ['2024-12-27', '供水管网', 'operation', 100, true, '供水正式投入运营'],
    ['2024-12-27', '供电线路', 'operation', 100, true, '供电正式投入运营'],
    ['2024-12-27', '供热管网', 'laying', 90, true, '供热管网铺设完成90%，冬季停止沟槽作业', true],
    ['2024-12-27', '燃气管网', 'testing', 100, true, '燃气管网置换通气完成'],
    ['2025-03-28', '供热管网', 'backfill', 100, true, '开春复工，供热管网铺设及回填完成', true],
    ['2025-03-28', '燃气管网', 'operation', 100, true, '燃气正式投入运营'],
    ['2025-04-28', '供热管网', 'operation', 100, true, '供热管网试压合格，具备供暖条件（2025年采暖季起供暖）', true],
  ],
  milestones: [{ name: '投入运营', target: '2024-12-31', achieved: '2025-04-28', note: '答复：“年内投入运营”',
    slip: { on: '2024-12-27', target: '2025-04-30', reason: '供热管网冬季冻土施工受限，试压调试推迟至来年开春；供水、供电已按期运营' } }],
  monthly: [
    ['2024-04', 500, 480, 8], ['2024-05', 700, 650, 18], ['2024-06', 900, 850, 30], ['2024-07', 900, 800, 45], ['2024-08', 900, 600, 60],
    ['2024-09', 900, 760, 72], ['2024-10', 900, 820, 85], ['2024-11', 600, 640, 95], ['2024-12', 200, 310, 100],
  ],
  issues: [
    { type: '施工组织', title: '供热管网冬季冻土施工受限', raised: '2024-12-10', by: '恒通集团', owner: HENGTONG, action: '调整施工组织，冬季做好已铺管段保护，开春后集中回填试压', due: '2025-04-30', resolved: '2025-04-28', resolution: `供热管网试压合格，具备供暖条件${LATER}` },
  ],
  completed: '2025-04-28',
};

type Report = ProjectSpec['reports'][number];
const LATER_NOTE = '演示数据：项目、投资额、工期、进度与协调事项均为演示用虚构数据，日期按演示数据载入日推算。';

/**
 * Three later zone projects, dated relative to the load day `today`: one on the 163 亩 标准地 ahead of schedule,
 * one behind after a design change, one whose topping out is overdue after a stoppage. None of them is in the seed.
 */
export function laterProjects(today: string): ProjectSpec[] {
  const on = (start: string) => (days: number) => addDays(start, days);
  const ahead = addCalendarMonths(today, -9);
  const a = on(ahead);
  const behind = addCalendarMonths(today, -7);
  const b = on(behind);
  const stalled = addCalendarMonths(today, -6);
  const c = on(stalled);
  const rep = (d: (n: number) => string, rows: Array<[number, string, string, number, boolean, string, boolean?]>): Report[] =>
    rows.map(([n, ...rest]) => [d(n), ...rest] as Report);
  return [
    {
      name: '兹氏铸业高端铸件产业园项目', owner: ZONE, location: '米山工业园163亩“标准地”', level: '市级重点', category: '产业项目',
      investment: 32000, start: ahead, finish: addCalendarMonths(ahead, 18), weighting: 'area', stages: [...DEFAULT_STAGES],
      description: '本地企业兹氏铸业集团入区进园项目，建于2024年出让的163亩“标准地”，“拿地即开工”，建设铸造车间、机加工车间和综合办公楼。',
      components: [{ name: '铸造车间', code: 'CAST', area: 12000 }, { name: '机加工车间', code: 'MACH', area: 9000 }, { name: '综合办公楼', code: 'ADMIN', area: 3000 }],
      reports: rep(a, [
        [20, '铸造车间', 'earthwork', 100, false, '铸造车间土方开挖完成', true], [20, '机加工车间', 'earthwork', 100, false, '机加工车间土方开挖完成'], [20, '综合办公楼', 'earthwork', 100, false, '综合办公楼土方开挖完成'],
        [75, '铸造车间', 'backfill', 100, true, '铸造车间基础工程完成', true], [75, '机加工车间', 'beam_formwork', 100, true, '机加工车间拉梁模板完成'], [75, '综合办公楼', 'bedding', 100, true, '综合办公楼基础垫层浇筑完成'],
        [140, '铸造车间', 'main_structure', 40, true, '铸造车间钢结构吊装完成40%'], [140, '机加工车间', 'main_structure', 30, true, '机加工车间钢柱吊装完成30%', true], [140, '综合办公楼', 'backfill', 100, true, '综合办公楼基础工程完成'],
        [200, '铸造车间', 'main_structure', 60, true, '铸造车间钢结构吊装完成60%'], [200, '机加工车间', 'main_structure', 50, true, '机加工车间钢结构吊装完成50%'], [200, '综合办公楼', 'main_structure', 40, true, '综合办公楼主体施工至二层', true],
        [255, '铸造车间', 'main_structure', 70, true, '铸造车间屋面檩条安装', true], [255, '机加工车间', 'main_structure', 60, true, '机加工车间行车梁安装'], [255, '综合办公楼', 'main_structure', 60, true, '综合办公楼主体施工至三层'],
      ]),
      milestones: [
        { name: '全面开工', target: a(15), achieved: a(12), note: '演示数据：“拿地即开工”' },
        { name: '主体封顶', target: a(300), note: '演示数据' },
        { name: '竣工投产', target: addCalendarMonths(ahead, 18), note: '演示数据' },
      ],
      monthly: [],
      issues: [
        { type: '要素保障', title: '铸造车间天然气接入容量', raised: a(100), by: '兹氏铸业集团', owner: HENGTONG, action: '园区燃气管网为铸造熔炼预留接入容量', due: a(140), resolved: a(132), resolution: '燃气中压管线已延伸至厂区，接入容量满足熔炼需求（演示）' },
        { type: '施工组织', title: '机加工车间行车梁预埋件偏差', raised: addDays(today, -12), by: '监理单位', owner: ZONE, action: '施工单位提出整改方案，设计单位复核后实施', due: addDays(today, 10) },
      ],
      internalNote: LATER_NOTE,
    },
    {
      name: '数字产业园二期标准化厂房建设项目', owner: ZONE, location: '米山工业园数字产业园', level: '区级重点', category: '产业项目',
      investment: 15000, start: behind, finish: addCalendarMonths(behind, 14), weighting: 'area', stages: [...DEFAULT_STAGES],
      description: '数字产业园二期建设两栋标准化厂房，继续“熟地等项目、厂房等企业”。',
      components: [{ name: '5号厂房', code: 'F5', area: 15000 }, { name: '6号厂房', code: 'F6', area: 15000 }],
      reports: rep(b, [
        [25, '5号厂房', 'earthwork', 100, false, '5号厂房土方开挖完成', true], [25, '6号厂房', 'earthwork', 100, false, '6号厂房土方开挖完成，基底发现软弱土层'],
        [60, '5号厂房', 'backfill', 100, true, '5号厂房基础工程完成'], [60, '6号厂房', 'earthwork', 100, false, '6号厂房按设计变更补做桩基，停工待图15天'],
        [146, '5号厂房', 'main_structure', 20, true, '5号厂房钢柱吊装开始'], [146, '6号厂房', 'backfill', 100, true, '6号厂房桩基及基础工程完成', true],
        [200, '5号厂房', 'main_structure', 45, true, '5号厂房钢结构吊装完成45%', true], [200, '6号厂房', 'main_structure', 5, true, '6号厂房钢柱吊装开始'],
      ]),
      milestones: [
        { name: '基础完工', target: b(90), achieved: b(146), note: '演示数据', slip: { on: b(45), target: b(150), reason: '6号厂房地基遇软弱土层，设计变更增加桩基，基础完工顺延两个月' } },
        { name: '主体封顶', target: b(330), note: '演示数据' },
        { name: '竣工验收', target: addCalendarMonths(behind, 14), note: '演示数据' },
      ],
      monthly: [],
      issues: [
        { type: '施工组织', title: '6号厂房地基软弱土层处理', raised: b(28), by: '施工单位', owner: ZONE, action: '勘察、设计单位现场踏勘，出具桩基设计变更', due: b(50), resolved: b(44), resolution: '设计变更已出具，增加桩基处理，基础完工顺延至原计划后两个月（演示）' },
        { type: '资金', title: '二期建设资金第三批拨付滞后', raised: addDays(today, -25), by: '施工单位', owner: '高平市人民政府办公室', action: '协调按进度拨付第三批建设资金，保障冬季前主体吊装', due: addDays(today, 20) },
      ],
      internalNote: LATER_NOTE,
    },
    {
      name: '开发区职工公寓（二期）建设项目', owner: HENGTONG, location: '米山工业园生活区', level: '区级重点', category: '社会事业',
      investment: 9800, start: stalled, finish: addCalendarMonths(stalled, 12), weighting: 'equal', stages: [...DEFAULT_STAGES],
      description: '恒通集团在米山工业园生活区续建两栋职工公寓，缓解园区企业职工住宿紧张。',
      components: [{ name: '3号公寓楼', code: 'APT3' }, { name: '4号公寓楼', code: 'APT4' }],
      reports: rep(c, [
        [20, '3号公寓楼', 'earthwork', 100, false, '3号公寓楼土方开挖完成'], [20, '4号公寓楼', 'earthwork', 100, false, '4号公寓楼土方开挖完成'],
        [80, '3号公寓楼', 'backfill', 100, true, '3号公寓楼基础工程完成', true], [80, '4号公寓楼', 'backfill', 100, true, '4号公寓楼基础工程完成'],
        [140, '3号公寓楼', 'main_structure', 60, true, '3号公寓楼主体施工至七层'], [140, '4号公寓楼', 'main_structure', 40, true, '4号公寓楼主体施工至五层', true],
        [172, '3号公寓楼', 'main_structure', 75, true, '3号公寓楼恢复施工，主体施工至九层', true], [172, '4号公寓楼', 'main_structure', 55, true, '4号公寓楼主体施工至七层'],
      ]),
      milestones: [
        { name: '基础完工', target: c(75), achieved: c(80), note: '演示数据' },
        { name: '主体封顶', target: c(160), note: '演示数据：施工总包单位劳务费拖欠停工18天，封顶已逾期，调整后的日期待建设单位审定' },
        { name: '竣工交付', target: addCalendarMonths(stalled, 12), note: '演示数据' },
      ],
      monthly: [],
      issues: [
        { type: '施工组织', title: '施工总包单位劳务费拖欠导致停工', raised: c(146), by: '高平经济技术开发区管委会', owner: HENGTONG, action: '约谈施工总包单位，督促结清劳务费、补足劳务人员，报送主体封顶赶工计划', due: addDays(today, 14) },
      ],
      internalNote: LATER_NOTE,
    },
  ];
}

const TINTS: Array<[number, number, number]> = [[170, 120, 110], [120, 140, 170], [150, 160, 120], [160, 150, 130]];

async function insertProject(tx: Tx, ctx: AppContext, refs: DemoRefs, spec: ProjectSpec, now: string) {
  const projectId = newId();
  const zoneUser = refs.userIds.zone ?? null;
  const today = ctx.clock.today();
  // The seed's history is always there; what came after it only up to the load day.
  const cutoff = today > SEED_DAY ? today : SEED_DAY;
  const happened = (date: string) => date <= cutoff;
  const doneBy = (date: string | undefined) => (date && date <= today ? date : null);
  const completed = doneBy(spec.completed) !== null;
  await tx.insertInto('project').values({
    id: projectId, name: spec.name, owner_org_id: refs.orgIds[spec.owner], location: spec.location, level: spec.level, category: spec.category,
    planned_investment_wan: spec.investment, planned_start: spec.start, planned_finish: spec.finish, actual_start: null, status: completed ? 'completed' : 'under_construction',
    description: spec.description, internal_note: spec.internalNote ?? '演示数据：进度取自2024年8月22日答复，投资额、工期、月度计划、早期进度与协调事项为演示用虚构数据；2024年8月22日以后的进展为演示用虚构数据。',
    // Entered when it started (the lists show projects in that order), if that is not after the load day.
    weighting: spec.weighting, light_rules_json: null, is_public: 1, is_demo: 1, version: 1, created_by: zoneUser,
    created_at: spec.start <= today ? new Date(`${spec.start}T09:00:00+08:00`).toISOString() : now, updated_at: now,
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
    if (!happened(date)) continue;
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
    const slipped = m.slip && happened(m.slip.on) ? m.slip : null;
    const note = slipped ? `${m.note}；${slipped.on}调整：原定${m.target}，${slipped.reason}（演示）` : m.note;
    await tx.insertInto('project_milestone').values({
      id: newId(), project_id: projectId, component_id: null, name: m.name, target_date: slipped?.target ?? m.target, achieved_on: doneBy(m.achieved) ?? (m.achieved && m.achieved <= SEED_DAY ? m.achieved : null), note,
      is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  for (const [month, plan, actual, progress] of spec.monthly) {
    // Seed-era actuals as given; later months' actuals once the month is over.
    const shown = month <= SEED_DAY.slice(0, 7) || monthEnd(month) < today ? actual : null;
    await tx.insertInto('project_monthly').values({
      id: newId(), project_id: projectId, month, plan_investment_wan: plan, actual_investment_wan: shown, plan_progress: progress, note: '',
      is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  for (const i of spec.issues) {
    if (!happened(i.raised)) continue;
    const resolved = i.resolved && (i.resolved <= SEED_DAY || i.resolved <= today) ? i.resolved : null;
    await tx.insertInto('coordination_issue').values({
      id: newId(), project_id: projectId, type: i.type, title: i.title, raised_on: i.raised, raised_by: i.by, owner_org_id: i.owner ? refs.orgIds[i.owner] : null,
      action_required: i.action, due_on: i.due, resolved_on: resolved, resolution: resolved ? i.resolution ?? '' : '', is_demo: 1, version: 1, created_at: now, updated_at: now,
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
    // Later projects only once their start falls after the seed's day.
    const specs = [SCHOOL, FACTORY, UTILITIES, ...laterProjects(ctx.clock.today()).filter((p) => p.start > SEED_DAY)];
    for (const spec of specs) await insertProject(tx, ctx, refs, spec, now);
    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed.projects', entityType: 'project', entityId: null, after: { projects: specs.map((p) => p.name) } });
  });
}
