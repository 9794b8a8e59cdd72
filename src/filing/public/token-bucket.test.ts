import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket.ts';

const refused = (limiter: TokenBucketLimiter, key: string, now: number): boolean => {
  try {
    limiter.take(key, now);
    return false;
  } catch (error) {
    expect((error as { code?: string }).code).toBe('RATE_LIMITED');
    return true;
  }
};

describe('the public query token bucket', () => {
  it('keeps a busy client limited while a spray of 150,000 new addresses passes its memory bound', () => {
    const limiter = new TokenBucketLimiter(5, 5);
    const now = 1_000_000;
    for (let n = 0; n < 5; n += 1) limiter.take('busy', now);
    expect(refused(limiter, 'busy', now)).toBe(true);
    for (let n = 0; n < 150_000; n += 1) {
      limiter.take(`sprayed-${n}`, now);
      // The busy client keeps asking now and then, as a scraper would.
      if (n % 20_000 === 0) expect(refused(limiter, 'busy', now), `after ${n} sprayed keys`).toBe(true);
    }
    expect(refused(limiter, 'busy', now)).toBe(true);
    // It refills at its rate, and only at its rate: one token after 12 s at 5 a minute.
    expect(refused(limiter, 'busy', now + 12_001)).toBe(false);
    expect(refused(limiter, 'busy', now + 12_002)).toBe(true);
  });
});
