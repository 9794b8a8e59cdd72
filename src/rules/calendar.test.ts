import { describe, expect, it } from 'vitest';
import { isHoliday, isWorkday as chineseDaysIsWorkday } from 'chinese-days';
import {
  CALENDAR_YEARS,
  PLATFORM_CALENDAR,
  isCovered,
  CalendarRangeError,
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  addDays,
  addMonths,
  addWorkdays,
  calendarGapWarning,
  isWorkday,
  nextBusinessMoment,
  shanghaiDate,
  uncoveredYears,
  workdaysBetween,
} from './calendar.ts';

const at = (local: string) => new Date(`${local}+08:00`);

describe('isWorkday', () => {
  it.each([
    // 2026 Spring Festival: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
    // 2026 National Day: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked; Mid-Autumn Sep 25–27 off
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    // 2026 New Year: Jan 1–3 off, Sunday Jan 4 worked
    ['2026-01-02', false],
    ['2026-01-04', true],
    // 2025 Spring Festival Jan 28–Feb 4 off, Sunday Jan 26 and Saturday Feb 8 worked
    ['2025-01-26', true],
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-05', true],
    ['2025-02-08', true],
    // 2025 National Day + Mid-Autumn Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked
    ['2025-09-28', true],
    ['2025-10-06', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    // ordinary weekdays and weekends
    ['2025-03-05', true],
    ['2025-03-08', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });

  it('agrees with chinese-days on every day of the covered years', () => {
    const mismatches: string[] = [];
    for (const year of CALENDAR_YEARS) {
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
        if (isWorkday(d) !== chineseDaysIsWorkday(d) || isWorkday(d) === isHoliday(d)) mismatches.push(d);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a year without holiday data instead of counting weekends only', () => {
    expect(() => isWorkday('2027-01-04')).toThrow(CalendarRangeError);
    expect(() => isWorkday('2024-12-31')).toThrow(/no holiday data for 2024/);
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(CalendarRangeError);
  });

  it('rejects impossible dates', () => {
    expect(() => isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkday('26-1-1')).toThrow(RangeError);
  });
});

describe('addWorkdays / workdaysBetween', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'], // the adjusted Saturday counts
    ['2026-02-14', 1, '2026-02-24'], // then the whole Spring Festival is skipped
    ['2026-02-14', 5, '2026-02-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-03-02', 20, '2026-03-30'],
    ['2026-02-15', 0, '2026-02-15'],
  ])('addWorkdays(%s, %i) = %s', (from, n, expected) => {
    expect(addWorkdays(from, n)).toBe(expected);
  });

  it('counts workdays after a up to and including b', () => {
    expect(workdaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
    expect(workdaysBetween('2026-02-28', '2026-02-13')).toBe(-6);
    expect(workdaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(workdaysBetween('2025-12-31', '2026-01-05')).toBe(2); // Jan 4 (Sunday, worked) and Jan 5
  });

  it('is consistent: addWorkdays(a, workdaysBetween(a, b)) is the last workday ≤ b', () => {
    for (const [a, b] of [
      ['2026-02-10', '2026-03-03'],
      ['2025-09-25', '2025-10-15'],
      ['2025-12-20', '2026-01-10'],
    ] as const) {
      const n = workdaysBetween(a, b);
      const d = addWorkdays(a, n);
      expect(d <= b).toBe(true);
      expect(workdaysBetween(d, b)).toBe(0);
    }
  });

  it('accepts instants and reads them in Asia/Shanghai', () => {
    // 2026-02-13 23:30 UTC is already Saturday the 14th in Shanghai — a worked Saturday.
    expect(shanghaiDate(new Date('2026-02-13T23:30:00Z'))).toBe('2026-02-14');
    expect(isWorkday(new Date('2026-02-13T23:30:00Z'))).toBe(true);
  });
});

describe('business hours (9:30–17:30 Asia/Shanghai)', () => {
  it.each([
    ['2026-03-02T10:00:00', '2026-03-02T10:00:00'], // inside hours: unchanged
    ['2026-03-02T08:00:00', '2026-03-02T09:30:00'], // before opening
    ['2026-03-02T17:30:00', '2026-03-03T09:30:00'], // closing time belongs to the next morning
    ['2026-02-13T18:00:00', '2026-02-14T09:30:00'], // Friday evening → worked Saturday
    ['2026-02-14T18:00:00', '2026-02-24T09:30:00'], // across the Spring Festival
    ['2026-09-30T20:00:00', '2026-10-08T09:30:00'], // across National Day
    ['2025-10-10T19:00:00', '2025-10-11T09:30:00'], // Friday → adjusted Saturday 2025
  ])('nextBusinessMoment(%s) = %s', (from, expected) => {
    expect(nextBusinessMoment(at(from)).toISOString()).toBe(at(expected).toISOString());
  });

  it('adds business hours across nights, weekends and holidays', () => {
    expect(addBusinessHours(at('2026-03-02T16:00:00'), 2).toISOString()).toBe(at('2026-03-03T10:00:00').toISOString());
    expect(addBusinessHours(at('2026-03-02T16:00:00'), 1.5).toISOString()).toBe(at('2026-03-02T17:30:00').toISOString());
    // 0.5 h on Friday 13th, 8 h on the worked Saturday 14th, the last 0.5 h after the Spring Festival
    expect(addBusinessHours(at('2026-02-13T17:00:00'), 9).toISOString()).toBe(at('2026-02-24T10:00:00').toISOString());
    expect(addBusinessHours(at('2026-03-07T12:00:00'), 0).toISOString()).toBe(at('2026-03-09T09:30:00').toISOString());
  });

  // The butler's first-response clock (SPEC §11): 30 minutes of business time from when the request came in.
  it.each([
    ['2026-11-27T17:20:00', 30, '2026-11-30T09:50:00'], // Friday 17:20: 10 minutes left, the rest on Monday
    ['2026-03-02T09:00:00', 30, '2026-03-02T10:00:00'], // before opening: the clock starts at 9:30
    ['2026-03-02T10:00:00', 30, '2026-03-02T10:30:00'], // inside hours
    ['2026-03-02T17:00:00', 30, '2026-03-02T17:30:00'], // ends exactly at closing time
    ['2026-03-02T17:30:00', 30, '2026-03-03T10:00:00'], // at closing time: the next morning
    ['2026-03-02T23:59:00', 30, '2026-03-03T10:00:00'],
    ['2026-03-03T00:00:00', 30, '2026-03-03T10:00:00'], // just after midnight
    ['2026-02-17T11:00:00', 30, '2026-02-24T10:00:00'], // in the Spring Festival: waits for the first workday
    ['2026-02-13T17:20:00', 30, '2026-02-14T09:50:00'], // Friday before it: the adjusted Saturday is a workday
    ['2026-09-30T17:10:00', 30, '2026-10-08T09:40:00'], // across National Day: 20 minutes on Sept 30, 10 after
    ['2026-03-07T12:00:00', 0, '2026-03-09T09:30:00'], // nothing to add on a Saturday: Monday's opening
    ['2026-03-02T16:00:00', 8 * 60, '2026-03-03T16:00:00'], // a whole business day
  ])('addBusinessMinutes(%s, %i) = %s', (from, minutes, expected) => {
    expect(addBusinessMinutes(at(from), minutes).toISOString()).toBe(at(expected).toISOString());
  });

  it('keeps to the platform calendar past the holiday data, counting weekends only', () => {
    // 2027-01-01 is a Friday with no data yet: counted as a workday, the weekend skipped.
    expect(PLATFORM_CALENDAR.addBusinessMinutes(at('2027-01-01T17:20:00'), 30).toISOString()).toBe(at('2027-01-04T09:50:00').toISOString());
    expect(() => addBusinessMinutes(at('2027-01-01T17:20:00'), 30)).toThrow(CalendarRangeError);
  });

  it('adds business days as 8-hour working days', () => {
    expect(addBusinessDays(at('2026-02-13T16:00:00'), 1).toISOString()).toBe(at('2026-02-14T16:00:00').toISOString());
    expect(addBusinessDays(at('2026-02-14T16:00:00'), 1).toISOString()).toBe(at('2026-02-24T16:00:00').toISOString());
  });

  it('throws for negative hours or minutes', () => {
    expect(() => addBusinessHours(at('2026-03-02T10:00:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2026-03-02T10:00:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2026-03-02T10:00:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-02', 3)).toBe('2026-06-02');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});

describe('the platform calendar beyond the holiday data', () => {
  it('counts weekends only in an uncovered year and says the date is approximate', () => {
    expect(isCovered('2026-12-31')).toBe(true);
    expect(isCovered('2027-01-04')).toBe(false);
    expect(PLATFORM_CALENDAR.isWorkday('2027-01-04')).toBe(true); // a Monday
    expect(PLATFORM_CALENDAR.isWorkday('2027-01-09')).toBe(false); // a Saturday
    // Across the year end: 2026's data still applies to 2026 days (Jan 1 2027 is counted as a plain Friday).
    expect(PLATFORM_CALENDAR.addWorkdays('2026-12-30', 5)).toBe('2027-01-06');
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(CalendarRangeError);
  });
});

describe('years without holiday data', () => {
  it('lists the uncovered years between two dates and words the gap by whether the notice is still to come', () => {
    expect(uncoveredYears('2026-12-30', '2027-01-05')).toEqual([2027]);
    expect(uncoveredYears('2025-03-01', '2026-12-31')).toEqual([]);
    expect(calendarGapWarning([])).toBeUndefined();
    expect(calendarGapWarning([2027, 2028])?.zh).toBe('2027年、2028年的节假日安排尚未公布，预计时间暂按周末休息计算，实际可能推迟。');
    expect(calendarGapWarning([2024])?.en).toBe('The platform has no holiday calendar for 2024; this estimate counts only weekends as days off and may be off.');
  });

  it('lets the platform calendar count weekends only after the last published year', () => {
    // 2027-10-01 is a Friday: a holiday in every year so far, but 2027's notice is not in the data.
    expect(PLATFORM_CALENDAR.isWorkday('2027-10-01')).toBe(true);
    expect(PLATFORM_CALENDAR.isWorkday('2027-10-02')).toBe(false);
    expect(() => isWorkday('2027-10-01')).toThrow(CalendarRangeError);
  });
});
