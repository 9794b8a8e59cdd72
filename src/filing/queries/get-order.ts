import type { AppContext } from '../../core/context.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { precheckOrder } from '../precheck-order.ts';
import { estimateCompletion } from '../eta.ts';
import { promiseView } from '../promise.ts';
import { loadVisibleOrder, type Order } from '../repo.ts';
import { describeStatus, isOrderStatus } from '../status.ts';
import { listMaterials } from '../../materials/index.ts';
import { SMS_CHECK } from '../../rules/index.ts';

export type TimelineEntry = { at: string; status: string; actor: string; note: string | null; label: { zh: string; en: string } };

/** The order as its owner or a staff member sees it (DESIGN §5.7). */
export async function getOrderView(ctx: AppContext, user: SessionUser, id: string) {
  const order = await loadVisibleOrder(ctx, ctx.db, user, id);
  const [precheck, materials, timeline, faces, calls] = await Promise.all([
    precheckOrder(ctx, ctx.db, order),
    listMaterials(ctx, order.id),
    orderTimeline(ctx, order.id),
    ctx.db.selectFrom('face_verifications').select(['person_path', 'outcome', 'created_at']).where('order_id', '=', order.id).orderBy('created_at').execute(),
    isStaff(user.role)
      ? ctx.db.selectFrom('review_calls').select(['person_path', 'outcome', 'note', 'created_at']).where('order_id', '=', order.id).orderBy('id').execute()
      : Promise.resolve([]),
  ]);
  return {
    id: order.id,
    number: order.number,
    kind: order.kind,
    status: order.status,
    statusLabel: describeStatus(order.status),
    version: order.version,
    draft: order.draft,
    precheck,
    materials,
    faceVerifications: faces.map((f) => ({ person: f.person_path, outcome: f.outcome, at: f.created_at.toISOString() })),
    calls: calls.map((c) => ({ person: c.person_path, outcome: c.outcome, note: c.note, at: c.created_at.toISOString() })),
    timeline,
    rejectReasons: order.rejectReasons,
    supplementItems: order.supplementItems,
    numbers: await orderNumbers(ctx, order),
    eta: estimateCompletion(ctx.clock.now(), order),
    sms: order.status === 'sms_verification' ? await smsCheckOf(ctx, order.id) : null,
    promise: await promiseView(ctx.db, order.id),
    slaDueAt: order.slaDueAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

async function orderTimeline(ctx: AppContext, orderId: string): Promise<TimelineEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'to_status', 'actor_role', 'reason', 'action'])
    .where('entity_type', '=', 'order')
    .where('entity_id', '=', orderId)
    .where('to_status', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    at: row.at.toISOString(),
    status: row.to_status!,
    actor: row.actor_role ?? 'system',
    note: row.reason,
    label: isOrderStatus(row.to_status!) ? describeStatus(row.to_status) : { zh: row.to_status!, en: row.to_status! },
  }));
}

/**
 * Where the regulator's SMS check stands, per mobile texted: confirmed or not, wrong tries left, and the deadline
 * (24 h from the first text) as an ISO instant the browser shows in its own time.
 */
async function smsCheckOf(ctx: AppContext, orderId: string) {
  const rows = await ctx.db
    .selectFrom('sms_challenges')
    .select(['mobile', 'attempts', 'expires_at', 'confirmed_at', 'created_at'])
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute();
  if (rows.length === 0) return null;
  return {
    sentAt: rows[0]!.created_at.toISOString(),
    deadline: new Date(Math.max(...rows.map((r) => r.expires_at.getTime()))).toISOString(),
    mobiles: rows.map((r) => ({
      mobile: ctx.cipher.decrypt(r.mobile),
      isConfirmed: r.confirmed_at !== null,
      attemptsLeft: Math.max(0, SMS_CHECK.maxWrongCodes - r.attempts),
    })),
  };
}

async function orderNumbers(ctx: AppContext, order: Order) {
  if (order.status !== 'approved' || !order.filingNumber) return undefined;
  const services = await ctx.db
    .selectFrom('filed_services')
    .select(['number', 'name', 'domain', 'kind'])
    .where('subject_number', '=', order.filingNumber)
    .orderBy('seq')
    .execute();
  return { subject: order.filingNumber, services };
}
