import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const NAME_PATTERN = /^\d{14}_[a-z0-9_]+\.sql$/;
// Any constant; serialises migrators started at the same moment by several processes.
const MIGRATION_LOCK = 727_274_001;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export function listMigrations(dir = MIGRATIONS_DIR): string[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.sql'));
  const misnamed = files.filter((name) => !NAME_PATTERN.test(name));
  if (misnamed.length > 0) throw new Error(`migration names must be YYYYMMDDHHMMSS_name.sql: ${misnamed.join(', ')}`);
  return files.sort();
}

/** Forward-only plain SQL migrations, each in its own transaction, recorded in schema_migrations. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  // Under the lock too: two processes creating the table at once on a fresh database make one fail (pg_type).
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)`.execute(trx);
  });
  const applied: string[] = [];
  const files = listMigrations(dir);
  let alreadyApplied = 0;
  for (const name of files) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const existing = await trx.selectFrom('schema_migrations').select('name').where('name', '=', name).executeTakeFirst();
      if (existing) return false;
      await sql.raw(readFileSync(join(dir, name), 'utf8')).execute(trx);
      await trx.insertInto('schema_migrations').values({ name, applied_at: new Date() }).execute();
      return true;
    });
    if (done) applied.push(name);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}
