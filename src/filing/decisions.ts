// The draft each "sent back" decision was taken on (rejected by the provider or the 管局, or asked to supplement),
// and what changed since: the reviewer sees the field-level difference against the version they decided on, the
// applicant sees which reasons each change answers.

import type { AppContext } from '../core/context.ts';
import type { Actor } from '../core/audit.ts';
import type { Executor, Tx } from '../core/db/database.ts';
import { maskEmail, maskIdNumber, maskMobile } from '../core/personal-data.ts';
import { diffSinceDecision, type DecisionReason, type FieldChange, type MaterialUpload } from '../rules/index.ts';
import type { SessionUser } from '../accounts/index.ts';
import { orderAccess } from './access.ts';
import type { Order } from './repo.ts';
import type { ReturnedStatus } from './status.ts';

export async function recordDecision(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  order: Order,
  input: { outcome: ReturnedStatus; reasons: readonly DecisionReason[]; at: Date },
): Promise<void> {
  await tx
    .insertInto('order_decisions')
    .values({
      order_id: order.id,
      order_version: order.version,
      outcome: input.outcome,
      draft: ctx.cipher.encrypt(JSON.stringify(order.draft)),
      reasons: JSON.stringify(input.reasons.map(toDecisionReason)),
      decided_by: actor.userId,
      decided_at: input.at,
    })
    .execute();
}

/** Keeps what the diff reads from a reason, whatever else the caller's reason object carries. */
function toDecisionReason(reason: DecisionReason): DecisionReason {
  const { code, kind, path, note, message } = reason;
  return {
    ...(code ? { code } : {}),
    ...(kind ? { kind } : {}),
    ...(path ? { path } : {}),
    ...(note ? { note } : {}),
    ...(message ? { message } : {}),
  };
}

export type ChangesSinceDecision = {
  decision: { outcome: ReturnedStatus; version: number; decidedAt: string; reasons: DecisionReason[] };
  /** True when personal values (ID numbers, mobiles) are shown masked to this reader. */
  isMasked: boolean;
} & ReturnType<typeof diffSinceDecision>;

/** The difference between the latest decision's draft and the draft now; null when the order was never sent back. */
export async function changesSinceDecision(ctx: AppContext, executor: Executor, order: Order, reader: SessionUser): Promise<ChangesSinceDecision | null> {
  const decision = await executor
    .selectFrom('order_decisions')
    .select(['order_version', 'outcome', 'draft', 'reasons', 'decided_at'])
    .where('order_id', '=', order.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!decision) return null;
  const uploads = await uploadsSince(executor, order.id, decision.decided_at);
  const reasons = decision.reasons as DecisionReason[];
  const diff = diffSinceDecision({ before: JSON.parse(ctx.cipher.decrypt(decision.draft)), after: order.draft, reasons, uploads });
  // The same rule as the order itself (access.ts): a reviewer sees values in full only while the order is in the
  // review queue; outside it, and for compliance, the changed values are masked like the rest of the draft.
  const access = orderAccess(reader, order);
  const isMasked = access !== 'owner' && access !== 'full';
  return {
    decision: { outcome: decision.outcome, version: decision.order_version, decidedAt: decision.decided_at.toISOString(), reasons },
    isMasked,
    ...diff,
    fields: isMasked ? diff.fields.map(maskField) : diff.fields,
  };
}

function maskField(field: FieldChange): FieldChange {
  if (!field.personal) return field;
  const mask = field.personal === 'id_number' ? maskIdNumber : field.personal === 'email' ? maskEmail : maskMobile;
  return { ...field, before: field.before === null ? null : mask(field.before), after: field.after === null ? null : mask(field.after) };
}

/** Materials uploaded after the decision: new kinds, or replacements of one already there before it. */
async function uploadsSince(executor: Executor, orderId: string, since: Date): Promise<MaterialUpload[]> {
  const rows = await executor
    .selectFrom('order_materials')
    .select(['kind', 'applies_to', 'created_at'])
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute();
  const earlier = new Set(rows.filter((r) => r.created_at.getTime() <= since.getTime()).map((r) => `${r.kind}|${r.applies_to ?? ''}`));
  return rows
    .filter((r) => r.created_at.getTime() > since.getTime())
    .map((r) => ({
      kind: r.kind,
      appliesTo: r.applies_to,
      change: earlier.has(`${r.kind}|${r.applies_to ?? ''}`) ? ('replaced' as const) : ('added' as const),
      at: r.created_at.toISOString(),
    }));
}
