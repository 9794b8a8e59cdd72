import { verifyAuditChain, configureAuditChain } from '../core/audit.ts';
import type { Config } from '../core/config.ts';
import { openDatabase, type Database } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';

/** `openbeian audit verify`: walks every chain of the audit log; exit 0 when intact, 1 at the first broken link. */
/** `given` is an open database (tests); otherwise the one the settings name is opened and closed. */
export async function runAuditCommand(config: Config, args: string[], given?: Database): Promise<number> {
  if (args[0] !== 'verify') {
    console.error('usage: openbeian audit verify');
    return 2;
  }
  configureAuditChain(config.encryption, config.auditOldKeys);
  const database = given ?? (await openDatabase(config));
  try {
    if (!given) await migrate(database.db);
    const report = await verifyAuditChain(database.db);
    if (report.broken) {
      const { id, stream, seq, problem } = report.broken;
      console.error(`audit: BROKEN at row id ${id} (stream ${stream ?? '-'}, seq ${seq ?? '-'}): ${problem}`);
      console.error(`audit: ${report.rows} row(s) verified before it`);
      return 1;
    }
    console.log(`audit: ${report.rows} row(s) in ${report.streams} stream(s) verified, chain intact` + (report.unchained ? `; ${report.unchained} older row(s) written before chaining are not covered` : ''));
    return 0;
  } finally {
    if (!given) await database.close();
  }
}
