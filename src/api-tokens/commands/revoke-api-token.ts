import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { presentApiToken, type ApiTokenView } from '../repo.ts';
import { tokenStatus } from '../scopes.ts';

/** Revokes a token at once: its next request is refused. Revoking a revoked token answers it as it is. */
export async function revokeApiToken(ctx: AppContext, actor: Actor, input: { id: string; reason?: string }): Promise<ApiTokenView> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('api_tokens').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    const now = ctx.clock.now();
    if (row.revoked_at) return presentApiToken(row, now);
    const revoked = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: now, revoked_by: actor.userId })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, now, {
      entityType: 'api_token',
      entityId: row.id,
      action: 'revoke',
      fromStatus: tokenStatus(row, now),
      toStatus: 'revoked',
      reason: input.reason?.trim() || null,
      data: { name: row.name },
    });
    await enqueueEvent(tx, now, { topic: 'api_token.revoked', aggregateType: 'api_token', aggregateId: row.id, payload: { id: row.id } });
    return presentApiToken(revoked, now);
  });
}
