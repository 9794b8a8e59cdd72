import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';

/** How often (in checks, per process) rows whose window ended are swept; the sweep is one indexed DELETE. */
const SWEEP_EVERY = 500;

/**
 * A fixed-window counter per key, kept in PostgreSQL (table `rate_limits`) so that every process behind the load
 * balancer counts the same hits. A check is one statement: an upsert that starts a new window when the old one
 * has ended and otherwise adds one hit, returning the count. Keys are stored as keyed hashes (they are addresses and
 * e-mails). Nothing is ever cleared wholesale: a spray of new keys adds rows and cannot lift anyone's limit.
 *
 * Time comes from the application clock, so tests and the demo's virtual clock see windows pass.
 */
export class RateLimiter {
  private checks = 0;
  private readonly rowKey: (key: string) => string;

  constructor(
    private readonly ctx: AppContext,
    scope: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('rate limit and window must be positive');
    this.rowKey = rowKeyOf(ctx, scope);
  }

  /** Counts one hit for `key`; throws RATE_LIMITED (with Retry-After seconds) once the window holds more than the limit. */
  async take(key: string): Promise<void> {
    const now = this.ctx.clock.now();
    const rowKey = this.rowKey(key);
    const windowEnd = new Date(now.getTime() + this.windowMs);
    const windowStart = new Date(now.getTime() - this.windowMs);
    const { rows } = await sql<{ window_start: Date; hits: number }>`
      INSERT INTO rate_limits AS r (key, window_start, hits, expires_at)
      VALUES (${rowKey}, ${now}, 1, ${windowEnd})
      ON CONFLICT (key) DO UPDATE SET
        window_start = CASE WHEN r.window_start <= ${windowStart} THEN excluded.window_start ELSE r.window_start END,
        hits         = CASE WHEN r.window_start <= ${windowStart} THEN 1 ELSE r.hits + 1 END,
        expires_at   = CASE WHEN r.window_start <= ${windowStart} THEN excluded.expires_at ELSE r.expires_at END
      RETURNING window_start, hits`.execute(this.ctx.db);
    this.checks += 1;
    if (this.checks % SWEEP_EVERY === 0) await sweepRateLimits(this.ctx);
    const row = rows[0]!;
    if (row.hits > this.limit) {
      const retryMs = new Date(row.window_start).getTime() + this.windowMs - now.getTime();
      throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) });
    }
  }
}

/**
 * A token bucket per key, kept in PostgreSQL (table `rate_buckets`) so every process behind the load balancer takes
 * from the same bucket: `capacity` requests at once, refilled at `perMinute`. A request is one statement — an upsert
 * that refills by the time passed since the bucket was last used, takes a token when there is one, and returns what
 * is left and whether it took — so there is no window edge to send twice the limit across. For the public query
 * (no login), where a fixed window would let a scraper burst at every minute's turn.
 */
export class SharedTokenBucket {
  private checks = 0;
  private readonly rowKey: (key: string) => string;
  private readonly perSecond: number;

  constructor(
    private readonly ctx: AppContext,
    scope: string,
    private readonly capacity: number,
    perMinute = capacity,
  ) {
    if (!(capacity > 0) || !(perMinute > 0)) throw new RangeError('a token bucket needs a positive capacity and refill');
    this.rowKey = rowKeyOf(ctx, scope);
    this.perSecond = perMinute / 60;
  }

  /** Takes one token for `key` or throws RATE_LIMITED with the seconds until one is there. */
  async take(key: string): Promise<void> {
    if (this.capacity === Infinity) return;
    const now = this.ctx.clock.now();
    const full = new Date(now.getTime() + (this.capacity / this.perSecond) * 1000);
    const refilled = sql`LEAST(${this.capacity}::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamptz - b.at))) * ${this.perSecond}::float8)`;
    const { rows } = await sql<{ tokens: number; allowed: boolean }>`
      INSERT INTO rate_buckets AS b (key, tokens, at, allowed, expires_at)
      VALUES (${this.rowKey(key)}, ${this.capacity - 1}, ${now}, true, ${full})
      ON CONFLICT (key) DO UPDATE SET
        tokens     = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
        allowed    = ${refilled} >= 1,
        at         = GREATEST(b.at, excluded.at),
        expires_at = GREATEST(b.expires_at, excluded.expires_at)
      RETURNING tokens, allowed`.execute(this.ctx.db);
    this.checks += 1;
    if (this.checks % SWEEP_EVERY === 0) await sweepRateLimits(this.ctx);
    const { tokens, allowed } = rows[0]!;
    if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(tokens)) / this.perSecond)) });
  }
}

/** Stored keys are keyed hashes (they are addresses and e-mails), prefixed by the limit's scope. */
function rowKeyOf(ctx: AppContext, scope: string): (key: string) => string {
  if (!/^[a-z0-9_.:-]{1,60}$/.test(scope)) throw new Error(`rate limit scope must be a short name: ${scope}`);
  const secret = createHmac('sha256', ctx.config.encryption.keys[ctx.config.encryption.currentKeyId]!).update('rate-limit-key').digest();
  return (key) => `${scope}:${createHmac('sha256', secret).update(key).digest('base64url')}`;
}

/** Deletes the windows that have ended (they would restart at one anyway) and the buckets that are full again. */
export async function sweepRateLimits(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const windows = await ctx.db.deleteFrom('rate_limits').where('expires_at', '<', now).executeTakeFirst();
  const buckets = await ctx.db.deleteFrom('rate_buckets').where('expires_at', '<', now).executeTakeFirst();
  return Number(windows.numDeletedRows) + Number(buckets.numDeletedRows);
}
