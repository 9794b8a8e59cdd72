import type { AppContext } from '../core/context.ts';
import { findPoliceFiling } from './repo.ts';
import { loadProviderFacts } from './provider-facts.ts';
import { registerPoliceReminders } from './police-clock.ts';

export { aftercareRoutes } from './routes.ts';
export { loadProviderFacts, providerFactsSchema, type ProviderFacts } from './provider-facts.ts';

/**
 * The police number the owner recorded for a filed service (14 digits, e.g. "33010602012345"), or null. The footer
 * shows it; the compliance footer sweep checks a site shows it 30 days after `policeFilingOf(…).recordedAt`.
 */
export async function recordedPoliceNumber(ctx: AppContext, serviceNumber: string): Promise<string | null> {
  return (await findPoliceFiling(ctx.db, serviceNumber))?.police_number ?? null;
}

/** The service's police filing as recorded: launch date, deadline, number and when it was recorded. */
export async function policeFilingOf(ctx: AppContext, serviceNumber: string) {
  const row = await findPoliceFiling(ctx.db, serviceNumber);
  return row ? { launchedOn: row.launched_on, dueOn: row.due_on, policeNumber: row.police_number, recordedAt: row.recorded_at } : null;
}

/** Boot: checks the provider facts (a bad file stops the start), warns when production has none, registers the clock. */
export function registerAftercareHandlers(ctx: AppContext): void {
  if (!loadProviderFacts(ctx.config)) {
    ctx.logger.warn('OPENBEIAN_PROVIDER_FACTS is not set: the police filing guide and provider documents are refused until it is');
  }
  registerPoliceReminders(ctx);
}
