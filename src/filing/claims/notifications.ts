import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import type { StoredEvent } from '../../core/outbox.ts';
import { deliver, smsMessage } from '../../notify/index.ts';
import { CLAIM_CODE } from './claim-subject.ts';

/** Texts the claim code to the filed mobile after commit; the sealed code is then erased from the outbox row. */
async function sendClaimCode(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const sealed = event.payload.sealedCode;
  if (typeof sealed !== 'string') return;
  const claim = await tx.selectFrom('subject_claims').select(['mobile']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (claim) {
    await deliver(ctx, tx, {
      channel: 'sms',
      to: ctx.cipher.decrypt(claim.mobile),
      ...smsMessage('filing.claim_code', { code: ctx.cipher.decrypt(sealed) }),
      dedupeKey: `event:${event.id}:sms`,
    });
  }
  await tx.updateTable('outbox').set({ payload: JSON.stringify({ erased: true }) }).where('id', '=', event.id).execute();
}

export function registerClaimNotifications(ctx: AppContext): void {
  ctx.outbox.on(CLAIM_CODE, 'filing.claim-code', (event, tx) => sendClaimCode(ctx, tx, event));
}
