/** 2026年11月30日 09:50, as a message to the owner says a time (Beijing time, whatever the server's zone). */
export function beijingTime(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
