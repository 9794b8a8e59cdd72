import { AppError } from '../core/errors.ts';

/**
 * The database enforces "one submitted order in flight per subject" (drafts do not count); this turns its refusal
 * into a clear 409 at the certificate field, as `fields` (the API's shape) and as a finding (the submit page's list).
 */
export async function translateUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string; message?: string };
    if (pgError.code === '23505' && (pgError.constraint === 'orders_one_in_flight_idx' || pgError.message?.includes('orders_one_in_flight_idx'))) {
      throwOrderInProgress();
    }
    throw error;
  }
}

export function throwOrderInProgress(): never {
  const message = {
    zh: '该主体已有一个已提交、正在办理的备案订单，请等它办结或放弃后再提交',
    en: 'This subject already has a submitted order in progress; wait for it to finish, or abandon it, before submitting',
  };
  throw new AppError('CONFLICT', {
    fields: [{ path: 'draft.subject.certificate.number', message }],
    findings: [{ code: 'ORDER_IN_PROGRESS', severity: 'error', path: 'subject.certificate.number', message }],
  }, message.en);
}
