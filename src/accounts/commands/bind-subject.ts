import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';

export type BindSubjectInput = { userId: string; certificateType: string; certificateNumber: string };

/**
 * One account files for exactly one subject. The subject is identified the way the regulator does: by the
 * certificate type and number, not by its name. Called when an order first names its subject.
 */
export async function bindSubject(ctx: AppContext, executor: Executor, input: BindSubjectInput): Promise<void> {
  const subjectKey = ctx.cipher.lookupHash(`${input.certificateType}:${input.certificateNumber}`);
  const user = await executor.selectFrom('users').select(['subject_key']).where('id', '=', input.userId).executeTakeFirstOrThrow();
  if (user.subject_key === subjectKey) return;
  if (user.subject_key !== null) {
    throw AppError.field(
      'ACCOUNT_HAS_OTHER_SUBJECT',
      'draft.subject.certificate.number',
      '本账号已用于另一个备案主体；一个账号只能为一个主体备案，请注册新账号',
      'This account already files for another subject; one account files for one subject, so register a new account',
    );
  }
  const owner = await executor.selectFrom('users').select(['id']).where('subject_key', '=', subjectKey).executeTakeFirst();
  if (owner) {
    throw AppError.field(
      'SUBJECT_BOUND_ELSEWHERE',
      'draft.subject.certificate.number',
      '该证件对应的主体已绑定其他账号，请使用原账号登录办理',
      'This subject already belongs to another account; log in with that account instead',
    );
  }
  await executor
    .updateTable('users')
    .set({ subject_key: subjectKey, subject_bound_at: ctx.clock.now() })
    .where('id', '=', input.userId)
    .execute();
}
