import type pg from 'pg';

/** The filed tables an import writes most rows to, in the order their indexes are built again. */
const BULK_TABLES = ['filed_subjects', 'filed_services', 'filing_history'] as const;

type Deferred = { table: string; name: string; kind: 'index' | 'constraint'; definition: string };

/**
 * A first import into an empty platform: writing a million rows into tables with all their indexes costs far more
 * than building each index once afterwards from sorted data, and checking each row's foreign key one by one more than
 * one join at the end. So, for each of the filed tables that is empty, its non-unique indexes, its unique constraints
 * (no foreign key refers to them) and its foreign keys are dropped before the inserts and made again by `rebuild()`
 * after them, which checks them all at once — in the import's transaction: a run that fails leaves them as they were.
 * Primary keys stay (other tables' foreign keys refer to them). A table with rows keeps everything: a live
 * platform's import never runs its queries without their indexes.
 *
 * The dropped indexes take the table's ACCESS EXCLUSIVE lock until the commit, so readers of an empty table wait for
 * the end of the load (a few tens of seconds for a million lines) instead of seeing it empty.
 */
export async function deferIndexesOfEmptyTables(client: pg.PoolClient): Promise<{ deferred: string[]; rebuild: () => Promise<void> }> {
  const deferred: Deferred[] = [];
  for (const table of BULK_TABLES) {
    if (!(await isEmpty(client, table))) continue;
    await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    // Checked again under the lock: a filing approved meanwhile would otherwise be written without its indexes' help.
    if (!(await isEmpty(client, table))) continue;
    const found = await client.query<{ name: string; kind: 'index' | 'constraint'; definition: string }>(
      `SELECT c.relname AS name, 'index' AS kind, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = $1::regclass AND NOT i.indisunique AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
       UNION ALL
       SELECT k.conname, 'constraint', pg_get_constraintdef(k.oid)
         FROM pg_constraint k
        WHERE k.conrelid = $1::regclass
          AND (k.contype = 'f' OR (k.contype = 'u' AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.conindid = k.conindid)))
        ORDER BY 2 DESC, 1`,
      [table],
    );
    for (const row of found.rows) {
      await client.query(row.kind === 'index' ? `DROP INDEX ${quoteName(row.name)}` : `ALTER TABLE ${table} DROP CONSTRAINT ${quoteName(row.name)}`);
      deferred.push({ table, ...row });
    }
  }
  return {
    deferred: deferred.map((d) => `${d.kind} ${d.name}`),
    rebuild: async () => {
      for (const d of deferred) {
        await client.query(d.kind === 'index' ? d.definition : `ALTER TABLE ${d.table} ADD CONSTRAINT ${quoteName(d.name)} ${d.definition}`);
      }
      // The planner's figures for the tables still say "empty" until autovacuum comes by.
      for (const table of new Set(deferred.map((d) => d.table))) await client.query(`ANALYZE ${table}`);
    },
  };
}

async function isEmpty(client: pg.PoolClient, table: string): Promise<boolean> {
  const result = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
  return result.rows.length === 0;
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
