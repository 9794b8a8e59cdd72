import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { scheduleJob } from '../core/jobs.ts';
import { enqueueEvent } from '../core/outbox.ts';
import { deliver, smsMessage } from '../notify/index.ts';
import { addDays, daysBetween, POLICE_REMINDER_DAYS } from '../rules/index.ts';
import { findPoliceFiling } from './repo.ts';

/**
 * The police filing's 30-day clock (SPEC §9): reminders on day 20 and day 27 after launch, at 09:00 Beijing time, as
 * jobs on the application clock. A job checks the record again when it runs (the launch date may have been corrected,
 * the police number recorded) and only then puts the reminder in the outbox; the outbox sends it by e-mail and SMS.
 */
export const REMINDER_JOB = 'aftercare.police_filing_reminder';
export const REMINDER_EVENT = 'police_filing.reminder_due';

const keyPrefix = (serviceNumber: string) => `police-filing:${serviceNumber}:`;
const reminderKey = (serviceNumber: string, launchedOn: string, day: number, at: Date) => `${keyPrefix(serviceNumber)}${launchedOn}:day${day}:${at.getTime()}`;

/** 09:00 Asia/Shanghai on the given day after launch. */
export const reminderAt = (launchedOn: string, day: number): Date => new Date(`${addDays(launchedOn, day)}T01:00:00.000Z`);

/** Cancels the service's pending reminders (a new launch date, or the police number is in). */
export async function cancelReminders(executor: Executor, serviceNumber: string): Promise<void> {
  await executor
    .updateTable('jobs')
    .set({ status: 'done', last_error: 'cancelled' })
    .where('name', '=', REMINDER_JOB)
    .where('status', '=', 'pending')
    .where('dedupe_key', 'like', `${keyPrefix(serviceNumber)}%`)
    .execute();
}

/** Schedules the reminders still ahead; a day already past when the launch date is recorded gets none. */
export async function scheduleReminders(executor: Executor, now: Date, serviceNumber: string, launchedOn: string): Promise<void> {
  for (const day of POLICE_REMINDER_DAYS) {
    const runAt = reminderAt(launchedOn, day);
    if (runAt <= now) continue;
    await scheduleJob(executor, now, { name: REMINDER_JOB, runAt, payload: { serviceNumber, launchedOn, day }, dedupeKey: reminderKey(serviceNumber, launchedOn, day, now) });
  }
}

export type ReminderState = 'scheduled' | 'sent' | 'failed' | 'not_needed' | 'passed';

/** Where each reminder of the current launch date stands, for the guide. */
export async function reminderStates(executor: Executor, serviceNumber: string, launchedOn: string, hasPoliceNumber: boolean) {
  const rows = await executor
    .selectFrom('jobs')
    .select(['status', 'payload', 'last_error'])
    .where('name', '=', REMINDER_JOB)
    .where('dedupe_key', 'like', `${keyPrefix(serviceNumber)}${launchedOn}:%`)
    .where(sql<boolean>`coalesce(last_error, '') <> 'cancelled'`)
    .orderBy('id', 'desc')
    .execute();
  return POLICE_REMINDER_DAYS.map((day) => {
    const job = rows.find((r) => r.payload['day'] === day);
    let state: ReminderState;
    if (job) state = job.status === 'done' ? 'sent' : job.status === 'failed' ? 'failed' : 'scheduled';
    else state = hasPoliceNumber ? 'not_needed' : 'passed';
    return { day, at: reminderAt(launchedOn, day).toISOString(), state };
  });
}

/** Registers the reminder job and the outbox subscriber that sends it. */
export function registerPoliceReminders(ctx: AppContext): void {
  ctx.jobs.register(REMINDER_JOB, async (payload) => {
    const serviceNumber = String(payload['serviceNumber']);
    const day = Number(payload['day']);
    await ctx.db.transaction().execute(async (tx) => {
      const row = await findPoliceFiling(tx, serviceNumber);
      // A corrected launch date has its own reminders; a recorded police number needs none.
      if (!row || row.launched_on !== payload['launchedOn'] || row.police_number !== null) return;
      const today = addDays(row.launched_on, day);
      await enqueueEvent(tx, ctx.clock.now(), {
        topic: REMINDER_EVENT,
        aggregateType: 'filed_service',
        aggregateId: serviceNumber,
        payload: { serviceNumber, subjectNumber: row.subject_number, day, launchedOn: row.launched_on, dueOn: row.due_on, daysLeft: daysBetween(today, row.due_on) },
      });
    });
  });

  ctx.outbox.on(REMINDER_EVENT, 'aftercare.police-reminder', async (event, tx) => {
    const p = event.payload as { serviceNumber: string; subjectNumber: string; launchedOn: string; dueOn: string; daysLeft: number };
    const owner = await tx
      .selectFrom('filed_subjects')
      .innerJoin('users', 'users.id', 'filed_subjects.user_id')
      .innerJoin('filed_services', 'filed_services.subject_number', 'filed_subjects.number')
      .select(['users.email', 'filed_subjects.draft', 'filed_services.domain', 'filed_services.name', 'filed_services.seq'])
      .where('filed_services.number', '=', p.serviceNumber)
      .executeTakeFirst();
    if (!owner) return;
    const site = owner.domain ?? owner.name;
    const link = `${ctx.config.publicUrl}/filings/${encodeURIComponent(p.subjectNumber)}/services/${owner.seq}/police`;
    const text =
      `您的网站 ${site}（${p.serviceNumber}）于 ${p.launchedOn} 开通，须在 ${p.dueOn} 前到全国互联网安全管理服务平台完成公安联网备案，还剩 ${p.daysLeft} 天。` +
      `填写所需的接入商、服务器等信息已为您整理好：${link}`;
    const subject = `请在 ${p.dueOn} 前完成公安联网备案`;
    await deliver(ctx, tx, { channel: 'email', to: owner.email, template: REMINDER_EVENT, subject, body: text, dedupeKey: `event:${event.id}:email` });
    const record = JSON.parse(ctx.cipher.decrypt(owner.draft)) as { subject?: { leader?: { mobile?: string } } };
    const mobile = record.subject?.leader?.mobile;
    if (!mobile) return;
    const sms = smsMessage(REMINDER_EVENT, { site, service: p.serviceNumber, launchedOn: p.launchedOn, dueOn: p.dueOn, days: String(p.daysLeft) });
    await deliver(ctx, tx, { channel: 'sms', to: mobile, ...sms, dedupeKey: `event:${event.id}:sms` });
  });
}
