export type {
  AccessChange,
  IssuedNumbers,
  NationalQuery,
  NationalRecords,
  PollResult,
  ProgressSink,
  Regulator,
  RegulatorEvent,
  RegulatorFactory,
  RegulatorReason,
  RegulatorSetup,
  RegulatorSubmission,
  SmsVerifyResult,
  SubmitReceipt,
} from './port.ts';
export { RegulatorRefusedError, RegulatorUnavailableError } from './errors.ts';
export { explainedReason } from './reasons.ts';
export { connectRegulator } from './connect.ts';
export { registerRegulatorLink, startRegulator } from './link.ts';
export { applyRegulatorEvent, applyRegulatorEvents, type EventOutcome } from './commands/apply-regulator-event.ts';
export { pollRegulator, startRegulatorPolling } from './commands/poll-regulator.ts';
export { regulatorSimRoutes } from './simulator/routes.ts';
