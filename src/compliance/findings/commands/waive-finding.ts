import type { Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/database.ts';
import { loadFindingFor } from './load-finding.ts';
import { settleFinding } from './settle-finding.ts';

/** Staff accept the finding (e.g. a false positive, or a case the regulator settled): it never revokes access. */
export async function waiveFinding(ctx: AppContext, tx: Tx, actor: Actor, id: string, input: { reason: string }) {
  const now = ctx.clock.now();
  const { row, to } = await loadFindingFor(tx, id, 'waive');
  await settleFinding(tx, actor, now, { row, to, action: 'waive', reason: input.reason });
}
