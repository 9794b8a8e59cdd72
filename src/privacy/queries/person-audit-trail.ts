import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { maskIdNumber } from '../../core/personal-data.ts';

export const TRAIL_LIMIT = 5000;

/**
 * Everything the audit log holds about one person's data (PIPL art. 45, an admin answering a request): the rows that
 * name the person (views, reveals, downloads, face checks, ID checks) and every row of the orders where the person is
 * a responsible person. Found by the keyed hash of the ID number; the export itself is an audit row.
 */
export async function personAuditTrail(ctx: AppContext, actor: Actor, input: { idNumber: string }) {
  const idNumber = input.idNumber.trim().toUpperCase();
  const key = ctx.cipher.lookupHash(idNumber);
  // Rows under every live look-up key: the audit log is never re-hashed, so rows from before a rotation are found
  // while their key is in OPENBEIAN_LOOKUP_OLD_KEYS.
  const keys = sql<string[]>`ARRAY[${sql.join(ctx.cipher.lookupHashes(idNumber))}]::text[]`;
  const orders = ctx.db.selectFrom('orders').select(sql<string>`id::text`.as('id')).where(sql<boolean>`person_keys && ${keys}`);
  const rows = await ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'a.actor_role', 'u.email as actor_email', 'a.request_id', 'a.entity_type', 'a.entity_id', 'a.action', 'a.from_status', 'a.to_status', 'a.reason', 'a.data'])
    .where((eb) => eb.or([sql<boolean>`a.person_keys && ${keys}`, eb.and([eb('a.entity_type', '=', 'order'), eb('a.entity_id', 'in', orders)])]))
    .orderBy('a.id')
    .limit(TRAIL_LIMIT + 1)
    .execute();
  const now = ctx.clock.now();
  await writeAudit(ctx.db, actor, now, { entityType: 'person', entityId: key.slice(0, 16), action: 'audit_trail_exported', data: { rows: Math.min(rows.length, TRAIL_LIMIT) }, personKeys: [key] });
  return {
    idNumber: maskIdNumber(idNumber),
    exportedAt: now.toISOString(),
    isTruncated: rows.length > TRAIL_LIMIT,
    items: rows.slice(0, TRAIL_LIMIT).map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: { id: row.actor_id, role: row.actor_role, email: row.actor_email },
      requestId: row.request_id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      reason: row.reason,
      data: row.data,
    })),
  };
}
