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

  it('marks an estimate that runs into a year without holiday data as approximate', () => {
    expect(estimateCompletion(new Date('2026-12-21T02:00:00Z'), order('provider_review'))!.isApproximate).toBe(true);
  });
});
