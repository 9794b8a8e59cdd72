import { randomBytes } from 'node:crypto';
import type * as Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { sql, type Selectable } from 'kysely';
import { SYSTEM_ACTOR, writeAudit } from '../core/audit.ts';
import type { AppContext, BackgroundWorker } from '../core/context.ts';
import { signRequest, templateFor, templateParams } from './rules/sms-signature.ts';
import { lazyModule } from '../core/lazy-module.ts';
import type { SentMessagesTable } from '../core/db/schema.ts';

const nodemailer = lazyModule<typeof Nodemailer>('nodemailer');

/** A message is given up (status `failed`, audited) after this many gateway attempts. */
export const SEND_ATTEMPTS = 8;
/** 1, 2, 4 … minutes between attempts, at most an hour: eight attempts span about two hours. */
export const sendBackoffMs = (attempts: number): number => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);
const SMS_TIMEOUT_MS = 10_000;

type Claimed = {
  id: number;
  channel: 'sms' | 'email';
  to: string;
  template: string;
  subject: string | null;
  body: string;
  params: Record<string, string> | undefined;
  attempts: number;
};

type ClaimedRow = Pick<Selectable<SentMessagesTable>, 'id' | 'channel' | 'recipient' | 'template' | 'subject' | 'body' | 'params' | 'attempts'>;

/**
 * The claim, as one statement: the next message due on the application clock (`now`), or one whose sender's lease ran
 * out on the database's clock (its process died). Each arm has its partial index (sent_messages_due_idx,
 * sent_messages_lease_idx): test/query-plans.test.ts holds it to that.
 */
export function claimNextMessageQuery(now: Date, leaseMs: number) {
  return sql<ClaimedRow>`
      UPDATE sent_messages SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL,
             lease_until = now() + make_interval(secs => ${leaseMs / 1000})
       WHERE id IN (
         SELECT id FROM sent_messages
          WHERE (status = 'pending' AND next_attempt_at <= ${now})
             OR (status = 'sending' AND lease_until < now())
          ORDER BY next_attempt_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, recipient, template, subject, body, params, attempts`;
}

/** A gateway answer that no retry can change (no template for the kind): failed at once. */
class PermanentFailure extends Error {}

/**
 * The sender worker (issue 10: side effects exactly once). It claims a due `sent_messages` row in one statement
 * (FOR UPDATE SKIP LOCKED, then a lease: status `sending` until `lease_until`), calls the gateway with no
 * transaction open, and marks the row `sent` only after the gateway accepted it. A failure schedules a retry with
 * backoff; after SEND_ATTEMPTS the row is `failed` and audited. A crash between the gateway's acceptance and the mark
 * leaves the lease to expire and the message is sent once more — at most once more, since the next claim finds it
 * `sending` again only if that attempt too was never marked.
 *
 * When a message falls due is a matter of the application clock (a virtual clock moves retries in demo and test
 * mode); how long a claim is held is measured on the database's clock, the one clock every process shares. A lease on
 * the application clock expired under its holder whenever another process's clock was ahead of the holder's (the
 * demo clock shared between processes moves in steps), and the message went out twice.
 */
export class MessageSender implements BackgroundWorker {
  readonly name = 'sender';
  private mailer: Transporter | null = null;
  /** Kinds already warned about going out as one `{ text }` variable: once per kind and process is enough. */
  private readonly warnedTextKinds = new Set<string>();

  constructor(private readonly ctx: AppContext) {}

  /** Longer than any gateway call can take, so a lease only expires when its process died. */
  private get leaseMs(): number {
    return Math.max(5 * 60_000, 4 * this.ctx.config.mail.timeoutMs, 4 * SMS_TIMEOUT_MS);
  }

  async runDue(limit = 50): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      const message = await this.claim();
      if (!message) break;
      handled += 1;
      try {
        const adapter = await this.send(message);
        await this.markSent(message, adapter);
      } catch (error) {
        await this.markFailed(message, error);
      }
    }
    return handled;
  }

  /** Closes the pooled SMTP connections (at shutdown). */
  async close(): Promise<void> {
    const mailer = this.mailer;
    this.mailer = null;
    mailer?.close();
  }

  private async claim(): Promise<Claimed | null> {
    const { ctx } = this;
    const row = (await claimNextMessageQuery(ctx.clock.now(), this.leaseMs).execute(ctx.db)).rows[0];
    if (!row) return null;
    return {
      id: row.id,
      channel: row.channel,
      to: ctx.cipher.decrypt(row.recipient),
      template: row.template,
      subject: row.subject,
      body: ctx.cipher.decrypt(row.body),
      params: row.params ? (JSON.parse(ctx.cipher.decrypt(row.params)) as Record<string, string>) : undefined,
      attempts: row.attempts,
    };
  }

  /** The gateway call, outside any transaction. Answers the adapter that took the message. */
  private async send(message: Claimed): Promise<string> {
    const { config } = this.ctx;
    if (message.channel === 'email') {
      if (config.mail.adapter === 'outbox') return 'outbox';
      await this.transport().sendMail({ from: config.mail.from, to: message.to, subject: message.subject ?? 'OpenBeian', text: message.body });
      return 'smtp';
    }
    if (config.sms.adapter === 'outbox') return 'outbox';
    if (config.sms.adapter === 'http') await this.sendSmsOverHttp(message);
    else await this.sendSignedSms(message);
    return config.sms.adapter;
  }

  private transport(): Transporter {
    const { mail } = this.ctx.config;
    this.mailer ??= nodemailer().createTransport({
      url: mail.smtpUrl,
      pool: true,
      maxConnections: mail.poolSize,
      connectionTimeout: mail.timeoutMs,
      greetingTimeout: mail.timeoutMs,
      socketTimeout: mail.timeoutMs,
    } as Parameters<typeof Nodemailer.createTransport>[0]);
    return this.mailer;
  }

  /** A generic SMS gateway: POST JSON {to, template, text} with a bearer key; any 2xx is accepted. */
  private async sendSmsOverHttp(message: Claimed): Promise<void> {
    const { sms } = this.ctx.config;
    const response = await fetch(sms.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sms.key ?? ''}` },
      body: JSON.stringify({ to: message.to, template: message.template, text: message.body }),
      signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }

  /** A Chinese-style gateway: template code + JSON parameters, signed with HMAC-SHA256 (src/notify/rules/sms-signature.ts). */
  private async sendSignedSms(message: Claimed): Promise<void> {
    const { sms } = this.ctx.config;
    const templateCode = templateFor(sms.templates, message.template);
    if (!templateCode) throw new PermanentFailure(`no SMS template for kind ${message.template}: add it (or *) to OPENBEIAN_SMS_TEMPLATES`);
    if (!message.params) this.warnTextFallback(message.template);
    const body = JSON.stringify({ phoneNumber: message.to, signName: sms.signName, templateCode, templateParam: templateParams(message.body, message.params), outId: `ob-${message.id}` });
    const url = new URL(sms.url!);
    const headers = signRequest(sms.key!, { path: `${url.pathname}${url.search}`, keyId: sms.keyId!, at: this.ctx.clock.now(), nonce: randomBytes(16).toString('hex'), body });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body, signal: AbortSignal.timeout(SMS_TIMEOUT_MS) });
    const text = await response.text();
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    if (/"accepted"\s*:\s*false/.test(text)) throw new Error(`SMS gateway refused the message: ${text.slice(0, 200)}`);
  }

  /**
   * A kind with no entry in src/notify/sms-templates.ts (or a row written before it had one) goes out as `{ text }`,
   * which carriers do not approve as a template: the operator should hear of it, without one line per message.
   */
  private warnTextFallback(kind: string): void {
    if (this.warnedTextKinds.has(kind)) return;
    this.warnedTextKinds.add(kind);
    this.ctx.logger.warn({ template: kind }, 'SMS kind has no registered template text; sent as one { text } variable (see docs/sms-templates.md)');
  }

  private async markSent(message: Claimed, adapter: string): Promise<void> {
    const { ctx } = this;
    await ctx.db.transaction().execute(async (tx) => {
      const now = ctx.clock.now();
      const marked = await tx
        .updateTable('sent_messages')
        .set({ status: 'sent', sent_at: now, next_attempt_at: null, lease_until: null, last_error: null, adapter })
        .where('id', '=', message.id)
        .where('status', '=', 'sending')
        .where('attempts', '=', message.attempts)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) return; // the lease ran out and another attempt owns the row
      await writeAudit(tx, SYSTEM_ACTOR, now, { entityType: 'sent_message', entityId: String(message.id), action: 'message.sent', fromStatus: 'sending', toStatus: 'sent', data: { channel: message.channel, template: message.template, attempts: message.attempts, adapter } });
    });
  }

  private async markFailed(message: Claimed, error: unknown): Promise<void> {
    const { ctx } = this;
    const reason = String(error instanceof Error ? error.message : error).slice(0, 2000);
    const isGivingUp = error instanceof PermanentFailure || message.attempts >= SEND_ATTEMPTS;
    ctx.logger.warn({ messageId: message.id, channel: message.channel, template: message.template, attempts: message.attempts, err: reason }, isGivingUp ? 'message failed for good' : 'message not accepted; will retry');
    await ctx.db.transaction().execute(async (tx) => {
      const now = ctx.clock.now();
      const toStatus = isGivingUp ? 'failed' : 'pending';
      const marked = await tx
        .updateTable('sent_messages')
        .set({ status: toStatus, last_error: reason, next_attempt_at: isGivingUp ? null : new Date(now.getTime() + sendBackoffMs(message.attempts)), lease_until: null })
        .where('id', '=', message.id)
        .where('status', '=', 'sending')
        .where('attempts', '=', message.attempts)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) return;
      await writeAudit(tx, SYSTEM_ACTOR, now, {
        entityType: 'sent_message',
        entityId: String(message.id),
        action: isGivingUp ? 'message.failed' : 'message.retry_scheduled',
        fromStatus: 'sending',
        toStatus,
        reason,
        data: { channel: message.channel, template: message.template, attempts: message.attempts },
      });
    });
  }
}

/** Starts the sender with the other background work (drainBackgroundWork, the background loop). */
export function registerMessageSender(ctx: AppContext): void {
  ctx.workers.push(new MessageSender(ctx));
}
