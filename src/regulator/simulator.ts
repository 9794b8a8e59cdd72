import type { AppContext } from '../core/context.ts';
import { SYSTEM_ACTOR, type Actor } from '../core/audit.ts';
import type { Tx } from '../core/db/database.ts';
import { cancelJob, scheduleJob } from '../core/jobs.ts';
import { PLATFORM_CALENDAR, provinceReviewWorkdays, rejectionReason } from '../rules/index.ts';

const { addBusinessDays, addBusinessHours } = PLATFORM_CALENDAR;
import { loadOrderForUpdate, responsiblePersons, transitionOrder, type Order } from '../filing/index.ts';
import { issueNumbers } from '../filing/filed/issue-numbers.ts';
import type { Regulator, SmsVerifyResult } from './port.ts';
import { SMS_MAX_SENDS, SMS_MAX_WRONG, SMS_WINDOW_MS, codeMatches, hashSmsCode, newSmsCode, openChallenge, sendCode } from './sms.ts';

const REGULATOR: Actor = { ...SYSTEM_ACTOR, role: 'regulator' };
/** The provider forwards approved orders within a workday; the simulator takes two business hours. */
const SEND_DELAY_BUSINESS_HOURS = 2;

export function explainedReason(code: string, path?: string, note?: string) {
  const reason = rejectionReason(code);
  return { code, ...(path ? { path } : {}), ...(note ? { note } : {}), message: reason.explanation, fix: reason.fix };
}

async function reject(ctx: AppContext, tx: Tx, order: Order, reasons: ReturnType<typeof explainedReason>[]): Promise<void> {
  await transitionOrder(ctx, tx, REGULATOR, order, {
    to: 'regulator_rejected',
    reason: reasons.map((r) => r.code).join(','),
    changes: { reject_reasons: JSON.stringify(reasons), decided_at: ctx.clock.now() },
    data: { reasons },
    returnedWith: reasons,
  });
}

/** The built-in regulator: SMS check, province review time, the checks a real 管局 makes, and numbers. */
export const simulatedRegulator: Regulator = {
  async verifySms(ctx, input): Promise<SmsVerifyResult> {
    const mobileHash = ctx.cipher.lookupHash(input.mobile.trim());
    return ctx.db.transaction().execute(async (tx) => {
      const challenge = await tx
        .selectFrom('sms_challenges')
        .selectAll()
        .where('mobile_hash', '=', mobileHash)
        .where('confirmed_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!challenge) return { outcome: 'unknown' as const };
      const order = await loadOrderForUpdate(ctx, tx, challenge.order_id);
      if (order.status !== 'sms_verification') return { outcome: 'unknown' as const };
      const now = ctx.clock.now();
      if (challenge.expires_at.getTime() <= now.getTime()) return { outcome: 'expired' as const };
      if (challenge.attempts >= SMS_MAX_WRONG) return { outcome: 'locked' as const };
      if (!codeMatches(ctx, challenge.id, input.code.trim(), challenge.code_hash)) {
        const attempts = challenge.attempts + 1;
        await tx.updateTable('sms_challenges').set({ attempts }).where('id', '=', challenge.id).execute();
        if (attempts >= SMS_MAX_WRONG) {
          await reject(ctx, tx, order, [explainedReason('SMS_VERIFICATION_TIMEOUT', undefined, `${SMS_MAX_WRONG} wrong codes`)]);
          await cancelJob(tx, `sms-timeout:${order.id}:${order.version}`);
          return { outcome: 'locked' as const };
        }
        return { outcome: 'wrong_code' as const, attemptsLeft: SMS_MAX_WRONG - attempts };
      }
      await tx.updateTable('sms_challenges').set({ confirmed_at: now }).where('id', '=', challenge.id).execute();
      const open = await tx.selectFrom('sms_challenges').select('id').where('order_id', '=', order.id).where('confirmed_at', 'is', null).execute();
      if (open.length === 0) {
        await cancelJob(tx, `sms-timeout:${order.id}:${order.version}`);
        await transitionOrder(ctx, tx, REGULATOR, order, { to: 'regulator_review', reason: 'SMS verification confirmed' });
        const days = provinceReviewWorkdays(order.province ?? '') ?? 20;
        await scheduleJob(tx, now, { name: 'regulator.decide', payload: { orderId: order.id }, runAt: addBusinessDays(now, days), dedupeKey: `decide:${order.id}:${order.version + 1}` });
      }
      return { outcome: 'confirmed' as const, orderNumber: order.number, remaining: open.length };
    });
  },

  async resendSms(ctx, input) {
    const mobileHash = ctx.cipher.lookupHash(input.mobile.trim());
    return ctx.db.transaction().execute(async (tx) => {
      const challenge = await tx
        .selectFrom('sms_challenges')
        .innerJoin('orders', 'orders.id', 'sms_challenges.order_id')
        .select(['sms_challenges.id', 'sms_challenges.sent_count', 'sms_challenges.expires_at', 'sms_challenges.attempts', 'orders.number', 'orders.status'])
        .where('sms_challenges.mobile_hash', '=', mobileHash)
        .where('sms_challenges.confirmed_at', 'is', null)
        .orderBy('sms_challenges.created_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      const now = ctx.clock.now();
      if (!challenge || challenge.status !== 'sms_verification' || challenge.expires_at <= now || challenge.sent_count >= SMS_MAX_SENDS || challenge.attempts >= SMS_MAX_WRONG) {
        return { sent: false };
      }
      const code = newSmsCode();
      const sendNumber = challenge.sent_count + 1;
      await tx.updateTable('sms_challenges').set({ code_hash: hashSmsCode(ctx, challenge.id, code), sent_count: sendNumber }).where('id', '=', challenge.id).execute();
      await sendCode(ctx, tx, { challengeId: challenge.id, orderNumber: challenge.number, mobile: input.mobile.trim(), code, sendNumber });
      return { sent: true };
    });
  },
};

/** Job: the order reaches the regulator, which runs its intake checks and texts the responsible persons. */
async function sendToRegulator(ctx: AppContext, orderId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const order = await loadOrderForUpdate(ctx, tx, orderId);
    if (order.status !== 'awaiting_regulator') return;
    const now = ctx.clock.now();
    const taken = order.subjectKey && order.domains.length
      ? await tx.selectFrom('sim_national_records').select(['domain']).where('domain', 'in', order.domains).where('subject_key', '!=', order.subjectKey).where('status', '=', 'active').execute()
      : [];
    if (taken.length > 0 && order.kind !== 'connect') {
      await reject(ctx, tx, order, taken.map((t) => explainedReason('RECORD_EXISTS_AT_REGULATOR', undefined, `${t.domain} is filed under another certificate`)));
      return;
    }
    if (order.kind === 'cancel_access') {
      // Cancelling access needs no SMS check (SPEC §12).
      const after = await transitionOrder(ctx, tx, REGULATOR, order, { to: 'regulator_review', reason: 'received by the regulator' });
      await scheduleJob(tx, now, { name: 'regulator.decide', payload: { orderId }, runAt: addBusinessDays(now, 1), dedupeKey: `decide:${orderId}:${after.version}` });
      return;
    }
    const after = await transitionOrder(ctx, tx, REGULATOR, order, { to: 'sms_verification', reason: 'received by the regulator; SMS codes sent' });
    const expiresAt = new Date(now.getTime() + SMS_WINDOW_MS);
    await tx.deleteFrom('sms_challenges').where('order_id', '=', orderId).where('confirmed_at', 'is', null).execute();
    const mobiles = [...new Set(responsiblePersons(order.draft).map((p) => p.mobile).filter(Boolean))];
    for (const mobile of mobiles) await openChallenge(ctx, tx, { orderId, orderNumber: order.number, mobile, expiresAt });
    await scheduleJob(tx, now, { name: 'regulator.sms_timeout', payload: { orderId, version: after.version }, runAt: expiresAt, dedupeKey: `sms-timeout:${orderId}:${after.version}` });
  });
}

/** Job: 24 hours passed without every code confirmed. */
async function smsTimeout(ctx: AppContext, orderId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const order = await loadOrderForUpdate(ctx, tx, orderId);
    if (order.status !== 'sms_verification') return;
    await reject(ctx, tx, order, [explainedReason('SMS_VERIFICATION_TIMEOUT')]);
  });
}

/** Job: the 管局 decides, with the checks a real one makes, and issues numbers. */
async function decide(ctx: AppContext, orderId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const order = await loadOrderForUpdate(ctx, tx, orderId);
    if (order.status !== 'regulator_review') return;
    const reasons = await regulatorChecks(ctx, tx, order);
    if (reasons.length > 0) return reject(ctx, tx, order, reasons);
    const numbers = await issueNumbers(ctx, tx, order);
    await transitionOrder(ctx, tx, REGULATOR, order, {
      to: 'approved',
      reason: `numbers issued: ${numbers.subject}`,
      changes: { filing_number: numbers.subject, decided_at: ctx.clock.now(), reject_reasons: '[]' },
      data: { numbers },
    });
  });
}

async function regulatorChecks(ctx: AppContext, tx: Tx, order: Order) {
  const reasons: ReturnType<typeof explainedReason>[] = [];
  if (!order.subjectKey) return [explainedReason('DATA_NOT_IN_REGISTRY', 'subject.certificate.number')];
  const national = await tx.selectFrom('sim_national_records').select(['status', 'leader_key', 'domain']).where('subject_key', '=', order.subjectKey).execute();
  if (national.some((r) => r.status === 'pending')) reasons.push(explainedReason('CERTIFICATE_HAS_ORDER_IN_PROGRESS', 'subject.certificate.number'));
  if (national.length > 0 && national.every((r) => r.status === 'cancelled') && order.kind !== 'first_filing') {
    reasons.push(explainedReason('SUBJECT_CANCELLED', 'subject.certificate.number'));
  }
  const uploadedKinds = new Set(
    (await tx.selectFrom('order_materials').select('kind').where('order_id', '=', order.id).where('replaced_at', 'is', null).execute()).map((m) => m.kind),
  );
  for (const person of responsiblePersons(order.draft)) {
    const key = ctx.cipher.lookupHash(person.idNumber);
    const elsewhere = await tx.selectFrom('sim_national_records').select('id').where('leader_key', '=', key).where('subject_key', '!=', order.subjectKey).where('status', '=', 'active').executeTakeFirst();
    if (elsewhere && !uploadedKinds.has('employment_proof')) reasons.push(explainedReason('SERVICE_LEADER_ID_DUPLICATE', `${person.path}.idNumber`));
  }
  return reasons;
}

export function registerRegulatorSimulator(ctx: AppContext): void {
  // Handlers write through the event's transaction: PGlite has a single connection.
  ctx.outbox.on('order.awaiting_regulator', async (event, tx) => {
    // Counted from the approval itself, not from whenever the dispatcher got to the event.
    await scheduleJob(tx, ctx.clock.now(), {
      name: 'regulator.send',
      payload: { orderId: event.aggregateId },
      runAt: addBusinessHours(event.createdAt, SEND_DELAY_BUSINESS_HOURS),
      dedupeKey: `regulator.send:${event.id}`,
    });
  });
  ctx.jobs.register('regulator.send', (payload) => sendToRegulator(ctx, String(payload.orderId)));
  ctx.jobs.register('regulator.sms_timeout', (payload) => smsTimeout(ctx, String(payload.orderId)));
  ctx.jobs.register('regulator.decide', (payload) => decide(ctx, String(payload.orderId)));
}
