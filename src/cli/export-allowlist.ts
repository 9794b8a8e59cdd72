import { writeFileSync, renameSync } from 'node:fs';
import type { Config } from '../core/config.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';
import { createLogger } from '../core/logger.ts';
import { ALLOWLIST_FORMATS, ConnectedDomains, renderAllowlist, type AllowlistFormat } from '../enforcement/index.ts';

/**
 * `openbeian export-allowlist [--format nginx|haproxy|text] [--out FILE]`: the connected domains for a cron job on
 * the proxy host (write, then `nginx -s reload`). Writing goes through a temporary file so nginx never reads half.
 */
export async function runExportAllowlist(config: Config, args: string[]): Promise<number> {
  const format = (valueOf(args, '--format') ?? 'nginx') as AllowlistFormat;
  if (!ALLOWLIST_FORMATS.includes(format)) {
    console.error(`export-allowlist: --format must be one of ${ALLOWLIST_FORMATS.join(', ')}`);
    return 2;
  }
  const out = valueOf(args, '--out');
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const ctx = createContext(config, database, createLogger('warn'));
    const index = new ConnectedDomains(ctx.db, ctx.logger);
    await index.reload();
    const text = renderAllowlist(index.sorted(), format);
    if (!out) process.stdout.write(text);
    else {
      writeFileSync(`${out}.tmp`, text);
      renameSync(`${out}.tmp`, out);
      console.error(`export-allowlist: ${index.size} domains written to ${out}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

function valueOf(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}
