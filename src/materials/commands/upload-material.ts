import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { MATERIAL_KINDS, type MaterialKind } from '../../rules/draft.ts';
import { inspectImage } from '../inspect/index.ts';
import { storeFile } from '../storage/index.ts';
import type { MaterialView } from '../queries/list-materials.ts';

export type UploadMaterialInput = {
  orderId: string;
  ownerId: string;
  kind: string;
  appliesTo?: string;
  issuedOn?: string;
  bytes: Buffer;
};

const APPLIES_TO = /^(subject(\.leader)?|services\[\d{1,3}\](\.leader|\.domains\[\d{1,3}\])?)$/;

/**
 * Inspects the image by its bytes (type, size, colour, bombs, polyglots), strips its metadata, stores the clean
 * copy and records it. A file with an error finding is refused and nothing is stored.
 */
export async function uploadMaterial(ctx: AppContext, actor: Actor, input: UploadMaterialInput): Promise<MaterialView> {
  if (!(MATERIAL_KINDS as readonly string[]).includes(input.kind)) {
    throw AppError.field('VALIDATION_FAILED', 'kind', `材料类型无效，应为：${MATERIAL_KINDS.join('、')}`, `Unknown material kind; use one of ${MATERIAL_KINDS.join(', ')}`);
  }
  if (input.appliesTo && !APPLIES_TO.test(input.appliesTo)) {
    throw AppError.field('VALIDATION_FAILED', 'appliesTo', '适用对象格式应为 subject、subject.leader、services[N] 或 services[N].leader', 'appliesTo must be subject, subject.leader, services[N] or services[N].leader');
  }
  if (input.issuedOn && !/^\d{4}-\d{2}-\d{2}$/.test(input.issuedOn)) {
    throw AppError.field('VALIDATION_FAILED', 'issuedOn', '出具日期格式应为 YYYY-MM-DD', 'issuedOn must be a date like 2026-11-01');
  }
  const inspection = await inspectImage(input.bytes);
  if (!inspection.ok || !inspection.stripped) {
    throw new AppError('MATERIAL_REJECTED', { findings: inspection.findings, bytes: inspection.bytes, format: inspection.format ?? null });
  }
  const sha256 = await storeFile(ctx, inspection.stripped);
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    const order = await tx.selectFrom('orders').select(['status', 'user_id']).where('id', '=', input.orderId).forUpdate().executeTakeFirstOrThrow();
    if (!['draft', 'supplement_requested', 'provider_rejected', 'regulator_rejected'].includes(order.status)) {
      throw new AppError('INVALID_TRANSITION', { status: order.status, action: 'upload' });
    }
    // A new upload of the same kind for the same target replaces the old one.
    let replaced = tx.updateTable('order_materials').set({ replaced_at: now }).where('order_id', '=', input.orderId).where('kind', '=', input.kind).where('replaced_at', 'is', null);
    replaced = input.appliesTo ? replaced.where('applies_to', '=', input.appliesTo) : replaced.where('applies_to', 'is', null);
    await replaced.execute();
    await tx
      .insertInto('order_materials')
      .values({
        id,
        order_id: input.orderId,
        kind: input.kind,
        applies_to: input.appliesTo ?? null,
        issued_on: input.issuedOn ?? null,
        sha256,
        format: inspection.format!,
        bytes: inspection.bytes,
        width: inspection.width ?? null,
        height: inspection.height ?? null,
        colour: inspection.colour ?? null,
        findings: JSON.stringify(inspection.findings),
        uploaded_by: actor.userId,
        created_at: now,
      })
      .execute();
    await tx.updateTable('orders').set({ last_activity_at: now }).where('id', '=', input.orderId).execute();
    await writeAudit(tx, actor, now, { entityType: 'order', entityId: input.orderId, action: 'upload_material', data: { kind: input.kind, appliesTo: input.appliesTo ?? null, sha256 } });
  });
  return {
    id,
    kind: input.kind as MaterialKind,
    appliesTo: input.appliesTo ?? null,
    issuedOn: input.issuedOn ?? null,
    file: { format: inspection.format!, bytes: inspection.bytes, width: inspection.width, height: inspection.height, colour: inspection.colour },
    sha256,
    findings: inspection.findings,
    uploadedAt: now.toISOString(),
  };
}
