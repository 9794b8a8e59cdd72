import type { AppContext } from '../../core/context.ts';
import { SYSTEM_ACTOR, writeAudit } from '../../core/audit.ts';
import { scheduleJob } from '../../core/jobs.ts';
import { deliver } from '../../notify/index.ts';
import { releaseServiceCodes } from '../../resources/index.ts';
import { EDITABLE_STATUSES } from '../status.ts';
import { releaseSubjectIfFree } from '../subject-binding.ts';

const DAY_MS = 24 * 3600_000;
/** Untouched orders are reminded on day 30 and day 40 and deleted on day 45 (SPEC §12). */
export const REMINDER_DAYS = [30, 40] as const;
export const EXPIRY_DAYS = 45;

export const INACTIVITY_JOB = 'order.inactivity_check';

export async function scheduleInactivityCheck(ctx: AppContext, executor: Parameters<typeof scheduleJob>[0], orderId: string, lastActivityAt: Date): Promise<void> {
  await scheduleJob(executor, ctx.clock.now(), {
    name: INACTIVITY_JOB,
    payload: { orderId },
    runAt: new Date(lastActivityAt.getTime() + REMINDER_DAYS[0] * DAY_MS),
    dedupeKey: `inactivity:${orderId}:${lastActivityAt.toISOString()}:${REMINDER_DAYS[0]}`,
  });
}

/**
 * Runs at each threshold. Activity in between moves the next check; an order waiting on the provider or the
 * regulator is never expired, only one waiting on its applicant.
 */
export async function checkInactiveOrder(ctx: AppContext, orderId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const order = await tx
      .selectFrom('orders')
      .innerJoin('users', 'users.id', 'orders.user_id')
      .select(['orders.id', 'orders.number', 'orders.status', 'orders.last_activity_at', 'orders.user_id', 'users.email'])
      .where('orders.id', '=', orderId)
      .forUpdate()
      .executeTakeFirst();
    if (!order || !(EDITABLE_STATUSES as readonly string[]).includes(order.status)) return;
    const now = ctx.clock.now();
    const idleDays = Math.floor((now.getTime() - order.last_activity_at.getTime()) / DAY_MS);
    if (idleDays >= EXPIRY_DAYS) {
      await writeAudit(tx, SYSTEM_ACTOR, now, { entityType: 'order', entityId: order.id, action: 'expire', fromStatus: order.status, reason: `no activity for ${EXPIRY_DAYS} days` });
      await deliver(ctx, tx, { channel: 'email', to: order.email, template: 'order.expired', subject: '备案订单已过期删除', body: `您的备案订单 ${order.number} 已 ${EXPIRY_DAYS} 天未更新，系统已将其删除。如需备案请重新发起。`, dedupeKey: `expired:${order.id}` });
      await releaseServiceCodes(ctx, tx, SYSTEM_ACTOR, order.id, 'order expired');
      await tx.deleteFrom('orders').where('id', '=', order.id).execute();
      await releaseSubjectIfFree(tx, order.user_id);
      return;
    }
    const reminder = [...REMINDER_DAYS].reverse().find((day) => idleDays >= day);
    if (reminder) {
      await deliver(ctx, tx, {
        channel: 'email',
        to: order.email,
        template: 'order.inactivity_reminder',
        subject: '备案订单即将过期',
        body: `您的备案订单 ${order.number} 已 ${reminder} 天未更新，${EXPIRY_DAYS - reminder} 天后将被删除。请登录继续填写或提交。`,
        dedupeKey: `inactivity-reminder:${order.id}:${order.last_activity_at.toISOString()}:${reminder}`,
      });
    }
    const nextDay = [...REMINDER_DAYS, EXPIRY_DAYS].find((day) => day > idleDays)!;
    await scheduleJob(tx, now, {
      name: INACTIVITY_JOB,
      payload: { orderId },
      runAt: new Date(order.last_activity_at.getTime() + nextDay * DAY_MS),
      dedupeKey: `inactivity:${orderId}:${order.last_activity_at.toISOString()}:${nextDay}`,
    });
  });
}

export function registerInactivityHandlers(ctx: AppContext): void {
  ctx.jobs.register(INACTIVITY_JOB, (payload) => checkInactiveOrder(ctx, String(payload.orderId)));
  ctx.outbox.on('order.created', 'filing.inactivity-check', async (event, tx) => {
    await scheduleInactivityCheck(ctx, tx, event.aggregateId, event.createdAt);
  });
}
