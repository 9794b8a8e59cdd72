import { describe, expect, it } from 'vitest';
import { estimateCompletion } from './eta.ts';
import type { Order } from './repo.ts';

const order = (status: Order['status'], province = '330000') => ({ status, province }) as Order;
// Monday 2026-09-28 10:00 in Shanghai: National Day (Oct 1–8) lies ahead.
const now = new Date('2026-09-28T02:00:00Z');

describe('estimateCompletion', () => {
  it('lists the remaining steps in workdays, skipping the National Day holiday', () => {
    const eta = estimateCompletion(now, order('provider_review'))!;
    expect(eta.steps.map((s) => s.status)).toEqual(['provider_review', 'awaiting_regulator', 'sms_verification', 'regulator_review']);
    expect(eta.steps[0]!.expectedBy).toBe('2026-09-29T02:00:00.000Z');
    expect(eta.steps[1]!.expectedBy).toBe('2026-09-30T02:00:00.000Z');
    // Oct 1–7 are holidays; the next workday after Sep 30 is Thursday Oct 8.
    expect(eta.steps[2]!.expectedBy).toBe('2026-10-08T02:00:00.000Z');
    expect(eta.isApproximate).toBe(false);
  });

  it('starts from the regulator step when the order is there, and says nothing once decided', () => {
    expect(estimateCompletion(now, order('regulator_review'))!.steps).toHaveLength(1);
    expect(estimateCompletion(now, order('approved'))).toBeUndefined();
    expect(estimateCompletion(now, order('draft'))!.steps).toHaveLength(4);
  });

  it('marks an estimate that runs into a year without holiday data as approximate, and says why', () => {
    const eta = estimateCompletion(new Date('2026-12-21T02:00:00Z'), order('provider_review'))!;
    expect(eta.isApproximate).toBe(true);
    expect(eta.calendarWarning).toEqual({
      zh: '2027年的节假日安排尚未公布，预计时间暂按周末休息计算，实际可能推迟。',
      en: 'The holiday calendar for 2027 has not been published yet; this estimate counts only weekends as days off and may move later.',
    });
    expect(estimateCompletion(now, order('provider_review'))!.calendarWarning).toBeUndefined();
  });

  it('falls back to weekends only in a year after the published calendar', () => {
    // Friday 2027-09-24 10:00 Shanghai; 2027 has no published holidays, so Oct 1 2027 (a Friday) counts as a workday.
    const eta = estimateCompletion(new Date('2027-09-24T02:00:00Z'), order('provider_review'))!;
    expect(eta.steps.map((s) => s.expectedBy.slice(0, 10))).toEqual(['2027-09-27', '2027-09-28', '2027-09-29', expect.any(String)]);
    expect(eta.calendarWarning?.zh).toContain('2027年的节假日安排尚未公布');
    const far = estimateCompletion(new Date('2028-12-20T02:00:00Z'), order('sms_verification'))!;
    expect(far.calendarWarning?.en).toContain('2028, 2029');
  });
});
