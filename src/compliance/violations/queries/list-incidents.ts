import { sql } from 'kysely';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { presentIncident, type IncidentRow, type IncidentView } from '../present.ts';

export type ListIncidentsQuery = { id?: string; service?: string; subject?: string; cursor?: string; limit: number };

/** The violation ledger, newest first, keyset-paged on the incident's sequence number. */
export async function listIncidents(ctx: AppContext, query: ListIncidentsQuery): Promise<{ items: IncidentView[]; nextCursor: string | null; now: string }> {
  // A mistyped number would otherwise look like a clean record.
  if (query.service && !(await ctx.db.selectFrom('filed_services').select('number').where('number', '=', query.service).executeTakeFirst())) {
    throw AppError.field('VALIDATION_FAILED', 'query.service', `本接入商没有网站备案号为 ${query.service} 的网站`, `No filed service numbered ${query.service} here`);
  }
  let select = ctx.db
    .selectFrom('violation_incidents as i')
    .innerJoin('filed_services as s', 's.number', 'i.service_number')
    .leftJoin('users as u', 'u.id', 'i.recorded_by')
    .leftJoin('service_suspensions as x', 'x.incident_id', 'i.id')
    .select([
      'i.id',
      'i.seq',
      'i.service_number',
      'i.subject_number',
      'i.kind',
      'i.note',
      'i.occurred_at',
      'i.action',
      'i.rule_id',
      'u.email as recorded_by_email',
      'x.until as suspension_until',
      'x.lifted_at as suspension_lifted_at',
      's.domain',
      's.domains',
      's.access_state',
      sql<boolean>`EXISTS (SELECT 1 FROM service_suspensions a WHERE a.service_number = s.number AND a.lifted_at IS NULL)`.as('is_suspended'),
    ]);
  if (query.id) select = select.where('i.id', '=', query.id);
  if (query.service) select = select.where('i.service_number', '=', query.service);
  if (query.subject) select = select.where('i.subject_number', '=', query.subject);
  if (query.cursor) select = select.where('i.seq', '<', Number(query.cursor));
  const rows = await select.orderBy('i.seq', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentIncident(row as IncidentRow)),
    nextCursor: rows.length > query.limit && last ? String(last.seq) : null,
    now: ctx.clock.now().toISOString(),
  };
}

/** One incident as the ledger shows it (the answer to recording it). */
export async function getIncident(ctx: AppContext, id: string): Promise<IncidentView | null> {
  const { items } = await listIncidents(ctx, { id, limit: 1 });
  return items[0] ?? null;
}
