import type { RegulatorReason } from './port.ts';

/**
 * The regulator cannot be reached or answered in a way that may change on retry (timeout, 5xx, maintenance
 * window). The platform tries again with backoff. Any error an adapter throws that is not a RegulatorRefusedError
 * is treated the same way.
 */
export class RegulatorUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegulatorUnavailableError';
  }
}

/**
 * The regulator will not take this submission as it is (its gateway refused the data). The order goes back to
 * the applicant as `regulator_rejected` with these reasons; retrying the same data would not help.
 */
export class RegulatorRefusedError extends Error {
  readonly reasons: RegulatorReason[];

  constructor(message: string, reasons: RegulatorReason[] = [{ code: 'OTHER', note: message }]) {
    super(message);
    this.name = 'RegulatorRefusedError';
    this.reasons = reasons;
  }
}

/** Recognised by name too, so an adapter module need not import this file. */
export function isRefusal(error: unknown): error is { name: string; message: string; reasons?: RegulatorReason[] } {
  return error instanceof RegulatorRefusedError || (error instanceof Error && error.name === 'RegulatorRefusedError');
}
