import type { SmsCheckProgress } from '../../regulator/port.ts';
import type { AppContext } from '../../core/context.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { lookUpNationalFor, precheckOrder } from '../precheck-order.ts';
import { changesSinceDecision } from '../decisions.ts';
import { estimateCompletion } from '../eta.ts';
import { promiseView } from '../promise.ts';
import { loadVisibleOrder, type Order } from '../repo.ts';
import { maskDraft, orderAccess, personKeysOf } from '../access.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { describeStatus, isOrderStatus } from '../status.ts';
import { listMaterials } from '../../materials/index.ts';

export type TimelineEntry = { at: string; status: string; actor: string; note: string | null; label: { zh: string; en: string } };

/**
 * The order as its owner or a staff member sees it (DESIGN §5.7), with personal fields masked where the viewer's
 * role does not need them (access.ts). A staff member's view is an audit row naming the people concerned.
 */
export async function getOrderView(ctx: AppContext, user: SessionUser, id: string, actor: Actor = { userId: user.id, role: user.role, requestId: null }) {
  const order = await loadVisibleOrder(ctx, ctx.db, user, id);
  const access = orderAccess(user, order)!;
  const masked = access === 'masked' ? maskDraft(order.draft) : null;
  if (access !== 'owner') {
    await writeAudit(ctx.db, actor, ctx.clock.now(), {
      entityType: 'order',
      entityId: order.id,
      action: 'personal_data_viewed',
      data: { access, status: order.status },
      personKeys: personKeysOf(ctx, order.draft),
    });
  }
  const national = await lookUpNationalFor(ctx, order);
  const [precheck, materials, timeline, faces, calls, changes] = await Promise.all([
    precheckOrder(ctx, ctx.db, order, national),
    listMaterials(ctx, order.id),
    orderTimeline(ctx, order.id),
    ctx.db.selectFrom('face_verifications').select(['person_path', 'outcome', 'created_at']).where('order_id', '=', order.id).orderBy('created_at').execute(),
    isStaff(user.role)
      ? ctx.db.selectFrom('review_calls').select(['person_path', 'outcome', 'note', 'created_at']).where('order_id', '=', order.id).orderBy('id').execute()
      : Promise.resolve([]),
    changesSinceDecision(ctx, ctx.db, order, user),
  ]);
  return {
    id: order.id,
    number: order.number,
    kind: order.kind,
    status: order.status,
    statusLabel: describeStatus(order.status),
    version: order.version,
    draft: masked?.draft ?? order.draft,
    access,
    maskedFields: masked?.maskedFields ?? [],
    helpRequestedAt: order.helpRequestedAt?.toISOString() ?? null,
    precheck,
    materials,
    faceVerifications: faces.map((f) => ({ person: f.person_path, outcome: f.outcome, at: f.created_at.toISOString() })),
    calls: calls.map((c) => ({ person: c.person_path, outcome: c.outcome, note: c.note, at: c.created_at.toISOString() })),
    timeline,
    rejectReasons: order.rejectReasons,
    supplementItems: order.supplementItems,
    /** Field by field, what changed since the order was last sent back, and which reasons each change answers. */
    changesSinceDecision: changes,
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
 * Where the regulator's SMS check stands: the deadline (24 h from the first text) as an ISO instant the browser shows
 * in its own time and, where the platform relays the check itself (the simulator), per mobile texted: confirmed or
 * not and wrong tries left. Against the real regulator only the deadline it reported is known.
 */
async function smsCheckOf(ctx: AppContext, orderId: string): Promise<SmsCheckProgress | null> {
  const submission = await ctx.db
    .selectFrom('regulator_submissions')
    .select('id')
    .where('order_id', '=', orderId)
    .orderBy('order_version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const relayed = submission && ctx.regulator.sms?.progress ? await ctx.regulator.sms.progress(submission.id) : null;
  if (relayed) return relayed;
  const started = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'data'])
    .where('entity_type', '=', 'order')
    .where('entity_id', '=', orderId)
    .where('to_status', '=', 'sms_verification')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const expiresAt = started?.data?.smsExpiresAt;
  if (!started || typeof expiresAt !== 'string') return null;
  return { sentAt: started.at.toISOString(), deadline: expiresAt, mobiles: [] };
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
