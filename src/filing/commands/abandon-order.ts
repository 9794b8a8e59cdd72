import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { releaseServiceCodes } from '../../resources/index.ts';
import { loadVisibleOrder } from '../repo.ts';
import { releaseSubjectIfFree } from '../subject-binding.ts';
import { transitionOrder } from '../transition.ts';

export async function abandonOrder(ctx: AppContext, actor: Actor, user: SessionUser, id: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const order = await loadVisibleOrder(ctx, tx, user, id, { forUpdate: true });
    if (order.userId !== user.id) throw new AppError('FORBIDDEN');
    const after = await transitionOrder(ctx, tx, actor, order, { to: 'abandoned', reason: 'abandoned by the applicant' });
    await releaseServiceCodes(ctx, tx, actor, order.id, 'order abandoned');
    // A submitted order that is given up no longer binds its account (a draft never did).
    await releaseSubjectIfFree(tx, order.userId);
    return { id: after.id, status: after.status, version: after.version };
  });
}
