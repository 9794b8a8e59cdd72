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
