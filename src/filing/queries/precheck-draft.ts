import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';
import type { Finding, PrecheckResult } from '../../rules/index.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { subjectKeyOf } from '../../accounts/index.ts';
import { summariseDraft } from '../draft-summary.ts';
import { lookUpNationalFor, precheckOrder } from '../precheck-order.ts';
import { loadVisibleOrder, type Order } from '../repo.ts';
import { responsiblePersons } from '../responsible-persons.ts';
import { BINDING_MESSAGES, isSubjectHeld, subjectKeysOfOrder } from '../subject-binding.ts';

/** Responsible persons of the draft who have not passed their own face check on this order (submit refuses them). */
export async function faceFindings(ctx: AppContext, executor: Executor, order: Order): Promise<Finding[]> {
  const verified = await executor.selectFrom('face_verifications').select(['person_key']).where('order_id', '=', order.id).where('outcome', '=', 'passed').execute();
  return responsiblePersons(order.draft)
    .filter((person) => !verified.some((row) => ctx.cipher.matchesLookup(row.person_key, person.idNumber)))
    .map((person) => ({
      code: 'FACE_VERIFICATION_MISSING',
      severity: 'error' as const,
      path: person.path,
      message: {
        zh: `${person.name || '负责人'}尚未完成本人人脸核验，请本人上传或拍摄人脸照片完成核验`,
        en: `${person.name || 'This person'} has not verified their own face yet; they must complete the face check themselves`,
      },
    }));
}

/**
 * The draft as the applicant is typing it, judged as submit would judge it: with this order's kind, what is filed,
 * the materials really uploaded, the face checks done, and whether this account may file this subject. The
 * wizard's findings and ticks then say what submit will say.
 */
export async function precheckDraft(ctx: AppContext, user: SessionUser, id: string, draft: Record<string, unknown>): Promise<PrecheckResult> {
  const stored = await loadVisibleOrder(ctx, ctx.db, user, id);
  const summary = summariseDraft(draft);
  const order: Order = { ...stored, draft, subjectKey: summary.certificate ? ctx.cipher.lookupHash(`${summary.certificate.type}:${summary.certificate.number}`) : null };
  // Asked as submit asks it; when the registry cannot be reached the draft is judged on what is known here.
  const result = await precheckOrder(ctx, ctx.db, order, await lookUpNationalFor(ctx, order));
  const findings = [...result.findings, ...(await faceFindings(ctx, ctx.db, order)), ...(await bindingFindings(ctx, order))];
  return { ...result, ok: !findings.some((f) => f.severity === 'error'), findings };
}

/** Said at the certificate field before submit refuses it: this account already files for another subject. */
async function bindingFindings(ctx: AppContext, order: Order): Promise<Finding[]> {
  const current = await subjectKeyOf(ctx.db, order.userId);
  if (!order.subjectKey || current === null || subjectKeysOfOrder(ctx, order).includes(current)) return [];
  if (!(await isSubjectHeld(ctx.db, order.userId, [current], order.id))) return [];
  return [
    {
      code: 'ACCOUNT_HAS_OTHER_SUBJECT',
      severity: 'error',
      path: 'subject.certificate.number',
      message: BINDING_MESSAGES.ACCOUNT_HAS_OTHER_SUBJECT,
    },
  ];
}
