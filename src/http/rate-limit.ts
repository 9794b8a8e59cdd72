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
  private readonly keyHmac: Buffer;

  constructor(
    private readonly ctx: AppContext,
    private readonly scope: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!/^[a-z0-9_.:-]{1,60}$/.test(scope)) throw new Error(`rate limit scope must be a short name: ${scope}`);
    if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('rate limit and window must be positive');
    const key = ctx.config.encryption.keys[ctx.config.encryption.currentKeyId]!;
    this.keyHmac = createHmac('sha256', key).update('rate-limit-key').digest();
  }

  /** Counts one hit for `key`; throws RATE_LIMITED (with Retry-After seconds) once the window holds more than the limit. */
  async take(key: string): Promise<void> {
    const now = this.ctx.clock.now();
    const rowKey = `${this.scope}:${createHmac('sha256', this.keyHmac).update(key).digest('base64url')}`;
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

/** Deletes the rows whose window has ended (they would restart at one anyway). */
export async function sweepRateLimits(ctx: AppContext): Promise<number> {
  const result = await ctx.db.deleteFrom('rate_limits').where('expires_at', '<', ctx.clock.now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
