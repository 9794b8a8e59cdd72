import { shanghaiDate } from '../../core/clock.ts';
import { PLATFORM_CALENDAR } from '../../rules/index.ts';
import { FINDING_CODES, isFindingCode, type FindingCode } from '../codes.ts';

/**
 * The provider's own rectification workdays per code (OPENBEIAN_RECTIFICATION_WORKDAYS), set once at boot like the
 * audit chain's key: sweeps open findings through recordSweepObservations, which has no context to read them from.
 */
let configured: Partial<Record<FindingCode, number>> = {};

export function configureRectificationWorkdays(workdays: Record<string, number>): void {
  configured = Object.fromEntries(Object.entries(workdays).filter(([code]) => isFindingCode(code)));
}

/** The workdays the owner is given for a code: the provider's setting, else the default of codes.ts. */
export const rectificationWorkdays = (code: FindingCode): number => configured[code] ?? FINDING_CODES[code].workdays;

/**
 * The rectification deadline: the end (Shanghai time) of the Nth workday after the day of detection. The platform
 * calendar keeps working past the years the holiday data covers (weekends only), so a sweep never fails on it.
 */
export function rectificationDeadline(code: FindingCode, detectedAt: Date, workdays: number = rectificationWorkdays(code)): Date {
  const day = PLATFORM_CALENDAR.addWorkdays(shanghaiDate(detectedAt), workdays);
  return new Date(`${day}T23:59:59.999+08:00`);
}
