import { writeAudit, type Actor } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { bindSubject, codeMatches, accountBoundTo, unbindSubject, type SessionUser } from '../../accounts/index.ts';
import { CLAIM_MAX_WRONG, assertMayClaim, claimCodeKey, loadClaimable } from './claim-subject.ts';

export type VerifyClaimInput = { subjectNumber: string; claimId: string; code: string };
type Outcome = { kind: 'claimed'; subjectNumber: string } | { kind: 'expired' } | { kind: 'locked' } | { kind: 'wrong'; left: number };

/**
 * 认领, step two: the right code binds the subject, and with it its services, to the caller's account (the filed
 * record's owner and the account's one subject), in one transaction with the audit row. Five wrong codes end the
 * claim; an expired or ended claim needs a new code. A subject bound meanwhile answers SUBJECT_ALREADY_CLAIMED.
 */
export async function verifyClaim(ctx: AppContext, actor: Actor, user: SessionUser, input: VerifyClaimInput): Promise<{ subjectNumber: string }> {
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (tx): Promise<Outcome> => {
    const subject = await loadClaimable(tx, input.subjectNumber, true);
    const claim = await tx.selectFrom('subject_claims').selectAll().where('id', '=', input.claimId).where('subject_number', '=', subject.number).where('user_id', '=', user.id).forUpdate().executeTakeFirst();
    if (!claim) throw new AppError('NOT_FOUND', { claimId: input.claimId });
    await assertMayClaim(tx, user, subject);
    if (claim.confirmed_at !== null || claim.expires_at.getTime() <= now.getTime()) return { kind: 'expired' };
    if (claim.attempts >= CLAIM_MAX_WRONG) return { kind: 'locked' };
    if (!codeMatches(claimCodeKey(ctx), claim.id, input.code, claim.code_hash)) {
      const attempts = claim.attempts + 1;
      await tx.updateTable('subject_claims').set({ attempts }).where('id', '=', claim.id).execute();
      if (attempts >= CLAIM_MAX_WRONG) await writeAudit(tx, actor, now, { entityType: 'filed_subject', entityId: subject.number, action: 'claim_code_locked', data: { claimId: claim.id } });
      return { kind: 'wrong', left: CLAIM_MAX_WRONG - attempts };
    }
    await tx.updateTable('subject_claims').set({ confirmed_at: now }).where('id', '=', claim.id).execute();
    // An account that named this certificate in a draft only (nothing holds it) gives way, as at submit.
    const owner = await accountBoundTo(tx, [subject.subject_key]);
    if (owner !== null && owner !== user.id) await unbindSubject(tx, owner);
    await bindSubject(ctx, tx, { userId: user.id, subjectKey: subject.subject_key });
    await tx.updateTable('filed_subjects').set({ user_id: user.id, updated_at: now }).where('number', '=', subject.number).execute();
    await tx.insertInto('filing_history').values({ subject_number: subject.number, order_id: null, kind: 'claim', at: now, summary: 'claimed by an account (认领)' }).execute();
    await writeAudit(tx, actor, now, { entityType: 'filed_subject', entityId: subject.number, action: 'subject_claimed', fromStatus: 'unclaimed', toStatus: 'claimed', data: { claimId: claim.id, userId: user.id } });
    return { kind: 'claimed', subjectNumber: subject.number };
  });
  switch (outcome.kind) {
    case 'claimed':
      return { subjectNumber: outcome.subjectNumber };
    case 'expired':
      throw AppError.field('VALIDATION_FAILED', 'body.code', '验证码已过期或已使用（10 分钟内有效），请重新获取验证码', 'The code has expired or was used (it works for 10 minutes); ask for a new one');
    case 'locked':
      throw new AppError('RATE_LIMITED', { fields: [{ path: 'body.code', message: { zh: '验证码错误次数过多，已失效，请重新获取验证码', en: 'Too many wrong codes; this code no longer works, ask for a new one' } }] });
    case 'wrong':
      throw outcome.left > 0
        ? AppError.field('VALIDATION_FAILED', 'body.code', `验证码不正确，还可尝试 ${outcome.left} 次`, `Wrong code; ${outcome.left} ${outcome.left === 1 ? 'try' : 'tries'} left`)
        : AppError.field('VALIDATION_FAILED', 'body.code', '验证码不正确，错误次数过多，验证码已失效，请重新获取', 'Wrong code; too many wrong tries, so ask for a new code');
  }
}
