import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { ResourceFacts } from '../../rules/index.ts';
import { presentResource, toResource } from '../repo.ts';

/** The facts eligibility is judged on, plus where the resource lives and whose it is. */
export type RegisterResourceInput = ResourceFacts & {
  /** The customer account the resource was bought for. */
  email: string;
  region: string;
  publicIps: string[];
  expiresAt?: string | null;
};

/**
 * The provider's billing system (or an admin) records a purchased resource for a customer account. Eligibility is
 * not stored: it is computed from the facts each time, so a renewal recorded later is enough to unlock codes.
 */
export async function registerResource(ctx: AppContext, actor: Actor, input: RegisterResourceInput) {
  const email = input.email.trim().toLowerCase();
  return ctx.db.transaction().execute(async (tx) => {
    const owner = await tx.selectFrom('users').select(['id', 'role']).where('email', '=', email).executeTakeFirst();
    if (!owner || owner.role !== 'applicant') {
      throw AppError.field('NOT_FOUND', 'body.email', `没有邮箱为 ${email} 的客户账号，请先让客户注册`, `No customer account has the e-mail ${email}; the customer must register first`);
    }
    const now = ctx.clock.now();
    const row = await tx
      .insertInto('resources')
      .values({
        id: newId(),
        user_id: owner.id,
        kind: input.kind,
        region: input.region.trim(),
        is_mainland: input.isMainland,
        billing: input.billing,
        paid_months: input.paidMonths,
        first_term_months: input.firstTermMonths ?? null,
        has_public_bandwidth: input.hasPublicBandwidth,
        order_amount_cny: input.orderAmountCny ?? null,
        public_ips: [...new Set(input.publicIps.map((ip) => ip.trim().toLowerCase()))],
        label: input.label.trim(),
        created_at: now,
        expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const resource = toResource(row);
    const view = presentResource(resource, 0, now);
    await writeAudit(tx, actor, now, {
      entityType: 'resource',
      entityId: resource.id,
      action: 'register',
      data: { ownerId: owner.id, kind: resource.kind, label: resource.label, isEligible: view.eligibility.isEligible },
    });
    return view;
  });
}
