import { AppError } from '../../core/errors.ts';

/** Requests per minute per client address; a burst of the same size is allowed. Settable for benchmarks. */
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

type Bucket = { tokens: number; at: number };

// Above this many addresses, full buckets (idle clients) are dropped, then the least recently used; memory stays
// bounded under a spray of forged or rotating addresses, and the busiest clients keep their counts.
const MAX_BUCKETS = 100_000;

/**
 * A token bucket per key, in memory: smooth refill rather than a fixed window, so a client cannot send twice the
 * limit across a window edge. One process enforces its own share behind a load balancer.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly capacity: number, perMinute = capacity) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one token or throws RATE_LIMITED with the seconds until one is available. */
  take(key: string, now: number): void {
    if (this.capacity === Infinity) return;
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
      // Re-inserted, so the map's order is least recently used first.
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
    } else {
      if (this.buckets.size >= MAX_BUCKETS) this.evictFull(now);
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens < 1) {
      throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) });
    }
    bucket.tokens -= 1;
  }

  private evictFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
    // Everyone is active (a spray of addresses): drop the least recently used tenth, never everything, so a client
    // that keeps asking keeps its (emptied) bucket.
    if (this.buckets.size >= MAX_BUCKETS) {
      let excess = this.buckets.size - Math.floor(MAX_BUCKETS * 0.9);
      for (const key of this.buckets.keys()) {
        if (excess-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
