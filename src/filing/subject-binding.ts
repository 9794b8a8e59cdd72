import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { AppError } from '../core/errors.ts';
import { accountBoundTo, bindSubject, subjectKeyOf, unbindSubject } from '../accounts/index.ts';
import { summariseDraft } from './draft-summary.ts';
import type { Order } from './repo.ts';

/** Submitted and not yet finished: these orders hold their subject for their account (drafts never do). */
const HOLDING_STATUSES = ['provider_review', 'supplement_requested', 'provider_rejected', 'awaiting_regulator', 'sms_verification', 'regulator_review', 'regulator_rejected'] as const;

/**
 * Whether something still binds an account to a subject: an active filed subject it owns, or one of its orders for
 * that subject that was submitted and is not finished. `exceptOrderId` leaves out the order being resubmitted, so a
 * certificate corrected after a rejection moves the binding with it.
 */
export async function isSubjectHeld(executor: Executor, userId: string, subjectKeys: readonly string[], exceptOrderId?: string): Promise<boolean> {
  if (subjectKeys.length === 0) return false;
  const filed = await executor.selectFrom('filed_subjects').select('number').where('user_id', '=', userId).where('subject_key', 'in', subjectKeys).where('status', '=', 'active').executeTakeFirst();
  if (filed) return true;
  let orders = executor.selectFrom('orders').select('id').where('user_id', '=', userId).where('subject_key', 'in', subjectKeys).where('status', 'in', HOLDING_STATUSES);
  if (exceptOrderId) orders = orders.where('id', '!=', exceptOrderId);
  return (await orders.executeTakeFirst()) !== undefined;
}

/** Whether any account has a submitted, unfinished order for the subject. */
export async function hasSubmittedOrder(executor: Executor, subjectKeys: readonly string[]): Promise<boolean> {
  if (subjectKeys.length === 0) return false;
  const order = await executor.selectFrom('orders').select('id').where('subject_key', 'in', subjectKeys).where('status', 'in', HOLDING_STATUSES).executeTakeFirst();
  return order !== undefined;
}

/**
 * The order's subject key under every live look-up key (current first), from the certificate in its draft: rows
 * written before a key rotation, and not yet re-hashed by `openbeian rotate-keys`, are found too.
 */
export function subjectKeysOfOrder(ctx: AppContext, order: Pick<Order, 'draft' | 'subjectKey'>): string[] {
  const certificate = summariseDraft(order.draft).certificate;
  if (certificate) return ctx.cipher.lookupHashes(`${certificate.type}:${certificate.number}`);
  return order.subjectKey ? [order.subjectKey] : [];
}

const CERTIFICATE = 'subject.certificate.number';

export const BINDING_MESSAGES = {
  ACCOUNT_HAS_OTHER_SUBJECT: {
    zh: '本账号已为另一个主体提交或完成备案；一个账号只能为一个主体备案。请核对证件号码，或为该主体注册新账号',
    en: 'This account has already submitted or filed for another subject; one account files for one subject. Check the number, or register a new account for this subject',
  },
  SUBJECT_BOUND_ELSEWHERE: {
    zh: '该证件对应的主体已由其他账号提交或完成备案，请使用原账号登录办理；如证件号码填错，请核对后再提交',
    en: 'Another account has already submitted or filed for this subject; log in with that account. If the number is a typo, correct it and submit again',
  },
} as const;

/** A refusal at the certificate field: as `fields` (the API's shape) and as a finding (the submit page's list). */
function refusal(code: keyof typeof BINDING_MESSAGES): AppError {
  const message = BINDING_MESSAGES[code];
  return new AppError(code, {
    fields: [{ path: `draft.${CERTIFICATE}`, message }],
    findings: [{ code, severity: 'error', path: CERTIFICATE, message }],
  }, message.en);
}

/**
 * Binds the account to the order's subject at submit, after the pre-check passed (so the certificate number is a
 * valid one). A binding nothing holds any more (its order abandoned, its filing cancelled) gives way.
 */
export async function bindSubjectOnSubmit(ctx: AppContext, executor: Executor, order: Order): Promise<void> {
  const subjectKeys = subjectKeysOfOrder(ctx, order);
  const subjectKey = subjectKeys[0];
  if (!subjectKey) return;
  const current = await subjectKeyOf(executor, order.userId);
  if (current !== null && subjectKeys.includes(current)) return;
  if (current !== null && (await isSubjectHeld(executor, order.userId, [current], order.id))) {
    throw refusal('ACCOUNT_HAS_OTHER_SUBJECT');
  }
  const owner = await accountBoundTo(executor, subjectKeys);
  if (owner !== null && owner !== order.userId) {
    if (await isSubjectHeld(executor, owner, subjectKeys)) {
      throw refusal('SUBJECT_BOUND_ELSEWHERE');
    }
    await unbindSubject(executor, owner);
  }
  await bindSubject(ctx, executor, { userId: order.userId, subjectKey });
}

/** After an order is abandoned or expires: the account is free again when nothing else holds its subject. */
export async function releaseSubjectIfFree(executor: Executor, userId: string): Promise<void> {
  const current = await subjectKeyOf(executor, userId);
  if (current !== null && !(await isSubjectHeld(executor, userId, [current]))) await unbindSubject(executor, userId);
}
