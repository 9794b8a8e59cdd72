import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { newId, newOrderNumber } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { personKeysOf } from '../access.ts';
import { summariseDraft } from '../draft-summary.ts';
import { decideKind, lookUpNational } from '../kind.ts';
import { assertDraftWithinLimits } from '../draft-limits.ts';
import { throwOrderInProgress, translateUniqueViolation } from '../errors.ts';
import { hasSubmittedOrder } from '../subject-binding.ts';

export type CreateOrderInput = { draft: Record<string, unknown>; filingNumber?: string; targetServices?: string[]; kind?: string };

/**
 * A new order starts as a draft; the server decides its kind from the draft and what is already filed. A draft binds
 * nothing: the account and the subject are bound when the order is submitted (subject-binding.ts).
 */
export async function createOrder(ctx: AppContext, actor: Actor, user: SessionUser, input: CreateOrderInput) {
  assertDraftWithinLimits(input.draft);
  const now = ctx.clock.now();
  const summary = summariseDraft(input.draft);
  const id = newId();
  const number = newOrderNumber(now);
  // The registry is asked before the transaction: it may be a network call. A kind given with the request needs none.
  const national = input.kind ? null : await lookUpNational(ctx, input.draft, summary);
  return translateUniqueViolation(() =>
    ctx.db.transaction().execute(async (tx) => {
      const subjectKey = summary.certificate ? ctx.cipher.lookupHash(`${summary.certificate.type}:${summary.certificate.number}`) : null;
      // A change or cancellation of a filed subject cannot go anywhere while another of its orders is in flight: say
      // so now rather than at submit. (A new filing's draft may name any subject: drafts hold nothing.)
      if (input.filingNumber && summary.certificate && (await hasSubmittedOrder(tx, ctx.cipher.lookupHashes(`${summary.certificate.type}:${summary.certificate.number}`)))) throwOrderInProgress();
      const kind = input.kind ?? (await decideKind(ctx, tx, input.draft, summary, national));
      await tx
        .insertInto('orders')
        .values({
          id,
          number,
          user_id: user.id,
          kind,
          status: 'draft',
          draft: ctx.cipher.encrypt(JSON.stringify(input.draft)),
          person_keys: personKeysOf(ctx, input.draft),
          province: summary.province,
          subject_name: summary.subjectName,
          subject_key: subjectKey,
          domains: summary.domains,
          filing_number: input.filingNumber ?? null,
          target_services: input.targetServices ?? [],
          created_at: now,
          updated_at: now,
          last_activity_at: now,
        })
        .execute();
      await writeAudit(tx, actor, now, { entityType: 'order', entityId: id, action: 'create', toStatus: 'draft', data: { kind } });
      await enqueueEvent(tx, now, { topic: 'order.created', aggregateType: 'order', aggregateId: id, payload: { orderId: id, orderNumber: number, userId: user.id, kind } });
      return { id, number, kind, status: 'draft' as const, version: 1 };
    }),
  );
}
