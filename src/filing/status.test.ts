import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, TRANSITIONS, assertTransition, canTransition, describeStatus, IllegalTransitionError, type OrderStatus } from './status.ts';

// The contract of DESIGN §4, written out once more by hand so a change to the table is a deliberate one.
const ALLOWED: [OrderStatus, OrderStatus][] = [
  ['draft', 'provider_review'],
  ['draft', 'abandoned'],
  ['provider_review', 'awaiting_regulator'],
  ['provider_review', 'supplement_requested'],
  ['provider_review', 'provider_rejected'],
  ['supplement_requested', 'provider_review'],
  ['supplement_requested', 'abandoned'],
  ['provider_rejected', 'provider_review'],
  ['provider_rejected', 'abandoned'],
  ['awaiting_regulator', 'sms_verification'],
  ['awaiting_regulator', 'regulator_review'],
  ['awaiting_regulator', 'regulator_rejected'],
  ['sms_verification', 'regulator_review'],
  ['sms_verification', 'regulator_rejected'],
  ['regulator_review', 'approved'],
  ['regulator_review', 'regulator_rejected'],
  ['regulator_rejected', 'provider_review'],
  ['regulator_rejected', 'abandoned'],
];

describe('order status transitions', () => {
  const cells = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

  it.each(cells)('%s → %s is allowed only if listed', (from, to) => {
    const expected = ALLOWED.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
  });

  it('has a row for every status and ends only in approved and abandoned', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    const deadEnds = ORDER_STATUSES.filter((s) => TRANSITIONS[s].length === 0);
    expect(deadEnds.sort()).toEqual(['abandoned', 'approved']);
  });

  it('describes every status in both languages', () => {
    for (const status of ORDER_STATUSES) {
      const text = describeStatus(status);
      expect(text.zh.length).toBeGreaterThan(1);
      expect(text.en.length).toBeGreaterThan(1);
    }
  });
});
