import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSnapshot, migrationHashes, openEmbedded } from '../src/core/db/embedded.ts';
import { listMigrations, migrate } from '../src/core/db/migrate.ts';

describe('the embedded database’s start snapshot', () => {
  it('starts an empty data directory from the migrated snapshot: nothing left to migrate', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-embedded-'));
    try {
      const database = await openEmbedded(join(dataDir, 'pglite'));
      try {
        expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
        const result = await migrate(database.db);
        expect(result).toEqual({ applied: [], alreadyApplied: listMigrations().length });
        // A working database, not only files: a table of the latest migrations answers.
        expect(await database.db.selectFrom('api_tokens').select('id').execute()).toEqual([]);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('uses a snapshot only while every migration it holds is unchanged, preferring the one that holds the most', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openbeian-snapshots-'));
    try {
      const current = migrationHashes();
      const names = Object.keys(current);
      const write = (name: string, migrations: Record<string, string>) => {
        writeFileSync(join(dir, `${name}.json`), JSON.stringify({ migrations }));
        writeFileSync(join(dir, `${name}.tar`), '');
        mkdirSync(join(dir, `${name}.data`));
      };
      expect(findSnapshot(dir, current)).toBeNull();
      // Made before the last migration was added: still usable, the last one is applied after unpacking.
      write('older', Object.fromEntries(names.slice(0, -1).map((n) => [n, current[n]!])));
      expect(findSnapshot(dir, current)).toEqual({ file: join(dir, 'older.tar'), missing: 1 });
      write('complete', current);
      expect(findSnapshot(dir, current)).toEqual({ file: join(dir, 'complete.tar'), missing: 0 });
      // A migration edited after the snapshot was made: that snapshot no longer describes these migrations.
      const edited = { ...current, [names[0]!]: 'something else' };
      expect(findSnapshot(dir, edited)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
