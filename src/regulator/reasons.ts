import { isRejectionReasonCode, rejectionReason } from '../rules/index.ts';
import type { RegulatorReason } from './port.ts';

/** A reason from the catalogue (DESIGN §5.8) with its zh/en explanation and fix, as orders store and show them. */
export function explainedReason(code: string, path?: string, note?: string) {
  const reason = rejectionReason(code);
  return { code, ...(path ? { path } : {}), ...(note ? { note } : {}), message: reason.explanation, fix: reason.fix };
}

export type ExplainedReason = ReturnType<typeof explainedReason>;

/** A regulator's reason as the applicant sees it: a code outside the catalogue becomes OTHER, keeping its words. */
export function explainRegulatorReason(reason: RegulatorReason): ExplainedReason {
  if (isRejectionReasonCode(reason.code)) return explainedReason(reason.code, reason.path, reason.note);
  return explainedReason('OTHER', reason.path, [reason.code, reason.note].filter(Boolean).join(': '));
}
