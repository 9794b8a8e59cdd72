import type { AppContext } from '../core/context.ts';
import { registerClockJobs } from './clock-jobs.ts';
import { registerTicketNotifications } from './notifications.ts';

export { butlerRoutes } from './routes.ts';
export { BUTLER_ROLES, isButlerStaff } from './repo.ts';

/** The butler's clock jobs and the messages its tickets send, registered once per process. */
export function registerButlerHandlers(ctx: AppContext): void {
  registerClockJobs(ctx);
  registerTicketNotifications(ctx);
}
