/**
 * Test data for the documents module: replies made through the importer (as a person would bring them in),
 * with a rule set when the database has none yet. Used by tests and the permission matrix only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { TestEnv } from '../../testing/harness.js';
import type { z } from 'zod';
import type { ImportBody } from './import.schemas.js';
import { renderReplyDocx } from '../../platform/docgen/reply-docx.js';
import { seed187 } from '../../platform/docgen/fixtures/seed-187.js';

export const SEED_FILE = fileURLToPath(new URL('../../../domain/text/fixtures/replies/seed-187.txt', import.meta.url));
export const seedText = () => readFileSync(SEED_FILE);

let counter = 0;
/** A suggestion number no other fixture uses. */
export const freshNumber = () => 5000 + (counter++);

/** The Actor of a demo account, for calling services directly. */
export async function actorOf(env: Pick<TestEnv, 'ctx'>, username: string): Promise<Actor> {
  const u = await env.ctx.db.selectFrom('app_user').leftJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.role', 'app_user.org_unit_id', 'org_unit.name as org_name'])
    .where('app_user.username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, displayName: u.display_name, role: u.role as Actor['role'], orgUnitId: u.org_unit_id, orgUnitName: u.org_name };
}

/** A rule set for new sessions when the demo data brought none. */
export async function ensureRuleSet(env: Pick<TestEnv, 'ctx'>, opts: { mode?: 'joint' | 'per_deputy'; classMark?: boolean } = {}) {
  const any = await env.ctx.db.selectFrom('rule_set').select('id').limit(1).executeTakeFirst();
  if (any) return any.id;
  const now = env.ctx.clock.nowIso();
  const id = newId();
  await env.ctx.db.insertInto('rule_set').values({
    id, name: '文书测试规则', jurisdiction: '高平市', reply_months: 3, hard_months: 6, co_opinion_months: 1, return_window_count: 7,
    return_window_unit: 'workdays', rereply_months: 1, publish_workdays: 20,
    class_scheme_json: JSON.stringify([{ code: 'A', label: '所提问题已经解决或基本解决' }, { code: 'B', label: '所提问题列入计划拟解决' }, { code: 'C', label: '所提问题因条件限制暂时难以解决' }, { code: 'D', label: '所提问题留作参考' }]),
    class_mark_on_doc: opts.classMark === false ? 0 : 1, reply_mode: opts.mode ?? 'joint',
    reminders_json: JSON.stringify([{ kind: 'before', workdays: 10 }]), is_demo: 0, version: 1, created_at: now, updated_at: now,
  }).execute();
  return id;
}

/** The fields of the seed reply as the import form sends them, under another number unless given. */
export function seedImportBody(over: Partial<z.input<typeof ImportBody>> = {}): z.input<typeof ImportBody> {
  return {
    fileName: 'seed-187.txt',
    docNumber: null,
    issuingOrgan: seed187.issuingOrgan,
    congress: '人大',
    session: '七届六次',
    suggestionNumber: freshNumber(),
    kind: '建议',
    proposers: [...seed187.addressees],
    subject: '关于提升开发区公共配套服务，优化营商环境的建议',
    intro: seed187.intro,
    points: seed187.points.slice(0, 2).map((p) => ({ heading: p.heading, text: p.text })),
    closing: seed187.closing,
    replyClass: null,
    date: '2024-07-22',
    contactPerson: null,
    contactPhone: '5241566',
    state: 'closed',
    ...over,
  };
}

/** A submitted reply of 工信局 to the five deputies of No. 187 (under a fresh number), made by the organizer. */
export async function importedReply(env: TestEnv, over: Partial<z.input<typeof ImportBody>> = {}) {
  await ensureRuleSet(env);
  const organizer = await actorOf(env, 'organizer');
  const body = seedImportBody(over);
  return env.app.services.documents.importer.confirm(organizer, body as z.infer<typeof ImportBody>);
}

let seedDocx: Promise<Buffer> | undefined;
/** The seed reply rendered once. */
export const seedReplyDocx = () => (seedDocx ??= renderReplyDocx(seed187));

type Preview = Awaited<ReturnType<TestEnv['app']['services']['documents']['importer']['preview']>>;

/** The import form's fields from the server's preview, as a person confirms them unchanged. */
export function previewToBody(p: Preview, over: Partial<z.input<typeof ImportBody>> = {}): z.infer<typeof ImportBody> {
  return {
    fileName: p.fileName, docNumber: p.parsed.docNumber, issuingOrgan: p.parsed.issuingOrgan, congress: p.parsed.congress ?? '人大',
    session: p.parsed.session ?? '', suggestionNumber: p.parsed.suggestionNumber ?? 0, kind: '建议', proposers: p.parsed.proposers,
    subject: p.parsed.subject ?? '', intro: p.intro, points: p.parsed.points.map((x) => ({ heading: x.heading, text: x.text })), closing: p.closing,
    replyClass: p.parsed.replyClass, date: p.parsed.date ?? '', contactPerson: p.parsed.contactPerson, contactPhone: p.parsed.contactPhone,
    state: 'closed', ...over,
  } as z.infer<typeof ImportBody>;
}

/** The seed reply itself (高工信发〔2024〕37号 to No. 187), brought in through the importer as a person would. */
export async function importSeed(env: TestEnv, username = 'organizer') {
  await ensureRuleSet(env);
  const actor = await actorOf(env, username);
  const importer = env.app.services.documents.importer;
  const preview = await importer.preview(actor, async () => ({ fileName: 'seed-187.txt', data: seedText() }));
  const result = await importer.confirm(actor, previewToBody(preview));
  return { preview, result };
}

/**
 * The reply to No. 187: the demo's own when the demo data has it (it is the seed document), else the seed
 * brought in through the importer. Either way 高工信发〔2024〕37号 of 工信局 to the five deputies, dated 2024-08-22.
 */
export async function reply187(env: TestEnv): Promise<string> {
  const demo = await env.ctx.db.selectFrom('reply')
    .innerJoin('suggestion', 'suggestion.id', 'reply.suggestion_id')
    .innerJoin('congress_session', 'congress_session.id', 'suggestion.session_id')
    .select('reply.id')
    .where('congress_session.body', '=', '人大').where('congress_session.short_name', '=', '七届六次')
    .where('suggestion.number', '=', 187).where('reply.round', '=', 1).executeTakeFirst();
  if (demo) return demo.id;
  return (await importSeed(env)).result.replyId;
}

/** The seed as another reply of the same unit: 七届四次 No. 1187, 高工信发〔2024〕137号 — for imports into the demo database. */
export function seedVariantText(): Buffer {
  return Buffer.from(seedText().toString('utf8')
    .replace('高工信发〔2024〕37号', '高工信发〔2024〕137号')
    .replace('七届六次会议第187号', '七届四次会议第1187号'));
}
