import type { AppContext } from '../../core/context.ts';
import type { Executor, Tx } from '../../core/db/database.ts';
import { newId } from '../../core/ids.ts';
import { cancelJob, scheduleJob } from '../../core/jobs.ts';
import { responsiblePersons } from '../../filing/index.ts';
import { PLATFORM_CALENDAR, provinceReviewWorkdays } from '../../rules/index.ts';
import type { ProgressSink, Regulator, RegulatorEvent, RegulatorReason, SmsCheckProgress, SmsVerifyResult } from '../port.ts';
import { fileNationally, nationalView, queryFor } from './national.ts';
import { SMS_MAX_SENDS, SMS_MAX_WRONG, SMS_WINDOW_MS, codeMatches, hashSmsCode, newSmsCode, openChallenge, sendCode } from './sms.ts';
import { insertSubmission, loadSubmission, type SimSubmission } from './submissions.ts';

const { addBusinessDays, addBusinessHours } = PLATFORM_CALENDAR;
/** The provider forwards approved orders within a workday; the simulated regulator takes them in two business hours later. */
const INTAKE_DELAY_BUSINESS_HOURS = 2;

type EventBody = RegulatorEvent extends infer E ? (E extends RegulatorEvent ? Omit<E, 'id' | 'submissionId' | 'at'> : never) : never;

/**
 * The built-in regulator for demo and test mode: the SMS check (24 hours, five wrong codes), the province's review
 * time, the checks a real 管局 makes against its registry, and numbers from its own counter. It keeps its own
 * tables (sim_*), runs its steps as jobs on the application clock, and tells the platform what happened only
 * through the port: events pushed to the sink (queued in sim_events until the platform took them).
 */
export function createSimulatedRegulator(ctx: AppContext): Regulator {
  let sink: ProgressSink | null = null;

  /** Queues an event in the simulator's transaction; delivered after commit (and by a job, should that fail). */
  async function emit(tx: Tx, submission: SimSubmission, body: EventBody): Promise<void> {
    const now = ctx.clock.now();
    const event = { ...body, id: `sim-${newId()}`, submissionId: submission.id, at: now.toISOString() } as RegulatorEvent;
    await tx.insertInto('sim_events').values({ event_id: event.id, submission_id: submission.id, body: JSON.stringify(event), created_at: now }).execute();
    await scheduleJob(tx, now, { name: 'regulator.sim.deliver', runAt: now, dedupeKey: `sim.deliver:${event.id}`, maxAttempts: 12 });
  }

  /** Hands queued events to the platform, oldest first; stops at the first failure so order is kept. */
  async function deliverPending(): Promise<void> {
    if (!sink) throw new Error('the simulated regulator has not been started');
    const rows = await ctx.db.selectFrom('sim_events').select(['id', 'body']).where('delivered_at', 'is', null).orderBy('id').limit(100).execute();
    for (const row of rows) {
      await sink([row.body as RegulatorEvent]);
      await ctx.db.updateTable('sim_events').set({ delivered_at: ctx.clock.now() }).where('id', '=', row.id).execute();
    }
  }

  /** After a step committed: tell the platform now, so a person who just typed the code sees the result. */
  async function deliverNow(): Promise<void> {
    await deliverPending().catch((error: unknown) => ctx.logger.warn({ err: error }, 'simulated regulator: delivery deferred to its job'));
  }

  async function reject(tx: Tx, submission: SimSubmission, reasons: RegulatorReason[]): Promise<void> {
    await tx.updateTable('sim_submissions').set({ status: 'rejected', decided_at: ctx.clock.now() }).where('id', '=', submission.id).execute();
    await emit(tx, submission, { type: 'rejected', reasons });
  }

  /** Step: the order reaches the regulator, which checks its registry and texts the responsible persons. */
  async function intake(submissionId: string): Promise<void> {
    await ctx.db.transaction().execute(async (tx) => {
      const submission = await loadSubmission(ctx, tx, submissionId, { forUpdate: true });
      if (!submission || submission.status !== 'received') return;
      const now = ctx.clock.now();
      const national = submission.subjectKey ? await nationalView(ctx, tx, queryFor(submission)) : null;
      const taken = (national?.domains ?? []).filter((d) => !d.sameSubject);
      if (taken.length > 0 && submission.kind !== 'connect') {
        return reject(tx, submission, taken.map((t) => ({ code: 'RECORD_EXISTS_AT_REGULATOR', note: `${t.domain} is filed under another certificate` })));
      }
      if (submission.kind === 'cancel_access') {
        // Cancelling access needs no SMS check (SPEC §12).
        await tx.updateTable('sim_submissions').set({ status: 'review' }).where('id', '=', submissionId).execute();
        await emit(tx, submission, { type: 'under_review' });
        await scheduleJob(tx, now, { name: 'regulator.sim.decide', payload: { submissionId }, runAt: addBusinessDays(now, 1), dedupeKey: `sim.decide:${submissionId}` });
        return;
      }
      const expiresAt = new Date(now.getTime() + SMS_WINDOW_MS);
      await tx.updateTable('sim_submissions').set({ status: 'sms_check' }).where('id', '=', submissionId).execute();
      // A resubmitted order starts a new check; codes sent for the earlier one no longer count.
      await tx.deleteFrom('sim_sms_challenges').where('order_id', '=', submission.orderId).where('confirmed_at', 'is', null).execute();
      const mobiles = [...new Set(responsiblePersons(submission.draft).map((p) => p.mobile).filter(Boolean))];
      for (const mobile of mobiles) {
        await openChallenge(ctx, tx, { submissionId, orderId: submission.orderId, orderNumber: submission.orderNumber, mobile, expiresAt });
      }
      await emit(tx, submission, { type: 'sms_check_started', expiresAt: expiresAt.toISOString() });
      await scheduleJob(tx, now, { name: 'regulator.sim.sms_timeout', payload: { submissionId }, runAt: expiresAt, dedupeKey: `sim.sms_timeout:${submissionId}` });
    });
    await deliverNow();
  }

  /** Step: 24 hours passed without every code confirmed. */
  async function smsTimeout(submissionId: string): Promise<void> {
    await ctx.db.transaction().execute(async (tx) => {
      const submission = await loadSubmission(ctx, tx, submissionId, { forUpdate: true });
      if (!submission || submission.status !== 'sms_check') return;
      await reject(tx, submission, [{ code: 'SMS_VERIFICATION_TIMEOUT' }]);
    });
    await deliverNow();
  }

  /** Step: the 管局 decides, with the checks a real one makes, and files the numbers in its registry. */
  async function decide(submissionId: string): Promise<void> {
    await ctx.db.transaction().execute(async (tx) => {
      const submission = await loadSubmission(ctx, tx, submissionId, { forUpdate: true });
      if (!submission || submission.status !== 'review') return;
      const reasons = await regulatorChecks(tx, submission);
      if (reasons.length > 0) return reject(tx, submission, reasons);
      const numbers = await fileNationally(ctx, tx, submission);
      await tx.updateTable('sim_submissions').set({ status: 'approved', decided_at: ctx.clock.now() }).where('id', '=', submissionId).execute();
      await emit(tx, submission, { type: 'approved', numbers });
    });
    await deliverNow();
  }

  /** The 管局's checks, through the same registry look-up the port answers with. */
  async function regulatorChecks(tx: Executor, submission: SimSubmission): Promise<RegulatorReason[]> {
    if (!submission.subjectKey) return [{ code: 'DATA_NOT_IN_REGISTRY', path: 'subject.certificate.number' }];
    const national = await nationalView(ctx, tx, queryFor(submission));
    const reasons: RegulatorReason[] = [];
    if (national.orderInProgress) reasons.push({ code: 'CERTIFICATE_HAS_ORDER_IN_PROGRESS', path: 'subject.certificate.number' });
    if (national.subject?.status === 'cancelled' && submission.kind !== 'first_filing') reasons.push({ code: 'SUBJECT_CANCELLED', path: 'subject.certificate.number' });
    const elsewhere = new Set(national.personIdsElsewhere);
    for (const person of responsiblePersons(submission.draft)) {
      if (elsewhere.has(person.idNumber) && !submission.materialKinds.includes('employment_proof')) {
        reasons.push({ code: 'SERVICE_LEADER_ID_DUPLICATE', path: `${person.path}.idNumber` });
      }
    }
    return reasons;
  }

  async function verify(input: { mobile: string; code: string }): Promise<SmsVerifyResult> {
    const mobileHashes = ctx.cipher.lookupHashes(input.mobile.trim());
    const result = await ctx.db.transaction().execute(async (tx): Promise<SmsVerifyResult> => {
      const challenge = await tx
        .selectFrom('sim_sms_challenges')
        .selectAll()
        .where('mobile_hash', 'in', mobileHashes)
        .where('confirmed_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!challenge?.submission_id) return { outcome: 'unknown' };
      const submission = await loadSubmission(ctx, tx, challenge.submission_id, { forUpdate: true });
      if (!submission || submission.status !== 'sms_check') return { outcome: 'unknown' };
      const now = ctx.clock.now();
      if (challenge.expires_at.getTime() <= now.getTime()) return { outcome: 'expired' };
      if (challenge.attempts >= SMS_MAX_WRONG) return { outcome: 'locked' };
      if (!codeMatches(ctx, challenge.id, input.code.trim(), challenge.code_hash)) {
        const attempts = challenge.attempts + 1;
        await tx.updateTable('sim_sms_challenges').set({ attempts }).where('id', '=', challenge.id).execute();
        if (attempts >= SMS_MAX_WRONG) {
          await reject(tx, submission, [{ code: 'SMS_VERIFICATION_TIMEOUT', note: `${SMS_MAX_WRONG} wrong codes` }]);
          await cancelJob(tx, `sim.sms_timeout:${submission.id}`);
          return { outcome: 'locked' };
        }
        return { outcome: 'wrong_code', attemptsLeft: SMS_MAX_WRONG - attempts };
      }
      await tx.updateTable('sim_sms_challenges').set({ confirmed_at: now }).where('id', '=', challenge.id).execute();
      const open = await tx.selectFrom('sim_sms_challenges').select('id').where('submission_id', '=', submission.id).where('confirmed_at', 'is', null).execute();
      if (open.length === 0) {
        await cancelJob(tx, `sim.sms_timeout:${submission.id}`);
        await tx.updateTable('sim_submissions').set({ status: 'review' }).where('id', '=', submission.id).execute();
        await emit(tx, submission, { type: 'sms_check_passed' });
        const days = provinceReviewWorkdays(submission.province) ?? 20;
        await scheduleJob(tx, now, { name: 'regulator.sim.decide', payload: { submissionId: submission.id }, runAt: addBusinessDays(now, days), dedupeKey: `sim.decide:${submission.id}` });
      }
      return { outcome: 'confirmed', orderNumber: submission.orderNumber, remaining: open.length };
    });
    await deliverNow();
    return result;
  }

  async function progress(submissionId: string): Promise<SmsCheckProgress | null> {
    const rows = await ctx.db
      .selectFrom('sim_sms_challenges')
      .select(['mobile', 'attempts', 'expires_at', 'confirmed_at', 'created_at'])
      .where('submission_id', '=', submissionId)
      .orderBy('created_at')
      .execute();
    if (rows.length === 0) return null;
    return {
      sentAt: rows[0]!.created_at.toISOString(),
      deadline: new Date(Math.max(...rows.map((r) => r.expires_at.getTime()))).toISOString(),
      mobiles: rows.map((r) => ({
        mobile: ctx.cipher.decrypt(r.mobile),
        isConfirmed: r.confirmed_at !== null,
        attemptsLeft: Math.max(0, SMS_MAX_WRONG - r.attempts),
      })),
    };
  }

  async function resend(input: { mobile: string }): Promise<{ sent: boolean }> {
    const mobileHashes = ctx.cipher.lookupHashes(input.mobile.trim());
    return ctx.db.transaction().execute(async (tx) => {
      const challenge = await tx
        .selectFrom('sim_sms_challenges')
        .innerJoin('sim_submissions', 'sim_submissions.id', 'sim_sms_challenges.submission_id')
        .select(['sim_sms_challenges.id', 'sim_sms_challenges.sent_count', 'sim_sms_challenges.expires_at', 'sim_sms_challenges.attempts', 'sim_submissions.order_number', 'sim_submissions.status'])
        .where('sim_sms_challenges.mobile_hash', 'in', mobileHashes)
        .where('sim_sms_challenges.confirmed_at', 'is', null)
        .orderBy('sim_sms_challenges.created_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      const now = ctx.clock.now();
      if (!challenge || challenge.status !== 'sms_check' || challenge.expires_at <= now || challenge.sent_count >= SMS_MAX_SENDS || challenge.attempts >= SMS_MAX_WRONG) {
        return { sent: false };
      }
      const code = newSmsCode();
      const sendNumber = challenge.sent_count + 1;
      await tx.updateTable('sim_sms_challenges').set({ code_hash: hashSmsCode(ctx, challenge.id, code), sent_count: sendNumber }).where('id', '=', challenge.id).execute();
      await sendCode(ctx, tx, { challengeId: challenge.id, orderNumber: challenge.order_number, mobile: input.mobile.trim(), code, sendNumber });
      return { sent: true };
    });
  }

  ctx.jobs.register('regulator.sim.intake', (payload) => intake(String(payload.submissionId)));
  ctx.jobs.register('regulator.sim.sms_timeout', (payload) => smsTimeout(String(payload.submissionId)));
  ctx.jobs.register('regulator.sim.decide', (payload) => decide(String(payload.submissionId)));
  ctx.jobs.register('regulator.sim.deliver', () => deliverPending());

  return {
    name: 'simulator',
    start(progress) {
      sink = progress;
    },
    stop() {
      sink = null;
    },

    async submit(submission) {
      const regulatorRef = `SIM-${submission.id.slice(0, 8).toUpperCase()}`;
      await ctx.db.transaction().execute(async (tx) => {
        const known = await tx.selectFrom('sim_submissions').select('id').where('id', '=', submission.id).executeTakeFirst();
        if (known) return;
        await insertSubmission(ctx, tx, submission, regulatorRef);
        // Counted from the provider's approval, not from whenever the platform got round to sending it.
        const runAt = addBusinessHours(new Date(submission.approvedAt), INTAKE_DELAY_BUSINESS_HOURS);
        await scheduleJob(tx, ctx.clock.now(), { name: 'regulator.sim.intake', payload: { submissionId: submission.id }, runAt, dedupeKey: `sim.intake:${submission.id}` });
      });
      const stored = await ctx.db.selectFrom('sim_submissions').select('regulator_ref').where('id', '=', submission.id).executeTakeFirstOrThrow();
      return { regulatorRef: stored.regulator_ref };
    },

    async changeAccess(change) {
      const regulatorRef = `SIM-AC-${change.id.slice(0, 8).toUpperCase()}`;
      await ctx.db
        .insertInto('sim_access_changes')
        .values({ id: change.id, regulator_ref: regulatorRef, body: JSON.stringify(change), created_at: ctx.clock.now() })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const stored = await ctx.db.selectFrom('sim_access_changes').select('regulator_ref').where('id', '=', change.id).executeTakeFirstOrThrow();
      return { regulatorRef: stored.regulator_ref };
    },

    lookup: (query) => nationalView(ctx, ctx.db, query),

    sms: { progress, verify, resend },
  };
}
