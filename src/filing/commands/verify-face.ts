import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { inspectImage, storeFile } from '../../materials/index.ts';
import { createDemoFaceVerifier, createHttpFaceVerifier, type FaceVerifier } from '../../materials/face/index.ts';
import { loadVisibleOrder } from '../repo.ts';
import { personAtPath } from '../responsible-persons.ts';
import { isEditable } from '../status.ts';

export function faceVerifierFor(ctx: AppContext): FaceVerifier {
  const face = ctx.config.face;
  return face.adapter === 'http' ? createHttpFaceVerifier({ url: face.url!, apiKey: face.key!, timeoutMs: 15_000 }) : createDemoFaceVerifier();
}

/** Attempts per person (ID number) in 24 hours on the application clock: each costs a vendor call and probes a face. */
export const FACE_ATTEMPTS_PER_DAY = 10;
/** A phone selfie is rarely under this; smaller is a thumbnail or not a photo. Materials' 200 KB rule is for scans. */
const FACE_MIN_BYTES = 10 * 1024;

/**
 * A responsible person verifies their own face against their own ID through the configured vendor. The photo is
 * inspected like a material (real decoding; random bytes, HTML and polyglots refused), re-encoded without metadata
 * (EXIF with GPS), and only that copy is sent and stored, under a keyed name. Attempts are limited per person and
 * day. The result is tied to the ID number verified, so changing the person in the draft afterwards requires a new
 * check.
 */
export async function verifyFace(ctx: AppContext, actor: Actor, user: SessionUser, input: { orderId: string; person: string; photo: Buffer }, verifier = faceVerifierFor(ctx)) {
  const order = await loadVisibleOrder(ctx, ctx.db, user, input.orderId);
  if (order.userId !== user.id) throw new AppError('FORBIDDEN');
  if (!isEditable(order.status)) throw new AppError('INVALID_TRANSITION', { status: order.status, action: 'face_verification' });
  const person = personAtPath(order.draft, input.person);
  if (!person) {
    throw AppError.field('VALIDATION_FAILED', 'person', '找不到该负责人，请先在备案信息中填写其姓名和证件号码', 'No such person in the draft; fill in their name and ID number first');
  }
  const inspection = await inspectImage(input.photo, { minBytes: FACE_MIN_BYTES });
  // A grey selfie is still a face; every other finding (not an image, a disguised file, a bomb, too small) refuses it.
  const blocking = inspection.findings.filter((f) => f.severity === 'error' && f.code !== 'MATERIAL_NOT_COLOUR');
  if (blocking.length > 0 || !inspection.stripped) {
    throw new AppError('MATERIAL_REJECTED', { findings: blocking, bytes: inspection.bytes, format: inspection.format ?? null });
  }
  const personKey = ctx.cipher.lookupHash(person.idNumber);
  const now = ctx.clock.now();
  const recent = await ctx.db
    .selectFrom('face_verifications')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('person_key', 'in', ctx.cipher.lookupHashes(person.idNumber))
    .where('created_at', '>', new Date(now.getTime() - 24 * 3600_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= FACE_ATTEMPTS_PER_DAY) {
    const retryMs = new Date(recent.oldest as Date | string).getTime() + 24 * 3600_000 - now.getTime();
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)), reason: 'face_attempts_per_day' });
  }
  const photo = inspection.stripped;
  const result = await verifier.verify({ person: { name: person.name, idType: person.idType, idNumber: person.idNumber }, photo });
  const photoSha256 = result.outcome === 'error' ? null : await storeFile(ctx, photo);
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('face_verifications')
      .values({
        id,
        order_id: order.id,
        person_path: input.person,
        person_key: personKey,
        outcome: result.outcome,
        score: result.score ?? null,
        vendor_ref: result.vendorRef ?? null,
        photo_sha256: photoSha256,
        created_at: now,
      })
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'order', entityId: order.id, action: 'face_verification', reason: result.outcome, data: { person: input.person }, personKeys: [personKey] });
  });
  return { id, person: input.person, outcome: result.outcome, score: result.score ?? null, reason: result.reason ?? null, at: now.toISOString() };
}
