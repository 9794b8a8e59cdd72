import type { TestProject } from 'vitest/node';
import { openPostgres } from '../src/core/db/database.ts';
import { currentSnapshot } from '../src/core/db/embedded.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { adminUrl, templateDatabase, withDatabase } from './support/postgres-url.ts';

/**
 * Migrates once, then every test database starts as a copy: a PGlite dump loaded per test, and on PostgreSQL
 * (when DATABASE_URL is set) a database created from a migrated template.
 */
export default async function setup(project: TestProject): Promise<void> {
  // The same migrated snapshot `npm start` unpacks (built by npm ci, or now when the migrations changed).
  project.provide('pgliteTemplatePath', await currentSnapshot());

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

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresUrl: string;
  }
}
