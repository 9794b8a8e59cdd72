import type { AppContext } from '../core/context.ts';
import { deliver, smsMessage } from '../notify/index.ts';
import { ID_CHECK_CODE, MISUSE_ANSWERED } from './id-check.ts';

/** Texts of "which filings use my ID?": the code, and the answer to a misuse report. Sent after commit. */
export function registerPrivacyNotifications(ctx: AppContext): void {
  ctx.outbox.on(ID_CHECK_CODE, 'privacy.id-check-code', async (event, tx) => {
    const sealed = event.payload.sealedCode;
    const check = await tx.selectFrom('id_checks').select(['mobile']).where('id', '=', event.aggregateId).executeTakeFirst();
    if (typeof sealed === 'string' && check?.mobile) {
      await deliver(ctx, tx, {
        channel: 'sms',
        to: ctx.cipher.decrypt(check.mobile),
        ...smsMessage('privacy.id_check_code', { code: ctx.cipher.decrypt(sealed) }),
        dedupeKey: `event:${event.id}:sms`,
      });
    }
    // The code lives on only as a hash.
    await tx.updateTable('outbox').set({ payload: JSON.stringify({ erased: true }) }).where('id', '=', event.id).execute();
  });
  ctx.outbox.on(MISUSE_ANSWERED, 'privacy.misuse-answer', async (event, tx) => {
    const report = await tx.selectFrom('misuse_reports').select(['mobile', 'reference', 'answer']).where('id', '=', event.aggregateId).executeTakeFirst();
    if (!report?.answer) return;
    await deliver(ctx, tx, {
      channel: 'sms',
      to: ctx.cipher.decrypt(report.mobile),
      ...smsMessage('privacy.misuse_answered', { reference: report.reference, answer: ctx.cipher.decrypt(report.answer) }),
      dedupeKey: `event:${event.id}:sms`,
    });
  });
}
