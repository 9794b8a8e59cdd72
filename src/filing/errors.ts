import { AppError } from '../core/errors.ts';

/** The database enforces "one order in flight per subject"; this turns its refusal into a clear 409. */
export async function translateUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string; message?: string };
    if (pgError.code === '23505' && (pgError.constraint === 'orders_one_in_flight_idx' || pgError.message?.includes('orders_one_in_flight_idx'))) {
      throw AppError.field(
        'CONFLICT',
        'draft.subject.certificate.number',
        '该主体已有一个正在办理的备案订单，请先完成或放弃它',
        'This subject already has an order in progress; finish or abandon it first',
      );
    }
    throw error;
  }
}
