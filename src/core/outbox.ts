import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import { SYSTEM_ACTOR, writeAudit } from './audit.ts';
import type { Db, Executor, Tx } from './db/database.ts';

/**
 * Transactional outbox: an event is written in the same transaction as the change, and handlers run only after
 * commit. A rolled-back change leaves no event; a crashed handler is retried (only that one). Handlers must be
 * idempotent and must not call the network: a message is written (src/notify/deliver.ts) and sent after commit.
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
  await signalBackgroundWork(executor);
  return row.id;
}

/** Wakes the background loops (at commit on PostgreSQL): an event or a message to send was written. */
export async function signalBackgroundWork(executor: Executor): Promise<void> {
  // Identical notifications in one transaction are folded into one by PostgreSQL.
  await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(executor);
  for (const listener of localListeners) listener();
}

/** A subscriber gives up after this many attempts; its delivery is then `failed` (audited) for a human to look at. */
export const MAX_ATTEMPTS = 8;

type Subscriber = { name: string; seq: number; handler: OutboxHandler };

/**
 * Each subscriber commits on its own (issue 10). Dispatching an event writes one `outbox_deliveries` row per
 * subscriber; each delivery then runs in its own transaction, so a subscriber that fails retries only itself (backoff
 * on the injected clock) and never re-runs the others. The event row is `processed_at` once every delivery is done.
 */
export class OutboxDispatcher {
  private readonly byTopic = new Map<string, Subscriber[]>();
  private readonly wildcard: Subscriber[] = [];
  private readonly byName = new Map<string, Subscriber>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Subscribe to one topic, or '*' for every event (used by the in-memory indexes). `name` identifies the subscriber
   * in `outbox_deliveries` across processes, restarts and versions: a stable name of its own, never derived from the
   * order of registration (a version that registers in another order would hand pending deliveries to the wrong
   * subscriber while two versions run side by side).
   */
  on(topic: string, name: string, handler: OutboxHandler): void {
    const list = topic === '*' ? this.wildcard : (this.byTopic.get(topic) ?? []);
    const subscriberName = name;
    if (!/^[a-z][a-z0-9._:-]{2,120}$/i.test(subscriberName)) throw new Error(`outbox subscriber name must be a short stable name: ${subscriberName}`);
    if (this.byName.has(subscriberName)) throw new Error(`outbox subscriber ${subscriberName} is registered twice`);
    const subscriber = { name: subscriberName, seq: this.byName.size + 1, handler };
    list.push(subscriber);
    if (topic !== '*') this.byTopic.set(topic, list);
    this.byName.set(subscriberName, subscriber);
  }

  private subscribersOf(topic: string): Subscriber[] {
    return [...(this.byTopic.get(topic) ?? []), ...this.wildcard];
  }

  /**
   * Writes the delivery rows of new events, then runs due deliveries one at a time, each in its own transaction with
   * its row locked (SKIP LOCKED lets several processes share the work). Returns how many deliveries ran.
   */
  async dispatchPending(limit = 100): Promise<number> {
    await this.fanOut();
    const names = [...this.byName.keys()];
    if (names.length === 0) return 0;
    let handled = 0;
    while (handled < limit) {
      const ran = await this.runOneDelivery(names);
      if (ran === null) break;
      handled += 1;
      await this.markProcessedIfDone(ran);
    }
    return handled;
  }

  /** One delivery row per subscriber of each new event; an event nobody subscribes to is processed at once. */
  private async fanOut(): Promise<void> {
    for (;;) {
      const count = await this.db.transaction().execute(async (tx) => {
        const now = this.clock.now();
        const events = await tx.selectFrom('outbox').select(['id', 'topic']).where('fanned_out_at', 'is', null).orderBy('id').limit(100).forUpdate().skipLocked().execute();
        for (const event of events) {
          const subscribers = this.subscribersOf(event.topic);
          if (subscribers.length > 0) {
            await tx
              .insertInto('outbox_deliveries')
              .values(subscribers.map((s) => ({ event_id: event.id, subscriber: s.name, seq: s.seq, next_attempt_at: now })))
              .onConflict((oc) => oc.columns(['event_id', 'subscriber']).doNothing())
              .execute();
          }
          await tx
            .updateTable('outbox')
            .set({ fanned_out_at: now, ...(subscribers.length === 0 ? { processed_at: now } : {}) })
            .where('id', '=', event.id)
            .execute();
        }
        return events.length;
      });
      if (count < 100) return;
    }
  }

  /** Runs the next due delivery this process knows the subscriber of; answers its event id, or null when none is due. */
  private async runOneDelivery(names: string[]): Promise<number | null> {
    return this.db.transaction().execute(async (tx) => {
      const now = this.clock.now();
      const delivery = await tx
        .selectFrom('outbox_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where('subscriber', 'in', names)
        .orderBy('event_id')
        .orderBy('seq')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!delivery) return null;
      const row = await tx.selectFrom('outbox').selectAll().where('id', '=', delivery.event_id).executeTakeFirstOrThrow();
      const event: StoredEvent = {
        id: row.id,
        createdAt: row.created_at,
        topic: row.topic,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        payload: row.payload,
      };
      const subscriber = this.byName.get(delivery.subscriber)!;
      const where = { event: delivery.event_id, subscriber: delivery.subscriber };
      try {
        await sql`SAVEPOINT outbox_handler`.execute(tx);
        await subscriber.handler(event, tx);
        await sql`RELEASE SAVEPOINT outbox_handler`.execute(tx);
        await tx
          .updateTable('outbox_deliveries')
          .set({ status: 'done', done_at: now, attempts: delivery.attempts + 1 })
          .where('event_id', '=', where.event)
          .where('subscriber', '=', where.subscriber)
          .execute();
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT outbox_handler`.execute(tx);
        const attempts = delivery.attempts + 1;
        const message = String(error instanceof Error ? error.message : error).slice(0, 2000);
        const isGivingUp = attempts >= MAX_ATTEMPTS;
        // Backoff 1, 2, 4 … minutes; after MAX_ATTEMPTS the delivery is failed and left for a human.
        const nextAttemptAt = new Date(now.getTime() + 60_000 * 2 ** (attempts - 1));
        this.logger.warn({ err: error, eventId: row.id, topic: row.topic, subscriber: delivery.subscriber, attempts }, 'outbox subscriber failed');
        await tx
          .updateTable('outbox_deliveries')
          .set({ attempts, last_error: message, next_attempt_at: nextAttemptAt, ...(isGivingUp ? { status: 'failed' as const } : {}) })
          .where('event_id', '=', where.event)
          .where('subscriber', '=', where.subscriber)
          .execute();
        // The event row shows its latest trouble too (what an operator looks at first; the subscriber is on the delivery).
        await tx
          .updateTable('outbox')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message, next_attempt_at: isGivingUp ? null : nextAttemptAt }))
          .where('id', '=', row.id)
          .execute();
        if (isGivingUp) {
          await writeAudit(tx, SYSTEM_ACTOR, now, {
            entityType: 'outbox_event',
            entityId: String(row.id),
            action: 'outbox.delivery_failed',
            fromStatus: 'pending',
            toStatus: 'failed',
            reason: message,
            data: { topic: row.topic, subscriber: delivery.subscriber, attempts },
          });
        }
      }
      return delivery.event_id;
    });
  }

  /**
   * After its own commit: the event is processed when no delivery is left pending or failed. Whichever delivery commits
   * last sees all the others committed, so one of them marks it.
   */
  private async markProcessedIfDone(eventId: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ processed_at: this.clock.now(), next_attempt_at: null })
      .where('id', '=', eventId)
      .where('processed_at', 'is', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('outbox_deliveries').select('event_id').where('event_id', '=', eventId).where('status', '<>', 'done'))))
      .execute();
  }
}
