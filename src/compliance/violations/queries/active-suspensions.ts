import type { Executor } from '../../../core/db/database.ts';

/** When each of these services' suspension ends, for those suspended now (the latest end when several overlap). */
export async function activeSuspensions(executor: Executor, serviceNumbers: readonly string[]): Promise<Map<string, Date>> {
  if (serviceNumbers.length === 0) return new Map();
  const rows = await executor
    .selectFrom('service_suspensions')
    .select(['service_number', (eb) => eb.fn.max('until').as('until')])
    .where('service_number', 'in', [...serviceNumbers])
    .where('lifted_at', 'is', null)
    .groupBy('service_number')
    .execute();
  return new Map(rows.map((row) => [row.service_number, new Date(row.until)]));
}
