import { AppError } from '../core/errors.ts';

/**
 * A fixed-window counter per key, in memory. Enough for one process guarding public endpoints; behind several
 * processes each enforces its own share.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > this.limit) {
      throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil((window.start + this.windowMs - now) / 1000) });
    }
  }
}
