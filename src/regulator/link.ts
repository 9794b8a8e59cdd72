import type { AppContext } from '../core/context.ts';
import { scheduleJob } from '../core/jobs.ts';
import { applyRegulatorEvents } from './commands/apply-regulator-event.ts';
import { submitToRegulator } from './commands/submit-to-regulator.ts';

/** Twelve attempts, 30 s doubling: about 17 hours of retries before a submission is left to an operator. */
const SUBMIT_ATTEMPTS = 12;

/**
 * The platform's side of the port: an order the provider approved goes to the regulator as a job (after commit,
 * retried while the regulator is unreachable), and progress comes back through `applyRegulatorEvents`.
 */
export function registerRegulatorLink(ctx: AppContext): void {
  ctx.outbox.on('order.awaiting_regulator', 'regulator.submit-job', async (event, tx) => {
    await scheduleJob(tx, ctx.clock.now(), {
      name: 'regulator.submit',
      payload: { orderId: event.aggregateId, approvedAt: event.createdAt.toISOString() },
      runAt: ctx.clock.now(),
      dedupeKey: `regulator.submit:${event.id}`,
      maxAttempts: SUBMIT_ATTEMPTS,
    });
  });
  ctx.jobs.register('regulator.submit', (payload) =>
    submitToRegulator(ctx, String(payload.orderId), typeof payload.approvedAt === 'string' ? payload.approvedAt : undefined),
  );
}

/** Connects the adapter's pushed progress to the platform; called once the platform is ready. */
export async function startRegulator(ctx: AppContext): Promise<void> {
  await ctx.regulator.start?.(async (events) => {
    await applyRegulatorEvents(ctx, events);
  });
}
