import type { Queryable } from '../../platform/db/database.js';

const compact = (s: string) => s.replace(/\s+/g, '');

/** Every query of the importer: matching what already exists. */
export const importRepo = {
  /** The unit an issuing organ names: its full name, its short name, or the one unit whose name ends the same way. */
  async unitByOrgan(db: Queryable, organ: string | null | undefined) {
    if (!organ?.trim()) return null;
    const o = compact(organ).replace(/文件$/, '');
    const units = await db.selectFrom('org_unit').select(['id', 'name', 'short_name']).where('kind', 'not in', ['enterprise']).execute();
    const exact = units.find((u) => compact(u.name) === o) ?? units.find((u) => compact(u.short_name) === o);
    if (exact) return exact;
    const near = units.filter((u) => o.length >= 3 && (compact(u.name).endsWith(o) || o.endsWith(compact(u.name))));
    return near.length === 1 ? near[0] : null;
  },

  async unit(db: Queryable, id: string) {
    return db.selectFrom('org_unit').select(['id', 'name', 'short_name', 'doc_prefix']).where('id', '=', id).executeTakeFirst();
  },

  async session(db: Queryable, body: string, shortName: string) {
    return db.selectFrom('congress_session').selectAll().where('body', '=', body).where('short_name', '=', shortName).executeTakeFirst();
  },

  async sessionByFullName(db: Queryable, fullName: string) {
    return db.selectFrom('congress_session').select('id').where('full_name', '=', fullName).executeTakeFirst();
  },

  /** The rule set a new session of this body follows: that of the body's latest session, else the first one. */
  async ruleSetFor(db: Queryable, body: string) {
    const latest = await db.selectFrom('congress_session').select('rule_set_id').where('body', '=', body).orderBy('starts_on', 'desc').limit(1).executeTakeFirst();
    if (latest) return db.selectFrom('rule_set').select(['id', 'class_scheme_json']).where('id', '=', latest.rule_set_id).executeTakeFirst();
    return db.selectFrom('rule_set').select(['id', 'class_scheme_json']).orderBy('created_at').limit(1).executeTakeFirst();
  },

  async ruleSet(db: Queryable, id: string) {
    return db.selectFrom('rule_set').select(['id', 'class_scheme_json']).where('id', '=', id).executeTakeFirst();
  },

  async suggestionByNumber(db: Queryable, sessionId: string, number: number) {
    return db.selectFrom('suggestion').select(['id', 'title']).where('session_id', '=', sessionId).where('number', '=', number).executeTakeFirst();
  },

  /** Deputies by name within a body; a record linked to an account first. */
  async deputyByName(db: Queryable, body: string, name: string) {
    return db.selectFrom('deputy').select(['id', 'name', 'user_id']).where('body', '=', body).where('name', '=', name)
      .orderBy('user_id', 'desc').limit(1).executeTakeFirst();
  },

  /** A deputy account of that name not yet linked to a deputy record. */
  async freeDeputyAccount(db: Queryable, name: string) {
    const users = await db.selectFrom('app_user').select('id').where('role', '=', 'deputy').where('display_name', '=', name).where('disabled', '=', 0).execute();
    for (const u of users) {
      const linked = await db.selectFrom('deputy').select('id').where('user_id', '=', u.id).executeTakeFirst();
      if (!linked) return u.id;
    }
    return null;
  },

  async numberTaken(db: Queryable, prefix: string, year: number, serial: number) {
    return db.selectFrom('doc_number').select(['number_text', 'state', 'title']).where('prefix', '=', prefix).where('year', '=', year).where('serial', '=', serial).executeTakeFirst();
  },
};
