import type { AppContext } from '../core/context.ts';
import type { Tx } from '../core/db/database.ts';
import type { StoredEvent } from '../core/outbox.ts';
import { deliver } from './deliver.ts';
import { smsMessage, type SmsMessage } from './sms-templates.ts';

type Template = (event: StoredEvent) => { subject: string; text: string; sms: SmsMessage };

const orderNumber = (event: StoredEvent) => String(event.payload.orderNumber);

const reasonsText = (event: StoredEvent): string => {
  const reasons = (event.payload.reasons as { code: string; message?: { zh: string } }[] | undefined) ?? [];
  return reasons.map((r) => `${r.message?.zh ?? r.code}（${r.code}）`).join('；') || String(event.payload.reason ?? '');
};

/** The steps the applicant is told about (SPEC §6), by SMS to the subject leader and by e-mail to the account. */
const TEMPLATES: Record<string, Template> = {
  'order.provider_review': (e) => ({ subject: '备案订单已提交', text: `您的备案订单 ${e.payload.orderNumber} 已提交，接入商将在 1 个工作日内完成初审。`, sms: smsMessage('order.provider_review', { order: orderNumber(e) }) }),
  'order.provider_rejected': (e) => ({ subject: '备案初审未通过', text: `您的备案订单 ${e.payload.orderNumber} 初审未通过：${reasonsText(e)}。请登录修改后重新提交。`, sms: smsMessage('order.provider_rejected', { order: orderNumber(e) }) }),
  'order.supplement_requested': (e) => ({ subject: '请补充备案资料', text: `您的备案订单 ${e.payload.orderNumber} 需要补充资料，请登录查看并上传。`, sms: smsMessage('order.supplement_requested', { order: orderNumber(e) }) }),
  'order.sms_verification': (e) => ({ subject: '备案已提交管局，请完成短信核验', text: `您的备案订单 ${e.payload.orderNumber} 已提交至管局。工信部将向负责人手机发送验证码，请在 24 小时内完成短信核验。`, sms: smsMessage('order.sms_verification', { order: orderNumber(e) }) }),
  'order.regulator_rejected': (e) => ({ subject: '管局审核未通过', text: `您的备案订单 ${e.payload.orderNumber} 管局审核未通过：${reasonsText(e)}。请登录修改后重新提交。`, sms: smsMessage('order.regulator_rejected', { order: orderNumber(e) }) }),
  'order.approved': (e) => {
    const numbers = e.payload.numbers as { subject: string; services: { number: string }[] } | undefined;
    return {
      subject: '备案成功',
      text: `恭喜，您的备案订单 ${e.payload.orderNumber} 已通过管局审核。主体备案号 ${numbers?.subject ?? ''}，网站备案号 ${numbers?.services.map((s) => s.number).join('、') ?? ''}。请在网站底部展示备案号并链接至 https://beian.miit.gov.cn/ 。`,
      sms: smsMessage('order.approved', { order: orderNumber(e), subjectNumber: numbers?.subject ?? '' }),
    };
  },
};

async function notify(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const template = TEMPLATES[event.topic];
  if (!template) return;
  const order = await tx.selectFrom('orders').innerJoin('users', 'users.id', 'orders.user_id').select(['users.email', 'orders.draft']).where('orders.id', '=', event.aggregateId).executeTakeFirst();
  if (!order) return;
  const { subject, text, sms } = template(event);
  const draft = JSON.parse(ctx.cipher.decrypt(order.draft)) as { subject?: { leader?: { mobile?: string } } };
  const mobile = draft.subject?.leader?.mobile;
  await deliver(ctx, tx, { channel: 'email', to: order.email, template: event.topic, subject, body: text, dedupeKey: `event:${event.id}:email` });
  if (mobile) await deliver(ctx, tx, { channel: 'sms', to: mobile, ...sms, dedupeKey: `event:${event.id}:sms` });
}

export function registerOrderNotifications(ctx: AppContext): void {
  for (const topic of Object.keys(TEMPLATES)) ctx.outbox.on(topic, `notify.order:${topic}`, (event, tx) => notify(ctx, tx, event));
}
