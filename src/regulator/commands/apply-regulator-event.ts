import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import { canTransition, loadOrderForUpdate, recordFiling, transitionOrder, type OrderStatus } from '../../filing/index.ts';
import { numbersProblem, regulatorEventSchema } from '../events.ts';
import type { RegulatorEvent } from '../port.ts';
import { explainRegulatorReason } from '../reasons.ts';
import { REGULATOR_ACTOR } from './submit-to-regulator.ts';

/**
 * What became of one event: applied to its order; a duplicate of one already taken; stale (about a submission
 * that was decided or superseded by a resubmission); ignored (the order is not where the event could move it);
 * invalid (not an event, or numbers that are not numbers); or about a submission the platform never sent.
 */
export type EventOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'invalid' | 'unknown_submission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The progress sink: applies pushed or polled events in order, each once, each in its own transaction. */
export async function applyRegulatorEvents(ctx: AppContext, events: readonly unknown[]): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = [];
  for (const event of events) outcomes.push(await applyRegulatorEvent(ctx, event));
  return outcomes;
}

export async function applyRegulatorEvent(ctx: AppContext, raw: unknown): Promise<EventOutcome> {
  const adapter = ctx.regulator.name;
  const parsed = regulatorEventSchema.safeParse(raw);
  if (!parsed.success) {
    // Only the shape is logged: an event may carry personal data.
    ctx.logger.error({ regulator: adapter, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'regulator event not understood; not applied');
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id.length <= 200) await record(ctx, { id, submissionId: null, type: 'unreadable' }, 'invalid');
    return 'invalid';
  }
  const event = parsed.data as RegulatorEvent;
  const outcome = await ctx.db.transaction().execute(async (tx): Promise<EventOutcome> => {
    const inserted = await tx
      .insertInto('regulator_events')
      .values({ adapter, event_id: event.id, submission_id: event.submissionId, type: event.type, outcome: 'applied', received_at: ctx.clock.now() })
      .onConflict((oc) => oc.columns(['adapter', 'event_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    const result = await applyInTransaction(ctx, tx, event);
    if (result !== 'applied') await tx.updateTable('regulator_events').set({ outcome: result }).where('id', '=', inserted.id).execute();
    return result;
  });
  if (outcome !== 'applied' && outcome !== 'duplicate') {
    ctx.logger.warn({ regulator: adapter, eventId: event.id, type: event.type, submissionId: event.submissionId, outcome }, 'regulator event not applied');
  }
  return outcome;
}

async function record(ctx: AppContext, event: { id: string; submissionId: string | null; type: string }, outcome: EventOutcome): Promise<void> {
  await ctx.db
    .insertInto('regulator_events')
    .values({ adapter: ctx.regulator.name, event_id: event.id, submission_id: event.submissionId, type: event.type, outcome, received_at: ctx.clock.now() })
    .onConflict((oc) => oc.columns(['adapter', 'event_id']).doNothing())
    .execute();
}

const TARGET: Record<RegulatorEvent['type'], OrderStatus> = {
  sms_check_started: 'sms_verification',
  sms_check_passed: 'regulator_review',
  under_review: 'regulator_review',
  approved: 'approved',
  rejected: 'regulator_rejected',
};

async function applyInTransaction(ctx: AppContext, tx: Tx, event: RegulatorEvent): Promise<EventOutcome> {
  if (!UUID.test(event.submissionId)) return 'unknown_submission';
  const submission = await tx.selectFrom('regulator_submissions').selectAll().where('id', '=', event.submissionId).forUpdate().executeTakeFirst();
  if (!submission) return 'unknown_submission';
  if (submission.status === 'decided' || submission.status === 'refused') return 'stale';
  const latest = await tx.selectFrom('regulator_submissions').select('id').where('order_id', '=', submission.order_id).orderBy('order_version', 'desc').limit(1).executeTakeFirstOrThrow();
  if (latest.id !== submission.id) return 'stale';
  const order = await loadOrderForUpdate(ctx, tx, submission.order_id);
  const to = TARGET[event.type];
  if (!canTransition(order.status, to)) return 'ignored';

  switch (event.type) {
    case 'sms_check_started':
      await transitionOrder(ctx, tx, REGULATOR_ACTOR, order, { to, reason: 'received by the regulator; SMS codes sent', data: { regulatorEvent: event.id } });
      return 'applied';
    case 'sms_check_passed':
      await transitionOrder(ctx, tx, REGULATOR_ACTOR, order, { to, reason: 'SMS verification confirmed', data: { regulatorEvent: event.id } });
      return 'applied';
    case 'under_review':
      await transitionOrder(ctx, tx, REGULATOR_ACTOR, order, { to, reason: 'received by the regulator', data: { regulatorEvent: event.id } });
      return 'applied';
    case 'approved': {
      const problem = numbersProblem(event.numbers, Array.isArray(order.draft.services) ? order.draft.services.length : 0);
      if (problem) {
        ctx.logger.error({ regulator: ctx.regulator.name, eventId: event.id, orderNumber: order.number, problem }, 'regulator approved with numbers that cannot be filed');
        return 'invalid';
      }
      const numbers = await recordFiling(ctx, tx, order, event.numbers);
      await transitionOrder(ctx, tx, REGULATOR_ACTOR, order, {
        to,
        reason: `numbers issued: ${numbers.subject}`,
        changes: { filing_number: numbers.subject, decided_at: ctx.clock.now(), reject_reasons: '[]' },
        data: { numbers, regulatorEvent: event.id },
      });
      break;
    }
    case 'rejected': {
      const reasons = event.reasons.map(explainRegulatorReason);
      await transitionOrder(ctx, tx, REGULATOR_ACTOR, order, {
        to,
        reason: reasons.map((r) => r.code).join(','),
        changes: { reject_reasons: JSON.stringify(reasons), decided_at: ctx.clock.now() },
        data: { reasons, regulatorEvent: event.id },
        returnedWith: reasons,
      });
      break;
    }
  }
  await tx.updateTable('regulator_submissions').set({ status: 'decided' }).where('id', '=', submission.id).execute();
  return 'applied';
}
