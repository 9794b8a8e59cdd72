import { SYSTEM_ACTOR, writeAudit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { FORWARD_ACCESS_CHANGE_JOB } from './revoke-access.ts';

/** A refusal is final (the regulator will not take these data); anything else may work on a later attempt. */
const isRefusal = (error: unknown): boolean => error instanceof Error && error.name === 'RegulatorRefusedError';
const message = (error: unknown): string => String(error instanceof Error ? error.message : error).slice(0, 2000);

/**
 * Job: tells the regulator about a revocation through the port (`changeAccess`, idempotent on the revocation id, so a
 * retry after a timeout is safe). Nothing is held open during the call. Access is revoked here whatever the
 * regulator answers: this only records how far the news got, for the compliance history.
 */
export async function forwardAccessChange(ctx: AppContext, revocationId: string): Promise<void> {
  const row = await ctx.db.selectFrom('access_revocations').selectAll().where('id', '=', revocationId).executeTakeFirst();
  if (!row || row.regulator_status !== 'pending') return;
  try {
    const receipt = await ctx.regulator.changeAccess({ id: row.id, action: 'revoke', subjectNumber: row.subject_number, serviceNumbers: row.service_numbers, reason: row.reason });
    await ctx.db.transaction().execute(async (tx) => {
      const at = ctx.clock.now();
      await tx
        .updateTable('access_revocations')
        .set((eb) => ({ regulator_status: 'sent', regulator_ref: receipt.regulatorRef, regulator_sent_at: at, regulator_error: null, regulator_attempts: eb('regulator_attempts', '+', 1) }))
        .where('id', '=', row.id)
        .execute();
      await writeAudit(tx, SYSTEM_ACTOR, at, {
        entityType: 'filed_subject',
        entityId: row.subject_number,
        action: 'access.revoke_forwarded',
        reason: `sent to the regulator (${ctx.regulator.name}), reference ${receipt.regulatorRef}`,
        data: { revocationId: row.id, regulatorRef: receipt.regulatorRef },
      });
    });
  } catch (error) {
    const refused = isRefusal(error);
    await ctx.db
      .updateTable('access_revocations')
      .set((eb) => ({ regulator_status: refused ? 'refused' : 'pending', regulator_error: message(error), regulator_attempts: eb('regulator_attempts', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    if (!refused) throw error;
    ctx.logger.warn({ revocationId: row.id, err: error }, 'the regulator refused an access change');
  }
}

export function registerAccessChangeForwarding(ctx: AppContext): void {
  ctx.jobs.register(FORWARD_ACCESS_CHANGE_JOB, async (payload) => forwardAccessChange(ctx, String(payload.revocationId)));
}
