import type { AppContext } from '../core/context.ts';
import { registerAccessChangeForwarding } from './revocation/forward-access-change.ts';
import { registerRevocationNotices } from './revocation/notices.ts';
import { registerViolationHandlers } from './violations/index.ts';

export { FINDING_CODES, SWEEP_KINDS, codesOfSweep, isFindingCode, type FindingCode, type SweepKind } from './codes.ts';
export { rectificationDeadline } from './findings/deadline.ts';
export {
  FINDING_CLOSED,
  FINDING_OPENED,
  recordSweepObservations,
  type CheckedDomain,
  type RecordedObservations,
  type SweepObservation,
} from './findings/record-sweep-observations.ts';
export { ACCESS_REVOKED, revokeAccess, type Revocation, type RevocationSource, type RevokeAccessInput } from './revocation/revoke-access.ts';
export { shellState, type ShellState } from './shell.ts';
export { activeSuspensions } from './violations/index.ts';
export { complianceRoutes } from './routes.ts';
export { COMPLIANCE_ROLES } from './revocation/routes.ts';

/** The compliance context's outbox subscribers and jobs, registered once per process. */
export function registerComplianceHandlers(ctx: AppContext): void {
  registerAccessChangeForwarding(ctx);
  registerRevocationNotices(ctx);
  registerViolationHandlers(ctx);
}
