import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/core/db/database.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { adminUrl, templateDatabase, withDatabase } from './support/postgres-url.ts';

/**
 * Migrates once, then every test database starts as a copy: a PGlite dump loaded per test, and on PostgreSQL
 * (when DATABASE_URL is set) a database created from a migrated template.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'openbeian-test');
  mkdirSync(dir, { recursive: true });

  const pglite = await openPglite();
  await migrate(pglite.db);
  const dump = await dumpPglite(pglite);
  await pglite.close();
  const dumpPath = join(dir, 'pglite-template.tar');
  writeFileSync(dumpPath, dump);
  project.provide('pgliteTemplatePath', dumpPath);

  const url = process.env.DATABASE_URL;
  if (url) {
    const TEMPLATE_DATABASE = templateDatabase(url);
    const admin = await openPostgres(adminUrl(url), 2);
    await admin.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${TEMPLATE_DATABASE}' AND pid <> pg_backend_pid()`);
    await admin.pool.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.pool.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.close();
    const template = await openPostgres(withDatabase(url, TEMPLATE_DATABASE), 2);
    await migrate(template.db);
    await template.close();
  }
  project.provide('postgresUrl', url ?? '');
}

async function dumpPglite(database: Awaited<ReturnType<typeof openPglite>>): Promise<Buffer> {
  const file = await database.pglite!.dumpDataDir('none');
  return Buffer.from(await file.arrayBuffer());
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresUrl: string;
  }
}
