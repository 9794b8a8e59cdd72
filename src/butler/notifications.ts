import type { AppContext } from '../core/context.ts';
import type { Tx } from '../core/db/database.ts';
import type { StoredEvent } from '../core/outbox.ts';
import { deliver, smsMessage, type SmsMessage } from '../notify/index.ts';
import { BUTLER_SERVICE_NAMES } from '../rules/index.ts';
import { toTicket, type Ticket } from './repo.ts';

/** 11月30日 09:50 (Beijing time), as a text message says it. */
export function beijingTimeText(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** `sms`: the main steps also go to the contact mobile, as the registered template's short text. */
type Message = { subject: string; text: string; sms?: SmsMessage };
type Template = (ticket: Ticket, event: StoredEvent) => Message | null;

const name = (ticket: Ticket) => `${BUTLER_SERVICE_NAMES[ticket.service].zh}需求单 ${ticket.number}`;
const smsTicket = (ticket: Ticket) => ({ butlerService: BUTLER_SERVICE_NAMES[ticket.service].zh, ticket: ticket.number });
const materialsDue = (ticket: Ticket) => (ticket.materialsDueAt ? beijingTimeText(ticket.materialsDueAt) : '3 个工作日内');
const CLOCK_NAMES: Record<string, string> = { first_response: '首次联系', materials: '材料准备' };

/** What the customer is told at each step: by e-mail always, by SMS to the ticket's contact mobile for the main steps. */
const TO_OWNER: Record<string, Template> = {
  'butler_ticket.opened': (t) => ({
    subject: '已收到您的资质管家需求',
    text: `已收到您的${name(t)}，管家将在 ${beijingTimeText(t.firstResponseDueAt)}（北京时间）前致电与您联系，请保持电话畅通。`,
    sms: smsMessage('butler_ticket.opened', { ...smsTicket(t), time: beijingTimeText(t.firstResponseDueAt) }),
  }),
  'butler_ticket.responded': (t) => ({
    subject: '管家已与您联系',
    text: `管家已就您的${name(t)}与您联系。如需办理，请登录控制台确认服务；确认后不予退款。`,
    sms: smsMessage('butler_ticket.responded', smsTicket(t)),
  }),
  'butler_ticket.confirmed': (t) => ({
    subject: '服务已确认',
    text: `您的${name(t)}已确认开始（不予退款）。管家将在 ${materialsDue(t)} 前完成材料收集与上传，期间请保持电话畅通，留意信息确认与人脸核验。`,
    sms: smsMessage('butler_ticket.confirmed', { ...smsTicket(t), time: materialsDue(t) }),
  }),
  'butler_ticket.submitted': (t) => ({ subject: '申请已提交', text: `管家已提交您的${name(t)}对应的申请，正在等待主管部门受理。` }),
  'butler_ticket.accepted': (t) => ({ subject: '主管部门已受理', text: `您的${name(t)}对应的申请已被主管部门受理，本次管家服务完成。`, sms: smsMessage('butler_ticket.accepted', smsTicket(t)) }),
  'butler_ticket.closed': (t) => ({ subject: '需求单已关闭', text: `您的${name(t)}已关闭。原因：${t.closeReason ?? '—'}`, sms: smsMessage('butler_ticket.closed', smsTicket(t)) }),
  'butler_ticket.invoice_requested': (t, e) => ({
    subject: '已收到开票申请',
    text: `已收到您为${name(t)}提交的开票申请（开票单位：${String(e.payload.entityName)}${e.payload.invoicingEntity ? `，开票主体：${String(e.payload.invoicingEntity)}` : ''}），电子发票开具后将发送至您填写的邮箱。`
  }),
  'butler_ticket.checklist_ticked': (t, e) =>
    e.payload.byRole === 'applicant' ? null : { subject: '管家更新了申请清单', text: `管家更新了您的${name(t)}的申请条件清单，请登录查看。` },
};

/** What the butlers are told: a new request to call, a confirmation that starts the materials clock, a clock run out, an invoice to raise. */
const TO_BUTLERS: Record<string, Template> = {
  'butler_ticket.opened': (t) => ({ subject: `新需求单 ${t.number}`, text: `新的${name(t)}，请在 ${beijingTimeText(t.firstResponseDueAt)} 前致电客户。` }),
  'butler_ticket.confirmed': (t) => ({
    subject: `客户已确认 ${t.number}`,
    text: `客户已确认${name(t)}，请在 ${t.materialsDueAt ? beijingTimeText(t.materialsDueAt) : '3 个工作日内'} 前完成材料并提交。`
  }),
  'butler_ticket.clock_expired': (t, e) => ({
    subject: `已超时：${t.number}`,
    text: `${name(t)}的${CLOCK_NAMES[String(e.payload.clock)] ?? ''}时限已到（${beijingTimeText(new Date(String(e.payload.dueAt)))}），请尽快处理。`
  }),
  'butler_ticket.invoice_requested': (t, e) => ({
    subject: `开票申请 ${t.number}`,
    text: `客户为${name(t)}申请开票，开票单位：${String(e.payload.entityName)}${e.payload.invoicingEntity ? `；开票主体：${String(e.payload.invoicingEntity)}` : ''}。`
  }),
};

/** The butler who answered the ticket, or every active butler while nobody has. */
async function butlerEmails(tx: Tx, ticket: Ticket): Promise<string[]> {
  let query = tx.selectFrom('users').select('email').where('disabled_at', 'is', null);
  query = ticket.butlerId ? query.where('id', '=', ticket.butlerId) : query.where('role', '=', 'butler');
  return (await query.execute()).map((row) => row.email);
}

async function notify(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const row = await tx
    .selectFrom('butler_tickets')
    .innerJoin('users', 'users.id', 'butler_tickets.user_id')
    .selectAll('butler_tickets')
    .select('users.email as owner_email')
    .where('butler_tickets.id', '=', event.aggregateId)
    .executeTakeFirst();
  if (!row) return;
  const ticket = toTicket(ctx, row);
  const toOwner = TO_OWNER[event.topic]?.(ticket, event);
  if (toOwner) {
    await deliver(ctx, tx, { channel: 'email', to: row.owner_email, template: event.topic, subject: toOwner.subject, body: toOwner.text, dedupeKey: `event:${event.id}:email` });
    if (toOwner.sms) await deliver(ctx, tx, { channel: 'sms', to: ticket.contactMobile, ...toOwner.sms, dedupeKey: `event:${event.id}:sms` });
  }
  const toButlers = TO_BUTLERS[event.topic]?.(ticket, event);
  if (toButlers) {
    for (const email of await butlerEmails(tx, ticket)) {
      await deliver(ctx, tx, { channel: 'email', to: email, template: `${event.topic}.butler`, subject: toButlers.subject, body: toButlers.text, dedupeKey: `event:${event.id}:butler:${email}` });
    }
  }
}

export function registerTicketNotifications(ctx: AppContext): void {
  for (const topic of new Set([...Object.keys(TO_OWNER), ...Object.keys(TO_BUTLERS)])) ctx.outbox.on(topic, `butler.notify:${topic}`, (event, tx) => notify(ctx, tx, event));
}
