import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { shanghaiDate } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { FILING_KINDS, PLATFORM_CALENDAR, type FilingKind } from '../../rules/index.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { bindServiceCodes, reviewServiceCodes } from '../../resources/index.ts';
import { lookUpNationalFor, precheckOrder } from '../precheck-order.ts';
import { loadVisibleOrder, type Order } from '../repo.ts';
import type { NationalRecords } from '../../regulator/port.ts';
import { responsiblePersons } from '../responsible-persons.ts';
import { transitionOrder } from '../transition.ts';

export type SubmitOrderInput = { id: string; idempotencyKey?: string };
export type SubmitResult = { id: string; status: string; version: number; slaDueAt: string | null };

/** The provider's initial review takes about one workday (SPEC §6). */
export const REVIEW_SLA_WORKDAYS = 1;

/**
 * Runs the full pre-check on the draft plus the uploaded materials, requires every responsible person's face
 * check, then hands the order to the provider's reviewers. A repeated Idempotency-Key returns the first answer.
 */
export async function submitOrder(ctx: AppContext, actor: Actor, user: SessionUser, input: SubmitOrderInput): Promise<SubmitResult> {
  const scope = `submit:${input.id}`;
  if (input.idempotencyKey) {
    const previous = await ctx.db
      .selectFrom('idempotency_keys')
      .select(['response'])
      .where('user_id', '=', user.id)
      .where('scope', '=', scope)
      .where('key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (previous) return previous.response as SubmitResult;
  }

  // The national registry is asked first, outside the transaction (it may be a network call), about the draft as it
  // is now; should the draft be saved again meanwhile, it is asked again.
  for (let attempt = 1; ; attempt += 1) {
    const seen = await loadVisibleOrder(ctx, ctx.db, user, input.id);
    assertSubmittable(user, seen);
    const national = await lookUpNationalFor(ctx, seen);
    if (!national) throw new AppError('REGULATOR_UNAVAILABLE');
    const result = await submitWith(ctx, actor, user, input, seen.version, national, attempt < 3);
    if (result) return result;
  }
}

function assertSubmittable(user: SessionUser, order: Order): void {
  if (order.userId !== user.id) throw new AppError('FORBIDDEN');
  if (!['draft', 'supplement_requested', 'provider_rejected', 'regulator_rejected'].includes(order.status)) {
    throw new AppError('INVALID_TRANSITION', { from: order.status, to: 'provider_review' });
  }
}

/** The submission itself; null when the draft changed since the registry was asked (and `mayRetry`). */
async function submitWith(
  ctx: AppContext,
  actor: Actor,
  user: SessionUser,
  input: SubmitOrderInput,
  version: number,
  national: NationalRecords,
  mayRetry: boolean,
): Promise<SubmitResult | null> {
  const scope = `submit:${input.id}`;
  return ctx.db.transaction().execute(async (tx) => {
    const order = await loadVisibleOrder(ctx, tx, user, input.id, { forUpdate: true });
    assertSubmittable(user, order);
    if (order.version !== version && mayRetry) return null;
    const result = await precheckOrder(ctx, tx, order, national);
    const findings = [...result.findings.filter((f) => f.severity === 'error')];

    const verified = await tx
      .selectFrom('face_verifications')
      .select(['person_key'])
      .where('order_id', '=', order.id)
      .where('outcome', '=', 'passed')
      .execute();
    const verifiedKeys = new Set(verified.map((row) => row.person_key));
    for (const person of responsiblePersons(order.draft)) {
      if (!verifiedKeys.has(ctx.cipher.lookupHash(person.idNumber))) {
        findings.push({
          code: 'FACE_VERIFICATION_MISSING',
          severity: 'error',
          path: person.path,
          message: {
            zh: `${person.name || '负责人'}尚未完成本人人脸核验，请本人上传或拍摄人脸照片完成核验`,
            en: `${person.name || 'This person'} has not verified their own face yet; they must complete the face check themselves`,
          },
        });
      }
    }
    // With OPENBEIAN_REQUIRE_SERVICE_CODES on, each service code must be one issued here to this applicant and free.
    const kind = result.kind ?? order.kind;
    const codes = ctx.config.requireServiceCodes
      ? await reviewServiceCodes(tx, { id: order.id, number: order.number, userId: order.userId, kind: FILING_KINDS.find((k): k is FilingKind => k === kind) ?? null, draft: order.draft }, shanghaiDate(ctx.clock.now()))
      : null;
    if (codes) findings.push(...codes.findings);
    if (findings.length > 0) throw new AppError('PRECHECK_FAILED', { findings });
    if (codes) await bindServiceCodes(ctx, tx, actor, order.id, codes.toBind);

    const now = ctx.clock.now();
    const slaDueAt = PLATFORM_CALENDAR.addBusinessDays(now, REVIEW_SLA_WORKDAYS);
    const after = await transitionOrder(ctx, tx, actor, order, {
      to: 'provider_review',
      reason: order.status === 'draft' ? 'submitted' : 'resubmitted',
      changes: { submitted_at: now, sla_due_at: slaDueAt, claimed_by: null, claimed_at: null, kind: result.kind ?? order.kind },
      data: { kind: result.kind ?? order.kind },
    });
    const response: SubmitResult = { id: after.id, status: after.status, version: after.version, slaDueAt: slaDueAt.toISOString() };
    if (input.idempotencyKey) {
      await tx
        .insertInto('idempotency_keys')
        .values({ key: input.idempotencyKey, user_id: user.id, scope, created_at: now, status_code: 200, response: JSON.stringify(response) })
        .execute();
    }
    return response;
  });
}
