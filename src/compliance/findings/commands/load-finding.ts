import type { Tx } from '../../../core/db/database.ts';
import { AppError } from '../../../core/errors.ts';
import type { FindingRow } from '../repo.ts';
import { nextFindingStatus, type FindingAction, type FindingStatus } from '../status.ts';

/** The finding, locked for the decision, and where the action takes it; 404 unknown, 409 once decided. */
export async function loadFindingFor(tx: Tx, id: string, action: FindingAction): Promise<{ row: FindingRow; to: FindingStatus }> {
  const row = await tx.selectFrom('compliance_findings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const to = nextFindingStatus(row.status, action);
  if (!to) throw new AppError('FINDING_ALREADY_DECIDED', { status: row.status });
  return { row, to };
}
