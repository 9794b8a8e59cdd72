import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { storeFile } from '../../materials/index.ts';
import { createDemoFaceVerifier, createHttpFaceVerifier, type FaceVerifier } from '../../materials/face/index.ts';
import { loadVisibleOrder } from '../repo.ts';
import { personAtPath } from '../responsible-persons.ts';
import { isEditable } from '../status.ts';

export function faceVerifierFor(ctx: AppContext): FaceVerifier {
  const face = ctx.config.face;
  return face.adapter === 'http' ? createHttpFaceVerifier({ url: face.url!, apiKey: face.key!, timeoutMs: 15_000 }) : createDemoFaceVerifier();
}

/**
 * A responsible person verifies their own face against their own ID through the configured vendor. The result is
 * tied to the ID number verified, so changing the person in the draft afterwards requires a new check.
 */
export async function verifyFace(ctx: AppContext, actor: Actor, user: SessionUser, input: { orderId: string; person: string; photo: Buffer }, verifier = faceVerifierFor(ctx)) {
  const order = await loadVisibleOrder(ctx, ctx.db, user, input.orderId);
  if (order.userId !== user.id) throw new AppError('FORBIDDEN');
  if (!isEditable(order.status)) throw new AppError('INVALID_TRANSITION', { status: order.status, action: 'face_verification' });
  const person = personAtPath(order.draft, input.person);
  if (!person) {
    throw AppError.field('VALIDATION_FAILED', 'person', '找不到该负责人，请先在备案信息中填写其姓名和证件号码', 'No such person in the draft; fill in their name and ID number first');
  }
  const result = await verifier.verify({ person: { name: person.name, idType: person.idType, idNumber: person.idNumber }, photo: input.photo });
  const photoSha256 = result.outcome === 'error' ? null : await storeFile(ctx, input.photo);
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('face_verifications')
      .values({
        id,
        order_id: order.id,
        person_path: input.person,
        person_key: ctx.cipher.lookupHash(person.idNumber),
        outcome: result.outcome,
        score: result.score ?? null,
        vendor_ref: result.vendorRef ?? null,
        photo_sha256: photoSha256,
        created_at: now,
      })
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'order', entityId: order.id, action: 'face_verification', reason: result.outcome, data: { person: input.person } });
  });
  return { id, person: input.person, outcome: result.outcome, score: result.score ?? null, reason: result.reason ?? null, at: now.toISOString() };
}
