import { useEffect, useState } from 'react';
import { translate, type Lang } from '../i18n.ts';

/**
 * Time on the butler pages comes from the server: its answer carries its own "now" (in demo mode a virtual clock,
 * possibly days away from the browser's), and only the time elapsed since that answer is measured here, with the
 * browser's monotonic timer. The browser's wall clock never decides how long is left.
 */
export function useServerNow(serverNow: string | undefined, intervalMs = 1000): number {
  const [now, setNow] = useState(() => (serverNow ? Date.parse(serverNow) : Number.NaN));
  useEffect(() => {
    if (!serverNow) return;
    const base = Date.parse(serverNow);
    const receivedAt = performance.now();
    const tick = () => setNow(base + (performance.now() - receivedAt));
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [serverNow, intervalMs]);
  return now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2 天 03:04:05" / "2 d 03:04:05"; under a day "03:04:05". */
export function spanText(ms: number, lang: Lang): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86_400);
  const clock = `${pad(Math.floor((seconds % 86_400) / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return days > 0 ? translate(lang, 'butler.span.days', { days, clock }) : clock;
}

/** How long is left until `due`, or how long it is overdue, as the server's clock counts. */
export function countdownText(due: string, now: number, lang: Lang): { text: string; isOverdue: boolean } {
  const ms = Date.parse(due) - now;
  if (ms <= 0) return { text: translate(lang, 'butler.countdown.overdue', { span: spanText(ms, lang) }), isOverdue: true };
  return { text: translate(lang, 'butler.countdown.left', { span: spanText(ms, lang) }), isOverdue: false };
}

const BEIJING = 'Asia/Shanghai';
const beijingDay = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: BEIJING });

/** 9:50 in Beijing time (UTC+8 all year). */
export function beijingClock(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${local.getUTCHours()}:${pad(local.getUTCMinutes())}`;
}

/** "11月30日 周一" / "Mon 30 Nov", in Beijing time. */
export function beijingDayName(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: BEIJING, month: lang === 'zh' ? 'long' : 'short', day: 'numeric', weekday: 'short' });
}

/**
 * When the butler will call, in words: "今天 10:00 前回电" inside business hours, "下一个工作日（11月30日 周一）9:50 前回电"
 * when the request waits for the next opening. The server's due time already skips nights, weekends and holidays.
 */
export function responseWords(due: string, now: number, lang: Lang): string {
  const time = beijingClock(due);
  if (beijingDay(Date.parse(due)) === beijingDay(now)) return translate(lang, 'butler.due.today', { time });
  return translate(lang, 'butler.due.nextWorkday', { day: beijingDayName(due, lang), time });
}
