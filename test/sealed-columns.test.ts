import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/core/db/database.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { HASHED_COLUMNS, NOT_ROTATED, ROTATED_TABLES, SEALED_COLUMNS, SEALED_OR_HASHED_NAME } from '../src/core/sealed-columns.ts';
import { testDatabases } from './support/databases.ts';

// The registry `openbeian rotate-keys` works from (issue 10, key rotation): a new column whose name says it holds
// sealed data or a keyed hash must be registered, or a rotation would silently leave it under the old key.
describe.each(testDatabases())('the registry of sealed and hashed columns on $kind', (factory) => {
  let database: Database;
  let columns: { table: string; column: string; type: string }[];
  beforeAll(async () => {
    database = await factory.open();
    await migrate(database.db);
    columns = (
      await sql<{ table: string; column: string; type: string }>`SELECT table_name AS table, column_name AS column, data_type AS type
        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(database.db)
    ).rows;
  });
  afterAll(async () => {
    await database.close();
  });

  const name = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

  it('registers every column whose name marks it as sealed or hashed', () => {
    const registered = new Set([...SEALED_COLUMNS, ...HASHED_COLUMNS, ...NOT_ROTATED].map(name));
    const marked = columns.filter((c) => SEALED_OR_HASHED_NAME.test(c.column)).map(name);
    expect(marked.length).toBeGreaterThan(20);
    expect(marked.filter((column) => !registered.has(column))).toEqual([]);
  });

  it('names only columns that exist, with the right type, in tables it knows how to walk', () => {
    const types = new Map(columns.map((c) => [name(c), c.type]));
    for (const column of SEALED_COLUMNS) expect(types.get(name(column)), name(column)).toBe('text');
    for (const column of HASHED_COLUMNS) expect(types.get(name(column)), name(column)).toBe(column.array ? 'ARRAY' : 'text');
    for (const column of NOT_ROTATED) expect(types.has(name(column)), name(column)).toBe(true);
    const walked = new Set(ROTATED_TABLES.map((t) => t.table));
    for (const column of [...SEALED_COLUMNS, ...HASHED_COLUMNS]) expect(walked.has(column.table), column.table).toBe(true);
    for (const { table, primaryKey } of ROTATED_TABLES) expect(types.has(`${table}.${primaryKey}`), `${table}.${primaryKey}`).toBe(true);
  });
});
