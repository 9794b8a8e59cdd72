import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/core/clock.ts';
import type { Database } from '../src/core/db/database.ts';
import { createLogger } from '../src/core/logger.ts';
import { shareVirtualClock, type SharedClock } from '../src/core/shared-clock.ts';
import { testDatabases } from './support/databases.ts';
import { pollUntil } from './support/nginx.ts';

// The demo clock of several `serve` processes on one PostgreSQL (test/scale-out.test.ts runs real processes): each
// process here is a VirtualClock with its own share of the one database.
const postgres = testDatabases().find((factory) => factory.kind === 'postgres');

describe.skipIf(!postgres)('the demo clock shared by processes on one PostgreSQL (needs DATABASE_URL)', () => {
  let database: Database | undefined;
  const shares: SharedClock[] = [];
  const join = async (clock: VirtualClock) => {
    const share = await shareVirtualClock(database!, clock, createLogger('silent'));
    shares.push(share);
    return share;
  };

  afterEach(async () => {
    for (const share of shares.splice(0)) await share.stop();
    await database?.close();
  });

  it('moves every process when one moves it, never back, and a process started later joins at the shared time', async () => {
    database = await postgres!.open();
    const [first, second, behind] = [new VirtualClock(), new VirtualClock(), new VirtualClock()];
    const [firstShare, , behindShare] = [await join(first), await join(second), await join(behind)];
    // This one hears nothing more (as if its notifications were lost and it had not polled yet) …
    await behindShare.stop();

    first.advance(26 * 3600_000);
    await firstShare.publish();
    // At once by NOTIFY; within a second at the latest by the poll.
    const { value, ms } = await pollUntil(async () => second.offset, (offset) => offset >= 26 * 3600_000, 1500);
    expect(value, `after ${Math.round(ms)} ms`).toBe(26 * 3600_000);
    expect(Math.abs(second.now().getTime() - first.now().getTime())).toBeLessThan(50);

    // … so its own smaller move cannot pull the others back.
    behind.advance(3600_000);
    await behindShare.publish();
    const row = await database.db.selectFrom('dev_clock').select('offset_ms').executeTakeFirstOrThrow();
    expect(Number(row.offset_ms)).toBe(26 * 3600_000);
    await behindShare.refresh();
    expect(behind.offset).toBe(26 * 3600_000);

    const later = new VirtualClock();
    await join(later);
    expect(later.offset).toBe(26 * 3600_000);
  });
});
