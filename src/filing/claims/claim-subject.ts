import { writeAudit, type Actor } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { maskMobile } from '../../core/personal-data.ts';
import { accountBoundTo, hashCode, newSmsCode, subjectKeyOf, type SessionUser } from '../../accounts/index.ts';
import { normaliseMobile, parseFilingNumber } from '../../rules/index.ts';
import { isSubjectHeld } from '../subject-binding.ts';

/** A claim code works for 10 minutes on the application clock and allows five wrong tries. */
export const CLAIM_CODE_TTL_MS = 10 * 60_000;
export const CLAIM_MAX_WRONG = 5;
export const CLAIM_CODE = 'filing.claim_code';

/** Binds code hashes to this platform; derived from the field key, so no new secret is needed. */
export const claimCodeKey = (ctx: AppContext): string => ctx.cipher.lookupHash('subject-claim-code');

export type ClaimStarted = { id: string; subjectNumber: string; mobile: string; expiresInMinutes: number };

type Claimable = { number: string; subject_key: string; user_id: string | null; draft: string; status: string };

export async function loadClaimable(executor: Executor, subjectNumber: string, forUpdate = false): Promise<Claimable> {
  const number = parseFilingNumber(subjectNumber)?.subjectNumber ?? subjectNumber.trim();
  let query = executor.selectFrom('filed_subjects').select(['number', 'subject_key', 'user_id', 'draft', 'status']).where('number', '=', number);
  if (forUpdate) query = query.forUpdate();
  const subject = await query.executeTakeFirst();
  if (!subject || subject.status !== 'active') throw new AppError('NOT_FOUND', { subjectNumber: number });
  return subject;
}

/**
 * What stops an account from taking the subject: the subject is bound already (to this account or another), the
 * account files for another subject, or another account holds this subject through an order in progress.
 */
export async function assertMayClaim(executor: Executor, user: SessionUser, subject: Claimable): Promise<void> {
  if (subject.user_id !== null) throw new AppError('SUBJECT_ALREADY_CLAIMED', { subjectNumber: subject.number, isYours: subject.user_id === user.id });
  const current = await subjectKeyOf(executor, user.id);
  if (current !== null && current !== subject.subject_key && (await isSubjectHeld(executor, user.id, [current]))) throw new AppError('ACCOUNT_HAS_OTHER_SUBJECT');
  const owner = await accountBoundTo(executor, [subject.subject_key]);
  if (owner !== null && owner !== user.id && (await isSubjectHeld(executor, owner, [subject.subject_key]))) throw new AppError('SUBJECT_BOUND_ELSEWHERE');
}

function filedMobile(ctx: AppContext, sealedDraft: string): string | null {
  try {
    const onRecord = JSON.parse(ctx.cipher.decrypt(sealedDraft)) as { subject?: { leader?: { mobile?: unknown } } };
    const mobile = onRecord.subject?.leader?.mobile;
    return typeof mobile === 'string' ? normaliseMobile(mobile) : null;
  } catch {
    return null;
  }
}

/**
 * 认领, step one: texts a code to the subject leader's mobile as filed, the only proof the earlier system left of who
 * the subject is. The answer shows the mobile masked (138****0001), so the applicant knows which phone to look at.
 * Only the newest code of an account for a subject works.
 */
export async function claimSubject(ctx: AppContext, actor: Actor, user: SessionUser, subjectNumber: string): Promise<ClaimStarted> {
  const subject = await loadClaimable(ctx.db, subjectNumber);
  await assertMayClaim(ctx.db, user, subject);
  const mobile = filedMobile(ctx, subject.draft);
  if (!mobile) throw new AppError('SUBJECT_NOT_CLAIMABLE', { subjectNumber: subject.number });
  const id = newId();
  const code = newSmsCode();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('subject_claims').set({ expires_at: now }).where('subject_number', '=', subject.number).where('user_id', '=', user.id).where('confirmed_at', 'is', null).where('expires_at', '>', now).execute();
    await tx
      .insertInto('subject_claims')
      .values({ id, subject_number: subject.number, user_id: user.id, mobile: ctx.cipher.encrypt(mobile), code_hash: hashCode(claimCodeKey(ctx), id, code), expires_at: new Date(now.getTime() + CLAIM_CODE_TTL_MS), created_at: now })
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'filed_subject', entityId: subject.number, action: 'claim_code_sent', data: { claimId: id, mobile: maskMobile(mobile) } });
    await enqueueEvent(tx, now, { topic: CLAIM_CODE, aggregateType: 'subject_claim', aggregateId: id, payload: { sealedCode: ctx.cipher.encrypt(code) } });
  });
  return { id, subjectNumber: subject.number, mobile: maskMobile(mobile), expiresInMinutes: CLAIM_CODE_TTL_MS / 60_000 };
}
