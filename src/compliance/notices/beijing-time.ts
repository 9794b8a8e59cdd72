/** An instant as a notice says it in Beijing time: 2026年12月8日 23:59 / 2026-12-08 23:59. */
export function beijingTime(instant: Date): { zh: string; en: string } {
  const local = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [y, m, d, hh, mm] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), pad(local.getUTCHours()), pad(local.getUTCMinutes())];
  return { zh: `${y}年${m}月${d}日 ${hh}:${mm}`, en: `${y}-${pad(m)}-${pad(d)} ${hh}:${mm}` };
}
