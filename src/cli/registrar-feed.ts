import { existsSync } from 'node:fs';
import type { Config } from '../core/config.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';
import { createLogger } from '../core/logger.ts';
import { importRegistrarFeed } from '../compliance/index.ts';

/**
 * `openbeian registrar-feed import FILE [--format csv|jsonl]`: prints what was imported and each skipped row with its
 * line number. Exit 0 when every row was imported, 1 when some were skipped (the others are imported), 2 on misuse.
 */
export async function runRegistrarFeed(config: Config, args: string[]): Promise<number> {
  const [action, file] = args;
  const formatAt = args.indexOf('--format');
  const format = formatAt >= 0 ? args[formatAt + 1] : undefined;
  if (action !== 'import' || !file || file.startsWith('--') || (format !== undefined && format !== 'csv' && format !== 'jsonl')) {
    console.error('usage: openbeian registrar-feed import FILE [--format csv|jsonl]');
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`registrar-feed: no such file: ${file}`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const ctx = createContext(config, database, createLogger('warn'));
    const result = await importRegistrarFeed(ctx, { file, format: format as 'csv' | 'jsonl' | undefined });
    console.log(`registrar-feed: imported ${result.imported} row(s) from ${result.file}; skipped ${result.skipped.length}`);
    for (const row of result.skipped) console.log(`  line ${row.line}: ${row.problem}`);
    return result.skipped.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
