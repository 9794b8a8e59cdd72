import type { AppContext } from '../core/context.ts';
import type { Tx } from '../core/db/database.ts';
import type { StoredEvent } from '../core/outbox.ts';
import { deliver, deliverInApp, smsMessage } from '../notify/index.ts';
import { ID_CHECK_CODE, MISUSE_ANSWERED, MISUSE_DUE_JOB, MISUSE_OVERDUE, MISUSE_REPORTED, reportMisuseOverdue } from './id-check.ts';

/** The roles that answer misuse reports (the queue at /privacy/reports). */
const ANSWERING_ROLES = ['admin', 'compliance'] as const;

/** 12月4日 10:00, Beijing time, as the notice says it. */
function beijingTime(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * A report nobody is told about is a report nobody answers: every active admin and compliance officer gets an in-app
 * notice and an e-mail when one arrives, and again when its 3 workdays have passed unanswered. The texts carry the
 * reference and the due time only, no personal data (the queue shows the rest, to those roles).
 */
async function tellAnsweringStaff(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const report = await tx.selectFrom('misuse_reports').select(['reference', 'due_at', 'status']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (!report || report.status !== 'open') return;
  const due = beijingTime(report.due_at);
  const isOverdue = event.topic === MISUSE_OVERDUE;
  const title = isOverdue
    ? { zh: `冒用反映 ${report.reference} 已超过答复时限`, en: `Misuse report ${report.reference} is past its due time` }
    : { zh: `新的冒用反映 ${report.reference}`, en: `New misuse report ${report.reference}` };
  const body = isOverdue
    ? { zh: `该反映应在 ${due}（北京时间）前答复，目前仍未答复，请尽快处理。`, en: `It was due by ${due} (Beijing time) and is still unanswered; answer it now.` }
    : { zh: `有人反映其证件被冒用于本平台的备案，请在 ${due}（北京时间，3 个工作日）前答复。`, en: `Someone reports their ID used in a filing here without consent; answer by ${due} (Beijing time, 3 workdays).` };
  const staff = await tx.selectFrom('users').select(['id', 'email']).where('role', 'in', [...ANSWERING_ROLES]).where('disabled_at', 'is', null).execute();
  for (const member of staff) {
    await deliverInApp(ctx, tx, { userId: member.id, topic: event.topic, title, body, link: '/privacy/reports', dedupeKey: `event:${event.id}:in_app:${member.id}` });
    await deliver(ctx, tx, { channel: 'email', to: member.email, template: event.topic, subject: title.zh, body: `${body.zh}\n\n${body.en}`, dedupeKey: `event:${event.id}:staff` });
  }
}

/** Texts of "which filings use my ID?": the code, and the answer to a misuse report; the staff's notices. Sent after commit. */
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
  ctx.outbox.on(MISUSE_REPORTED, 'privacy.misuse-reported', (event, tx) => tellAnsweringStaff(ctx, tx, event));
  ctx.outbox.on(MISUSE_OVERDUE, 'privacy.misuse-overdue', (event, tx) => tellAnsweringStaff(ctx, tx, event));
  ctx.jobs.register(MISUSE_DUE_JOB, (payload) => reportMisuseOverdue(ctx, payload));
}
