import { registerRecoveryNotifications } from './accounts/index.ts';
import { registerButlerHandlers } from './butler/index.ts';
import { registerComplianceHandlers } from './compliance/index.ts';
import { registerAftercareHandlers } from './aftercare/index.ts';
import type { AppContext } from './core/context.ts';
import { registerEnforcementHandlers } from './enforcement/index.ts';
import { registerClaimNotifications, registerInactivityHandlers } from './filing/index.ts';
import { registerHousekeeping } from './housekeeping/index.ts';
import { registerMessageSender, registerOrderNotifications } from './notify/index.ts';
import { registerPrivacyNotifications } from './privacy/index.ts';
import { registerRegulatorLink } from './regulator/index.ts';

/** Every outbox subscriber and job handler, registered once per process. */
export function registerHandlers(ctx: AppContext): void {
  registerEnforcementHandlers(ctx);
  registerInactivityHandlers(ctx);
  registerOrderNotifications(ctx);
  registerRecoveryNotifications(ctx);
  registerPrivacyNotifications(ctx);
  registerButlerHandlers(ctx);
  registerAftercareHandlers(ctx);
  registerComplianceHandlers(ctx);
  registerHousekeeping(ctx);
  // Orders to the regulator and progress back, through whichever adapter is connected (ctx.regulator).
  registerRegulatorLink(ctx);
  registerClaimNotifications(ctx);
  // Messages written by the subscribers above go to the gateways after commit (src/notify/sender.ts).
  registerMessageSender(ctx);
}
