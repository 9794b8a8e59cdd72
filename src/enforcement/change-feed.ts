import { sql } from 'kysely';
import pg from 'pg';
import type { AppContext } from '../core/context.ts';
import type { Tx } from '../core/db/database.ts';
import type { ChangeSignal } from './change-log.ts';
import { readDomainStates, type ConnectedDomains } from './connected-domains.ts';

/**
 * Several API processes each keep their own index, but an outbox event is handled by exactly one of them. On
 * PostgreSQL the handling process therefore NOTIFYs the change inside its transaction (delivered on commit) and
 * every process LISTENs and re-reads those domains. PGlite has one connection and one process: it never listens.
 */
export const CHANGE_CHANNEL = 'openbeian_enforcement';

// NOTIFY payloads must stay under 8000 bytes; a larger change asks the listeners for a full reload instead.
const MAX_PAYLOAD = 7000;
const RECONNECT_MS = 5000;

type ChangeMessage = { origin: string; subjectNumber?: string | null; domains?: readonly string[]; reload?: boolean };

export async function publishChange(tx: Tx, origin: string, subjectNumber: string | null, domains: readonly string[]): Promise<void> {
  let payload = JSON.stringify({ origin, subjectNumber, domains } satisfies ChangeMessage);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ origin, reload: true } satisfies ChangeMessage);
  await sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${payload})`.execute(tx);
}

function parseMessage(payload: string): ChangeMessage | null {
  try {
    const value = JSON.parse(payload) as Partial<ChangeMessage>;
    if (typeof value.origin !== 'string') return null;
    return {
      origin: value.origin,
      subjectNumber: typeof value.subjectNumber === 'string' ? value.subjectNumber : undefined,
      domains: Array.isArray(value.domains) ? value.domains.filter((d): d is string => typeof d === 'string') : [],
      reload: value.reload === true,
    };
  } catch {
    return null;
  }
}

/**
 * Holds one connection of its own (outside the pool, which it would otherwise shrink and outlive) in LISTEN for the
 * life of the HTTP app. When that connection breaks, notifications may have been lost, so after reconnecting the
 * index reloads in full.
 */
export function listenForChanges(ctx: AppContext, index: ConnectedDomains, signal: ChangeSignal): { started: Promise<void>; stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | null = null;

  const onMessage = (message: ChangeMessage) => {
    // Committed now: long polls of the change feed read it again (this process's own changes included).
    signal.notify();
    if (message.origin === index.origin || !index.isStarted) return;
    const work = message.reload ? index.reload() : readDomainStates(ctx.db, message.subjectNumber ?? null, message.domains ?? []).then((states) => index.apply(states));
    work.catch((error: unknown) => ctx.logger.error({ err: error }, 'enforcement index refresh failed'));
  };

  const connect = async (isReconnect: boolean): Promise<void> => {
    const connection = new pg.Client(ctx.database.pool.options);
    connection.on('notification', (note) => {
      const message = note.channel === CHANGE_CHANNEL && note.payload ? parseMessage(note.payload) : null;
      if (message) onMessage(message);
    });
    connection.on('error', (error) => {
      if (isStopped) return;
      ctx.logger.warn({ err: error }, 'enforcement change feed lost its connection');
      if (client === connection) client = null;
      connection.end().catch(() => undefined);
      scheduleReconnect();
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CHANGE_CHANNEL}`);
      client = connection;
      if (isStopped) await connection.end();
      else if (isReconnect) {
        signal.notify();
        if (index.isStarted) await index.reload();
      }
    } catch (error) {
      if (isStopped) return;
      ctx.logger.warn({ err: error }, 'enforcement change feed could not listen; retrying');
      connection.end().catch(() => undefined);
      scheduleReconnect();
    }
  };

  const scheduleReconnect = () => {
    if (isStopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect(true);
    }, RECONNECT_MS);
    retry.unref();
  };

  return {
    started: connect(false),
    async stop() {
      isStopped = true;
      if (retry) clearTimeout(retry);
      const connection = client;
      client = null;
      // end() resolves once the server has closed the session, so a DROP DATABASE right after finds no one.
      await connection?.end().catch(() => undefined);
    },
  };
}
