import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import type { StoredEvent } from '../../core/outbox.ts';
import { deliver } from '../../notify/index.ts';
import { CLAIM_CODE, CLAIM_CODE_TTL_MS } from './claim-subject.ts';

/** Texts the claim code to the filed mobile after commit; the sealed code is then erased from the outbox row. */
async function sendClaimCode(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const sealed = event.payload.sealedCode;
  if (typeof sealed !== 'string') return;
  const claim = await tx.selectFrom('subject_claims').select(['mobile', 'subject_number']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (claim) {
    await deliver(ctx, tx, {
      channel: 'sms',
      to: ctx.cipher.decrypt(claim.mobile),
      template: event.topic,
      body: `【OpenBeian】您正在认领备案主体 ${claim.subject_number}，验证码 ${ctx.cipher.decrypt(sealed)}，${CLAIM_CODE_TTL_MS / 60_000} 分钟内有效。验证后该备案将归属申请认领的账号；如非本人操作，请勿告诉他人并忽略本短信。`,
      dedupeKey: `event:${event.id}:sms`,
    });
  }
  await tx.updateTable('outbox').set({ payload: JSON.stringify({ erased: true }) }).where('id', '=', event.id).execute();
}

export function registerClaimNotifications(ctx: AppContext): void {
  ctx.outbox.on(CLAIM_CODE, 'filing.claim-code', (event, tx) => sendClaimCode(ctx, tx, event));
}
