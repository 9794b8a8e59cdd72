import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { resourceName, toResource, type ResourceRow } from '../repo.ts';

export type ListServiceCodesQuery = { resourceId?: string; page: number; pageSize: number };

/** Codes joined to their resource and the order each is bound to: what `presentServiceCode` shows. */
export function serviceCodeRows(executor: Executor) {
  return executor
    .selectFrom('service_codes')
    .innerJoin('resources', 'resources.id', 'service_codes.resource_id')
    .leftJoin('orders', 'orders.id', 'service_codes.bound_order_id')
    .selectAll('resources')
    .select([
      'service_codes.code',
      'service_codes.issued_at',
      'service_codes.bound_at',
      'service_codes.revoked_at',
      'orders.id as order_id',
      'orders.number as order_number',
      'orders.status as order_status',
    ]);
}

type ServiceCodeRow = ResourceRow & {
  code: string;
  issued_at: Date;
  bound_at: Date | null;
  revoked_at: Date | null;
  order_id: string | null;
  order_number: string | null;
  order_status: string | null;
};

/** A code as the API shows it: its resource, IPs, whether it was revoked and the order it is bound to. */
export function presentServiceCode(row: ServiceCodeRow) {
  const resource = toResource(row);
  return {
    code: row.code,
    issuedAt: row.issued_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    resource: { id: resource.id, kind: resource.kind, label: resource.label, name: resourceName(resource), region: resource.region },
    ips: resource.publicIps,
    boundOrder: row.order_id ? { id: row.order_id, number: row.order_number ?? '', status: row.order_status ?? '', boundAt: row.bound_at?.toISOString() ?? null } : null,
  };
}

/** The codes an applicant holds (staff: everyone's), each with its resource, its IPs and the order it is bound to. */
export async function listServiceCodes(ctx: AppContext, user: SessionUser, query: ListServiceCodesQuery) {
  let rows = serviceCodeRows(ctx.db);
  let count = ctx.db.selectFrom('service_codes');
  if (!isStaff(user.role)) {
    rows = rows.where('service_codes.user_id', '=', user.id);
    count = count.where('service_codes.user_id', '=', user.id);
  }
  if (query.resourceId) {
    rows = rows.where('service_codes.resource_id', '=', query.resourceId);
    count = count.where('service_codes.resource_id', '=', query.resourceId);
  }
  const [items, total] = await Promise.all([
    rows
      .orderBy('service_codes.issued_at', 'desc')
      .orderBy('service_codes.code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    count.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map(presentServiceCode),
    total: Number(total.count),
    page: query.page,
    pageSize: query.pageSize,
  };
}
