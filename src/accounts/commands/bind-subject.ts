import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';

/**
 * One account files for exactly one subject, identified the way the regulator does: by the keyed hash of the
 * certificate type and number, not by its name. These are the account's side of it; what binds an account (a
 * submitted order, a filed subject) is the filing context's business (src/filing/subject-binding.ts).
 */
export async function subjectKeyOf(executor: Executor, userId: string): Promise<string | null> {
  const user = await executor.selectFrom('users').select(['subject_key']).where('id', '=', userId).executeTakeFirstOrThrow();
  return user.subject_key;
}

/** The account bound to a subject, if any; `subjectKeys`: its key under every live look-up key (key rotation). */
export async function accountBoundTo(executor: Executor, subjectKeys: readonly string[]): Promise<string | null> {
  if (subjectKeys.length === 0) return null;
  const owner = await executor.selectFrom('users').select(['id']).where('subject_key', 'in', subjectKeys).executeTakeFirst();
  return owner?.id ?? null;
}

export async function bindSubject(ctx: AppContext, executor: Executor, input: { userId: string; subjectKey: string }): Promise<void> {
  await executor.updateTable('users').set({ subject_key: input.subjectKey, subject_bound_at: ctx.clock.now() }).where('id', '=', input.userId).execute();
}

export async function unbindSubject(executor: Executor, userId: string): Promise<void> {
  await executor.updateTable('users').set({ subject_key: null, subject_bound_at: null }).where('id', '=', userId).execute();
}
