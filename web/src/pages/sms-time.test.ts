import { describe, expect, it } from 'vitest';
import { inBrowserTime } from './SmsCard.tsx';

describe('the SMS deadline', () => {
  it('is shown in the browser’s own time, with its zone named', () => {
    const text = inBrowserTime('2026-11-24T04:00:00.000Z', 'zh');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
    expect(inBrowserTime('2026-11-24T04:00:00.000Z', 'en')).toMatch(/2026/);
  });

  it('names the zone after the time, not between the date and the time', () => {
    // The test's own zone is whatever the machine has: the shape, not the hour, is what is held.
    expect(inBrowserTime('2026-11-24T04:00:00.000Z', 'zh')).toMatch(/^2026年11月2[34]日 \d{2}:\d{2}（[^）]+）$/);
    expect(inBrowserTime('2026-11-24T04:00:00.000Z', 'en')).toMatch(/^2[34] Nov 2026,? \d{2}:\d{2} \([^)]+\)$/);
  });
});
