import type { AppContext } from '../../core/context.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { resourceName, toResource } from '../repo.ts';

export type ListServiceCodesQuery = { resourceId?: string; page: number; pageSize: number };

/** The codes an applicant holds (staff: everyone's), each with its resource, its IPs and the order it is bound to. */
export async function listServiceCodes(ctx: AppContext, user: SessionUser, query: ListServiceCodesQuery) {
  let select = ctx.db.selectFrom('service_codes');
  if (!isStaff(user.role)) select = select.where('service_codes.user_id', '=', user.id);
  if (query.resourceId) select = select.where('service_codes.resource_id', '=', query.resourceId);
  const [rows, total] = await Promise.all([
    select
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
      ])
      .orderBy('service_codes.issued_at', 'desc')
      .orderBy('service_codes.code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => {
      const resource = toResource(row);
      return {
        code: row.code,
        issuedAt: row.issued_at.toISOString(),
        revokedAt: row.revoked_at?.toISOString() ?? null,
        resource: { id: resource.id, kind: resource.kind, label: resource.label, name: resourceName(resource), region: resource.region },
        ips: resource.publicIps,
        boundOrder: row.order_id ? { id: row.order_id, number: row.order_number ?? '', status: row.order_status ?? '', boundAt: row.bound_at?.toISOString() ?? null } : null,
      };
    }),
    total: Number(total.count),
    page: query.page,
    pageSize: query.pageSize,
  };
}
