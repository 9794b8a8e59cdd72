import { sql } from 'kysely';
import type { Executor, Tx } from '../core/db/database.ts';

/**
 * The change feed behind `GET /api/v1/enforcement/changes?since=` (table `enforcement_changes`): each time a filing
 * change is handled, the new state of every domain it touched gets a row with a growing `seq`. An edge keeps the
 * last `seq` it applied (its cursor) and asks for what came after.
 *
 * Writers hold one advisory lock from before they read the states until they commit, so rows become visible in
 * `seq` order (a reader never sees seq 12 while seq 11 is still to come) and each writer reads states at least as
 * new as the one before it: applying rows in order always ends at the current state.
 */
const CHANGE_LOG_LOCK = 727_274_013;
/** Rows older than this are pruned; an edge whose cursor falls before the oldest row starts over from a snapshot. */
const RETENTION_MS = 30 * 24 * 3600_000;

export type DomainChange = { domain: string; allowed: boolean };
export type ChangePage = { isExpired: false; cursor: number; changes: DomainChange[]; hasMore: boolean } | { isExpired: true; cursor: number };

/** Taken first in a handler's transaction, before the states are read; released at commit. */
export async function lockChangeLog(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`.execute(tx);
}

/** Appends the states (call `lockChangeLog` first) and prunes old rows; returns the new cursor. */
export async function recordChanges(tx: Tx, states: ReadonlyMap<string, boolean>, at: Date): Promise<number> {
  if (states.size > 0) {
    await tx
      .insertInto('enforcement_changes')
      .values([...states].map(([domain, allowed]) => ({ domain, allowed, changed_at: at })))
      .execute();
  }
  // The newest row always stays, so the cursor never goes back and an idle feed still knows where it is.
  await sql`DELETE FROM enforcement_changes
    WHERE changed_at < ${new Date(at.getTime() - RETENTION_MS)} AND seq < (SELECT max(seq) FROM enforcement_changes)`.execute(tx);
  const row = await tx.selectFrom('enforcement_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * The changes after `since`, oldest first, at most `limit`. A cursor this feed cannot continue (older than what was
 * kept, or newer than anything written: a restored database) is expired: the edge takes a new snapshot.
 */
export async function readChangesSince(db: Executor, since: number, limit: number): Promise<ChangePage> {
  const bounds = await db
    .selectFrom('enforcement_changes')
    .select((eb) => [eb.fn.min('seq').as('first'), eb.fn.max('seq').as('last')])
    .executeTakeFirst();
  const first = bounds?.first == null ? null : Number(bounds.first);
  const last = Number(bounds?.last ?? 0);
  if (since > last || (first !== null && since < first - 1)) return { isExpired: true, cursor: last };
  if (since === last) return { isExpired: false, cursor: last, changes: [], hasMore: false };
  const rows = await db
    .selectFrom('enforcement_changes')
    .select(['seq', 'domain', 'allowed'])
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
  const cursor = rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : since;
  return { isExpired: false, cursor, changes: rows.map((r) => ({ domain: r.domain, allowed: r.allowed })), hasMore: cursor < last };
}

/**
 * Wakes long-polling requests of this process when the feed may have grown. `next()` is taken before reading the
 * feed, so a change that lands between the read and the wait still wakes the waiter.
 */
export class ChangeSignal {
  private waiting: (() => void)[] = [];
  private current: Promise<void> | null = null;

  next(): Promise<void> {
    return (this.current ??= new Promise<void>((resolve) => this.waiting.push(resolve)));
  }

  notify(): void {
    const waiting = this.waiting;
    this.waiting = [];
    this.current = null;
    for (const wake of waiting) wake();
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the client went away). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

