import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Db, Executor, Tx } from './db/database.ts';

/**
 * Transactional outbox: an event is written in the same transaction as the change, and handlers run only after
 * commit. A rolled-back change leaves no event; a crashed handler is retried. Handlers must be idempotent.
 */
export type OutboxEvent = {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
};

export type StoredEvent = OutboxEvent & { id: number; createdAt: Date };
export type OutboxHandler = (event: StoredEvent, tx: Tx) => Promise<void>;

/**
 * Dispatchers are woken when an event is written instead of waiting for their next poll: PostgreSQL delivers this
 * NOTIFY at commit to every process that LISTENs (src/core/background.ts); in-process listeners are for PGlite, whose
 * one connection makes a dispatch started now run after the writing transaction ends.
 */
export const OUTBOX_CHANNEL = 'openbeian_outbox';
const localListeners = new Set<() => void>();

export function onEventWritten(listener: () => void): () => void {
  localListeners.add(listener);
  return () => {
    localListeners.delete(listener);
  };
}

export async function enqueueEvent(executor: Executor, at: Date, event: OutboxEvent): Promise<number> {
  const row = await executor
    .insertInto('outbox')
    .values({
      created_at: at,
      topic: event.topic,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      payload: JSON.stringify(event.payload),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Identical notifications in one transaction are folded into one by PostgreSQL.
  await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(executor);
  for (const listener of localListeners) listener();
  return row.id;
}

const MAX_ATTEMPTS = 8;

export class OutboxDispatcher {
  private readonly handlers = new Map<string, OutboxHandler[]>();
  private readonly wildcard: OutboxHandler[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Subscribe to one topic, or '*' for every event (used by the in-memory indexes). */
  on(topic: string, handler: OutboxHandler): void {
    if (topic === '*') this.wildcard.push(handler);
    else this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /**
   * Dispatches pending events one at a time, each in its own transaction with the row locked (SKIP LOCKED lets
   * several processes share the work). Returns how many were handled.
   */
  async dispatchPending(limit = 100): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      const didOne = await this.db.transaction().execute(async (tx) => {
        const now = this.clock.now();
        const row = await tx
          .selectFrom('outbox')
          .selectAll()
          .where('processed_at', 'is', null)
          .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return false;
        const event: StoredEvent = {
          id: row.id,
          createdAt: row.created_at,
          topic: row.topic,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          payload: row.payload,
        };
        try {
          await sql`SAVEPOINT outbox_handler`.execute(tx);
          for (const handler of [...(this.handlers.get(row.topic) ?? []), ...this.wildcard]) await handler(event, tx);
          await sql`RELEASE SAVEPOINT outbox_handler`.execute(tx);
          await tx.updateTable('outbox').set({ processed_at: now }).where('id', '=', row.id).execute();
        } catch (error) {
          await sql`ROLLBACK TO SAVEPOINT outbox_handler`.execute(tx);
          const attempts = row.attempts + 1;
          this.logger.warn({ err: error, eventId: row.id, topic: row.topic, attempts }, 'outbox handler failed');
          await tx
            .updateTable('outbox')
            .set({
              attempts,
              last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
              // Backoff 1, 2, 4 … minutes; after MAX_ATTEMPTS the event is parked for a human (processed_at stays null).
              next_attempt_at:
                attempts >= MAX_ATTEMPTS ? new Date('9999-12-31T00:00:00Z') : new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
            })
            .where('id', '=', row.id)
            .execute();
        }
        return true;
      });
      if (!didOne) break;
      handled += 1;
    }
    return handled;
  }
}
