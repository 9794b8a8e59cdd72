import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyWeakness } from './key-strength.ts';

describe('keyWeakness', () => {
  it('passes keys made of random bytes', () => {
    // 2 000 fresh keys: each bound sits many standard deviations from what random bytes give.
    const weak = Array.from({ length: 2000 }, () => randomBytes(32).toString('hex')).filter((key) => keyWeakness(key));
    expect(weak).toEqual([]);
  });

  it.each([
    ['0'.repeat(64), 'repeats a 1-character pattern'],
    ['ab'.repeat(32), 'repeats a 2-character pattern'],
    ['0123456789abcdef'.repeat(4), 'repeats a 16-character pattern'],
    ['00112233445566778899aabbccddeeff'.repeat(2), 'repeats a 32-character pattern'],
    ['1'.repeat(32) + '2'.repeat(32), 'bits each'],
    ['0123456789abcdef' + 'fedcba9876543210' + '02468ace13579bdf' + '0f1e2d3c4b5a6978', 'sequence'],
    [Buffer.from('my-company-filing-secret-2026!!!').toString('hex'), 'text written as hex'],
  ])('names what is wrong with %s', (key, reason) => {
    expect(keyWeakness(key)).toContain(reason);
  });
});
