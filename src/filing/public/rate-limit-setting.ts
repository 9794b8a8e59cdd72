/**
 * Requests per minute per client address, shared by every process (src/http/rate-limit.ts SharedTokenBucket); a
 * burst of the same size is allowed. Settable for benchmarks.
 */
let defaultPerMinute = 60;

/**
 * Changes the per-address limit of public query routes registered afterwards (the benchmark raises it; config
 * has no setting for it yet). `Infinity` turns limiting off.
 */
export function setPublicQueryRateLimit(perMinute: number): void {
  if (!(perMinute > 0)) throw new RangeError('the public query rate limit must be positive');
  defaultPerMinute = perMinute;
}

export function publicQueryRateLimit(): number {
  return defaultPerMinute;
}
