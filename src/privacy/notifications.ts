import type { AppContext } from '../core/context.ts';
import { deliver } from '../notify/index.ts';
import { ID_CHECK_CODE, ID_CHECK_CODE_TTL_MS, MISUSE_ANSWERED } from './id-check.ts';

/** Texts of "which filings use my ID?": the code, and the answer to a misuse report. Sent after commit. */
export function registerPrivacyNotifications(ctx: AppContext): void {
  ctx.outbox.on(ID_CHECK_CODE, 'privacy.id-check-code', async (event, tx) => {
    const sealed = event.payload.sealedCode;
    const check = await tx.selectFrom('id_checks').select(['mobile']).where('id', '=', event.aggregateId).executeTakeFirst();
    if (typeof sealed === 'string' && check?.mobile) {
      await deliver(ctx, tx, {
        channel: 'sms',
        to: ctx.cipher.decrypt(check.mobile),
        template: event.topic,
        body: `【OpenBeian】您正在查询本人证件在本平台的备案使用情况，验证码 ${ctx.cipher.decrypt(sealed)}，${ID_CHECK_CODE_TTL_MS / 60_000} 分钟内有效。如非本人操作请忽略。`,
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
      template: event.topic,
      body: `【OpenBeian】您反映的证件冒用问题（编号 ${report.reference}）已处理：${ctx.cipher.decrypt(report.answer)}`,
      dedupeKey: `event:${event.id}:sms`,
    });
  });
}
