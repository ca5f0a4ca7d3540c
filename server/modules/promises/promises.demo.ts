/**
 * Demo promises (is_demo = 1). No. 187's reply (高工信发〔2024〕37号, 2024-08-22) is read by the extractor as it
 * would be on submission; 工信局 then confirms the dated promises named in the reply — the school's 主体封顶,
 * the greening target, the utilities, the 163 亩 transfer, the 80,000 m² standard factories — and the open-ended
 * 下一步 ones, leaving the rest as proposals to review. What happened afterwards (progress, the transfer done on
 * 2024-08-30, the school topped out in December, the utilities slipped to spring) is INVENTED for the demo and
 * every note says so; only the steps dated up to today are applied, so a clock set in 2024 sees the story so far.
 * No. 45's published reply carries two promises so that the public ledger has something.
 *
 * One fact, entered once: the school's 主体封顶, the greening target, the standard factories and the utilities
 * are linked to where their progress is kept (the school project's 主体封顶 milestone, the year's greening
 * target, the factory project, the utilities project; looked up by name). Their progress, status and done date
 * are then read from there, so the demo records no progress of its own for them, and a deputy's rating is only
 * seeded when the source bears it out on the rating's day (a 兑现 for a milestone not met would contradict it).
 */
import type { AppContext } from '../../platform/context.js';
import type { DemoRefs } from '../../demo/modules.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { addDays } from '../../../domain/calendar/dates.js';
import { FACTORY_NAME, SCHOOL_NAME, UTILITIES_NAME } from '../projects/projects.demo.js';
import { PromisesCore, diff } from './promises.core.js';
import { PromiseSources, sourceKey, type SourceFact, type SourceKind } from './promise-sources.js';
import { ProposalsService, squeeze } from './proposals.service.js';
import type { PromiseTable } from './promises.tables.js';

const DEMO = '（演示）';
/** An instant on a calendar day, Beijing time. */
const at = (date: string, hh = 10, mm = 0) => new Date(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`).toISOString();

interface Who { userId: string | null; name: string; org: string }

type Step =
  | { on: string; by: Who; kind: 'progress'; progress: number; achieved?: number; note: string }
  | { on: string; by: Who; kind: 'done'; note: string; achieved?: number; evidence?: string }
  | { on: string; by: Who; kind: 'slipped'; newDue: string; reason: string }
  | { on: string; by: Who; kind: 'evidence'; note: string }
  | { on: string; kind: 'rating'; deputy: string; rating: 'kept' | 'partly' | 'not_kept'; comment?: string; /** Only if the source shows it done by then. */ ifDone?: boolean };

/** A demo source: its kind, id and what it says now (read before the seeding transaction). */
interface Source { kind: SourceKind; id: string; fact: SourceFact }

class DemoPromises {
  private core: PromisesCore;
  readonly orgIds: Record<string, string>;

  constructor(readonly tx: Tx, readonly ctx: AppContext, readonly refs: DemoRefs) {
    this.core = new PromisesCore(ctx);
    this.orgIds = refs.orgIds;
  }

  who(username: string, name: string, org: string): Who {
    return { userId: this.refs.userIds[username] ?? null, name, org };
  }

  async replyOf(number: number) {
    return this.tx.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
      .select(['r.id', 'r.submitted_at', 'r.reply_date', 's.id as suggestion_id'])
      .where('s.number', '=', number).where('s.is_demo', '=', 1).where('r.round', '=', 1).where('r.state', '=', 'submitted').executeTakeFirst();
  }

  /** Proposes the reply's promises as submission would have, dated just after the reply was submitted. */
  async propose(replyId: string, when: string) {
    await new ProposalsService(this.core).proposeForReply(replyId, { system: '系统' }, 'demo', this.tx);
    await this.tx.updateTable('promise').set({ created_at: when, updated_at: when, is_demo: 1 }).where('reply_id', '=', replyId).execute();
    const ids = (await this.tx.selectFrom('promise').select('id').where('reply_id', '=', replyId).execute()).map((r) => r.id);
    if (ids.length) await this.tx.updateTable('promise_event').set({ at: when, is_demo: 1 }).where('promise_id', 'in', ids).execute();
    await this.tx.updateTable('promise_extraction').set({ ran_at: when, trigger: 'submit' }).where('reply_id', '=', replyId).execute();
  }

  async find(replyId: string, words: string): Promise<PromiseTable> {
    const rows = await this.tx.selectFrom('promise').selectAll().where('reply_id', '=', replyId).execute();
    const hit = rows.find((r) => squeeze(r.source_text).includes(squeeze(words)));
    if (!hit) throw new Error(`demo promise not found: ${words}`);
    return hit;
  }

  private async event(p: PromiseTable, kind: string, by: Who | null, when: string, changes: Array<{ field: string; before: unknown; after: unknown }> | null, note: string | null, internal = false) {
    await this.tx.insertInto('promise_event').values({
      id: newId(), promise_id: p.id, kind, actor_id: by?.userId ?? null, actor_name: by?.name ?? '系统', actor_org_name: by?.org ?? null, at: when,
      changes_json: changes && changes.length ? JSON.stringify(changes) : null, note, internal: internal ? 1 : 0, is_demo: 1,
    }).execute();
  }

  private async save(p: PromiseTable, patch: Partial<PromiseTable>, when: string): Promise<PromiseTable> {
    const next = { ...p, ...patch, version: p.version + 1, updated_at: when };
    await this.tx.updateTable('promise').set({ ...patch, version: next.version, updated_at: when }).where('id', '=', p.id).execute();
    return next;
  }

  async confirm(p: PromiseTable, by: Who, when: string, o: { owner?: string; project?: string; text?: string; due?: string | null; status?: 'planned' | 'in_progress' | 'done'; target?: { value: number; unit: string; comparator: string }; note?: string }) {
    const ownerId = o.owner ? this.orgIds[o.owner] : p.owner_org_id;
    const project = o.project ? await this.tx.selectFrom('project').select(['id', 'name']).where('name', '=', o.project).executeTakeFirst() : undefined;
    const status = o.status ?? 'planned';
    const due = o.due !== undefined ? o.due : p.due;
    const patch: Partial<PromiseTable> = {
      owner_org_id: ownerId, project_id: project?.id ?? p.project_id, text: o.text ?? p.text, due, open_ended: due ? 0 : 1, original_due: due,
      status, progress: status === 'done' ? 100 : 0, done_on: status === 'done' ? p.done_on : null, achieved_value: status === 'done' ? p.achieved_value : null,
      confirmed: 1, confirmed_at: when, confirmed_by: by.userId,
      ...(o.due !== undefined && o.due !== p.due ? { due_rule: '由承办单位确认' } : {}),
      ...(o.target ? { target_value: o.target.value, target_unit: o.target.unit, target_comparator: o.target.comparator } : {}),
    };
    const ownerName = async (id: string) => (await this.tx.selectFrom('org_unit').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
    const changes = diff(
      { text: p.text, due: p.due, owner: await ownerName(p.owner_org_id), project: null, status: p.status },
      { text: patch.text, due, owner: await ownerName(ownerId), project: project?.name ?? null, status },
    );
    await this.event(p, 'confirmed', by, when, changes, o.note ?? null);
    return this.save(p, patch, when);
  }

  /** Links the promise to where its progress is kept (see `PromiseSources`). */
  async link(p: PromiseTable, by: Who, when: string, src: Source | undefined): Promise<PromiseTable> {
    if (!src) return p;
    const patch: Partial<PromiseTable> = { source_kind: src.kind, source_id: src.id, ...(src.fact.projectId && src.kind !== 'facility' ? { project_id: src.fact.projectId } : {}) };
    await this.event(p, 'linked', by, when, [{ field: 'source', before: null, after: `${src.fact.kindLabel}：${src.fact.name}` }], '进度、状态和完成日期以关联来源为准，不再另行填报。');
    return this.save(p, patch, when);
  }

  /** Applies the demo timeline; returns the promise as it ends. */
  async play(p: PromiseTable, steps: Step[], src?: Source): Promise<PromiseTable> {
    let cur = p;
    // The story as of today: on a clock set earlier (tests), later steps have not happened yet.
    for (const s of steps.filter((x) => x.on <= this.ctx.clock.today())) {
      const when = at(s.on, 10, 30);
      if (src && (s.kind === 'progress' || s.kind === 'done')) throw new Error('a linked demo promise takes its progress from its source');
      if (s.kind === 'rating') {
        // A rating the source does not bear out (not done, or done only later) is not seeded.
        if (src && (s.ifDone || s.rating === 'kept') && !(src.fact.done && src.fact.doneOn !== null && src.fact.doneOn <= s.on)) continue;
        const d = await this.tx.selectFrom('deputy').select(['id']).where('name', '=', s.deputy).executeTakeFirstOrThrow();
        await this.tx.insertInto('delivery_rating').values({
          id: newId(), promise_id: cur.id, suggestion_id: cur.suggestion_id, deputy_id: d.id, rating: s.rating, comment: s.comment ?? null,
          promise_version: cur.version, promise_status: src?.fact.done ? 'done' : cur.status, rated_at: at(s.on, 15), is_demo: 1,
        }).execute();
        await this.event(cur, 'rated', { userId: null, name: s.deputy, org: '人大代表' }, at(s.on, 15), [{ field: 'rating', before: null, after: s.rating }], s.comment ?? null, true);
        continue;
      }
      if (s.kind === 'progress') {
        const status = cur.status === 'planned' ? 'in_progress' : cur.status;
        await this.event(cur, 'progress', s.by, when, diff({ status: cur.status, progress: cur.progress, achievedValue: cur.achieved_value }, { status, progress: s.progress, achievedValue: s.achieved ?? cur.achieved_value }), s.note + DEMO);
        cur = await this.save(cur, { progress: s.progress, status, ...(s.achieved !== undefined ? { achieved_value: s.achieved } : {}) }, when);
      } else if (s.kind === 'done') {
        await this.event(cur, 'status', s.by, when, diff({ status: cur.status, progress: cur.progress, doneOn: cur.done_on, achievedValue: cur.achieved_value }, { status: 'done', progress: 100, doneOn: s.on, achievedValue: s.achieved ?? cur.achieved_value }), s.note + DEMO);
        cur = await this.save(cur, { status: 'done', progress: 100, done_on: s.on, status_reason: null, ...(s.achieved !== undefined ? { achieved_value: s.achieved } : {}) }, when);
        if (s.evidence) await this.evidence(cur, s.by, s.on, s.evidence);
      } else if (s.kind === 'slipped') {
        await this.event(cur, 'status', s.by, when, diff({ status: cur.status, due: cur.due }, { status: 'slipped', due: s.newDue }), s.reason + DEMO);
        cur = await this.save(cur, { status: 'slipped', due: s.newDue, due_rule: `延期：${s.reason}${DEMO}`, status_reason: s.reason + DEMO, original_due: cur.original_due ?? cur.due }, when);
      } else {
        await this.evidence(cur, s.by, s.on, s.note);
        cur = await this.save(cur, {}, when);
      }
    }
    return cur;
  }

  private async evidence(p: PromiseTable, by: Who, on: string, note: string) {
    await this.tx.insertInto('promise_evidence').values({
      id: newId(), promise_id: p.id, note: note + DEMO, file_id: null, happened_on: on, internal: 0, created_by: by.userId, created_by_name: by.name,
      created_at: at(on, 11), voided_at: null, voided_by: null, void_reason: null, is_demo: 1, version: 1,
    }).execute();
    await this.event(p, 'evidence', by, at(on, 11), null, `${on}：${note}${DEMO}`);
  }

  async discard(p: PromiseTable, by: Who, when: string, reason: string) {
    await this.event(p, 'discarded', by, when, [{ field: 'discarded', before: false, after: true }], reason, true);
    return this.save(p, { discarded: 1, discarded_at: when, discarded_by: by.userId, discard_reason: reason }, when);
  }
}

/** The demo sources, by name, with what they say now. Read before the seeding transaction (one connection on SQLite). */
async function demoSources(ctx: AppContext) {
  const project = async (name: string) => (await ctx.db.selectFrom('project').select('id').where('name', '=', name).executeTakeFirst())?.id;
  const school = await project(SCHOOL_NAME);
  const milestone = school
    ? (await ctx.db.selectFrom('project_milestone').select('id').where('project_id', '=', school).where('name', '=', '主体封顶').executeTakeFirst())?.id
    : undefined;
  const greening = (await ctx.db.selectFrom('greening_year').select('id').where('year', '=', 2024).executeTakeFirst())?.id;
  const refs: Array<[string, SourceKind, string | undefined]> = [
    ['school', 'milestone', milestone], ['greening', 'greening', greening], ['factories', 'project', await project(FACTORY_NAME)], ['utilities', 'project', await project(UTILITIES_NAME)],
  ];
  const facts = await new PromiseSources(ctx).facts(refs.filter((r) => r[2]).map(([, kind, id]) => ({ source_kind: kind, source_id: id! })));
  const out: Record<string, Source | undefined> = {};
  for (const [key, kind, id] of refs) {
    const fact = id ? facts.get(sourceKey(kind, id)) : undefined;
    out[key] = fact ? { kind, id: id!, fact } : undefined;
  }
  return out;
}

export async function seedPromises(ctx: AppContext, refs: DemoRefs): Promise<void> {
  const src = await demoSources(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const d = new DemoPromises(tx, ctx, refs);
    const gongxin = d.who('gongxin', '李晓东（演示）', '高平市工业和信息化局');
    const jiaoyu = d.who('jiaoyu', '陈静（演示）', '高平市教育局');
    const hengtong = d.who('hengtong', '王磊（演示）', '恒通集团');
    const zone = d.who('zone', '张伟（演示）', '高平经济技术开发区管委会');
    let confirmed = 0;

    // ---------------- No. 187 (the seed reply) ----------------
    const r187 = await d.replyOf(187);
    if (r187) {
      const submitted = r187.submitted_at ?? at('2024-08-22', 16);
      await d.propose(r187.id, new Date(Date.parse(submitted) + 5 * 60_000).toISOString());
      const on = at('2024-08-26', 9, 40);

      const school = await d.link(await d.confirm(await d.find(r187.id, '预计年底主体封顶'), gongxin, on, {
        owner: '高平市教育局', project: SCHOOL_NAME, text: '高平市第十中学校项目年底主体封顶',
        note: '学校建设由教育局负责，关联重点项目“高平市第十中学建设项目”的“主体封顶”里程碑。',
      }), gongxin, on, src.school);
      await d.play(school, [
        { on: '2025-01-06', kind: 'rating', deputy: '李科', rating: 'kept', comment: '主体按期封顶，希望秋季按时开学。' },
      ], src.school);

      const greening = await d.link(await d.confirm(await d.find(r187.id, '全年不少于3.5万平米'), gongxin, on, { owner: '恒通集团' }), gongxin, on, src.greening);
      await d.play(greening, [
        { on: '2024-12-30', kind: 'rating', deputy: '杜小林', rating: 'kept' },
        { on: '2025-01-03', kind: 'rating', deputy: '韩志峰', rating: 'partly', comment: '面积达标，但部分新植苗木养护不到位。', ifDone: true },
      ], src.greening);

      const utilities = await d.link(await d.confirm(await d.find(r187.id, '年内投入运营'), gongxin, on, { owner: '恒通集团', project: UTILITIES_NAME }), gongxin, on, src.utilities);
      await d.play(utilities, [
        { on: '2024-12-27', by: hengtong, kind: 'slipped', newDue: '2025-04-30', reason: '供热管网冬季冻土施工受限，试压调试推迟至来年开春' },
      ], src.utilities);

      const transfer = await d.confirm(await d.find(r187.id, '有望8月份顺利出让'), gongxin, on, { owner: '高平经济技术开发区管委会', text: '163亩工业用地“标准地”8月份顺利出让' });
      await d.play(transfer, [
        { on: '2024-08-30', by: zone, kind: 'done', note: '163亩工业用地以“标准地”方式挂牌出让成交', evidence: '163亩工业用地挂牌出让成交确认书' },
        { on: '2024-09-05', kind: 'rating', deputy: '李科', rating: 'kept' },
        { on: '2024-09-06', kind: 'rating', deputy: '杜小林', rating: 'kept', comment: '出让及时，地证同交做得好。' },
      ]);

      const factories = await d.link(await d.confirm(await d.find(r187.id, '8万平方米标准化厂房已全面开工'), gongxin, on, {
        owner: '高平经济技术开发区管委会', project: FACTORY_NAME, status: 'in_progress', due: null,
        text: '今年计划建设的8万平方米标准化厂房（已全面开工）建成交付',
        note: '答复只说“已全面开工”，未写明建成时间：按无明确时限的承诺跟踪建设进度。',
      }), gongxin, on, src.factories);
      await d.play(factories, [], src.factories);

      const greenNext = await d.confirm(await d.find(r187.id, '持续加大绿化美化力度'), gongxin, on, { owner: '恒通集团' });
      await d.play(greenNext, [{ on: '2024-11-20', by: hengtong, kind: 'progress', progress: 20, note: '完成园区三处小微景观设计' }]);
      await d.confirm(await d.find(r187.id, '持续优化城乡一体化环卫管理体系'), gongxin, on, {
        owner: '高平市城市管理局', note: '城乡环卫一体化由城市管理局牵头（答复原文为“高平市”）。',
      });
      await d.confirm(await d.find(r187.id, '用心用情用力打造宾至如归的亲商家园'), gongxin, on, { owner: '高平经济技术开发区管委会' });
      confirmed += 8;
    }

    // ---------------- No. 45 (published): relative to its reply date, like the suggestion itself ----------------
    const r45 = await d.replyOf(45);
    if (r45) {
      const submitted = r45.submitted_at ?? at(ctx.clock.today(), 9);
      await d.propose(r45.id, new Date(Date.parse(submitted) + 5 * 60_000).toISOString());
      const replied = r45.reply_date ?? ctx.clock.today();
      const chengguan: Who = { userId: null, name: '张红（演示）', org: '高平市城市管理局' };
      const on = at(addDays(replied, 3), 9, 30);
      const network = await d.confirm(await d.find(r45.id, '计划年内完工'), chengguan, on, { owner: '恒通集团', text: '园区污水主干管网铺装，与市政管网连通工程同步实施，年内完工' });
      await d.play(network, [
        { on: addDays(replied, 30), by: hengtong, kind: 'progress', progress: 25, note: '主干管网沟槽开挖完成 1.2 公里' },
        { on: addDays(replied, 90), by: hengtong, kind: 'progress', progress: 55, note: '主干管网铺设过半，市政连通段开工' },
        { on: addDays(replied, 150), by: hengtong, kind: 'progress', progress: 80, note: '主干管网铺设完成，进入闭水试验' },
      ]);
      const expansion = await d.find(r45.id, '扩容工程已完成可行性研究');
      await d.confirm(expansion, chengguan, on, {
        owner: '高平市城市管理局', status: 'planned', due: null, target: { value: 10000, unit: '吨/日', comparator: '>=' },
        text: '园区污水处理厂扩容，日处理能力由5000吨提高到1万吨',
        note: '答复称可行性研究已完成，扩容本身尚未完成：按无明确时限的承诺跟踪。',
      });
      confirmed += 2;
    }

    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed.promises', entityType: 'promise', entityId: null, after: { confirmed } });
  });
}
