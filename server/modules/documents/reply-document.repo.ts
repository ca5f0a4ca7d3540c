import type { Queryable } from '../../platform/db/database.js';

/** Everything a reply's official document is made from, read in one place. */
export async function loadReplySource(db: Queryable, replyId: string) {
  const reply = await db.selectFrom('reply').selectAll().where('id', '=', replyId).executeTakeFirst();
  if (!reply) return null;
  const suggestion = await db.selectFrom('suggestion').selectAll().where('id', '=', reply.suggestion_id).executeTakeFirstOrThrow();
  const session = await db.selectFrom('congress_session').selectAll().where('id', '=', suggestion.session_id).executeTakeFirstOrThrow();
  const ruleSet = await db.selectFrom('rule_set').select(['class_mark_on_doc', 'reply_mode']).where('id', '=', session.rule_set_id).executeTakeFirst();
  const unit = await db.selectFrom('org_unit').select(['id', 'name', 'short_name', 'doc_prefix', 'official_phone']).where('id', '=', reply.unit_id).executeTakeFirstOrThrow();
  const signers = await db.selectFrom('suggestion_signer')
    .innerJoin('deputy', 'deputy.id', 'suggestion_signer.deputy_id')
    .select(['deputy.id as deputy_id', 'deputy.name', 'deputy.user_id', 'suggestion_signer.role', 'suggestion_signer.status', 'suggestion_signer.invited_at'])
    .where('suggestion_signer.suggestion_id', '=', suggestion.id)
    .where('suggestion_signer.status', '!=', 'declined')
    .execute();
  // The lead deputy first, then the co-signers in the order they were invited.
  signers.sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.invited_at.localeCompare(b.invited_at));
  const points = await db.selectFrom('reply_point').select(['ordinal', 'heading', 'text']).where('reply_id', '=', replyId).orderBy('ordinal').execute();
  return { reply, suggestion, session, ruleSet: ruleSet ?? null, unit, signers, points };
}

export type ReplySource = NonNullable<Awaited<ReturnType<typeof loadReplySource>>>;

/** The organs a reply is copied to (抄送): the organizer of the body, and the city government's office. */
export async function copyRecipients(db: Queryable, body: string): Promise<string[]> {
  const orgs = await db.selectFrom('org_unit').select(['name', 'short_name', 'kind']).where('kind', 'in', ['organizer', 'office']).orderBy('name').execute();
  const organizers = orgs.filter((o) => o.kind === 'organizer');
  const ofBody = organizers.filter((o) => o.name.includes(body));
  const office = orgs.find((o) => o.kind === 'office' && (o.short_name === '市政府办公室' || o.name.includes('人民政府办公室')));
  return [...(ofBody.length ? ofBody : organizers).map((o) => o.name), office?.name ?? '市政府办公室'];
}

export async function reservedNumbers(db: Queryable, prefix: string) {
  return db.selectFrom('doc_number').select(['id', 'number_text', 'version', 'note']).where('prefix', '=', prefix).where('state', '=', 'reserved')
    .orderBy('year', 'desc').orderBy('serial').limit(50).execute();
}
