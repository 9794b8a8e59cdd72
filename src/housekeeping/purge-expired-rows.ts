import { sql } from 'kysely';
import type { Db } from '../core/db/database.ts';
import { cutoffOf, RETENTION_RULES, type RetentionRule } from './rules.ts';

const BATCH = 5000;

export type PurgedRows = { table: string; what: string; deleted: number }[];

/**
 * Deletes what the retention rules say is over, in batches of a few thousand rows, each its own statement, so a
 * large backlog never holds a long lock on a table the platform is writing to.
 */
export async function purgeExpiredRows(db: Db, now: Date, rules: readonly RetentionRule[] = RETENTION_RULES): Promise<PurgedRows> {
  const purged: PurgedRows = [];
  for (const rule of rules) {
    const condition = sql`${sql.raw(rule.after)} < ${cutoffOf(rule, now)}${rule.extra ? sql` AND ${sql.raw(rule.extra)}` : sql``}`;
    let deleted = 0;
    for (;;) {
      const result = await sql`DELETE FROM ${sql.table(rule.table)} WHERE ctid IN (
          SELECT ctid FROM ${sql.table(rule.table)} WHERE ${condition} LIMIT ${BATCH})`.execute(db);
      const count = Number(result.numAffectedRows ?? 0);
      deleted += count;
      if (count < BATCH) break;
    }
    purged.push({ table: rule.table, what: rule.what, deleted });
  }
  return purged;
}
