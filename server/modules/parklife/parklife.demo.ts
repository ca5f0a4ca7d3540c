/**
 * Park-life demo data from the seed reply (高工信发〔2024〕37号): the 1,500 m² staff canteen for 400+, housing,
 * shops and gym (“已建成”), the school under construction linked to its key project, route 5 from 06:30 to
 * 20:00 every 10–15 minutes, greening of at least 35,000 m² in 2024, water/power/heating/gas “年内投入运营”.
 * Opening hours, greening entries and the enrolment procedure are invented for the demo and say so.
 */
import type { AppContext } from '../../platform/context.js';
import type { DemoRefs } from '../../demo/modules.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { SCHOOL_NAME } from '../projects/projects.demo.js';

const SOURCE = '高工信发〔2024〕37号答复';
const DEMO_NOTE = '演示数据：名称与规模取自答复，开放时间等细节为演示用虚构内容。';

export async function seedParkLife(ctx: AppContext, _refs: DemoRefs): Promise<void> {
  const now = ctx.clock.nowIso();
  const base = () => ({ id: newId(), is_demo: 1, version: 1, created_at: now, updated_at: now });
  const school = await ctx.db.selectFrom('project').select('id').where('name', '=', SCHOOL_NAME).executeTakeFirst();
  await ctx.db.transaction().execute(async (tx) => {
    const facilities = [
      { kind: 'canteen', name: '米山工业园职工餐厅', status: 'open', hours: '早餐 06:30–08:30，午餐 11:30–13:30，晚餐 17:30–19:30', capacity: 400, capacity_unit: '座', area_m2: 1500,
        place: '米山工业园', description: `恒通公司自筹资金建成的职工餐厅，面积1500平方米，能同时容纳400余人用餐，已正式对外营业（${SOURCE}）。` },
      { kind: 'housing', name: '米山工业园职工宿舍', status: 'open', hours: '全天', capacity: null, capacity_unit: '床位', area_m2: null,
        place: '米山工业园生活区', description: `恒通集团从员工吃、住、行等生活需求出发建设的住宿配套，已建成（${SOURCE}）。` },
      { kind: 'shop', name: '米山工业园商超', status: 'open', hours: '08:00–21:00', capacity: null, capacity_unit: '', area_m2: null,
        place: '米山工业园生活区', description: `园区商超配套已建成，服务园区企业职工日常生活（${SOURCE}）。` },
      { kind: 'gym', name: '米山工业园职工健身中心', status: 'open', hours: '06:00–22:00', capacity: null, capacity_unit: '', area_m2: null,
        place: '米山工业园生活区', description: `健身配套设施已建成（${SOURCE}）。` },
      { kind: 'school', name: '高平市第十中学', status: 'under_construction', hours: '', capacity: 1800, capacity_unit: '个学位', area_m2: null,
        place: '米山镇米西村（紧邻高平一中）', description: `在建，建设标准为初中十二轨制，建成后能满足周边1800多名学生的入学需求，缓解开发区企业职工子女入学难的问题（${SOURCE}）。`,
        project_id: school?.id ?? null },
    ];
    const ids: Record<string, string> = {};
    for (const [i, f] of facilities.entries()) {
      const row = { ...base(), project_id: null, contact_phone: null, internal_note: DEMO_NOTE, is_public: 1, sort_order: i, ...f };
      ids[f.name] = row.id;
      await tx.insertInto('park_facility').values(row).execute();
    }

    await tx.insertInto('bus_route').values({
      ...base(), route_no: '5路', from_stop: '开发区', to_stop: '市区', via: '', bidirectional: 1, first_departure: '06:30', last_departure: '20:00',
      headway_min: 10, headway_max: 15, departures_json: null, fare: '', operator: '',
      note: `开发区至市内可乘坐5路公交车，发车时间为早上六点半至晚上八点，班次间隔为10至15分钟一班（${SOURCE}）。`,
      internal_note: '', is_public: 1, sort_order: 0,
    }).execute();

    await tx.insertInto('greening_year').values({ ...base(), year: 2024, target_m2: 35000, note: `米山工业园绿化覆盖面积全年不少于3.5万平米（${SOURCE}）；以下完成记录为演示数据。` }).execute();
    const entries: Array<[string, number, string, string]> = [
      ['2024-04-20', 8200, '园区主干道两侧', '见缝插绿、增植补绿'],
      ['2024-05-28', 4600, '展厅周围', '精选绿植品种，搭配花境'],
      ['2024-06-25', 9800, '园区裸露土地', '裸露土地覆绿，荒地变花海'],
      ['2024-08-10', 3900, '厂房边', '打造小微景观'],
    ];
    for (const [date, area, place, description] of entries) {
      await tx.insertInto('greening_entry').values({ ...base(), year: 2024, entry_date: date, area_m2: area, place, description }).execute();
    }

    const utilities: Array<[string, string]> = [['water', '米山工业园供水'], ['power', '米山工业园供电'], ['heating', '米山工业园供暖'], ['gas', '米山工业园供气']];
    for (const [i, [kind, name]] of utilities.entries()) {
      await tx.insertInto('utility_service').values({
        ...base(), kind, name, status: 'under_construction', expected_on: '2024-12-31', operating_since: null,
        note: `园区水、电、暖、气由恒通公司负责，加速推动铺装等工程，年内投入运营（${SOURCE}）。`, internal_note: '', sort_order: i,
      }).execute();
    }

    await tx.insertInto('school_enrolment').values({
      ...base(), school_name: '高平市第十中学', facility_id: ids['高平市第十中学'], year: 2025, places: 1800,
      area_served: '学校周边及开发区企业职工子女（初中）',
      how_to_apply: '学校建成后由高平市教育局统一公布招生方案。开发区企业职工子女可持劳动合同、社保缴纳证明和户口簿，向开发区管委会报名登记，由教育局统筹安排学位。',
      contact_office: '高平市教育局', contact_phone: null, note: '学校在建，预计2024年底主体封顶；招生方案以教育局公布为准（演示数据）。',
      internal_note: DEMO_NOTE, is_public: 1,
    }).execute();

    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed.parklife', entityType: 'park_facility', entityId: null, after: { facilities: facilities.length, busRoutes: 1, utilities: 4 } });
  });
}
