import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import type { OrdersTable } from '../core/db/schema.ts';
import { AppError } from '../core/errors.ts';
import type { Selectable } from 'kysely';
import type { SessionUser } from '../accounts/index.ts';
import { orderAccess } from './access.ts';
import { isOrderStatus, type OrderStatus } from './status.ts';

export type OrderRow = Selectable<OrdersTable>;

export type Order = {
  id: string;
  number: string;
  userId: string;
  kind: string | null;
  status: OrderStatus;
  version: number;
  draft: Record<string, unknown>;
  province: string | null;
  subjectName: string | null;
  subjectKey: string | null;
  domains: string[];
  filingNumber: string | null;
  targetServices: string[];
  rejectReasons: unknown[];
  supplementItems: unknown[];
  claimedBy: string | null;
  slaDueAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
  /** Set while the applicant asks the provider's staff to look at the draft before it is submitted. */
  helpRequestedAt: Date | null;
};

export function toOrder(ctx: AppContext, row: OrderRow): Order {
  if (!isOrderStatus(row.status)) throw new Error(`order ${row.id} has unknown status ${row.status}`);
  return {
    id: row.id,
    number: row.number,
    userId: row.user_id,
    kind: row.kind,
    status: row.status,
    version: row.version,
    draft: JSON.parse(ctx.cipher.decrypt(row.draft)) as Record<string, unknown>,
    province: row.province,
    subjectName: row.subject_name,
    subjectKey: row.subject_key,
    domains: row.domains,
    filingNumber: row.filing_number,
    targetServices: row.target_services,
    rejectReasons: row.reject_reasons,
    supplementItems: row.supplement_items,
    claimedBy: row.claimed_by,
    slaDueAt: row.sla_due_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    helpRequestedAt: row.help_requested_at,
  };
}

/**
 * Loads an order the user may see (access.ts: the owner always; staff once it is submitted or help was asked);
 * anyone else gets 404, so order ids reveal nothing.
 */
export async function loadVisibleOrder(ctx: AppContext, executor: Executor, user: SessionUser, id: string, options: { forUpdate?: boolean } = {}): Promise<Order> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
  let query = executor.selectFrom('orders').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || !orderAccess(user, { userId: row.user_id, status: row.status, submittedAt: row.submitted_at, helpRequestedAt: row.help_requested_at })) {
    throw new AppError('NOT_FOUND');
  }
  return toOrder(ctx, row);
}

export async function loadOrderForUpdate(ctx: AppContext, executor: Executor, id: string): Promise<Order> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
  const row = await executor.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toOrder(ctx, row);
}
