import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.ts';
import { policeFooterDueAt } from '../../rules/index.ts';
import type { SweepTarget } from './checker.ts';

/** Where a run stopped: the sort key (primary domain, number) of the last service it checked. */
export type SweepCursor = { domain: string; service: string };

/**
 * A sweep looks at every domain of every service that still has access here: `access_state = 'connected'` under
 * an active subject (a suspended service keeps its access, so it is swept too). Services are walked in the order
 * of their primary domain (then number), which the `filed_services (domain)` index serves, so a batch costs the
 * same at the end of 100 000 domains as at the start; each service yields its domains (the primary one first).
 */
function swept(executor: Executor) {
  return executor
    .selectFrom('filed_services as s')
    .innerJoin('filed_subjects as j', 'j.number', 's.subject_number')
    .where('s.access_state', '=', 'connected')
    .where('j.status', '=', 'active')
    .where('s.domain', 'is not', null);
}

/** How many domains a run will look at (each service's primary domain plus its other domains). */
export async function countSweepTargets(executor: Executor): Promise<number> {
  const row = await swept(executor)
    .select(sql<string>`count(*) + coalesce(sum(cardinality(array_remove(s.domains, s.domain))), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The next `limit` services after `cursor`, as their targets, and the cursor after the last of them. A recorded
 * police number is asked of the footer only from 30 days after it was recorded (`now` is the application clock's).
 */
export async function nextSweepTargets(executor: Executor, cursor: SweepCursor | null, limit: number, now: Date): Promise<{ targets: SweepTarget[]; services: number; cursor: SweepCursor | null }> {
  let query = swept(executor)
    .leftJoin('police_filings as p', 'p.service_number', 's.number')
    .select(['s.number', 's.subject_number', 's.domain', 's.domains', 'j.province', 'j.name as holder_name', 'p.police_number', 'p.recorded_at'])
    .orderBy('s.domain')
    .orderBy('s.number')
    .limit(limit);
  if (cursor) query = query.where(sql<boolean>`(s.domain, s.number) > (${cursor.domain}, ${cursor.service})`);
  const rows = await query.execute();
  const targets: SweepTarget[] = [];
  for (const row of rows) {
    const domain = row.domain!;
    const policeNumber = row.police_number !== null && row.recorded_at !== null && policeFooterDueAt(row.recorded_at) <= now ? row.police_number : null;
    for (const name of [domain, ...row.domains.filter((other) => other && other !== domain)]) {
      targets.push({ domain: name, subjectNumber: row.subject_number, serviceNumber: row.number, province: row.province, holderName: row.holder_name, policeNumber });
    }
  }
  const last = rows.at(-1);
  return { targets, services: rows.length, cursor: last ? { domain: last.domain!, service: last.number } : cursor };
}
