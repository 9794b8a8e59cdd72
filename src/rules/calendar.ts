// The mainland workday calendar: weekends off, statutory holidays off, adjusted weekend workdays on
// (DESIGN §3). Pure: dates are ISO strings ("2026-02-14") or instants passed in by the caller. Asia/Shanghai
// has had no DST since 1991, so a fixed UTC+8 offset is exact and needs no time-zone database.
// A year missing from the holiday data throws by default: counting only weekends would silently give wrong
// deadlines. The platform's own scheduler uses PLATFORM_CALENDAR, which falls back to weekends; what it computes
// over such a year carries calendarGapWarning (the ETA shows it).

import { HOLIDAY_ROWS, HOLIDAY_SOURCES } from './data/holidays.ts';
import type { CalendarDayKind } from './data/holidays.ts';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Business hours, minutes after local midnight: 9:30–17:30. */
export const BUSINESS_OPEN_MINUTE = 9 * 60 + 30;
export const BUSINESS_CLOSE_MINUTE = 17 * 60 + 30;
const BUSINESS_DAY_MINUTES = BUSINESS_CLOSE_MINUTE - BUSINESS_OPEN_MINUTE;

export class CalendarRangeError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(
      `The workday calendar has no holiday data for ${year} (covered: ${CALENDAR_YEARS.join(', ')}). ` +
        'Add that year’s State Council notice to src/rules/data/holidays.ts.',
    );
    this.name = 'CalendarRangeError';
    this.year = year;
  }
}

export const CALENDAR_YEARS: readonly number[] = Object.keys(HOLIDAY_SOURCES)
  .map(Number)
  .sort((a, b) => a - b);
const COVERED = new Set(CALENDAR_YEARS);
const SPECIAL: ReadonlyMap<number, CalendarDayKind> = new Map(HOLIDAY_ROWS.map(([date, kind]) => [toDayNumber(date), kind]));


function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Integer civil-date conversions (H. Hinnant's days_from_civil / civil_from_days): the pre-check converts
// dozens of dates per draft, and this is several times faster than building Date objects.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function civilFromDays(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a valid ISO calendar date (YYYY-MM-DD), or NaN. */
export function dayNumberOf(iso: string): number {
  // Hand-rolled parse: this runs for every date field of every draft, and a regex match costs more.
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(iso, 0, 4);
  const mo = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (Number.isNaN(y) || Number.isNaN(mo) || Number.isNaN(d)) return Number.NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  return daysFromCivil(y, mo, d);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(dayNumberOf(value));
}

function toDayNumber(iso: string): number {
  const n = dayNumberOf(iso);
  if (Number.isNaN(n)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return n;
}

export function isoFromDayNumber(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Adds calendar days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(toDayNumber(iso) + days);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Adds calendar months, clamping to the month's last day (2026-11-30 + 3 months = 2027-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = civilFromDays(toDayNumber(iso));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return isoFromDayNumber(daysFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm))));
}

/** The calendar date in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function dayOf(date: string | Date): number {
  return typeof date === 'string' ? toDayNumber(date) : toDayNumber(shanghaiDate(date));
}

/** Instant of a local (UTC+8) minute-of-day on a day number. */
function instantAt(day: number, minute: number): Date {
  return new Date(day * DAY_MS + minute * 60_000 - SHANGHAI_OFFSET_MS);
}

function localParts(instant: Date): { day: number; minute: number } {
  const localMs = instant.getTime() + SHANGHAI_OFFSET_MS;
  const day = Math.floor(localMs / DAY_MS);
  return { day, minute: (localMs - day * DAY_MS) / 60_000 };
}

/**
 * What to do past the holiday data: 'throw' (the default exports: a rule must never count a deadline wrongly)
 * or 'weekends' (for the running platform, which must keep setting deadlines in a year whose State Council
 * notice is not in the data yet; such dates are approximate and `isCovered` tells the caller so).
 */
export type BeyondData = 'throw' | 'weekends';

export function createCalendar(beyondData: BeyondData) {
  function isWorkdayNumber(day: number): boolean {
    const year = civilFromDays(day)[0];
    if (!COVERED.has(year)) {
      if (beyondData === 'throw') throw new CalendarRangeError(year);
      const weekday = (day + 4) % 7;
      return weekday !== 0 && weekday !== 6;
    }
    const special = SPECIAL.get(day);
    if (special !== undefined) return special === 'workday';
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday !== 0 && weekday !== 6;
  }

  function isWorkday(date: string | Date): boolean {
    return isWorkdayNumber(dayOf(date));
  }

  /**
   * The n-th workday after `date` (n > 0), or before it (n < 0); the date itself is not counted.
   * addWorkdays(d, 0) returns d unchanged, even on a holiday.
   */
  function addWorkdays(date: string | Date, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkdays needs a whole number of workdays, got ${n}`);
    let day = dayOf(date);
    const step = n >= 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (isWorkdayNumber(day)) left -= 1;
    }
    return isoFromDayNumber(day);
  }

  /** Workdays d with a < d ≤ b; negative when b is before a. addWorkdays(a, workdaysBetween(a, b)) ≤ b. */
  function workdaysBetween(a: string | Date, b: string | Date): number {
    const from = dayOf(a);
    const to = dayOf(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day += 1) if (isWorkdayNumber(day)) count += 1;
    return sign * count;
  }

  /** The instant itself when inside business hours on a workday, else the next workday's 9:30 (Shanghai). */
  function nextBusinessMoment(instant: Date): Date {
    const { day, minute } = localParts(instant);
    if (isWorkdayNumber(day) && minute >= BUSINESS_OPEN_MINUTE && minute < BUSINESS_CLOSE_MINUTE) return new Date(instant);
    let next = minute < BUSINESS_OPEN_MINUTE ? day : day + 1;
    while (!isWorkdayNumber(next)) next += 1;
    return instantAt(next, BUSINESS_OPEN_MINUTE);
  }

  /**
   * Adds working time: only minutes inside business hours on workdays count, so a clock started outside them
   * begins at the next opening (a request at 17:20 on a Friday plus 30 minutes is due 9:50 on the next workday).
   * A result that lands exactly on closing time stays there (17:30) rather than jumping to the next morning.
   */
  function addBusinessMinutes(instant: Date, minutes: number): Date {
    if (!(minutes >= 0)) throw new RangeError(`addBusinessMinutes needs minutes ≥ 0, got ${minutes}`);
    let at = nextBusinessMoment(instant);
    let left = minutes;
    for (;;) {
      const { day, minute } = localParts(at);
      const available = BUSINESS_CLOSE_MINUTE - minute;
      if (left <= available) return new Date(at.getTime() + left * 60_000);
      left -= available;
      let next = day + 1;
      while (!isWorkdayNumber(next)) next += 1;
      at = instantAt(next, BUSINESS_OPEN_MINUTE);
    }
  }

  /** addBusinessMinutes in hours, e.g. "within 2 business hours". */
  function addBusinessHours(instant: Date, hours: number): Date {
    if (!(hours >= 0)) throw new RangeError(`addBusinessHours needs hours ≥ 0, got ${hours}`);
    return addBusinessMinutes(instant, hours * 60);
  }

  /** n working days of business time (8 hours each), e.g. "initial review within 1 workday". */
  function addBusinessDays(instant: Date, n: number): Date {
    return addBusinessHours(instant, (n * BUSINESS_DAY_MINUTES) / 60);
  }

  return { isWorkday, addWorkdays, workdaysBetween, nextBusinessMoment, addBusinessMinutes, addBusinessHours, addBusinessDays };
}

/** Whether the holiday data covers a date's year (dates beyond it are weekend-only approximations). */
export function isCovered(date: string | Date): boolean {
  return COVERED.has(civilFromDays(dayOf(date))[0]);
}

/** Years from `from` to `to` (inclusive, Shanghai dates) that the holiday data does not cover, ascending. */
export function uncoveredYears(from: string | Date, to: string | Date): number[] {
  const [a, b] = [civilFromDays(dayOf(from))[0], civilFromDays(dayOf(to))[0]].sort((x, y) => x - y) as [number, number];
  const years: number[] = [];
  for (let y = a; y <= b; y += 1) if (!COVERED.has(y)) years.push(y);
  return years;
}

/**
 * What to tell a reader of a date computed over `years` without holiday data: past the last published year the
 * State Council has not announced the holidays yet, so only weekends were counted as days off.
 */
export function calendarGapWarning(years: readonly number[]): { zh: string; en: string } | undefined {
  if (years.length === 0) return undefined;
  const last = CALENDAR_YEARS[CALENDAR_YEARS.length - 1] ?? 0;
  const zhYears = years.map((y) => `${y}年`).join('、');
  const enYears = years.join(', ');
  if (years.every((y) => y > last)) {
    return {
      zh: `${zhYears}的节假日安排尚未公布，预计时间暂按周末休息计算，实际可能推迟。`,
      en: `The holiday calendar for ${enYears} has not been published yet; this estimate counts only weekends as days off and may move later.`,
    };
  }
  return {
    zh: `平台未收录${zhYears}的节假日安排，预计时间按周末休息计算，可能不准确。`,
    en: `The platform has no holiday calendar for ${enYears}; this estimate counts only weekends as days off and may be off.`,
  };
}

const STRICT = createCalendar('throw');
export const { isWorkday, addWorkdays, workdaysBetween, nextBusinessMoment, addBusinessMinutes, addBusinessHours, addBusinessDays } = STRICT;
/** The calendar the platform schedules with: exact where data exists, weekends-only beyond it. */
export const PLATFORM_CALENDAR = createCalendar('weekends');
