import { describe, expect, it } from 'vitest';
import { VirtualClock, shanghaiDate } from './clock.ts';

describe('VirtualClock', () => {
  it('starts where it is told and only moves forward', () => {
    const clock = new VirtualClock(undefined, new Date('2026-11-23T02:00:00Z'));
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-11-23T02:00:00Z'))).toBeLessThan(1000);
    clock.advance(24 * 3600_000);
    expect(shanghaiDate(clock.now())).toBe('2026-11-24');
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('judges the date in Shanghai, eight hours ahead of UTC', () => {
    expect(shanghaiDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});
