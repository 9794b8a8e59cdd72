import { describe, expect, it } from 'vitest';
import { beijingClock, countdownText, responseWords, spanText } from './clock.ts';

const at = (beijing: string) => Date.parse(`${beijing}+08:00`);
const iso = (beijing: string) => new Date(at(beijing)).toISOString();

describe('when the butler calls, in words and as a countdown on the server’s clock', () => {
  it('says "next workday" when the call waits for the next opening, "today" otherwise', () => {
    // Friday 17:20 → Monday 9:50 (the server skipped the weekend)
    expect(responseWords(iso('2026-11-30T09:50:00'), at('2026-11-27T17:20:00'), 'zh')).toBe('下一个工作日（11月30日周一）9:50 前回电');
    expect(responseWords(iso('2026-11-30T09:50:00'), at('2026-11-27T17:20:00'), 'en')).toBe('We will call you on the next workday (Mon 30 Nov) before 9:50');
    expect(responseWords(iso('2026-11-24T10:00:00'), at('2026-11-24T09:00:00'), 'zh')).toBe('今天 10:00 前回电');
    // Just after midnight, the call is due this morning: "today", not "next workday".
    expect(responseWords(iso('2026-11-24T10:00:00'), at('2026-11-24T00:10:00'), 'zh')).toBe('今天 10:00 前回电');
  });

  it('reads times in Beijing whatever the browser’s zone', () => {
    expect(beijingClock('2026-11-30T01:50:00.000Z')).toBe('9:50');
    expect(beijingClock('2026-11-30T09:05:00.000Z')).toBe('17:05');
  });

  it('counts down, then counts how long it is overdue', () => {
    expect(countdownText(iso('2026-11-30T09:50:00'), at('2026-11-27T17:20:00'), 'zh')).toEqual({ text: '剩余 2 天 16:30:00', isOverdue: false });
    expect(countdownText(iso('2026-11-24T10:00:00'), at('2026-11-24T09:59:30'), 'en')).toEqual({ text: '00:00:30 left', isOverdue: false });
    expect(countdownText(iso('2026-11-24T10:00:00'), at('2026-11-24T10:00:00'), 'zh')).toEqual({ text: '已超时 00:00:00', isOverdue: true });
    expect(countdownText(iso('2026-11-24T10:00:00'), at('2026-11-24T11:02:03'), 'en').text).toBe('Overdue by 01:02:03');
    expect(spanText(90_000_000, 'en')).toBe('1 d 01:00:00');
  });
});
