import type { AppContext } from '../../core/context.ts';
import { shanghaiDate } from '../../core/clock.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { checkPoliceNumber, policeFilingDueOn } from '../../rules/index.ts';
import { cancelReminders, scheduleReminders } from '../police-clock.ts';
import { loadFiledService } from '../repo.ts';

export type RecordPoliceFilingInput = {
  subjectNumber: string;
  /** The service's number, or its sequence under the subject. */
  serviceRef: string;
  /** YYYY-MM-DD, not after today (Beijing time). */
  launchedOn: string;
  /** The 14 digits, alone or with their wording; absent keeps what was recorded. */
  policeNumber?: string;
};

/**
 * The owner records when the site went live (the 30-day clock starts, reminders are scheduled) and, once the police
 * have approved, the police record number (the reminders stop; the footer then shows it). Bad input changes nothing.
 */
export async function recordPoliceFiling(ctx: AppContext, actor: Actor, user: SessionUser, input: RecordPoliceFilingInput) {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (input.launchedOn > today) {
    throw AppError.field('FIELD_INVALID', 'body.launchedOn', `网站开通日期不能晚于今天（${today}）：网站开通后再登记`, `The launch date cannot be after today (${today}); record it once the site is live`);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const { subject, service } = await loadFiledService(ctx, tx, user, input.subjectNumber, input.serviceRef, 'owner');
    if (subject.status !== 'active' || service.access_state === 'cancelled') {
      throw AppError.field('INVALID_TRANSITION', 'params.serviceNumber', '该网站的备案已注销，无需办理公安联网备案', 'This service’s filing is cancelled; there is no police filing to make');
    }
    if (service.kind !== 'website') {
      throw AppError.field('FIELD_INVALID', 'params.serviceNumber', '公安联网备案助手目前只支持网站', 'The police filing assistant covers websites only for now');
    }
    let policeNumber: string | null | undefined;
    if (input.policeNumber !== undefined && input.policeNumber.trim() !== '') {
      const check = checkPoliceNumber(input.policeNumber, subject.province);
      if (!check.ok) throw AppError.field('FIELD_INVALID', 'body.policeNumber', check.problem.zh, check.problem.en);
      policeNumber = check.code;
    }

    const before = await tx.selectFrom('police_filings').selectAll().where('service_number', '=', service.number).forUpdate().executeTakeFirst();
    const dueOn = policeFilingDueOn(input.launchedOn);
    const number = policeNumber ?? before?.police_number ?? null;
    const numberIsNew = policeNumber !== undefined && policeNumber !== before?.police_number;
    const recordedAt = numberIsNew ? now : (before?.recorded_at ?? null);
    if (before) {
      await tx
        .updateTable('police_filings')
        .set({ launched_on: input.launchedOn, due_on: dueOn, police_number: number, recorded_at: recordedAt, updated_at: now })
        .where('service_number', '=', service.number)
        .execute();
    } else {
      await tx
        .insertInto('police_filings')
        .values({ service_number: service.number, subject_number: subject.number, launched_on: input.launchedOn, due_on: dueOn, police_number: number, recorded_at: recordedAt, created_at: now, updated_at: now })
        .execute();
    }

    const launchChanged = before?.launched_on !== input.launchedOn;
    if (number !== null || launchChanged) await cancelReminders(tx, service.number);
    if (number === null && launchChanged) await scheduleReminders(tx, now, service.number, input.launchedOn);

    const facts = { launchedOn: input.launchedOn, dueOn, policeNumber: number };
    await writeAudit(tx, actor, now, {
      entityType: 'filed_service',
      entityId: service.number,
      action: numberIsNew ? 'police_number_recorded' : 'police_launch_recorded',
      data: { before: before ? { launchedOn: before.launched_on, policeNumber: before.police_number } : null, after: facts },
    });
    await enqueueEvent(tx, now, {
      topic: 'police_filing.recorded',
      aggregateType: 'filed_service',
      aggregateId: service.number,
      payload: { subjectNumber: subject.number, serviceNumber: service.number, ...facts, policeNumberChanged: numberIsNew },
    });
    return { subjectNumber: subject.number, serviceNumber: service.number, ...facts, recordedAt: recordedAt?.toISOString() ?? null };
  });
}
