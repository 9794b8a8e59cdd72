import type { AppContext } from '../core/context.ts';
import { configureRectificationWorkdays } from './findings/deadline.ts';
import { registerFindingDeadlineJob } from './findings/deadline-job.ts';
import { registerFindingNotices } from './findings/notices.ts';
import { registerAccessChangeForwarding } from './revocation/forward-access-change.ts';
import { registerRevocationNotices } from './revocation/notices.ts';
import { registerViolationHandlers } from './violations/index.ts';
import { registerSweepJob } from './sweeps/job.ts';

export { FINDING_CODES, SWEEP_KINDS, codesOfSweep, isFindingCode, type FindingCode, type SweepKind } from './codes.ts';
export { configureRectificationWorkdays, rectificationDeadline, rectificationWorkdays } from './findings/deadline.ts';
export { FINDING_EXTENDED, FINDING_REVOKED, FINDING_WAIVED } from './findings/events.ts';
export { FINDING_STATUSES, nextFindingStatus, type FindingStatus } from './findings/status.ts';
export { openFindingsOfSubject } from './findings/queries/subject-compliance.ts';
export { FINDING_EXPLANATIONS } from './explanations.ts';
export { notifyOwner, type OwnerMessage } from './notices/notify-owner.ts';
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
export { startSweep, SWEEP_BATCH_JOB } from './sweeps/commands/start-sweep.ts';
export { runSweepBatch } from './sweeps/commands/run-sweep-batch.ts';
export { closeSweepCheckers, configuredChecker } from './sweeps/configured-checker.ts';
export type { SweepView } from './sweeps/repo.ts';
export { COMPLIANCE_ROLES } from './revocation/routes.ts';
export { importRegistrarFeed, type ImportFeedInput, type ImportFeedResult } from './sweeps/registrar/import-feed.ts';

/** The compliance context's outbox subscribers and jobs, registered once per process. */
export function registerComplianceHandlers(ctx: AppContext): void {
  configureRectificationWorkdays(ctx.config.compliance.rectificationWorkdays);
  registerAccessChangeForwarding(ctx);
  registerFindingDeadlineJob(ctx);
  registerFindingNotices(ctx);
  registerRevocationNotices(ctx);
  registerViolationHandlers(ctx);
  registerSweepJob(ctx);
}
