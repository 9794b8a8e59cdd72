import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../core/db/database.ts';
import { ALLOWLIST_LINES, renderAllowlist, type AllowlistFormat } from './allowlist.ts';
import { changeFeedCursor, distinctConnectedDomains } from './connected-domains.ts';

/** What an export is consistent with: the change-feed cursor of its snapshot, and (when asked) how many names. */
export type ExportSnapshot = { cursor: number; count: number | null };
export type ExportOptions = {
  /** Count the names before the first byte (one more pass over the data), for a header. */
  withCount?: boolean;
  /** Called with the snapshot before the first byte is written. */
  onStart?: (snapshot: ExportSnapshot) => void | Promise<void>;
};

/**
 * Writes every connected domain, sorted, one line each in `format`, to `output` (which it does not end), from one
 * REPEATABLE READ snapshot whose change-feed cursor it returns. Memory stays flat at any size:
 *
 * - PostgreSQL: `COPY (…) TO STDOUT`, the lines built by the database and passed through as they arrive. Unlike a
 *   cursor, COPY runs the query as a whole, so PostgreSQL may use parallel workers for the join; each chunk waits
 *   for `output` to drain.
 * - PGlite (one in-process connection, small data): a server-side cursor read in batches.
 */
export async function exportAllowlist(database: Database, format: AllowlistFormat, output: Writable, options: ExportOptions = {}): Promise<ExportSnapshot & { count: number }> {
  return database.kind === 'postgres' ? copyExport(database, format, output, options) : cursorExport(database, format, output, options);
}

async function write(output: Writable, chunk: string | Buffer): Promise<void> {
  if (output.destroyed) throw new Error('allowlist export: the output was closed');
  if (output.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}

function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
  return lines;
}

async function copyExport(database: Database, format: AllowlistFormat, output: Writable, options: ExportOptions) {
  const client = await database.pool.connect();
  let isBroken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Memory to join and sort in RAM; no JIT: the planner overestimates the unnested rows, and compiling then costs
    // more than it saves.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query('SET LOCAL jit = off');
    const cursor = Number((await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM enforcement_changes')).rows[0]?.seq ?? 0);
    const names = distinctConnectedDomains().compile(database.db).sql;
    const count = options.withCount ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM (${names}) AS d`)).rows[0]?.n ?? 0) : null;
    await options.onStart?.({ cursor, count });
    const { prefix, suffix } = ALLOWLIST_LINES[format];
    // Constants of ours (dots, spaces, digits, semicolons), quoted as SQL literals: COPY takes no parameters.
    const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
    const copy = client.query(copyTo(`COPY (SELECT ${literal(prefix)} || d.name || ${literal(suffix)} FROM (${names}) AS d ORDER BY d.name) TO STDOUT`));
    let lines = 0;
    try {
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        lines += countLines(chunk);
        await write(output, chunk);
      }
    } catch (error) {
      isBroken = true;
      copy.destroy();
      throw error;
    }
    await client.query('COMMIT');
    return { cursor, count: lines };
  } catch (error) {
    if (!isBroken) await client.query('ROLLBACK').catch(() => (isBroken = true));
    throw error;
  } finally {
    // A connection left in the middle of a COPY is closed, not given back to the pool.
    client.release(isBroken ? true : undefined);
  }
}

async function cursorExport(database: Database, format: AllowlistFormat, output: Writable, options: ExportOptions) {
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const cursor = await changeFeedCursor(tx);
      const names = distinctConnectedDomains();
      const count = options.withCount ? Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM (${names}) AS d`.execute(tx)).rows[0]?.n ?? 0) : null;
      await options.onStart?.({ cursor, count });
      await sql`DECLARE openbeian_export NO SCROLL CURSOR FOR ${names}`.execute(tx);
      let lines = 0;
      for (;;) {
        const { rows } = await sql<{ name: string }>`FETCH 20000 FROM openbeian_export`.execute(tx);
        if (rows.length === 0) break;
        lines += rows.length;
        await write(output, renderAllowlist(rows.map((r) => r.name), format));
      }
      await sql`CLOSE openbeian_export`.execute(tx);
      return { cursor, count: lines };
    });
}
