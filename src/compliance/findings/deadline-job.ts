import { SYSTEM_ACTOR } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { isFindingCode } from '../codes.ts';
import { FINDING_EXPLANATIONS } from '../explanations.ts';
import { revokeFinding } from './commands/revoke-finding.ts';
import { FINDING_DEADLINE_JOB } from './events.ts';

/**
 * Job at a finding's deadline. It looks again when it runs instead of trusting why it was scheduled: a finding
 * closed by a later sweep, waived, or extended to a later deadline is left alone; one still open past its deadline
 * loses the services' access (source 'finding').
 */
export async function enforceFindingDeadline(ctx: AppContext, findingId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('compliance_findings').select(['status', 'deadline', 'code']).where('id', '=', findingId).forUpdate().executeTakeFirst();
    if (!row || row.status !== 'open' || !row.deadline || row.deadline.getTime() > ctx.clock.now().getTime()) return;
    const title = isFindingCode(row.code) ? FINDING_EXPLANATIONS[row.code].title.zh : row.code;
    await revokeFinding(ctx, tx, SYSTEM_ACTOR, findingId, { reason: `逾期未整改：${title}（${row.code}）` });
  });
}

export function registerFindingDeadlineJob(ctx: AppContext): void {
  ctx.jobs.register(FINDING_DEADLINE_JOB, async (payload) => enforceFindingDeadline(ctx, String(payload.findingId)));
}
