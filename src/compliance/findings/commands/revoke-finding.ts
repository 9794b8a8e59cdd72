import { sql } from 'kysely';
import type { Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/database.ts';
import { revokeAccess, type Revocation } from '../../revocation/revoke-access.ts';
import type { FindingRow } from '../repo.ts';
import { loadFindingFor } from './load-finding.ts';
import { settleFinding } from './settle-finding.ts';

/** The services a finding is about: its own, or (found by domain only) every service of the subject holding it. */
async function servicesOf(tx: Tx, row: FindingRow): Promise<{ number: string; access_state: string }[]> {
  let query = tx.selectFrom('filed_services').select(['number', 'access_state']).where('subject_number', '=', row.subject_number);
  if (row.service_number) query = query.where('number', '=', row.service_number);
  else if (row.domain) query = query.where((eb) => eb.or([eb('domain', '=', row.domain), eb(sql.val(row.domain), '=', eb.fn.any('domains'))]));
  return query.execute();
}

/**
 * 取消接入 because of a finding: by staff now, or by the deadline job once it is overdue (`source` 'finding'
 * either way). Services still connected lose access through revokeAccess; services already revoked or cancelled
 * are left as they are — the finding is then settled as revoked without a second revocation.
 */
export async function revokeFinding(ctx: AppContext, tx: Tx, actor: Actor, id: string, input: { reason: string }): Promise<{ revocation: Revocation | null }> {
  const now = ctx.clock.now();
  const { row, to } = await loadFindingFor(tx, id, 'revoke');
  const connected = (await servicesOf(tx, row)).filter((s) => s.access_state === 'connected').map((s) => s.number);
  const revocation = connected.length > 0 ? await revokeAccess(tx, ctx, actor, { subjectNumber: row.subject_number, serviceNumbers: connected, reason: input.reason, source: 'finding', findingId: id }) : null;
  await settleFinding(tx, actor, now, {
    row,
    to,
    action: 'revoke',
    reason: input.reason,
    audit: { revocationId: revocation?.id ?? null, services: connected },
    event: { revocationId: revocation?.id ?? null },
  });
  return { revocation };
}
