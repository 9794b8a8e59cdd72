import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Config } from '../core/config.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';
import { ALLOWLIST_FORMATS, exportAllowlist, type AllowlistFormat } from '../enforcement/index.ts';

/**
 * `openbeian export-allowlist [--format nginx|haproxy|haproxy-map|text] [--out FILE]`: the connected domains for a
 * cron job on the proxy host (write, then `nginx -s reload`). Streams from the database in batches (memory stays
 * flat at any size: COPY on PostgreSQL); writing goes through a temporary file so nginx never reads half.
 */
export async function runExportAllowlist(config: Config, args: string[]): Promise<number> {
  const format = (valueOf(args, '--format') ?? 'nginx') as AllowlistFormat;
  if (!ALLOWLIST_FORMATS.includes(format)) {
    console.error(`export-allowlist: --format must be one of ${ALLOWLIST_FORMATS.join(', ')}`);
    return 2;
  }
  const out = valueOf(args, '--out');
  const database = await openDatabase(config);
  const target: Writable = out ? createWriteStream(`${out}.tmp`) : process.stdout;
  try {
    await migrate(database.db);
    const snapshot = await exportAllowlist(database, format, target);
    if (out) {
      target.end();
      await once(target, 'finish');
      renameSync(`${out}.tmp`, out);
      console.error(`export-allowlist: ${snapshot.count} domains written to ${out} (change-feed cursor ${snapshot.cursor})`);
    }
    return 0;
  } catch (error) {
    if (out) {
      target.destroy();
      rmSync(`${out}.tmp`, { force: true });
    }
    throw error;
  } finally {
    await database.close();
  }
}

function valueOf(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}
