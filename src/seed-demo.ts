import { seedDemoAccounts } from './accounts/index.ts';
import type { AppContext } from './core/context.ts';
import { seedDemoResources } from './resources/index.ts';

/**
 * The demo data, in the order it depends on: the accounts, then (in demo mode) a server for the demo applicant to
 * issue service codes from. Kept above both contexts so that accounts never import resources (which imports accounts).
 */
export async function seedDemo(ctx: AppContext): Promise<string[]> {
  const created = await seedDemoAccounts(ctx);
  if (ctx.config.mode === 'demo') await seedDemoResources(ctx);
  return created;
}
