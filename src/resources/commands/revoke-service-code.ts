import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { presentServiceCode, serviceCodeRows } from '../queries/list-service-codes.ts';

export type RevokeServiceCodeInput = { code: string; reason?: string };

/**
 * Revokes a filing service code (SPEC §5.2). Its owner may revoke a code no order holds — one they no longer need —
 * and the code's place goes back to the resource: codes left counts only codes not revoked (`issuedCounts`), as a
 * provider returns an unused code to the pool. An admin may revoke any code, also one bound to an order in flight:
 * the binding is kept for the record and that order's next submit reports SERVICE_CODE_REVOKED. A code bound to an
 * approved order serves a filed website or App: its owner cannot revoke it (409), an admin can. Revoking a revoked
 * code answers it as it is.
 */
export async function revokeServiceCode(ctx: AppContext, actor: Actor, user: SessionUser, input: RevokeServiceCodeInput) {
  const code = input.code.trim().toLowerCase();
  const isAdmin = user.role === 'admin';
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('service_codes').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row || (!isAdmin && row.user_id !== user.id)) throw new AppError('NOT_FOUND');
    const load = () => serviceCodeRows(tx).where('service_codes.code', '=', code).executeTakeFirstOrThrow();
    if (row.revoked_at !== null) return presentServiceCode(await load());

    const order = row.bound_order_id
      ? await tx.selectFrom('orders').select(['id', 'number', 'status']).where('id', '=', row.bound_order_id).executeTakeFirst()
      : undefined;
    const holder = order && order.status !== 'abandoned' ? order : undefined;
    if (holder && !isAdmin) {
      const isFiled = holder.status === 'approved';
      const message = isFiled
        ? {
            zh: `备案服务码“${code}”已用于已备案的订单${holder.number}，网站/App仍在使用，不能作废；如不再需要，请申请注销该网站/App的备案`,
            en: `Service code "${code}" serves order ${holder.number}, which is filed: the website or App still uses it, so it cannot be revoked; to stop, apply to cancel that filing`,
          }
        : {
            zh: `备案服务码“${code}”已绑定正在办理的备案订单${holder.number}，不能作废；如不再需要，请先放弃该订单，服务码随即释放`,
            en: `Service code "${code}" is bound to order ${holder.number}, which is in progress, so it cannot be revoked; abandon that order first, which frees the code`,
          };
      throw new AppError(
        'CONFLICT',
        {
          reason: isFiled ? 'bound_to_filed_order' : 'bound_to_order_in_flight',
          order: { id: holder.id, number: holder.number, status: holder.status },
          fields: [{ path: 'params.code', message }],
        },
        message.en,
      );
    }

    const now = ctx.clock.now();
    await tx.updateTable('service_codes').set({ revoked_at: now }).where('code', '=', code).execute();
    await writeAudit(tx, actor, now, {
      entityType: 'service_code',
      entityId: code,
      action: 'revoke',
      reason: input.reason?.trim() || (row.user_id === user.id ? 'revoked by its owner' : 'revoked by an admin'),
      data: { resourceId: row.resource_id, ownerId: row.user_id, boundOrder: holder ? { id: holder.id, number: holder.number, status: holder.status } : null },
    });
    return presentServiceCode(await load());
  });
}
