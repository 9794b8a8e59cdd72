import { SYSTEM_ACTOR, writeAudit } from '../core/audit.ts';
import type { AppContext } from '../core/context.ts';
import { purgeOrphanFiles } from '../materials/index.ts';
import { purgeExpiredRows, type PurgedRows } from './purge-expired-rows.ts';

export type HousekeepingReport = { rows: PurgedRows; files: { checked: number; deleted: number } };

/** One retention run: expired rows, then stored files nothing refers to. The counts go to the audit log. */
export async function runHousekeeping(ctx: AppContext): Promise<HousekeepingReport> {
  const now = ctx.clock.now();
  const rows = await purgeExpiredRows(ctx.db, now);
  const files = await purgeOrphanFiles(ctx);
  const removed = rows.filter((entry) => entry.deleted > 0).map((entry) => `${entry.table}: ${entry.deleted}`);
  await writeAudit(ctx.db, SYSTEM_ACTOR, now, {
    entityType: 'platform',
    entityId: 'retention',
    action: 'retention_run',
    reason: 'retention rules (docs/operations.md)',
    data: { rows: Object.fromEntries(rows.map((entry) => [`${entry.table}: ${entry.what}`, entry.deleted])), files },
  });
  ctx.logger.info({ rows: removed, files }, 'retention run');
  return { rows, files };
}
