import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { isRejectionReasonCode } from '../../rules/index.ts';
import { explainedReason } from '../../regulator/index.ts';
import { transitionOrder, withReviewDecision } from './decide.ts';

export type RejectionInput = { code: string; path?: string; note?: string };

/** Rejects with catalogue reasons, each optionally pointing at the field to fix; the applicant edits and resubmits. */
export async function rejectOrder(ctx: AppContext, actor: Actor, input: { orderId: string; expectedVersion?: number; reasons: RejectionInput[] }) {
  const unknown = input.reasons.findIndex((reason) => !isRejectionReasonCode(reason.code));
  if (unknown >= 0) {
    throw AppError.field('VALIDATION_FAILED', `body.reasons[${unknown}].code`, '驳回原因代码不在原因目录中', 'The reason code is not in the rejection reasons catalogue');
  }
  return withReviewDecision(ctx, actor, input, async (tx, order) => {
    const reasons = input.reasons.map((reason) => explainedReason(reason.code, reason.path, reason.note));
    const after = await transitionOrder(ctx, tx, actor, order, {
      to: 'provider_rejected',
      reason: input.reasons.map((r) => r.code).join(','),
      changes: { reject_reasons: JSON.stringify(reasons), claimed_by: null, claimed_at: null },
      data: { reasons },
      returnedWith: reasons,
    });
    return { id: after.id, status: after.status, version: after.version, reasons };
  });
}
