import { describe, expect, it } from 'vitest';
import { nextAttemptAt, type FailureCounts } from './login-throttle.ts';

const now = new Date('2026-11-23T02:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const counts = (partial: Partial<FailureCounts>): FailureCounts => ({ pair: 0, pairLast: null, address: 0, addressLast: null, account: 0, ...partial });

describe('login throttling', () => {
  it('lets the first five failures of a pair through, then waits longer each time', () => {
    expect(nextAttemptAt(counts({ pair: 4, pairLast: now, address: 4, addressLast: now, account: 4 }), now)).toBeNull();
    const waits = [5, 6, 7, 8, 20].map((n) => nextAttemptAt(counts({ pair: n, pairLast: now, address: n, addressLast: now, account: n }), now)!.getTime() - now.getTime());
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000, 3600_000]);
  });

  it('never refuses an address with no failures on the account, however many others failed', () => {
    expect(nextAttemptAt(counts({ account: 10_000 }), now)).toBeNull();
    expect(nextAttemptAt(counts({ pair: 1, pairLast: ago(60_000), account: 10_000 }), now)).toEqual(new Date(now.getTime() + 14 * 60_000));
  });

  it('slows an address spraying many accounts, by seconds up to five minutes, never locking it', () => {
    expect(nextAttemptAt(counts({ address: 29, addressLast: now }), now)).toBeNull();
    expect(nextAttemptAt(counts({ address: 30, addressLast: now }), now)!.getTime() - now.getTime()).toBe(2_000);
    expect(nextAttemptAt(counts({ address: 500, addressLast: now }), now)!.getTime() - now.getTime()).toBe(300_000);
    expect(nextAttemptAt(counts({ address: 500, addressLast: ago(300_001) }), now)).toBeNull();
  });
});
