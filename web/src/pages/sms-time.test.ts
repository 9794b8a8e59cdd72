import { describe, expect, it } from 'vitest';
import { inBrowserTime } from './SmsCard.tsx';

describe('the SMS deadline', () => {
  it('is shown in the browser’s own time, with its zone named', () => {
    const text = inBrowserTime('2026-11-24T04:00:00.000Z', 'zh');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
    expect(inBrowserTime('2026-11-24T04:00:00.000Z', 'en')).toMatch(/2026/);
  });
});
