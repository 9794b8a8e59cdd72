import type { AppContext } from '../../core/context.ts';
import { liftSuspension } from './commands/lift-suspension.ts';
import { registerViolationNotices } from './notifications.ts';
import { LIFT_SUSPENSION_JOB } from './repo.ts';

export { violationRoutes } from './routes.ts';
export { recordIncident } from './commands/record-incident.ts';
export { activeSuspensions } from './queries/active-suspensions.ts';

/** The job that lifts suspensions and the owner's notices, registered once per process. */
export function registerViolationHandlers(ctx: AppContext): void {
  ctx.jobs.register(LIFT_SUSPENSION_JOB, (payload) => liftSuspension(ctx, String(payload.suspensionId)));
  registerViolationNotices(ctx);
}
