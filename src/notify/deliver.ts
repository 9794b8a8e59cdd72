import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { signalBackgroundWork } from '../core/outbox.ts';

export type OutgoingMessage = {
  channel: 'sms' | 'email';
  to: string;
  /** The message kind; a signed SMS gateway maps it to an approved template code (OPENBEIAN_SMS_TEMPLATES). */
  template: string;
  subject?: string;
  body: string;
  /** Template parameters for a signed SMS gateway; absent: `{ text }`, the body without its 【…】 signature. */
  params?: Record<string, string>;
  /** With the channel and the recipient, the same key is delivered once, however often an outbox event is retried. */
  dedupeKey: string;
};

/**
 * Records the message (encrypted) in the caller's transaction, and nothing else: no network call inside a
 * transaction. The sender worker (src/notify/sender.ts) hands it to the gateway after commit and marks it sent once
 * the gateway accepted it. In demo mode (the `outbox` adapters) the record is the delivery: it is sent at once and can
 * be read at GET /api/v1/dev/outbox. Answers false when the message was already recorded.
 */
export async function deliver(ctx: AppContext, executor: Executor, message: OutgoingMessage): Promise<boolean> {
  const adapter = message.channel === 'sms' ? ctx.config.sms.adapter : ctx.config.mail.adapter;
  const now = ctx.clock.now();
  const recipientHash = ctx.cipher.lookupHash(normaliseRecipient(message.to));
  const isRecordOnly = adapter === 'outbox';
  const inserted = await executor
    .insertInto('sent_messages')
    .values({
      created_at: now,
      channel: message.channel,
      recipient_hash: recipientHash,
      recipient: ctx.cipher.encrypt(message.to),
      subject: message.subject ?? null,
      body: ctx.cipher.encrypt(message.body),
      params: message.params ? ctx.cipher.encrypt(JSON.stringify(message.params)) : null,
      template: message.template,
      // Event (caller's key) + channel + recipient: a second recipient of the same event is its own message.
      dedupe_key: `${message.dedupeKey}:${message.channel}:${recipientHash}`,
      adapter,
      status: isRecordOnly ? 'sent' : 'pending',
      sent_at: isRecordOnly ? now : null,
      next_attempt_at: isRecordOnly ? null : now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (!isRecordOnly) await signalBackgroundWork(executor);
  return true;
}

export const normaliseRecipient = (to: string): string => to.trim().toLowerCase();

export type SentMessageView = {
  id: number;
  at: string;
  channel: 'sms' | 'email';
  to: string;
  template: string;
  subject: string | null;
  body: string;
};

/** Demo-mode reading of what was sent; `to` is an exact mobile or e-mail. */
export async function listSentMessages(ctx: AppContext, query: { to?: string; limit: number }): Promise<SentMessageView[]> {
  let select = ctx.db.selectFrom('sent_messages').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.to) select = select.where('recipient_hash', 'in', ctx.cipher.lookupHashes(normaliseRecipient(query.to)));
  const rows = await select.execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.created_at.toISOString(),
    channel: row.channel,
    to: ctx.cipher.decrypt(row.recipient),
    template: row.template,
    subject: row.subject,
    body: ctx.cipher.decrypt(row.body),
  }));
}
