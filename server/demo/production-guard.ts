import type { Db } from '../platform/db/database.js';
import { verifyPassword } from '../platform/auth/password.js';
import { KNOWN_DEFAULT_PASSWORDS } from './accounts.js';

/** Production must not start while any enabled account is a demo account or has a known default password. */
export async function defaultPasswordProblems(db: Db): Promise<string[]> {
  const users = await db.selectFrom('app_user').select(['username', 'password_hash', 'is_demo']).where('disabled', '=', 0).execute();
  const problems: string[] = [];
  for (const u of users) {
    if (u.is_demo) {
      problems.push(`${u.username}（演示账号）`);
      continue;
    }
    for (const p of KNOWN_DEFAULT_PASSWORDS) {
      if (await verifyPassword(p, u.password_hash)) {
        problems.push(`${u.username}（使用默认密码）`);
        break;
      }
    }
  }
  return problems;
}
