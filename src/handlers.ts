import { registerRecoveryNotifications } from './accounts/index.ts';
import type { AppContext } from './core/context.ts';
import { registerEnforcementHandlers } from './enforcement/index.ts';
import { registerInactivityHandlers } from './filing/index.ts';
import { registerOrderNotifications } from './notify/index.ts';
import { registerRegulatorSimulator } from './regulator/index.ts';
import { registerPrivacyNotifications } from './privacy/index.ts';

/** Every outbox subscriber and job handler, registered once per process. */
export function registerHandlers(ctx: AppContext): void {
  registerEnforcementHandlers(ctx);
  registerInactivityHandlers(ctx);
  registerOrderNotifications(ctx);
  registerRecoveryNotifications(ctx);
  registerPrivacyNotifications(ctx);
  // The simulator plays the regulator; a production adapter would register here instead.
  registerRegulatorSimulator(ctx);
}
