import { describe, expect, it } from 'vitest';
import { rectificationDeadline } from './deadline.ts';

describe('rectificationDeadline', () => {
  it('ends on the Nth workday after detection, skipping the National Day holiday and its weekend', () => {
    // Detected on Tuesday 2026-09-29; 1–7 October are holidays and Saturday 10 October a working day, so the five
    // workdays are 30 Sep, 8 Oct, 9 Oct, 10 Oct and 12 Oct.
    const deadline = rectificationDeadline('SHELL_SITE', new Date('2026-09-29T02:00:00Z'), 5);
    expect(deadline.toISOString()).toBe('2026-10-12T15:59:59.999Z');
  });

  it('keeps counting weekdays past the years the holiday data covers', () => {
    const deadline = rectificationDeadline('DOMAIN_EXPIRED', new Date('2031-03-06T02:00:00Z'), 1); // a Thursday
    expect(deadline.toISOString()).toBe('2031-03-07T15:59:59.999Z');
  });
});
