import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { newId, newOrderNumber } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { bindSubject } from '../../accounts/index.ts';
import { personKeysOf } from '../access.ts';
import { summariseDraft } from '../draft-summary.ts';
import { decideKind, lookUpNational } from '../kind.ts';
import { translateUniqueViolation } from '../errors.ts';

export type CreateOrderInput = { draft: Record<string, unknown>; filingNumber?: string; targetServices?: string[]; kind?: string };

/** A new order starts as a draft; the server decides its kind from the draft and what is already filed. */
export async function createOrder(ctx: AppContext, actor: Actor, user: SessionUser, input: CreateOrderInput) {
  const now = ctx.clock.now();
  const summary = summariseDraft(input.draft);
  const id = newId();
  const number = newOrderNumber(now);
  // The registry is asked before the transaction: it may be a network call. A kind given with the request needs none.
  const national = input.kind ? null : await lookUpNational(ctx, input.draft, summary);
  return translateUniqueViolation(() =>
    ctx.db.transaction().execute(async (tx) => {
      const subjectKey = summary.certificate ? ctx.cipher.lookupHash(`${summary.certificate.type}:${summary.certificate.number}`) : null;
      if (summary.certificate) await bindSubject(ctx, tx, { userId: user.id, certificateType: summary.certificate.type, certificateNumber: summary.certificate.number });
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
