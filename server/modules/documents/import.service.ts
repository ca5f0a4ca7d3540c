import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { documentTextInWorker } from '../../platform/files/document-text.js';
import { checkFile, type FileKind } from '../../platform/files/intake.js';
import { FIELD_LABELS, parseReply, type FieldName } from '../../../domain/text/reply-parser.js';
import { formatDocNumber, parseDocNumber } from '../../../domain/docnumber.js';
import { DEFAULT_CLOSING } from '../../platform/docgen/reply-docx.js';
import { documentsPolicy } from './documents.policy.js';
import { importRepo as repo } from './import.repo.js';
import { replySections } from './import-sections.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import type { RegistryService } from './registry.service.js';
import { replyTitle } from './reply-document.js';
import { indexSuggestion } from '../suggestions/search/search.indexer.js';
import { MAX_DOCUMENT_BYTES, type Upload } from './upload.js';

const IMPORT_KINDS: FileKind[] = ['docx', 'txt', 'md'];
import type { ImportBody, ImportPreview, ImportResult } from './import.schemas.js';

type Body = z.infer<typeof ImportBody>;
const SESSION_RE = /^([一二三四五六七八九十百]+)届([一二三四五六七八九十]+)次$/;

/** 高平市工业和信息化局 → 高平市: the city part of an organ's name, for a session's full name. */
function cityOf(name: string): string {
  return /^(.{2,8}?[省市县区旗])/.exec(name)?.[1] ?? '';
}

function sessionFullName(body: string, city: string, term: string, meeting: string): string {
  return body === '政协' ? `政协${city}第${term}届委员会第${meeting}次会议` : `${city}第${term}届人民代表大会第${meeting}次会议`;
}

/** The worst rating decides the outcome of the round, as the workflow counts it. */
function outcomeOf(ratings: Array<{ satisfaction: string }>): string | null {
  if (!ratings.length) return null;
  for (const s of ['dissatisfied', 'basically_satisfied']) if (ratings.some((r) => r.satisfaction === s)) return s;
  return 'satisfied';
}

/**
 * Imports replies written before the system: a file is read and parsed for a person to check and correct
 * (`preview`), then `confirm` creates — in one transaction — the session and deputies that are missing, the
 * suggestion, the lead unit's assignment, the submitted reply with its points, and the number in the registry.
 */
export class ImportService {
  constructor(private readonly ctx: AppContext, private readonly registry: RegistryService) {}

  async preview(actor: Actor, upload: () => Promise<Upload>): Promise<z.infer<typeof ImportPreview>> {
    authorize(documentsPolicy, actor, 'import', null);
    const up = await upload();
    const file = checkFile(up.data, up.fileName, { kinds: IMPORT_KINDS, maxBytes: MAX_DOCUMENT_BYTES, label: '文件', kindsLabel: ' .txt、.md 或 .docx 文件', fallbackName: '未命名文件' });
    const text = await documentTextInWorker(file.data, file.name);
    if (!text.trim()) badRequest('文件中没有文字内容（扫描件请先转换为文字）', 'empty_file');
    const parsed = parseReply(text);
    const { intro, closing } = replySections(text, parsed.issuingOrgan);
    const warnings: string[] = [];
    const db = this.ctx.db;
    const unit = await repo.unitByOrgan(db, parsed.issuingOrgan);
    if (!parsed.issuingOrgan) warnings.push('未识别到发文机关，请选择承办单位');
    else if (!unit) warnings.push(`发文机关“${parsed.issuingOrgan}”未对应到系统中的单位，请选择承办单位`);
    const session = parsed.congress && parsed.session ? await repo.session(db, parsed.congress, parsed.session) : undefined;
    if (!parsed.congress || !parsed.session) warnings.push('未识别到届次，请填写（如 七届六次）');
    else if (!session) warnings.push(`届次“${parsed.congress}${parsed.session}”尚未登记，确认导入时将新建`);
    const duplicate = session && parsed.suggestionNumber ? await repo.suggestionByNumber(db, session.id, parsed.suggestionNumber) : undefined;
    if (duplicate) warnings.push(`${parsed.session}第${parsed.suggestionNumber}号建议已在系统中，不能重复导入`);
    if (!parsed.suggestionNumber) warnings.push('未识别到建议编号，请填写');
    if (!parsed.docNumber) warnings.push('未识别到发文字号；如原件有文号请补填');
    let docNumberTaken: string | null = null;
    const n = parsed.docNumber ? parseDocNumber(parsed.docNumber) : null;
    if (n) {
      const taken = await repo.numberTaken(db, n.prefix, n.year, n.serial);
      if (taken) {
        docNumberTaken = taken.number_text;
        warnings.push(`发文字号${taken.number_text}已在登记簿中（${taken.title ?? '无标题'}）`);
      }
    }
    if (!parsed.points.length) warnings.push('未识别到编号的答复要点，正文已放入开头语，请检查');
    if (!parsed.date) warnings.push('未识别到成文日期，请填写');
    // Fields read as guesses (a damaged date repaired, the organ from the page's 来源 …) are named with the reason.
    for (const [key, c] of Object.entries(parsed.confidence) as Array<[FieldName, { level: string; reason: string | null }]>) {
      if (c.reason && (c.level === 'unsure' || (key === 'date' && !parsed.date))) warnings.push(`${FIELD_LABELS[key]}：${c.reason}`);
    }
    if (!parsed.proposers.length) warnings.push('未识别到提出建议的代表，请填写');
    const deputies = [];
    for (const name of parsed.proposers) {
      const d = parsed.congress ? await repo.deputyByName(db, parsed.congress, name) : undefined;
      deputies.push({ name, deputyId: d?.id ?? null });
    }
    return {
      fileName: file.name,
      text: text.replace(/^\s+/, '').slice(0, 50_000),
      parsed,
      intro,
      closing,
      match: {
        unit: unit ? { id: unit.id, name: unit.name } : null,
        session: session ? { id: session.id, shortName: session.short_name, fullName: session.full_name } : null,
        deputies,
        duplicateSuggestionId: duplicate?.id ?? null,
        docNumberTaken,
      },
      warnings,
    };
  }

  async confirm(actor: Actor, body: Body): Promise<z.infer<typeof ImportResult>> {
    authorize(documentsPolicy, actor, 'import', null);
    const unit = await this.unitFor(actor, body);
    const number = body.docNumber?.trim() ? parseDocNumber(body.docNumber) ?? (badRequest(`无法识别发文字号“${body.docNumber}”，应形如 高工信发〔2024〕37号`, 'invalid_number') as never) : null;
    if (number && number.year > Number(this.ctx.clock.today().slice(0, 4))) badRequest('发文字号的年份不能晚于今年', 'future_year');
    if (body.date > this.ctx.clock.today()) badRequest('成文日期不能晚于今天', 'future_date');
    const proposers = [...new Set(body.proposers.map((p) => p.trim()))];
    const ratings = body.ratings ?? [];
    for (const r of ratings) if (!proposers.includes(r.name)) badRequest(`评价人“${r.name}”不在提出人之中`, 'rating_not_proposer');
    if (body.state === 'awaiting_feedback' && ratings.length) badRequest('待评价的答复不应带有评价；已评价的请选择“已办结”', 'ratings_not_closed');
    try {
      return await this.ctx.db.transaction().execute((tx) => this.create(tx, actor, body, unit, proposers, number));
    } catch (e) {
      if (isUniqueViolation(e)) conflict(`${body.session}第${body.suggestionNumber}号建议或其发文字号已在系统中，不能重复导入`, 'duplicate');
      throw e;
    }
  }

  /** The lead unit: the one chosen, else the one the issuing organ names; unit staff only ever their own. */
  private async unitFor(actor: Actor, body: Body) {
    const db = this.ctx.db;
    const named = body.issuingOrgan ? await repo.unitByOrgan(db, body.issuingOrgan) : null;
    if (actor.role === 'unit_staff') {
      const own = actor.orgUnitId ? await repo.unit(db, actor.orgUnitId) : undefined;
      if (!own) forbidden('您的账号未关联单位，无法导入答复');
      if ((body.unitId && body.unitId !== own!.id) || (!body.unitId && named && named.id !== own!.id)) forbidden('只能导入本单位的答复');
      return own!;
    }
    if (body.unitId) return (await repo.unit(db, body.unitId)) ?? (badRequest('所选承办单位不存在', 'unit_missing') as never);
    if (named) return (await repo.unit(db, named.id))!;
    throw new AppError(400, 'unit_unknown', body.issuingOrgan?.trim()
      ? `未找到发文机关“${body.issuingOrgan.trim()}”对应的单位，请选择承办单位`
      : '未填写发文机关，请选择承办单位');
  }

  private async create(tx: Queryable, actor: Actor, body: Body, unit: { id: string; name: string }, proposers: string[], number: ReturnType<typeof parseDocNumber>) {
    const now = this.ctx.clock.nowIso();
    const session = await this.sessionFor(tx, body, unit.name, now);
    if (await repo.suggestionByNumber(tx, session.id, body.suggestionNumber)) {
      conflict(`${body.congress}${body.session}第${body.suggestionNumber}号${body.kind === '提案' ? '提案' : '建议'}已在系统中，不能重复导入`, 'duplicate');
    }
    const deputies: Array<{ id: string; name: string }> = [];
    const created: string[] = [];
    for (const name of proposers) {
      const hit = await repo.deputyByName(tx, body.congress, name);
      if (hit) {
        deputies.push(hit);
        continue;
      }
      const id = newId();
      await tx.insertInto('deputy').values({
        id, name, user_id: await repo.freeDeputyAccount(tx, name), body: body.congress, delegation: null, phone_enc: null, is_demo: 0, version: 1,
        created_at: now, updated_at: now,
      }).execute();
      deputies.push({ id, name });
      created.push(name);
    }
    const ratings = body.ratings ?? [];
    const suggestionId = newId();
    const issuedAt = `${body.date}T04:00:00.000Z`; // noon in Asia/Shanghai on the date of the reply
    const closed = body.state === 'closed';
    await tx.insertInto('suggestion').values({
      id: suggestionId, session_id: session.id, number: body.suggestionNumber, title: body.subject.trim(),
      body: `本件由历史答复导入${body.fileName ? `（文件：${body.fileName}）` : ''}，建议原文未录入。`,
      category: body.category?.trim() || '其他', kind: body.kind, lead_deputy_id: deputies[0].id, state: body.state, not_admitted_reason: null,
      round: 1, submitted_at: null, admitted_at: null, assigned_on: null, reply_due: null, hard_due: null, extended_due: null, due_explain_json: null,
      key_supervision: 0, lead_unit_id: unit.id, final_satisfaction: outcomeOf(ratings), closed_at: closed ? now : null, search_text: null,
      is_demo: 0, version: 1, created_by: actor.userId, created_at: now, updated_at: now,
    }).execute();
    for (const [i, d] of deputies.entries()) {
      await tx.insertInto('suggestion_signer').values({
        id: newId(), suggestion_id: suggestionId, deputy_id: d.id, role: i === 0 ? 'lead' : 'co', status: 'accepted', invited_at: now, responded_at: now, is_demo: 0,
      }).execute();
    }
    await tx.insertInto('assignment').values({
      id: newId(), suggestion_id: suggestionId, unit_id: unit.id, role: 'lead', state: 'accepted', assigned_on: body.date, accepted_at: issuedAt,
      return_due: body.date, return_reason: null, return_requested_at: null, return_decision: null, return_decision_note: null, return_decided_at: null,
      opinion_due: null, opinion_text: null, opinion_at: null, opinion_by: null, due_explain_json: null, is_demo: 0, version: 1, created_at: now, updated_at: now,
    }).execute();
    const replyId = newId();
    const docNumber = number ? formatDocNumber(number) : null;
    await tx.insertInto('reply').values({
      id: replyId, suggestion_id: suggestionId, round: 1, state: 'submitted', unit_id: unit.id, doc_number: docNumber,
      class_code: await this.classCode(tx, session.rule_set_id, body.replyClass), signer: null,
      contact_person: body.contactPerson?.trim() || null, contact_phone: body.contactPhone?.trim() || null,
      intro: body.intro?.trim() || null, closing: body.closing?.trim() || DEFAULT_CLOSING, reply_date: body.date, due_on: null,
      submitted_at: issuedAt, submitted_by: actor.userId, publication_state: 'draft', published_json: null, redactions_json: null, published_at: null,
      is_demo: 0, version: 1, created_at: now, updated_at: now,
    }).execute();
    const points = body.points.filter((p) => p.text || p.heading);
    for (const [i, p] of points.entries()) {
      await tx.insertInto('reply_point').values({
        id: newId(), reply_id: replyId, ordinal: i + 1, heading: p.heading?.trim() || null, text: p.text, responsible_org_id: null, is_demo: 0,
        version: 1, created_at: now, updated_at: now,
      }).execute();
    }
    for (const r of ratings) {
      const d = deputies.find((x) => x.name === r.name)!;
      await tx.insertInto('rating').values({
        id: newId(), reply_id: replyId, suggestion_id: suggestionId, deputy_id: d.id, satisfaction: r.satisfaction, met_in_person: 0, comment: null,
        rated_at: now, is_demo: 0,
      }).execute();
    }
    const title = replyTitle({ session, suggestion: { kind: body.kind, number: body.suggestionNumber, title: body.subject } });
    if (number) await this.registry.manualIn(tx, actor, { number, title, refType: 'reply', refId: replyId, orgUnitId: unit.id, note: '导入历史答复' });
    // Found by search and similar suggestions at once.
    await indexSuggestion(tx, suggestionId);
    const result = {
      suggestionId, replyId, sessionId: session.id, sessionCreated: session.created, deputiesCreated: created, docNumber, unitName: unit.name, title,
      state: body.state,
    };
    await recordAudit(tx, this.ctx.clock, actor, {
      action: 'document.import', entityType: 'suggestion', entityId: suggestionId,
      after: { ...result, fileName: body.fileName ?? null, points: points.length, ratings: ratings.length },
    });
    return result;
  }

  /** The session of the reply, created when missing (matched by body and short name). */
  private async sessionFor(tx: Queryable, body: Body, organ: string, now: string) {
    const hit = await repo.session(tx, body.congress, body.session);
    if (hit) return { ...hit, created: false };
    const [, term, meeting] = SESSION_RE.exec(body.session)!;
    const ruleSet = await repo.ruleSetFor(tx, body.congress);
    if (!ruleSet) conflict('尚未配置建议办理规则，无法新建届次；请先由系统管理员配置规则', 'no_rule_set');
    const fullName = sessionFullName(body.congress, cityOf(organ), term, meeting);
    if (await repo.sessionByFullName(tx, fullName)) conflict(`已有名为“${fullName}”的届次，但简称不是“${body.session}”，请核对届次`, 'session_mismatch');
    const date = body.sessionDate ?? body.date;
    const row = {
      id: newId(), body: body.congress, term, meeting, short_name: body.session, full_name: fullName, starts_on: date, ends_on: date,
      rule_set_id: ruleSet!.id, is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await tx.insertInto('congress_session').values(row).execute();
    return { ...row, created: true };
  }

  /** The class as the rule set codes it (甲类 → 甲 when the scheme uses 甲), else as written. */
  private async classCode(tx: Queryable, ruleSetId: string, written: string | null | undefined): Promise<string | null> {
    const raw = written?.trim();
    if (!raw) return null;
    const rs = await repo.ruleSet(tx, ruleSetId);
    const codes: string[] = rs ? (JSON.parse(rs.class_scheme_json) as Array<{ code: string }>).map((c) => c.code) : [];
    const bare = raw.replace(/类$/, '').toUpperCase();
    return codes.find((c) => c.toUpperCase() === bare || c === raw) ?? raw;
  }
}
