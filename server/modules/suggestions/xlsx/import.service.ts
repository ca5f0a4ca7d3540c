/**
 * Imports a session's suggestions from an .xlsx, all or nothing: a dry run reports every row with its problems;
 * the import itself refuses the whole file when any row is bad, and otherwise registers every suggestion
 * (state 待立案, as the organizer registers them by hand) in one transaction.
 */
import type { AppContext } from '../../../platform/context.js';
import type { Actor, Viewer } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/policy/policy.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, badRequest, conflict } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { indexSuggestion } from '../search/search.indexer.js';
import { sessionName } from '../tools.shared.js';
import { FIELD_LABELS, readImportFileInWorker } from './import.read.js';
import { validateRows, type RowReport } from './import.validate.js';
import type { ImportUpload } from './upload.js';
import { xlsxPolicy } from './xlsx.policy.js';
import { isUniqueViolation } from '../../../platform/db/unique-violation.js';

const columnLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  sessionId: string;
  sessionName: string;
  fileName: string;
  sheetName: string;
  headerRow: number;
  columns: Array<{ column: string; header: string; field: string | null; fieldLabel: string | null }>;
  totalRows: number;
  validRows: number;
  errorRows: number;
  deputiesToCreate: string[];
  errors: Array<{ row: number; message: string }>;
  rows: RowReport[];
  imported: number;
}

export class SuggestionImportService {
  constructor(private readonly ctx: AppContext) {}

  assertCanImport(actor: Viewer) {
    authorize(xlsxPolicy, actor, 'import', null);
  }

  private async check(up: ImportUpload, dryRun: boolean) {
    const db = this.ctx.db;
    const session = await db.selectFrom('congress_session').select(['id', 'body', 'short_name']).where('id', '=', up.sessionId).executeTakeFirst();
    if (!session) badRequest('所选届次不存在', 'session_missing');
    const read = await readImportFileInWorker(up.data);
    const deputies = await db.selectFrom('deputy').select(['id', 'name']).where('body', '=', session!.body).execute();
    const byName = new Map<string, string[]>();
    for (const d of deputies) byName.set(d.name, [...(byName.get(d.name) ?? []), d.id]);
    const taken = await db.selectFrom('suggestion').select(['number', 'title']).where('session_id', '=', session!.id).where('number', 'is not', null).execute();
    const rows = validateRows(read.rows, {
      deputiesByName: byName,
      takenNumbers: new Map(taken.map((t) => [Number(t.number), t.title])),
      createMissingDeputies: up.createMissingDeputies,
      defaultKind: session!.body === '政协' ? '提案' : '建议',
      body: session!.body,
    });
    const errors = rows.flatMap((r) => r.errors.map((message) => ({ row: r.row, message })));
    const report: ImportReport = {
      ok: errors.length === 0,
      dryRun,
      sessionId: session!.id,
      sessionName: sessionName(session!),
      fileName: up.fileName,
      sheetName: read.sheetName,
      headerRow: read.headerRow,
      columns: read.columns.map((c) => ({ column: columnLetter(c.column), header: c.header, field: c.field, fieldLabel: c.field ? FIELD_LABELS[c.field] : null })),
      totalRows: rows.length,
      validRows: rows.filter((r) => !r.errors.length).length,
      errorRows: rows.filter((r) => r.errors.length).length,
      deputiesToCreate: [...new Set(rows.flatMap((r) => r.newDeputies))],
      errors,
      rows: rows.map(({ body: _body, ...rest }) => rest),
      imported: 0,
    };
    return { session: session!, rows, byName, report };
  }

  async dryRun(actor: Viewer, up: ImportUpload): Promise<ImportReport> {
    this.assertCanImport(actor);
    return (await this.check(up, true)).report;
  }

  async import(actor: Viewer, up: ImportUpload): Promise<ImportReport> {
    this.assertCanImport(actor);
    const a = actor as Actor;
    const { session, rows, report } = await this.check(up, false);
    if (!report.ok) {
      throw new AppError(400, 'import_invalid', `导入文件有 ${report.errorRows} 行存在问题，未导入任何建议。请按报告逐行修改后重新导入`, report);
    }
    const now = this.ctx.clock.nowIso();
    const ids: string[] = [];
    try {
      await this.ctx.db.transaction().execute(async (tx) => {
        // Deputies are looked up again inside the transaction: someone may have added one meanwhile.
        const deputies = await tx.selectFrom('deputy').select(['id', 'name']).where('body', '=', session.body).execute();
        const idOf = new Map<string, string>();
        for (const d of deputies) if (!idOf.has(d.name)) idOf.set(d.name, d.id);
        for (const name of report.deputiesToCreate) {
          if (idOf.has(name)) continue;
          const id = newId();
          await tx.insertInto('deputy').values({ id, name, user_id: null, body: session.body, delegation: null, phone_enc: null, is_demo: 0, version: 1, created_at: now, updated_at: now }).execute();
          await recordAudit(tx, this.ctx.clock, a, { action: 'deputy.create', entityType: 'deputy', entityId: id, after: { name, body: session.body, source: 'xlsx_import' } });
          idOf.set(name, id);
        }
        for (const r of rows) {
          const id = newId();
          ids.push(id);
          const lead = idOf.get(r.leadDeputy)!;
          await tx.insertInto('suggestion').values({
            id, session_id: session.id, number: r.number, title: r.title, body: r.body, category: r.category, kind: r.kind,
            lead_deputy_id: lead, state: 'submitted', not_admitted_reason: null, round: 1, submitted_at: now, admitted_at: null, assigned_on: null,
            reply_due: null, hard_due: null, extended_due: null, due_explain_json: null, key_supervision: 0, lead_unit_id: null,
            final_satisfaction: null, closed_at: null, search_text: null, is_demo: 0, version: 1, created_by: a.userId, created_at: now, updated_at: now,
          }).execute();
          await tx.insertInto('suggestion_signer').values({ id: newId(), suggestion_id: id, deputy_id: lead, role: 'lead', status: 'accepted', invited_at: now, responded_at: now, is_demo: 0 }).execute();
          for (const name of r.coSigners) {
            await tx.insertInto('suggestion_signer').values({ id: newId(), suggestion_id: id, deputy_id: idOf.get(name)!, role: 'co', status: 'accepted', invited_at: now, responded_at: now, is_demo: 0 }).execute();
          }
          const label = r.number ? `第${r.number}号建议` : '建议';
          await tx.insertInto('suggestion_event').values({
            id: newId(), suggestion_id: id, kind: 'registered', actor_id: a.userId, actor_name: a.displayName, at: now,
            detail_json: JSON.stringify({ summary: `从 Excel 导入登记${label}，${r.coSigners.length} 名附议代表`, source: 'xlsx_import', row: r.row }),
            visibility: 'deputy', is_demo: 0,
          }).execute();
          await recordAudit(tx, this.ctx.clock, a, {
            action: 'suggestion.create', entityType: 'suggestion', entityId: id,
            after: { number: r.number, title: r.title, state: 'submitted', leadDeputy: r.leadDeputy, coSigners: r.coSigners, source: 'xlsx_import', row: r.row },
          });
          await indexSuggestion(tx, id);
        }
        await recordAudit(tx, this.ctx.clock, a, {
          action: 'suggestion.import', entityType: 'congress_session', entityId: session.id,
          after: { fileName: up.fileName, rows: rows.length, deputiesCreated: report.deputiesToCreate, suggestionIds: ids },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) conflict('导入期间有编号已被其他建议占用，未导入任何建议，请重新检查后导入', 'duplicate_number');
      throw err;
    }
    return { ...report, imported: ids.length };
  }
}
