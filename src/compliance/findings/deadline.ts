import { shanghaiDate } from '../../core/clock.ts';
import { PLATFORM_CALENDAR } from '../../rules/index.ts';
import { FINDING_CODES, type FindingCode } from '../codes.ts';

/**
 * The rectification deadline: the end (Shanghai time) of the Nth workday after the day of detection. The platform
 * calendar keeps working past the years the holiday data covers (weekends only), so a sweep never fails on it.
 */
export function rectificationDeadline(code: FindingCode, detectedAt: Date, workdays: number = FINDING_CODES[code].workdays): Date {
  const day = PLATFORM_CALENDAR.addWorkdays(shanghaiDate(detectedAt), workdays);
  return new Date(`${day}T23:59:59.999+08:00`);
}
