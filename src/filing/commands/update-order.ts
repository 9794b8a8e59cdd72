import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { personKeysOf } from '../access.ts';
import { summariseDraft } from '../draft-summary.ts';
import { decideKind, lookUpNational } from '../kind.ts';
import { assertDraftWithinLimits } from '../draft-limits.ts';
import { translateUniqueViolation } from '../errors.ts';
import { loadVisibleOrder } from '../repo.ts';
import { isEditable } from '../status.ts';

export type UpdateOrderInput = { id: string; expectedVersion: number; draft: Record<string, unknown> };

/** Replaces the draft while the order is editable; a stale version (someone saved in between) is refused. Binds nothing. */
export async function updateOrder(ctx: AppContext, actor: Actor, user: SessionUser, input: UpdateOrderInput) {
  assertDraftWithinLimits(input.draft);
  const now = ctx.clock.now();
  const summary = summariseDraft(input.draft);
  // Asked before the transaction (it may be a network call); change and cancel orders, which keep their kind, use none.
  const national = await lookUpNational(ctx, input.draft, summary);
  return translateUniqueViolation(() =>
    ctx.db.transaction().execute(async (tx) => {
      const order = await loadVisibleOrder(ctx, tx, user, input.id, { forUpdate: true });
      if (order.userId !== user.id) throw new AppError('FORBIDDEN');
      if (!isEditable(order.status)) throw new AppError('INVALID_TRANSITION', { status: order.status, action: 'edit' });
      if (order.version !== input.expectedVersion) throw new AppError('VERSION_MISMATCH', { currentVersion: order.version });
      const subjectKey = summary.certificate ? ctx.cipher.lookupHash(`${summary.certificate.type}:${summary.certificate.number}`) : null;
      // Change and cancel orders keep the kind they were opened with; new filings are re-decided on each save.
      const kind = order.filingNumber ? order.kind : await decideKind(ctx, tx, input.draft, summary, national);
      const version = order.version + 1;
      await tx
        .updateTable('orders')
        .set({
          draft: ctx.cipher.encrypt(JSON.stringify(input.draft)),
          person_keys: personKeysOf(ctx, input.draft),
          kind,
          province: summary.province,
          subject_name: summary.subjectName,
          subject_key: subjectKey,
          domains: summary.domains,
          version,
          updated_at: now,
          last_activity_at: now,
        })
        .where('id', '=', order.id)
        .execute();
      await writeAudit(tx, actor, now, { entityType: 'order', entityId: order.id, action: 'edit', data: { version, changed: changedTopLevel(order.draft, input.draft) } });
      return { id: order.id, number: order.number, kind, status: order.status, version };
    }),
  );
}

/** Which parts of the draft changed, so a resubmission shows the reviewer what is new. */
function changedTopLevel(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed: string[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (key === 'services' && Array.isArray(a) && Array.isArray(b)) {
      const length = Math.max(a.length, b.length);
      for (let i = 0; i < length; i += 1) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) changed.push(`services[${i}]`);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) changed.push(key);
  }
  return changed;
}
