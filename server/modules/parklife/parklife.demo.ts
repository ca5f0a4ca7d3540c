/**
 * Park-life demo data from the seed reply (高工信发〔2024〕37号): the 1,500 m² staff canteen for 400+, housing,
 * shops and gym (“已建成”), the school under construction linked to its key project, route 5 from 06:30 to
 * 20:00 every 10–15 minutes, greening of at least 35,000 m² in 2024, water/power/heating/gas “年内投入运营”.
 * Opening hours, greening entries and the enrolment procedure are invented for the demo and say so.
 *
 * What changed after the seed (utilities in operation, the school opened, later years' greening and enrolment,
 * a clinic, the second staff-flats project) is invented for the demo and dated: each record is written as it
 * stood on the load day, stamped with the day it was last changed, so 「信息更新于」 tells the truth.
 */
import type { AppContext } from '../../platform/context.js';
import type { DemoRefs } from '../../demo/modules.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { SCHOOL_NAME, SEED_DAY } from '../projects/projects.demo.js';

const SOURCE = '高工信发〔2024〕37号答复';
const DEMO_NOTE = '演示数据：名称与规模取自答复，开放时间等细节为演示用虚构内容。';
const LATER = '（演示）';
const STAFF_FLATS = '开发区职工公寓（二期）建设项目';

/** A record's successive states: each applies from its day on. */
type Versions<T> = Array<[string, T]>;

/** The state on `day` and the day it took effect; null when the first state is later than `day`. */
function asOn<T>(versions: Versions<T>, day: string): { from: string; value: T } | null {
  let hit: { from: string; value: T } | null = null;
  for (const [from, value] of versions) if (from <= day) hit = { from, value };
  return hit;
}

/** Greening planted in the years after the seed (invented): [MM-DD, m², place, what]. */
const GREENING_2025: Array<[string, number, string, string]> = [
  ['04-18', 9500, '兹氏铸业地块周边道路', '道路两侧行道树及绿篱栽植'],
  ['05-26', 8200, '职工生活区游园', '建设职工游园，铺植草坪'],
  ['06-24', 7600, '数字产业园', '厂区周边见缝插绿'],
  ['08-28', 5200, '第十中学周边', '校园周边道路绿化'],
  ['09-25', 6300, '园区小微景观', '建成三处小微景观'],
  ['10-30', 4100, '园区主干道', '秋季补植'],
];
const GREENING_LATER: Array<[string, number, string, string]> = [
  ['04-16', 8800, '园区东环路', '行道树栽植'],
  ['05-22', 9100, '职工公寓二期周边', '生活区绿地建设'],
  ['06-26', 7400, '标准化厂房区', '厂房边增植补绿'],
  ['08-27', 6100, '园区北入口', '入口景观提升'],
  ['09-24', 5600, '米西村连接线', '道路两侧绿化'],
  ['10-29', 3800, '园区主干道', '秋季补植'],
];

export async function seedParkLife(ctx: AppContext, _refs: DemoRefs): Promise<void> {
  const now = ctx.clock.nowIso();
  const today = ctx.clock.today();
  // The seed's history is always there; what came after it only up to the load day.
  const cutoff = today > SEED_DAY ? today : SEED_DAY;
  /** The instant a record was last written: that day (Beijing morning), or the load time for seed facts dated after it. */
  const stamp = (day: string) => (day <= today ? new Date(`${day}T09:00:00+08:00`).toISOString() : now);
  const base = (day: string) => ({ id: newId(), is_demo: 1, version: 1, created_at: stamp(day), updated_at: stamp(day) });
  const school = await ctx.db.selectFrom('project').select('id').where('name', '=', SCHOOL_NAME).executeTakeFirst();
  const flats = await ctx.db.selectFrom('project').select(['id', 'planned_start']).where('name', '=', STAFF_FLATS).executeTakeFirst();
  const firstYear = Number(SEED_DAY.slice(0, 4));
  const lastYear = Math.max(firstYear, Number(cutoff.slice(0, 4)));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

  await ctx.db.transaction().execute(async (tx) => {
    type Facility = { kind: string; name: string; status: string; hours: string; capacity: number | null; capacity_unit: string; area_m2: number | null; place: string; description: string; project_id?: string | null };
    const facilities: Array<Versions<Facility>> = [
      [[SEED_DAY, { kind: 'canteen', name: '米山工业园职工餐厅', status: 'open', hours: '早餐 06:30–08:30，午餐 11:30–13:30，晚餐 17:30–19:30', capacity: 400, capacity_unit: '座', area_m2: 1500,
        place: '米山工业园', description: `恒通公司自筹资金建成的职工餐厅，面积1500平方米，能同时容纳400余人用餐，已正式对外营业（${SOURCE}）。` }]],
      [[SEED_DAY, { kind: 'housing', name: '米山工业园职工宿舍', status: 'open', hours: '全天', capacity: null, capacity_unit: '床位', area_m2: null,
        place: '米山工业园生活区', description: `恒通集团从员工吃、住、行等生活需求出发建设的住宿配套，已建成（${SOURCE}）。` }]],
      [[SEED_DAY, { kind: 'shop', name: '米山工业园商超', status: 'open', hours: '08:00–21:00', capacity: null, capacity_unit: '', area_m2: null,
        place: '米山工业园生活区', description: `园区商超配套已建成，服务园区企业职工日常生活（${SOURCE}）。` }]],
      [[SEED_DAY, { kind: 'gym', name: '米山工业园职工健身中心', status: 'open', hours: '06:00–22:00', capacity: null, capacity_unit: '', area_m2: null,
        place: '米山工业园生活区', description: `健身配套设施已建成（${SOURCE}）。` }]],
      [
        [SEED_DAY, { kind: 'school', name: '高平市第十中学', status: 'under_construction', hours: '', capacity: 1800, capacity_unit: '个学位', area_m2: null,
          place: '米山镇米西村（紧邻高平一中）', description: `在建，建设标准为初中十二轨制，建成后能满足周边1800多名学生的入学需求，缓解开发区企业职工子女入学难的问题（${SOURCE}）。`,
          project_id: school?.id ?? null }],
        ['2025-09-01', { kind: 'school', name: '高平市第十中学', status: 'open', hours: '', capacity: 1800, capacity_unit: '个学位', area_m2: null,
          place: '米山镇米西村（紧邻高平一中）', description: `初中十二轨制，可满足1800多名学生入学需求（${SOURCE}时在建）。2024年12月主体封顶，2025年8月竣工，2025年9月1日开学${LATER}。`,
          project_id: school?.id ?? null }],
      ],
      [['2025-05-20', { kind: 'clinic', name: '米山工业园卫生室', status: 'open', hours: '08:00–18:00（夜间急症请拨打120）', capacity: null, capacity_unit: '', area_m2: 260,
        place: '米山工业园生活区', description: `恒通集团与米山镇卫生院合作设立，提供常见病诊疗、职工健康体检${LATER}。` }]],
    ];
    if (flats?.planned_start) {
      facilities.push([[flats.planned_start, { kind: 'housing', name: '米山工业园职工公寓（二期）', status: 'under_construction', hours: '', capacity: null, capacity_unit: '床位', area_m2: null,
        place: '米山工业园生活区', description: `恒通集团续建两栋职工公寓，缓解园区企业职工住宿紧张${LATER}。`, project_id: flats.id }]]);
    }
    const ids: Record<string, string> = {};
    let shown = 0;
    for (const versions of facilities) {
      const v = asOn(versions, cutoff);
      if (!v) continue;
      const row = { ...base(v.from), created_at: stamp(versions[0][0]), project_id: null, contact_phone: null, internal_note: DEMO_NOTE, is_public: 1, sort_order: shown++, ...v.value };
      ids[v.value.name] = row.id;
      await tx.insertInto('park_facility').values(row).execute();
    }

    await tx.insertInto('bus_route').values({
      ...base(SEED_DAY), route_no: '5路', from_stop: '开发区', to_stop: '市区', via: '', bidirectional: 1, first_departure: '06:30', last_departure: '20:00',
      headway_min: 10, headway_max: 15, departures_json: null, fare: '', operator: '',
      note: `开发区至市内可乘坐5路公交车，发车时间为早上六点半至晚上八点，班次间隔为10至15分钟一班（${SOURCE}）。`,
      internal_note: '', is_public: 1, sort_order: 0,
    }).execute();

    const entries2024: Array<[string, number, string, string]> = [
      ['2024-04-20', 8200, '园区主干道两侧', '见缝插绿、增植补绿'],
      ['2024-05-28', 4600, '展厅周围', '精选绿植品种，搭配花境'],
      ['2024-06-25', 9800, '园区裸露土地', '裸露土地覆绿，荒地变花海'],
      ['2024-08-10', 3900, '厂房边', '打造小微景观'],
      ['2024-10-31', 4700, '园区北入口及停车区', `秋季补植${LATER}`],
      ['2024-12-18', 4900, '厂房边及职工生活区', `常绿苗木补植，年度绿化验收${LATER}`],
    ];
    for (const year of years) {
      const set = year === 2024 ? SEED_DAY : `${year}-01-15`;
      if (set > cutoff) continue;
      const target = year === 2024 ? 35000 : year === 2025 ? 40000 : 42000;
      const note = year === 2024
        ? `米山工业园绿化覆盖面积全年不少于3.5万平米（${SOURCE}）；以下完成记录为演示数据。`
        : `恒通集团${year}年园区绿化目标不少于${target / 10000}万平方米${LATER}。`;
      await tx.insertInto('greening_year').values({ ...base(set), year, target_m2: target, note }).execute();
      const list = year === 2024 ? entries2024 : (year === 2025 ? GREENING_2025 : GREENING_LATER).map(([md, ...r]) => [`${year}-${md}`, ...r] as [string, number, string, string]);
      for (const [date, area, place, description] of list) {
        if (date > SEED_DAY && date > today) continue;
        await tx.insertInto('greening_entry').values({ ...base(date), year, entry_date: date, area_m2: area, place, description }).execute();
      }
    }

    type Utility = { status: string; expected_on: string | null; operating_since: string | null; note: string };
    const seedUtility: Utility = { status: 'under_construction', expected_on: '2024-12-31', operating_since: null, note: `园区水、电、暖、气由恒通公司负责，加速推动铺装等工程，年内投入运营（${SOURCE}）。` };
    const heatingSeasons: Versions<Utility> = years.filter((y) => y >= 2026).map((y) => [`${y}-11-10`, {
      status: 'operating', expected_on: null, operating_since: '2025-11-15', note: `${y}—${y + 1}年采暖季自11月15日起供暖${LATER}。`,
    }]);
    const utilities: Array<[string, string, Versions<Utility>]> = [
      ['water', '米山工业园供水', [[SEED_DAY, seedUtility],
        ['2024-11-29', { status: 'trial', expected_on: '2024-12-31', operating_since: null, note: `供水管网试压合格，11月29日起试运行${LATER}。` }],
        ['2024-12-27', { status: 'operating', expected_on: null, operating_since: '2024-12-27', note: `园区供水已正式投入运营${LATER}。` }]]],
      ['power', '米山工业园供电', [[SEED_DAY, seedUtility],
        ['2024-11-29', { status: 'trial', expected_on: '2024-12-31', operating_since: null, note: `10kV 线路送电调试，11月29日起试运行${LATER}。` }],
        ['2024-12-27', { status: 'operating', expected_on: null, operating_since: '2024-12-27', note: `园区供电已正式投入运营${LATER}。` }]]],
      ['heating', '米山工业园供暖', [[SEED_DAY, seedUtility],
        ['2024-12-27', { status: 'under_construction', expected_on: '2025-04-30', operating_since: null, note: `供热管网冬季冻土施工受限，试压调试推迟至2025年开春${LATER}。` }],
        ['2025-04-28', { status: 'trial', expected_on: '2025-11-15', operating_since: null, note: `供热管网试压合格，具备供暖条件，2025年11月15日起正式供暖${LATER}。` }],
        ['2025-11-15', { status: 'operating', expected_on: null, operating_since: '2025-11-15', note: `2025—2026年采暖季自11月15日起正式供暖${LATER}。` }],
        ...heatingSeasons]],
      ['gas', '米山工业园供气', [[SEED_DAY, seedUtility],
        ['2024-12-27', { status: 'trial', expected_on: '2025-03-31', operating_since: null, note: `燃气管网置换通气完成，试运行${LATER}。` }],
        ['2025-03-28', { status: 'operating', expected_on: null, operating_since: '2025-03-28', note: `园区供气已正式投入运营${LATER}。` }]]],
    ];
    for (const [i, [kind, name, versions]] of utilities.entries()) {
      const v = asOn(versions, cutoff)!;
      await tx.insertInto('utility_service').values({ ...base(v.from), created_at: stamp(SEED_DAY), kind, name, internal_note: '', sort_order: i, ...v.value }).execute();
    }

    type Enrolment = { places: number | null; how_to_apply: string; note: string };
    const enrolments: Array<[number, Versions<Enrolment>]> = [[2025, [
      [SEED_DAY, { places: 1800,
        how_to_apply: '学校建成后由高平市教育局统一公布招生方案。开发区企业职工子女可持劳动合同、社保缴纳证明和户口簿，向开发区管委会报名登记，由教育局统筹安排学位。',
        note: '学校在建，预计2024年底主体封顶；招生方案以教育局公布为准（演示数据）。' }],
      ['2025-06-20', { places: 600,
        how_to_apply: `开发区企业职工子女持劳动合同、社保缴纳证明和户口簿，于6月25日至7月5日向开发区管委会报名登记，由高平市教育局统筹安排学位${LATER}。`,
        note: `2025年秋季首次招生：七年级12个班、600个学位，9月1日开学；全校规模1800个学位${LATER}。` }],
    ]]];
    for (const year of years.filter((y) => y >= 2026)) {
      enrolments.push([year, [[`${year}-06-18`, { places: 600,
        how_to_apply: `开发区企业职工子女持劳动合同、社保缴纳证明和户口簿，于6月25日至7月5日向开发区管委会报名登记，由高平市教育局统筹安排学位${LATER}。`,
        note: `${year}年七年级招生12个班、600个学位；开学后在校生约${Math.min(3, year - 2024) * 600}人${LATER}。` }]]]);
    }
    for (const [year, versions] of enrolments) {
      const v = asOn(versions, cutoff);
      if (!v) continue;
      await tx.insertInto('school_enrolment').values({
        ...base(v.from), created_at: stamp(versions[0][0]), school_name: '高平市第十中学', facility_id: ids['高平市第十中学'], year,
        area_served: '学校周边及开发区企业职工子女（初中）', contact_office: '高平市教育局', contact_phone: null, internal_note: DEMO_NOTE, is_public: 1, ...v.value,
      }).execute();
    }

    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed.parklife', entityType: 'park_facility', entityId: null, after: { facilities: shown, busRoutes: 1, utilities: 4 } });
  });
}
