import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import type { StoredEvent } from '../../core/outbox.ts';
import { deliver, deliverInApp, type SmsMessage } from '../../notify/index.ts';

/** `sms`: the registered template's short text (smsMessage), since a gateway refuses the full body as one variable. */
export type OwnerMessage = { title: { zh: string; en: string }; body: { zh: string; en: string }; sms: SmsMessage };

/** The mobile of the subject's leader as filed; null when the record holds none (e.g. a record imported bare). */
function leaderMobile(ctx: AppContext, encryptedDraft: string): string | null {
  if (!encryptedDraft) return null;
  try {
    const draft = JSON.parse(ctx.cipher.decrypt(encryptedDraft)) as { subject?: { leader?: { mobile?: unknown } } };
    const mobile = draft.subject?.leader?.mobile;
    return typeof mobile === 'string' && mobile ? mobile : null;
  } catch {
    return null;
  }
}

/**
 * Tells the owner of a filed subject, once per outbox event: an e-mail to the account (Chinese, then English), an SMS
 * to the subject leader's filed mobile, and a notice in the console that links to the filed subject.
 */
export async function notifyOwner(ctx: AppContext, tx: Tx, event: StoredEvent, subjectNumber: string, message: OwnerMessage): Promise<void> {
  const subject = await tx
    .selectFrom('filed_subjects')
    .leftJoin('users', 'users.id', 'filed_subjects.user_id')
    .select(['filed_subjects.user_id', 'filed_subjects.draft', 'users.email'])
    .where('filed_subjects.number', '=', subjectNumber)
    .executeTakeFirst();
  if (!subject) return;
  const template = event.topic;
  if (subject.email) {
    await deliver(ctx, tx, { channel: 'email', to: subject.email, template, subject: message.title.zh, body: `${message.body.zh}\n\n${message.body.en}`, dedupeKey: `event:${event.id}:email` });
  }
  const mobile = leaderMobile(ctx, subject.draft);
  if (mobile) await deliver(ctx, tx, { channel: 'sms', to: mobile, ...message.sms, dedupeKey: `event:${event.id}:sms` });
  if (subject.user_id) {
    await deliverInApp(ctx, tx, { userId: subject.user_id, topic: template, title: message.title, body: message.body, link: `/filings/${encodeURIComponent(subjectNumber)}`, dedupeKey: `event:${event.id}:in_app` });
  }
}
