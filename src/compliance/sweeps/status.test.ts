import { describe, expect, it } from 'vitest';
import { SWEEP_STATUSES, assertSweepTransition, canSweepMove, isActiveSweep, type SweepStatus } from './status.ts';

const ALLOWED: Record<SweepStatus, SweepStatus[]> = {
  queued: ['running', 'done', 'failed'],
  running: ['done', 'failed'],
  done: [],
  failed: [],
};

describe('sweep status transitions', () => {
  for (const from of SWEEP_STATUSES) {
    for (const to of SWEEP_STATUSES) {
      const isAllowed = ALLOWED[from].includes(to);
      it(`${from} → ${to} is ${isAllowed ? 'allowed' : 'refused'}`, () => {
        expect(canSweepMove(from, to)).toBe(isAllowed);
        if (isAllowed) expect(() => assertSweepTransition(from, to)).not.toThrow();
        else expect(() => assertSweepTransition(from, to)).toThrow(`a sweep cannot go from ${from} to ${to}`);
      });
    }
  }

  it('only queued and running runs hold their kind', () => {
    expect(SWEEP_STATUSES.filter(isActiveSweep)).toEqual(['queued', 'running']);
  });
});
