import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { ResourcesTable } from '../../core/db/schema.ts';
import type { Updateable } from 'kysely';
import { eligibilityOf, findResource, issuedCounts, presentResource, resourceFacts, toResource } from '../repo.ts';
import type { RegisterResourceInput } from './register-resource.ts';

/** The same fields as registering, each optional: what the billing system learned (a renewal, bandwidth, new IPs …). */
export type UpdateResourceInput = Partial<RegisterResourceInput>;

/**
 * The provider's billing system (or an admin) records a change to a resource: a renewal, a switch to subscription,
 * bandwidth bought, IPs changed, a new expiry. Eligibility is recomputed from the new facts. Codes already issued stay
 * issued, even when the change leaves fewer codes allowed than were issued (none are left to issue then); a code whose
 * IP moved away is caught at submit (SERVICE_IP_NOT_ON_RESOURCE). The owner cannot be changed here: `email`, if sent,
 * must be the owner's.
 */
export async function updateResource(ctx: AppContext, actor: Actor, id: string, input: UpdateResourceInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findResource(tx, id, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND');
    if (input.email !== undefined) {
      const email = input.email.trim().toLowerCase();
      const owner = await tx.selectFrom('users').select('email').where('id', '=', before.ownerId).executeTakeFirstOrThrow();
      if (owner.email.toLowerCase() !== email) {
        throw AppError.field(
          'VALIDATION_FAILED',
          'body.email',
          `资源的所属账号不能修改：该资源属于 ${owner.email}。如客户账号变更，请为新账号登记新的资源`,
          `A resource's owner cannot be changed: this one belongs to ${owner.email}. Register a new resource for the new account`,
        );
      }
    }
    const changes: Updateable<ResourcesTable> = {};
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.label !== undefined) changes.label = input.label.trim();
    if (input.region !== undefined) changes.region = input.region.trim();
    if (input.isMainland !== undefined) changes.is_mainland = input.isMainland;
    if (input.billing !== undefined) changes.billing = input.billing;
    if (input.paidMonths !== undefined) changes.paid_months = input.paidMonths;
    if (input.firstTermMonths !== undefined) changes.first_term_months = input.firstTermMonths;
    if (input.hasPublicBandwidth !== undefined) changes.has_public_bandwidth = input.hasPublicBandwidth;
    if (input.orderAmountCny !== undefined) changes.order_amount_cny = input.orderAmountCny;
    if (input.publicIps !== undefined) changes.public_ips = [...new Set(input.publicIps.map((ip) => ip.trim().toLowerCase()))];
    if (input.expiresAt !== undefined) changes.expires_at = input.expiresAt === null ? null : new Date(input.expiresAt);

    const now = ctx.clock.now();
    const after = Object.keys(changes).length === 0 ? before : toResource(await tx.updateTable('resources').set(changes).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow());
    const issued = (await issuedCounts(tx, [after.id])).get(after.id) ?? 0;
    const view = presentResource(after, issued, now);
    const [from, to] = [resourceFacts(before), resourceFacts(after)];
    const changed = (Object.keys(to) as (keyof typeof to)[]).filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]));
    if (changed.length > 0) {
      await writeAudit(tx, actor, now, {
        entityType: 'resource',
        entityId: after.id,
        action: 'update',
        data: {
          changed,
          before: from,
          after: to,
          wasEligible: eligibilityOf(before, now).isEligible,
          isEligible: view.eligibility.isEligible,
        },
      });
    }
    return view;
  });
}
