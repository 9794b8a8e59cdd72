import nodemailer from 'nodemailer';
import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';

export type OutgoingMessage = {
  channel: 'sms' | 'email';
  to: string;
  template: string;
  subject?: string;
  body: string;
  /** The same key is delivered once, however often an outbox event is retried. */
  dedupeKey: string;
};

/**
 * Records the message (encrypted) and hands it to the configured gateway. In demo mode the record is the
 * delivery: it can be read at GET /api/v1/dev/outbox.
 */
export async function deliver(ctx: AppContext, executor: Executor, message: OutgoingMessage): Promise<boolean> {
  const adapter = message.channel === 'sms' ? ctx.config.sms.adapter : ctx.config.mail.adapter;
  const inserted = await executor
    .insertInto('sent_messages')
    .values({
      created_at: ctx.clock.now(),
      channel: message.channel,
      recipient_hash: ctx.cipher.lookupHash(normaliseRecipient(message.to)),
      recipient: ctx.cipher.encrypt(message.to),
      subject: message.subject ?? null,
      body: ctx.cipher.encrypt(message.body),
      template: message.template,
      dedupe_key: message.dedupeKey,
      adapter,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (adapter === 'smtp') await sendMail(ctx, message);
  if (adapter === 'http') await sendSmsOverHttp(ctx, message);
  return true;
}

export const normaliseRecipient = (to: string): string => to.trim().toLowerCase();

async function sendMail(ctx: AppContext, message: OutgoingMessage): Promise<void> {
  const transport = nodemailer.createTransport(ctx.config.mail.smtpUrl!);
  await transport.sendMail({ from: ctx.config.mail.from, to: message.to, subject: message.subject ?? 'OpenBeian', text: message.body });
}

/** A generic SMS gateway: POST JSON {to, template, text} with a bearer key; any 2xx is accepted. */
async function sendSmsOverHttp(ctx: AppContext, message: OutgoingMessage): Promise<void> {
  const response = await fetch(ctx.config.sms.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.config.sms.key ?? ''}` },
    body: JSON.stringify({ to: message.to, template: message.template, text: message.body }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
}

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
