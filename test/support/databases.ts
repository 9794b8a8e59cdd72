import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../../src/core/db/database.ts';
import { adminUrl, templateDatabase, withDatabase } from './postgres-url.ts';

export type TestDatabaseFactory = { kind: DatabaseKind; open(): Promise<Database> };

let pgliteTemplate: Blob | undefined;

async function openPgliteCopy(): Promise<Database> {
  pgliteTemplate ??= new Blob([readFileSync(inject('pgliteTemplatePath'))]);
  return openPglite({ loadDataDir: pgliteTemplate });
}

async function openPostgresCopy(url: string): Promise<Database> {
  const name = `openbeian_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl(url), 1);
  await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(url)}`);
  await admin.close();
  const database = await openPostgres(withDatabase(url, name), 10);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = await openPostgres(adminUrl(url), 1);
      await cleanup.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

/** Every integration test runs on PGlite, and on PostgreSQL too when DATABASE_URL is set. */
export function testDatabases(): TestDatabaseFactory[] {
  const factories: TestDatabaseFactory[] = [{ kind: 'pglite', open: openPgliteCopy }];
  const url = inject('postgresUrl');
  if (url) factories.push({ kind: 'postgres', open: () => openPostgresCopy(url) });
  return factories;
}
