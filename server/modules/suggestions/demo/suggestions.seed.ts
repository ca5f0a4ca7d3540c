import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import type { DemoRefs } from '../../../demo/modules.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fieldCryptoFor } from '../../../platform/crypto/field-crypto.js';
import { addDays, daysInMonth, parseDate, formatDate } from '../../../../domain/calendar/dates.js';
import { parseReply } from '../../../../domain/text/reply-parser.js';
import { moduleCalendar, assignmentDates, rereplyDue, type ModuleCalendar } from '../deadlines.js';
import { DEFAULT_REMINDERS, NPC_CLASS_SCHEME, type RuleSet } from '../rule-set.js';
import { DEFAULT_CLOSING } from '../replies.service.js';
import { REPLY_187_TEXT } from './reply-187.text.js';
import { DEMO_ORGS } from '../../../demo/orgs.js';
import type { AssignmentTable, ReplyTable, SuggestionTable } from '../suggestions.tables.js';

/** An instant on a calendar day, Beijing time. */
const at = (date: string, hh = 9, mm = 0) => new Date(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`).toISOString();

function shiftMonths(date: string, n: number): string {
  const { year, month, day } = parseDate(date);
  const idx = year * 12 + (month - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Joins the lines a page break cut in the middle of a sentence. */
function joinBrokenLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: string[] = [];
  for (const l of lines) {
    if (out.length && !/[。：！？；”]$/.test(out[out.length - 1])) out[out.length - 1] += l;
    else out.push(l);
  }
  return out.join('\n');
}

function between(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a);
  if (a < 0 || b < 0) throw new Error(`demo: “${from}” … “${to}” not found in the reply text`);
  return text.slice(a, b);
}

/** No. 187's reply, read from the published text by the reply parser. */
export function reply187() {
  const parsed = parseReply(REPLY_187_TEXT);
  if (parsed.points.length !== 6) throw new Error(`demo: expected six points in the reply to No. 187, parsed ${parsed.points.length}`);
  return {
    parsed,
    intro: joinBrokenLines(between(REPLY_187_TEXT, '关于你们提出的', '### 一、')),
    // The concluding paragraph has no field of its own: it opens the closing, before the customary sentence.
    closing: joinBrokenLines(between(REPLY_187_TEXT, '关于你们就提升开发区', '领导签字')),
  };
}

const SUGGESTION_187_BODY = [
  '我市开发区公共配套设施建设起点不高，欠账较多。随着2024年开发区入驻企业的投产达效，产业人口的大量集聚，这一问题日益凸显。经走访入驻企业和园区职工，主要存在以下问题：',
  '一是教育资源优势不明显，开发区周边缺少优质中小学校，企业职工子女入学难；',
  '二是商业服务设施稀缺，园区职工就餐、住宿、购物、健身等生活需求得不到满足；',
  '三是入驻企业人员户籍管理不畅，新入驻人员落户、迁移等手续办理不便；',
  '四是园区环境卫生、城市管理与城区相比有差距，绿化美化和环卫保洁有待加强；',
  '五是水、电、暖、气、公共交通等基础设施需要理顺提升，园区至市区的公共交通不便。',
  '为此建议：一、加快补齐开发区教育、商业、生活等公共配套短板，把园区建成宜业宜居的产业新城；二、理顺开发区户籍、环卫、公共交通等公共服务的管理体制，明确牵头部门和责任单位；三、持续深化“区内事、区内办”改革，优化营商环境，让入驻企业安心发展。',
].join('\n');

/** Invented, clearly demo phone numbers (the 1380000xxxx block): deputies' real numbers are private. */
const DEPUTIES: Array<{ key: string; name: string; username: string | null; delegation: string; phone: string }> = [
  { key: 'gaoyipeng', name: '郜义鹏', username: 'gaoyipeng', delegation: '米山镇代表团', phone: '13800000101' },
  { key: 'like', name: '李科', username: 'like', delegation: '米山镇代表团', phone: '13800000102' },
  { key: 'duxiaolin', name: '杜小林', username: 'duxiaolin', delegation: '经济技术开发区代表团', phone: '13800000103' },
  { key: 'hanzhifeng', name: '韩志峰', username: 'hanzhifeng', delegation: '经济技术开发区代表团', phone: '13800000104' },
  { key: 'wanjianqin', name: '万建勤', username: 'wanjianqin', delegation: '北城街道代表团', phone: '13800000105' },
  { key: 'zhaoliping', name: '赵丽萍', username: null, delegation: '南城街道代表团', phone: '13800000106' },
  { key: 'sunjianguo', name: '孙建国', username: null, delegation: '米山镇代表团', phone: '13800000107' },
  { key: 'liuzhiqiang', name: '刘志强', username: null, delegation: '三甲镇代表团', phone: '13800000108' },
  { key: 'wangxiumei', name: '王秀梅', username: null, delegation: '东城街道代表团', phone: '13800000109' },
];

type Sug = SuggestionTable;

const CN_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnNumber = (n: number) => (n <= 10 ? CN_NUMERALS[n] : n < 20 ? `十${CN_NUMERALS[n - 10]}` : `${CN_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CN_NUMERALS[n % 10] : ''}`);

export interface DemoSession {
  meeting: number;
  term: string;
  meetingText: string;
  shortName: string;
  fullName: string;
  startsOn: string;
  endsOn: string;
  /** 七届六次, No. 187's own session. */
  seed: boolean;
  /** Holds the suggestions dated relative to the load day (in progress, overdue, re-handled …). */
  current: boolean;
}

/**
 * The demo's sessions on the load day `today`: one a year in order. 七届六次 met in January 2024 (No. 187's);
 * each later year has the next meeting. The session whose suggestions are dated relative to today starts eleven
 * months before it (their deadlines must be live on any day): that is the session of its year, or 七届六次 itself
 * in 2024, or one meeting before it when the clock is set earlier (tests run on 2024-08-01).
 */
export function demoSessions(today: string): DemoSession[] {
  const currentStart = shiftMonths(today, -11);
  const currentYear = Number(currentStart.slice(0, 4));
  const make = (meeting: number, startsOn: string, flags: { seed?: boolean; current?: boolean } = {}): DemoSession => ({
    meeting, term: '七', meetingText: cnNumber(meeting), shortName: `七届${cnNumber(meeting)}次`,
    fullName: `高平市第七届人民代表大会第${cnNumber(meeting)}次会议${flags.seed ? '' : '（演示）'}`,
    startsOn, endsOn: addDays(startsOn, 3), seed: !!flags.seed, current: !!flags.current,
  });
  // Assumption, not a fact from the seed: the 6th session of the 7th Gaoping people's congress met in early 2024;
  // 2024-01-10..13 are invented opening dates of the demo sessions, as is the 10th of January of later years.
  const list: DemoSession[] = [];
  if (currentYear < 2024) list.push(make(5, currentStart, { current: true }));
  list.push(make(6, '2024-01-10', { seed: true, current: currentYear === 2024 }));
  for (let year = 2025; `${year}-01-10` <= today || year === currentYear; year++) {
    list.push(year === currentYear ? make(6 + year - 2024, currentStart, { current: true }) : make(6 + year - 2024, `${year}-01-10`));
  }
  return list;
}

class DemoWriter {
  deputyIds: Record<string, string> = {};
  constructor(readonly tx: Tx, readonly ctx: AppContext, readonly refs: DemoRefs, readonly mc: ModuleCalendar, readonly rs: RuleSet) {}

  org(shortOrFull: string): string {
    const full = DEMO_ORGS.find((o) => o.shortName === shortOrFull)?.name ?? shortOrFull;
    const id = this.refs.orgIds[full];
    if (!id) throw new Error(`demo: org ${shortOrFull} missing`);
    return id;
  }

  async suggestion(p: Partial<Sug> & Pick<Sug, 'session_id' | 'title' | 'body' | 'category' | 'state'> & { lead: string; co: string[]; coStatus?: string; createdOn: string }) {
    const { lead, co, coStatus, createdOn, ...cols } = p;
    const row: Sug = {
      id: newId(), number: null, kind: '建议', lead_deputy_id: this.deputyIds[lead], not_admitted_reason: null, round: 1,
      submitted_at: at(createdOn, 10), admitted_at: null, assigned_on: null, reply_due: null, hard_due: null, extended_due: null,
      due_explain_json: null, key_supervision: 0, lead_unit_id: null, final_satisfaction: null, closed_at: null, search_text: null,
      is_demo: 1, version: 1, created_by: null, created_at: at(createdOn, 10), updated_at: at(createdOn, 10), ...cols,
    };
    await this.tx.insertInto('suggestion').values(row).execute();
    await this.tx.insertInto('suggestion_signer').values({ id: newId(), suggestion_id: row.id, deputy_id: this.deputyIds[lead], role: 'lead', status: 'accepted', invited_at: row.created_at, responded_at: row.created_at, is_demo: 1 }).execute();
    for (const c of co) {
      const status = coStatus ?? 'accepted';
      await this.tx.insertInto('suggestion_signer').values({ id: newId(), suggestion_id: row.id, deputy_id: this.deputyIds[c], role: 'co', status, invited_at: row.created_at, responded_at: status === 'invited' ? null : row.created_at, is_demo: 1 }).execute();
    }
    return row;
  }

  /** Assigns (as the organizer's 交办 on `on`) and returns the due dates; the suggestion row is updated in memory and in the table. */
  async assign(s: Sug, on: string, lead: string, coUnits: string[], opts: { accepted?: boolean; opinions?: Record<string, string>; opinionOn?: string } = {}) {
    const d = assignmentDates(this.mc, this.rs, on);
    Object.assign(s, {
      assigned_on: on, lead_unit_id: this.org(lead), reply_due: d.replyDue.date, hard_due: d.hardDue.date,
      due_explain_json: JSON.stringify({ replyDue: d.replyDue, hardDue: d.hardDue }),
    });
    await this.tx.updateTable('suggestion').set({ assigned_on: s.assigned_on, lead_unit_id: s.lead_unit_id, reply_due: s.reply_due, hard_due: s.hard_due, due_explain_json: s.due_explain_json }).where('id', '=', s.id).execute();
    const rows: AssignmentTable[] = [];
    for (const [unit, role] of [[lead, 'lead'], ...coUnits.map((u) => [u, 'co'])] as Array<[string, 'lead' | 'co']>) {
      const acceptedOn = addDays(on, 2);
      const opinion = opts.opinions?.[unit] ?? null;
      const row: AssignmentTable = {
        id: newId(), suggestion_id: s.id, unit_id: this.org(unit), role, state: opts.accepted === false ? 'assigned' : 'accepted', assigned_on: on,
        accepted_at: opts.accepted === false ? null : at(acceptedOn, 15), return_due: d.returnDue.date, return_reason: null, return_requested_at: null,
        return_decision: null, return_decision_note: null, return_decided_at: null, opinion_due: role === 'co' ? d.opinionDue.date : null,
        opinion_text: opinion, opinion_at: opinion ? at(opts.opinionOn ?? addDays(on, 20), 16) : null, opinion_by: null,
        due_explain_json: JSON.stringify(role === 'co' ? { returnDue: d.returnDue, opinionDue: d.opinionDue } : { returnDue: d.returnDue }),
        is_demo: 1, version: 1, created_at: at(on, 9), updated_at: at(on, 9),
      };
      await this.tx.insertInto('assignment').values(row).execute();
      rows.push(row);
    }
    return { dates: d, rows };
  }

  async reply(s: Sug, round: number, r: Partial<ReplyTable>, points: Array<{ heading: string | null; text: string; org?: string | null }>) {
    const row: ReplyTable = {
      id: newId(), suggestion_id: s.id, round, state: 'draft', unit_id: s.lead_unit_id!, doc_number: null, class_code: null, signer: null,
      contact_person: null, contact_phone: null, intro: null, closing: DEFAULT_CLOSING, reply_date: null, due_on: null, submitted_at: null,
      submitted_by: null, publication_state: 'draft', published_json: null, redactions_json: null, published_at: null, is_demo: 1, version: 1,
      created_at: s.created_at, updated_at: s.created_at, ...r,
    };
    await this.tx.insertInto('reply').values(row).execute();
    for (const [i, p] of points.entries()) {
      await this.tx.insertInto('reply_point').values({
        id: newId(), reply_id: row.id, ordinal: i + 1, heading: p.heading, text: p.text, responsible_org_id: p.org ? this.org(p.org) : null,
        is_demo: 1, version: 1, created_at: row.created_at, updated_at: row.created_at,
      }).execute();
    }
    return row;
  }

  async rating(s: Sug, reply: ReplyTable, deputy: string, satisfaction: string, on: string, comment: string | null, met = false) {
    await this.tx.insertInto('rating').values({ id: newId(), reply_id: reply.id, suggestion_id: s.id, deputy_id: this.deputyIds[deputy], satisfaction, met_in_person: met ? 1 : 0, comment, rated_at: at(on, 11), is_demo: 1 }).execute();
    const name = DEPUTIES.find((d) => d.key === deputy)!.name;
    await this.event(s, 'rated', at(on, 11), name, { summary: `${name}已评价`, deputyName: name, round: reply.round }, 'deputy');
  }

  async event(s: Sug, kind: string, instant: string, actorName: string, detail: Record<string, unknown>, visibility: 'internal' | 'deputy' | 'public') {
    await this.tx.insertInto('suggestion_event').values({ id: newId(), suggestion_id: s.id, kind, actor_id: null, actor_name: actorName, at: instant, detail_json: JSON.stringify(detail), visibility, is_demo: 1 }).execute();
  }

  async finish(s: Sug, patch: Partial<Sug>) {
    Object.assign(s, patch);
    await this.tx.updateTable('suggestion').set(patch).where('id', '=', s.id).execute();
  }
}

/** Invented suggestions of the sessions between 七届六次 and the current one, each closed as 满意. */
const EARLIER_SUGGESTIONS = [
  {
    number: 36, title: '关于在米山工业园增设夜间公交接驳的建议', category: '交通运输', lead: 'duxiaolin', co: ['like'], unit: '交通运输局', unitName: '高平市交通运输局',
    body: '园区倒班职工夜间下班后出行不便。建议在园区生活区与主要厂区之间开通夜间接驳班车。',
    signer: '周明（演示）', contact: '吴倩（演示）',
    points: [{ heading: '关于开通夜间接驳班车的问题', text: '我局已会同恒通集团开通园区生活区至主要厂区的夜间接驳班车，每晚20:30至23:30每半小时一班。', org: '交通运输局' }],
  },
  {
    number: 72, title: '关于加强园区周边道路交通安全设施的建议', category: '城乡建设', lead: 'sunjianguo', co: ['wangxiumei'], unit: '城市管理局', unitName: '高平市城市管理局',
    body: '米山工业园周边道路重型货车多，学校开学后学生通行安全压力大。建议增设减速带、人行横道和监控设施。',
    signer: '刘建平（演示）', contact: '张红（演示）',
    points: [{ heading: '关于增设交通安全设施的问题', text: '我局已在第十中学周边道路增设减速带6处、人行横道3处和电子监控2处，并在上下学时段安排专人值守。', org: '城市管理局' }],
  },
];

/**
 * The suggestions module's demo data: Gaoping's rule set, the 七届六次 session with No. 187 as the seed has it
 * (feedback left open), and a current session with suggestions in every other state, dated relative to
 * today so that overdue, due soon and the rest stay true whatever day the demo is started.
 */
export async function seedSuggestions(ctx: AppContext, refs: DemoRefs): Promise<void> {
  const crypto = fieldCryptoFor(ctx.config);
  const mc = moduleCalendar(await ctx.calendar.get());
  const today = ctx.clock.today();
  const now = ctx.clock.nowIso();
  const { parsed, intro, closing } = reply187();

  await ctx.db.transaction().execute(async (tx) => {
    const rsRow = {
      id: newId(), name: '高平市人大代表建议办理规则', jurisdiction: '高平市', reply_months: 3, hard_months: 6, co_opinion_months: 1,
      return_window_count: 7, return_window_unit: 'workdays', rereply_months: 1, publish_workdays: 20,
      class_scheme_json: JSON.stringify(NPC_CLASS_SCHEME), class_mark_on_doc: 1, reply_mode: 'per_deputy',
      reminders_json: JSON.stringify(DEFAULT_REMINDERS), is_demo: 1, version: 1, created_at: now, updated_at: now,
    };
    await tx.insertInto('rule_set').values(rsRow).execute();
    const rs: RuleSet = {
      id: rsRow.id, name: rsRow.name, jurisdiction: rsRow.jurisdiction, replyMonths: 3, hardMonths: 6, coOpinionMonths: 1, returnWindowCount: 7,
      returnWindowUnit: 'workdays', rereplyMonths: 1, publishWorkdays: 20, classScheme: NPC_CLASS_SCHEME, classMarkOnDoc: true,
      replyMode: 'per_deputy', reminders: DEFAULT_REMINDERS, isDemo: true, version: 1, updatedAt: now,
    };

    const sessions = demoSessions(today).map((d) => ({
      demo: d,
      row: {
        id: newId(), body: '人大', term: d.term, meeting: d.meetingText, short_name: d.shortName, full_name: d.fullName,
        starts_on: d.startsOn, ends_on: d.endsOn, rule_set_id: rs.id, is_demo: 1, version: 1, created_at: now, updated_at: now,
      },
    }));
    await tx.insertInto('congress_session').values(sessions.map((x) => x.row)).execute();
    const s76 = sessions.find((x) => x.demo.seed)!.row;
    // The session whose suggestions are dated relative to today, so that their deadlines are live on any day.
    const s77 = sessions.find((x) => x.demo.current)!.row;
    const sessionStart = shiftMonths(today, -11);
    // New drafts and submissions go to the latest session.
    const latest = sessions[sessions.length - 1].row;

    const w = new DemoWriter(tx, ctx, refs, mc, rs);
    for (const d of DEPUTIES) {
      const id = newId();
      w.deputyIds[d.key] = id;
      await tx.insertInto('deputy').values({
        id, name: d.name, user_id: d.username ? refs.userIds[d.username] ?? null : null, body: '人大', delegation: d.delegation,
        phone_enc: crypto.encrypt(d.phone), is_demo: 1, version: 1, created_at: now, updated_at: now,
      }).execute();
    }
    const organizer = '赵敏（演示）';

    // ---------------- No. 187, as the seed has it: replied on 2024-08-22, feedback open ----------------
    const s187 = await w.suggestion({
      session_id: s76.id, number: 187, title: parsed.subject ?? '关于提升开发区公共配套服务，优化营商环境的建议', body: SUGGESTION_187_BODY,
      category: '营商环境', state: 'awaiting_feedback', lead: 'gaoyipeng', co: ['like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'],
      createdOn: '2024-01-12', admitted_at: at('2024-02-20', 10),
    });
    await w.event(s187, 'registered', at('2024-01-12', 10), organizer, { summary: '登记第187号建议，4 名附议代表' }, 'deputy');
    await w.event(s187, 'admitted', at('2024-02-20', 10), organizer, { summary: '立案为第187号建议', number: 187 }, 'deputy');
    const co187 = ['恒通集团', '教育局', '公安局', '民政局', '城市管理局', '交通运输局', '开发区管委会'];
    const a187 = await w.assign(s187, '2024-05-23', '工信局', co187, {
      opinionOn: '2024-06-20',
      opinions: {
        恒通集团: '园区商业服务、环境卫生及水电暖气由我集团负责：职工餐厅（1500平方米，可容纳400余人同时用餐）已对外营业，住宿、商超、健身配套已建成；园区绿化全年不少于3.5万平米；水暖电气铺装工程年内投入运营。',
        教育局: '高平市第十中学校项目位于米山镇米西村，按初中十二轨制建设，建成后可满足1800多名学生入学需求，预计年底主体封顶。',
        公安局: '同意与民政局、工信局建立协作联动机制，为开发区新入驻人员提供户籍办理便利。',
        交通运输局: '开发区至市内可乘坐5路公交车，早六点半至晚八点运营，间隔10至15分钟一班。',
      },
    });
    await w.event(s187, 'assigned', at('2024-05-23', 9), organizer, { summary: `交办高平市工业和信息化局主办，${co187.join('、')}协办；答复期限 ${a187.dates.replyDue.date}`, leadUnit: '高平市工业和信息化局', coUnits: co187, assignedOn: '2024-05-23', replyDue: a187.dates.replyDue.date }, 'deputy');
    await w.event(s187, 'accepted', at('2024-05-25', 15), '李晓东（演示）', { summary: '高平市工业和信息化局签收（主办）', unit: '高平市工业和信息化局' }, 'deputy');
    const pointOrgs = ['教育局', '恒通集团', '公安局', '恒通集团', '恒通集团', '开发区管委会'];
    const r187 = await w.reply(s187, 1, {
      state: 'submitted', doc_number: parsed.docNumber, class_code: 'B', signer: '王建军（演示）', contact_person: '李晓东（演示）',
      contact_phone: parsed.contactPhone, intro, closing, reply_date: parsed.date, due_on: s187.reply_due, submitted_at: at('2024-08-22', 16),
      created_at: at('2024-05-25', 15), updated_at: at('2024-08-22', 16),
    }, parsed.points.map((p, i) => ({ heading: p.heading, text: p.text, org: pointOrgs[i] })));
    await w.event(s187, 'reply_submitted', at('2024-08-22', 16), '李晓东（演示）', { summary: `提交第 1 轮答复（${parsed.docNumber}），分类 B`, round: 1, docNumber: parsed.docNumber, classCode: 'B', replyDate: parsed.date, onTime: true }, 'deputy');
    void r187;

    // ---------------- the current (demo) session ----------------
    // In progress and due soon: the reply is due about a week from today.
    const dueSoonOn = shiftMonths(addDays(today, 7), -3);
    const bus = await w.suggestion({
      session_id: s77.id, number: 203, title: '关于加密开发区至市区公交线路班次的建议', category: '交通运输', state: 'in_progress', lead: 'like', co: ['duxiaolin'],
      body: '开发区至市区目前仅有5路公交车，早六点半至晚八点运营，间隔10至15分钟。园区企业实行倒班制，夜班职工下班后无车可乘。建议：一、将5路公交末班延长至晚十点；二、早晚高峰间隔缩短至8分钟；三、增开开发区至高铁站的直达线路。',
      createdOn: sessionStart, admitted_at: at(addDays(sessionStart, 20), 10),
    });
    const aBus = await w.assign(bus, dueSoonOn, '交通运输局', ['开发区管委会'], { opinions: { 开发区管委会: '管委会支持延长末班时间，可协调园区企业错峰通勤数据，供交通运输局编排班次参考。' }, opinionOn: addDays(dueSoonOn, 15) });
    await w.event(bus, 'assigned', at(dueSoonOn, 9), organizer, { summary: `交办高平市交通运输局主办，开发区管委会协办；答复期限 ${aBus.dates.replyDue.date}`, replyDue: aBus.dates.replyDue.date }, 'deputy');
    await w.reply(bus, 1, { contact_phone: null, intro: '关于你们提出的“关于加密开发区至市区公交线路班次的建议”已收悉。经过我们认真研究后，现答复如下：', closing: DEFAULT_CLOSING }, [
      { heading: '关于延长5路公交运营时间的问题', text: '我局已会同公交公司对开发区倒班职工出行需求进行调查，拟自下月起将5路公交末班延长至21:30。', org: '交通运输局' },
    ]);

    // Overdue: assigned four months ago, no reply yet; put under key supervision.
    const school = await w.suggestion({
      session_id: s77.id, number: 156, title: '关于解决园区企业职工子女就近入学的建议', category: '教育科技', state: 'in_progress', lead: 'duxiaolin', co: ['hanzhifeng', 'zhaoliping'],
      body: '随着开发区入驻企业增多，外地职工子女入学需求快速增长，但开发区周边学位不足，职工子女需到城区就读，接送困难。建议教育部门统筹学位资源，为园区企业职工子女提供就近入学保障，并加快在建学校建设进度。',
      createdOn: sessionStart, admitted_at: at(addDays(sessionStart, 20), 10), key_supervision: 1,
    });
    const overdueOn = shiftMonths(today, -4);
    const aSchool = await w.assign(school, overdueOn, '教育局', ['开发区管委会']);
    await w.event(school, 'assigned', at(overdueOn, 9), organizer, { summary: `交办高平市教育局主办，开发区管委会协办；答复期限 ${aSchool.dates.replyDue.date}`, replyDue: aSchool.dates.replyDue.date }, 'deputy');
    await w.event(school, 'key_supervision_on', at(addDays(overdueOn, 30), 10), organizer, { summary: '列为重点督办建议' }, 'deputy');
    const superviseOn = addDays(aSchool.dates.replyDue.date, 3) < today ? addDays(aSchool.dates.replyDue.date, 3) : today;
    await tx.insertInto('supervision_action').values({ id: newId(), suggestion_id: school.id, kind: 'reminder', happened_on: superviseOn, note: '答复期限已过，电话催办教育局，要求说明进展并尽快答复。', actor_id: refs.userIds.organizer ?? null, actor_name: organizer, created_at: at(superviseOn, 10), is_demo: 1 }).execute();
    await w.event(school, 'supervision_action', at(superviseOn, 10), organizer, { summary: `催办（${superviseOn}）`, kind: 'reminder', happenedOn: superviseOn }, 'internal');
    await w.reply(school, 1, { intro: '关于你们提出的“关于解决园区企业职工子女就近入学的建议”已收悉。经过我们认真研究后，现答复如下：' }, []);

    // A return requested by the lead unit, within its window.
    const parkingOn = addDays(today, -2);
    const parking = await w.suggestion({
      session_id: s77.id, number: 221, title: '关于规划建设米山工业园公共停车场的建议', category: '城乡建设', state: 'return_requested', lead: 'sunjianguo', co: ['hanzhifeng'],
      body: '米山工业园职工自驾通勤车辆逐年增多，园区道路两侧停车占道严重，影响货运车辆通行和消防安全。建议在园区规划建设公共停车场，并完善停车管理。',
      createdOn: sessionStart, admitted_at: at(addDays(sessionStart, 20), 10),
    });
    const aParking = await w.assign(parking, parkingOn, '工信局', ['恒通集团'], { accepted: false });
    await tx.updateTable('assignment').set({ state: 'return_requested', return_reason: '公共停车场的规划建设和停车管理属城市管理局、自然资源局职责，本局不具备办理条件，申请退办并建议改交城市管理局主办。', return_requested_at: at(addDays(parkingOn, 1), 11) }).where('id', '=', aParking.rows[0].id).execute();
    await w.event(parking, 'assigned', at(parkingOn, 9), organizer, { summary: `交办高平市工业和信息化局主办，恒通集团协办；答复期限 ${aParking.dates.replyDue.date}`, replyDue: aParking.dates.replyDue.date }, 'deputy');
    await w.event(parking, 'return_requested', at(addDays(parkingOn, 1), 11), '李晓东（演示）', { summary: '高平市工业和信息化局申请退办', unit: '高平市工业和信息化局' }, 'internal');

    // Re-handling after a 不满意: round 2 due one month after the ratings.
    const jobsOn = shiftMonths(today, -5);
    const jobs = await w.suggestion({
      session_id: s77.id, number: 98, title: '关于加强园区企业用工服务保障的建议', category: '社会保障', state: 'rehandling', round: 2, lead: 'hanzhifeng', co: ['wanjianqin', 'zhaoliping'],
      body: '开发区新投产企业普遍存在招工难、技工缺的问题，部分企业一线岗位缺员三成以上。建议：一、建立园区用工信息共享平台；二、联合职业院校开展订单式培训；三、为外地来园职工提供租房补贴。',
      createdOn: sessionStart, admitted_at: at(addDays(sessionStart, 20), 10), final_satisfaction: 'dissatisfied',
    });
    const aJobs = await w.assign(jobs, jobsOn, '工信局', ['开发区管委会'], { opinions: { 开发区管委会: '管委会可依托平台公司建设园区用工信息发布栏目，并协调职业院校对接企业需求。' } });
    const replied1 = addDays(today, -40);
    const rated = addDays(today, -20);
    await w.event(jobs, 'assigned', at(jobsOn, 9), organizer, { summary: `交办高平市工业和信息化局主办，开发区管委会协办；答复期限 ${aJobs.dates.replyDue.date}`, replyDue: aJobs.dates.replyDue.date }, 'deputy');
    const jobsPoints = [
      { heading: '关于建立园区用工信息共享平台的问题', text: '我局将会同开发区管委会在平台公司网站开设园区用工信息专栏，定期发布企业岗位需求。', org: '开发区管委会' },
      { heading: '关于开展订单式培训的问题', text: '我局正与本地职业院校对接，计划下半年组织一期数控、焊接等工种的订单式培训。', org: '工信局' },
    ];
    const jobsR1 = await w.reply(jobs, 1, {
      state: 'submitted', class_code: 'B', signer: '王建军（演示）', contact_person: '李晓东（演示）', contact_phone: '5241566',
      intro: '关于你们提出的“关于加强园区企业用工服务保障的建议”已收悉。经过我们认真研究后，现答复如下：', reply_date: replied1, due_on: jobs.reply_due,
      submitted_at: at(replied1, 16), created_at: at(addDays(jobsOn, 2), 15), updated_at: at(replied1, 16),
    }, jobsPoints);
    await w.event(jobs, 'reply_submitted', at(replied1, 16), '李晓东（演示）', { summary: '提交第 1 轮答复，分类 B', round: 1, classCode: 'B', replyDate: replied1, onTime: replied1 <= (jobs.reply_due ?? replied1) }, 'deputy');
    await w.rating(jobs, jobsR1, 'wanjianqin', 'basically_satisfied', addDays(rated, -3), '培训计划可行，希望尽快落实。');
    await w.rating(jobs, jobsR1, 'zhaoliping', 'satisfied', addDays(rated, -1), null);
    await w.rating(jobs, jobsR1, 'hanzhifeng', 'dissatisfied', rated, '答复未回应租房补贴问题，用工信息平台也没有明确上线时间。', true);
    const due2 = rereplyDue(mc, rs, rated, 2);
    await w.finish(jobs, { reply_due: due2.date, due_explain_json: JSON.stringify({ ...JSON.parse(jobs.due_explain_json!), replyDue: due2 }) });
    await w.event(jobs, 'rehandling', at(rated, 11, 5), '系统', { summary: `有代表评价不满意，转入第 2 轮办理，期限 ${due2.date}`, round: 2, replyDue: due2.date }, 'deputy');
    await w.reply(jobs, 2, {
      class_code: 'B', signer: '王建军（演示）', contact_person: '李晓东（演示）', contact_phone: '5241566',
      intro: '关于你们提出的“关于加强园区企业用工服务保障的建议”已收悉。经过我们认真研究后，现答复如下：', created_at: at(rated, 11, 5), updated_at: at(rated, 11, 5),
    }, jobsPoints);

    // Closed, with its reply published (the publication module refines redaction; no private numbers here).
    const sewageOn = shiftMonths(today, -9);
    const sewage = await w.suggestion({
      session_id: s77.id, number: 45, title: '关于完善开发区污水处理设施的建议', category: '生态环境', state: 'closed', lead: 'wangxiumei', co: ['gaoyipeng'],
      body: '开发区部分企业污水经预处理后仍需罐车外运，园区污水管网尚未与市政管网连通。建议加快园区污水管网建设，推进园区污水处理厂扩容。',
      createdOn: sessionStart, admitted_at: at(addDays(sessionStart, 20), 10), final_satisfaction: 'satisfied',
    });
    const aSewage = await w.assign(sewage, sewageOn, '城市管理局', ['恒通集团'], { opinions: { 恒通集团: '恒通集团负责园区管网铺装，已完成园区主干管网设计，可与市政管网同步施工。' } });
    await w.event(sewage, 'assigned', at(sewageOn, 9), organizer, { summary: `交办高平市城市管理局主办，恒通集团协办；答复期限 ${aSewage.dates.replyDue.date}`, replyDue: aSewage.dates.replyDue.date }, 'deputy');
    const sewageReplied = addDays(sewageOn, 50);
    const sewagePoints = [
      { heading: '关于园区污水管网建设的问题', text: '园区污水主干管网已纳入年度城建计划，由恒通集团负责铺装，与市政管网连通工程同步实施，计划年内完工。', org: '恒通集团' },
      { heading: '关于园区污水处理厂扩容的问题', text: '园区污水处理厂扩容工程已完成可行性研究，扩容后日处理能力由5000吨提高到1万吨，可满足入驻企业排水需求。', org: '城市管理局' },
    ];
    const sewageIntro = '关于你们提出的“关于完善开发区污水处理设施的建议”已收悉。经过我们认真研究后，现答复如下：';
    const sewageR = await w.reply(sewage, 1, {
      state: 'submitted', class_code: 'A', signer: '刘建平（演示）', contact_person: '张红（演示）', contact_phone: null,
      intro: sewageIntro, reply_date: sewageReplied, due_on: sewage.reply_due, submitted_at: at(sewageReplied, 16),
      created_at: at(addDays(sewageOn, 2), 15), updated_at: at(addDays(sewageReplied, 15), 10),
      publication_state: 'published', published_at: at(addDays(sewageReplied, 15), 10),
      published_json: JSON.stringify({
        title: `关于市人大${s77.short_name}会议第45号建议的答复`, unitName: '高平市城市管理局', docNumber: null, replyDate: sewageReplied, classCode: 'A',
        intro: sewageIntro, points: sewagePoints.map((p, i) => ({ ordinal: i + 1, heading: p.heading, text: p.text })), closing: DEFAULT_CLOSING,
      }),
      redactions_json: JSON.stringify([]),
    }, sewagePoints);
    await w.event(sewage, 'reply_submitted', at(sewageReplied, 16), '张红（演示）', { summary: '提交第 1 轮答复，分类 A', round: 1, classCode: 'A', replyDate: sewageReplied, onTime: true }, 'deputy');
    await w.rating(sewage, sewageR, 'wangxiumei', 'satisfied', addDays(sewageReplied, 7), '答复具体，期待工程早日完工。', true);
    await w.rating(sewage, sewageR, 'gaoyipeng', 'satisfied', addDays(sewageReplied, 8), null);
    await w.finish(sewage, { closed_at: at(addDays(sewageReplied, 8), 11, 5) });
    await w.event(sewage, 'closed', at(addDays(sewageReplied, 8), 11, 5), '系统', { summary: '全体代表已评价（满意），建议办结', outcome: 'satisfied', round: 1 }, 'deputy');

    // Submitted by a deputy, awaiting admission (numbers are given when admitted).
    const hukou = await w.suggestion({
      session_id: latest.id, title: '关于在开发区设立户籍业务便民服务点的建议', category: '社会治理', state: 'submitted', lead: 'liuzhiqiang', co: ['like'],
      body: '开发区入驻企业新招职工多为外地人员，办理落户、居住证等户籍业务需往返城区派出所。建议在开发区政务服务中心设立户籍业务便民服务点，实行“区内事、区内办”。',
      createdOn: addDays(today, -3),
    });
    await w.event(hukou, 'submitted', at(addDays(today, -3), 10), '刘志强', { summary: '建议已提交，等待立案' }, 'deputy');

    // A draft whose lead deputy invited a colleague, who has not answered yet.
    const gym = await w.suggestion({
      session_id: latest.id, title: '关于在米山工业园增设职工健身场地的建议', category: '社会保障', state: 'draft', lead: 'gaoyipeng', co: ['like'], coStatus: 'invited',
      body: '米山工业园现有健身设施规模较小，难以满足数千名职工的健身需求。建议利用园区闲置地块建设职工健身广场和篮球场，并向周边群众开放。',
      createdOn: addDays(today, -1), submitted_at: null,
    });
    await w.event(gym, 'created', at(addDays(today, -1), 10), '郜义鹏', { summary: '起草建议' }, 'deputy');
    await w.event(gym, 'signer_invited', at(addDays(today, -1), 10, 5), '郜义鹏', { summary: '邀请附议：李科', deputyName: '李科' }, 'deputy');

    // Not admitted, with its reason.
    const notAdmitted = await w.suggestion({
      session_id: s77.id, title: '关于为个人房产纠纷协调处理的建议', category: '其他', state: 'not_admitted', lead: 'zhaoliping', co: [],
      body: '本人亲属与某开发商存在购房合同纠纷，多次协商未果，希望有关部门出面协调处理。',
      createdOn: addDays(sessionStart, 5), not_admitted_reason: '所提事项属个人民事纠纷，不属于代表建议范围，已转有关部门按信访程序办理。',
    });
    await w.event(notAdmitted, 'not_admitted', at(addDays(sessionStart, 20), 10), organizer, { summary: '不予立案', reason: notAdmitted.not_admitted_reason }, 'deputy');

    // Sessions between No. 187's and the current one: a suggestion each, handled and closed within the year.
    let earlier = 0;
    for (const [i, { demo, row }] of sessions.entries()) {
      if (demo.seed || demo.current) continue;
      const t = EARLIER_SUGGESTIONS[i % EARLIER_SUGGESTIONS.length];
      const start = demo.startsOn;
      const assignedOn = addDays(start, 45);
      const replied = addDays(assignedOn, 60);
      const rated = addDays(replied, 10);
      if (rated > today) continue;
      const s = await w.suggestion({
        session_id: row.id, number: t.number, title: t.title, body: t.body, category: t.category, state: 'closed', lead: t.lead, co: t.co,
        createdOn: addDays(start, 2), admitted_at: at(addDays(start, 20), 10), final_satisfaction: 'satisfied',
      });
      await w.event(s, 'admitted', at(addDays(start, 20), 10), organizer, { summary: `立案为第${t.number}号建议`, number: t.number }, 'deputy');
      const a = await w.assign(s, assignedOn, t.unit, []);
      await w.event(s, 'assigned', at(assignedOn, 9), organizer, { summary: `交办${t.unitName}主办；答复期限 ${a.dates.replyDue.date}`, replyDue: a.dates.replyDue.date }, 'deputy');
      const intro = `关于你们提出的“${t.title}”已收悉。经过我们认真研究后，现答复如下：`;
      const r = await w.reply(s, 1, {
        state: 'submitted', class_code: 'A', signer: t.signer, contact_person: t.contact, contact_phone: null, intro, reply_date: replied, due_on: s.reply_due,
        submitted_at: at(replied, 16), created_at: at(addDays(assignedOn, 2), 15), updated_at: at(addDays(replied, 12), 10),
        publication_state: 'published', published_at: at(addDays(replied, 12), 10), published_json: null, redactions_json: JSON.stringify([]),
      }, t.points);
      await w.event(s, 'reply_submitted', at(replied, 16), t.contact, { summary: '提交第 1 轮答复，分类 A', round: 1, classCode: 'A', replyDate: replied, onTime: true }, 'deputy');
      await w.rating(s, r, t.lead, 'satisfied', rated, '答复具体，措施已落实。');
      for (const c of t.co) await w.rating(s, r, c, 'satisfied', rated, null);
      await w.finish(s, { closed_at: at(rated, 11, 5) });
      await w.event(s, 'closed', at(rated, 11, 5), '系统', { summary: '全体代表已评价（满意），建议办结', outcome: 'satisfied', round: 1 }, 'deputy');
      earlier++;
    }

    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed_suggestions', entityType: 'system', entityId: null, after: { sessions: sessions.length, deputies: DEPUTIES.length, suggestions: 9 + earlier } });
  });
}
