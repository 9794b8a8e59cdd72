import { createHash } from 'node:crypto';
import type { AppContext } from '../../core/context.ts';
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../../core/audit.ts';
import { newId } from '../../core/ids.ts';
import { FILING_KINDS, type FilingKind } from '../../rules/index.ts';
import { loadOrderForUpdate, toOrder, transitionOrder, type Order } from '../../filing/index.ts';
import { listMaterials, readStoredFile } from '../../materials/index.ts';
import { isRefusal } from '../errors.ts';
import type { RegulatorSubmission } from '../port.ts';
import { explainRegulatorReason } from '../reasons.ts';

export const REGULATOR_ACTOR: Actor = { ...SYSTEM_ACTOR, role: 'regulator' };

/**
 * Job: sends an order the provider approved to the regulator through the port. The submission id is fixed per
 * order version, so a retry after a timeout sends the same id and the adapter files it once. Nothing is held open
 * while the adapter talks to the regulator: the order is read, the call made, and the answer written after.
 * An unavailable regulator throws (the job runs again with backoff); a refusal sends the order back to the
 * applicant as `regulator_rejected` with the regulator's reasons.
 */
export async function submitToRegulator(ctx: AppContext, orderId: string, approvedAt?: string): Promise<void> {
  const row = await ctx.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!row) return;
  const order = toOrder(ctx, row);
  if (order.status !== 'awaiting_regulator') return;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('regulator_submissions')
    .values({ id: newId(), order_id: order.id, order_version: order.version, kind: order.kind ?? 'first_filing', adapter: ctx.regulator.name, status: 'sending', created_at: now })
    .onConflict((oc) => oc.columns(['order_id', 'order_version']).doNothing())
    .execute();
  const record = await ctx.db.selectFrom('regulator_submissions').selectAll().where('order_id', '=', order.id).where('order_version', '=', order.version).executeTakeFirstOrThrow();
  if (record.status !== 'sending') return;

  const submission = await buildSubmission(ctx, order, record.id, approvedAt ?? order.updatedAt.toISOString());
  let regulatorRef: string;
  try {
    regulatorRef = (await ctx.regulator.submit(submission)).regulatorRef;
  } catch (error) {
    if (isRefusal(error)) return refused(ctx, record.id, order.id, error.reasons ?? [{ code: 'OTHER', note: error.message }]);
    await ctx.db
      .updateTable('regulator_submissions')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(error instanceof Error ? error.message : error).slice(0, 2000) }))
      .where('id', '=', record.id)
      .execute();
    throw error;
  }
  await ctx.db.transaction().execute(async (tx) => {
    const at = ctx.clock.now();
    await tx
      .updateTable('regulator_submissions')
      .set((eb) => ({ status: 'accepted', regulator_ref: regulatorRef, accepted_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', '=', record.id)
      .where('status', '=', 'sending')
      .execute();
    await writeAudit(tx, REGULATOR_ACTOR, at, {
      entityType: 'order',
      entityId: order.id,
      action: 'regulator_submitted',
      reason: `sent to the regulator (${ctx.regulator.name}), reference ${regulatorRef}`,
      data: { submissionId: record.id, regulatorRef, adapter: ctx.regulator.name },
    });
  });
}

async function refused(ctx: AppContext, submissionId: string, orderId: string, reasons: { code: string; path?: string; note?: string }[]): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const order = await loadOrderForUpdate(ctx, tx, orderId);
    await tx.updateTable('regulator_submissions').set({ status: 'refused' }).where('id', '=', submissionId).execute();
    if (order.status !== 'awaiting_regulator') return;
    const explained = reasons.map(explainRegulatorReason);
    await transitionOrder(ctx, tx, REGULATOR_ACTOR, order, {
      to: 'regulator_rejected',
      reason: explained.map((r) => r.code).join(','),
      changes: { reject_reasons: JSON.stringify(explained), decided_at: ctx.clock.now() },
      data: { reasons: explained },
      returnedWith: explained,
    });
  });
}

/** Everything the regulator is told about an order: the draft, what it changes, the materials and face checks. */
async function buildSubmission(ctx: AppContext, order: Order, id: string, approvedAt: string): Promise<RegulatorSubmission> {
  const services = Array.isArray(order.draft.services) ? (order.draft.services as Record<string, unknown>[]) : [];
  const materials = await listMaterials(ctx, order.id);
  const faces = await ctx.db
    .selectFrom('face_verifications')
    .select(['person_path', 'vendor_ref', 'score', 'created_at'])
    .where('order_id', '=', order.id)
    .where('outcome', '=', 'passed')
    .orderBy('created_at')
    .execute();
  return {
    id,
    orderId: order.id,
    orderNumber: order.number,
    kind: FILING_KINDS.find((k): k is FilingKind => k === order.kind) ?? 'first_filing',
    province: order.province ?? '',
    draft: order.draft,
    services: services.map((service, index) => ({ index, ...(typeof service?.filedNumber === 'string' ? { filedNumber: service.filedNumber } : {}) })),
    ...(order.filingNumber ? { subjectNumber: order.filingNumber } : {}),
    targetServices: order.targetServices,
    // Files are stored under a keyed hash (no plain digest of an ID-card image is kept); the regulator gets the
    // plain sha256 of the bytes it receives, computed here from the decrypted file.
    materials: await Promise.all(
      materials.map(async (m) => {
        const bytes = await readStoredFile(ctx, m.sha256);
        if (!bytes) throw new Error(`material ${m.id} of order ${order.number} is missing from the file store`);
        return {
          kind: m.kind,
          appliesTo: m.appliesTo,
          issuedOn: m.issuedOn,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          format: m.file.format,
          bytes: m.file.bytes,
          read: async () => bytes,
        };
      }),
    ),
    faceChecks: faces.map((f) => ({ person: f.person_path, vendorRef: f.vendor_ref, score: f.score, at: f.created_at.toISOString() })),
    approvedAt,
  };
}
