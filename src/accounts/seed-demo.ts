import type { AppContext } from '../core/context.ts';
import { SYSTEM_ACTOR } from '../core/audit.ts';
import { registerUser } from './commands/register-user.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';

export const DEMO_PASSWORD = 'openbeian-demo';

export const DEMO_ACCOUNTS: { email: string; role: Role; displayName: string }[] = [
  { email: 'applicant@example.com', role: 'applicant', displayName: '示例申请人' },
  { email: 'reviewer@example.com', role: 'reviewer', displayName: '初审员' },
  { email: 'compliance@example.com', role: 'compliance', displayName: '核查员' },
  { email: 'butler@example.com', role: 'butler', displayName: '资质管家' },
  { email: 'admin@example.com', role: 'admin', displayName: '管理员' },
];

/**
 * Idempotent: accounts that exist are left as they are. The missing ones share one hash of the demo password (it is
 * the same published password for all of them, so separate salts would protect nothing): a first start waits for
 * one argon2 hash instead of five.
 */
export async function seedDemoAccounts(ctx: AppContext): Promise<string[]> {
  const existing = new Set(
    (await ctx.db.selectFrom('users').select('email').where('email', 'in', DEMO_ACCOUNTS.map((a) => a.email)).execute()).map((u) => u.email),
  );
  const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
  if (missing.length === 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await Promise.all(missing.map((account) => registerUser(ctx, SYSTEM_ACTOR, { ...account, passwordHash })));
  return missing.map((account) => account.email);
}
