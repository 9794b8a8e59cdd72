import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

// bigserial ids fit in a JS number for any realistic table; dates stay plain 'YYYY-MM-DD' strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const EMBEDDED_SHARED_BUFFERS = '32MB';

export type DatabaseKind = 'postgres' | 'pglite';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or a transaction: what a command writes through. */
export type Executor = Kysely<DB> | Transaction<DB>;

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** A plain pg pool for LISTEN/NOTIFY and raw maintenance. */
  pool: pg.Pool;
  /** The embedded instance, when kind is 'pglite' (tests dump it to make template copies). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server ends (restart, failover, pg_terminate_backend) is dropped by the pool and
  // replaced on the next query; without a listener its 'error' event would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', pool, close: () => db.destroy() };
}

/**
 * PGlite runs PostgreSQL in-process (WASM). It has one connection, so every query goes through a pool of one:
 * code inside a transaction must use the transaction, never the outer `db`, or it waits for itself.
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // PostgreSQL's 128 MB of shared buffers become resident WebAssembly memory at start; an embedded database of a
    // demo or a test is a few MB.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
  });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  // Imported here: the snapshot code itself opens PGlite through this module.
  const { openEmbedded } = await import('./embedded.ts');
  return openEmbedded(join(config.dataDir, 'pglite'));
}

/**
 * Runs `work` while this process holds a PostgreSQL session advisory lock: processes starting at the same moment
 * (several `serve` behind one load balancer) take turns. PGlite has one process, and a pool of one connection that
 * the lock would take from `work`: it runs `work` as is.
 */
export async function withSessionLock<T>(database: Database, lockKey: number, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
    }
  } finally {
    client.release();
  }
}
