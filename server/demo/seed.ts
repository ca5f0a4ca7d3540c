import type { AppContext } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { hashPassword } from '../platform/auth/password.js';
import { recordAudit } from '../platform/audit/audit.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { DEMO_ORGS } from './orgs.js';
import { moduleSeeds, type DemoRefs } from './modules.js';

/** Loads the demo data once: org units, one account per role, then each module's demo records. */
export async function seedDemo(ctx: AppContext): Promise<{ created: boolean }> {
  const existing = await ctx.db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false };
  const now = ctx.clock.nowIso();
  const orgIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  // One hash for all demo accounts: they share the demo password, and hashing is deliberately slow.
  const hash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (tx) => {
    for (const o of DEMO_ORGS) {
      const id = newId();
      orgIds[o.name] = id;
      await tx.insertInto('org_unit').values({
        id, name: o.name, short_name: o.shortName, kind: o.kind, doc_prefix: o.docPrefix, official_phone: o.officialPhone,
        is_demo: 1, version: 1, created_at: now, updated_at: now,
      }).execute();
    }
    for (const a of DEMO_ACCOUNTS) {
      const id = newId();
      userIds[a.username] = id;
      await tx.insertInto('app_user').values({
        id, username: a.username, display_name: a.displayName, role: a.role, org_unit_id: a.org ? orgIds[a.org] : null,
        password_hash: hash, must_change_password: 0, disabled: 0, is_demo: 1, version: 1, created_at: now, updated_at: now, last_login_at: null,
      }).execute();
    }
    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed', entityType: 'system', entityId: null, after: { orgs: DEMO_ORGS.length, users: DEMO_ACCOUNTS.length } });
  });
  const refs: DemoRefs = { orgIds, userIds };
  for (const seed of moduleSeeds) await seed(ctx, refs);
  return { created: true };
}
