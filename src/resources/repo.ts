import type { Selectable } from 'kysely';
import type { Executor } from '../core/db/database.ts';
import type { ResourcesTable } from '../core/db/schema.ts';
import { shanghaiDate } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { isStaff, type SessionUser } from '../accounts/index.ts';
import {
  RESOURCE_KIND_RULES,
  isResourceKind,
  resourceEligibility,
  type Billing,
  type Bilingual,
  type ResourceEligibility,
  type ResourceKind,
} from '../rules/index.ts';

export type ResourceRow = Selectable<ResourcesTable>;

export type Resource = {
  id: string;
  ownerId: string;
  kind: ResourceKind;
  region: string;
  isMainland: boolean;
  billing: Billing;
  paidMonths: number;
  firstTermMonths: number | null;
  hasPublicBandwidth: boolean;
  orderAmountCny: number | null;
  publicIps: string[];
  label: string;
  createdAt: Date;
  expiresAt: Date | null;
};

export function toResource(row: ResourceRow): Resource {
  if (!isResourceKind(row.kind)) throw new Error(`resource ${row.id} has unknown kind ${row.kind}`);
  return {
    id: row.id,
    ownerId: row.user_id,
    kind: row.kind,
    region: row.region,
    isMainland: row.is_mainland,
    billing: row.billing,
    paidMonths: row.paid_months,
    firstTermMonths: row.first_term_months,
    hasPublicBandwidth: row.has_public_bandwidth,
    orderAmountCny: row.order_amount_cny === null ? null : Number(row.order_amount_cny),
    publicIps: row.public_ips,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** The last day of the resource's paid term, as the rules judge it: its Asia/Shanghai date. */
export const expiresOnOf = (resource: Pick<Resource, 'expiresAt'>): string | null => (resource.expiresAt ? shanghaiDate(resource.expiresAt) : null);

/** Eligibility at `now` (the application clock): an expired resource issues no new codes. */
export const eligibilityOf = (resource: Resource, now: Date): ResourceEligibility =>
  resourceEligibility({ ...resource, expiresOn: expiresOnOf(resource) }, shanghaiDate(now));

/** How people name the resource: its kind and label, e.g. 云服务器ECS实例“web-1”. */
export function resourceName(resource: Pick<Resource, 'kind' | 'label'>): Bilingual {
  const name = RESOURCE_KIND_RULES[resource.kind].name;
  return { zh: `${name.zh}“${resource.label}”`, en: `${name.en} "${resource.label}"` };
}

/**
 * Service codes issued from each resource and still valid (not revoked): they count against its allowance. A revoked
 * code can serve no filing, so revoking one gives its place back to the resource (the provider returns it to the pool).
 */
export async function issuedCounts(executor: Executor, resourceIds: string[]): Promise<Map<string, number>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom('service_codes')
    .select(['resource_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('resource_id', 'in', resourceIds)
    .where('revoked_at', 'is', null)
    .groupBy('resource_id')
    .execute();
  return new Map(rows.map((row) => [row.resource_id, Number(row.count)]));
}

/** The facts a resource is judged on, as JSON: the API shows them and an update audits them before and after. */
export function resourceFacts(resource: Resource) {
  return {
    kind: resource.kind,
    label: resource.label,
    region: resource.region,
    isMainland: resource.isMainland,
    billing: resource.billing,
    paidMonths: resource.paidMonths,
    firstTermMonths: resource.firstTermMonths,
    hasPublicBandwidth: resource.hasPublicBandwidth,
    orderAmountCny: resource.orderAmountCny,
    publicIps: resource.publicIps,
    expiresAt: resource.expiresAt?.toISOString() ?? null,
  };
}

/** A resource as the API shows it: its facts, whether it may issue codes and why not, and how many are left. */
export function presentResource(resource: Resource, issued: number, now: Date) {
  const eligibility = eligibilityOf(resource, now);
  return {
    id: resource.id,
    ownerId: resource.ownerId,
    kindName: RESOURCE_KIND_RULES[resource.kind].name,
    ...resourceFacts(resource),
    createdAt: resource.createdAt.toISOString(),
    eligibility,
    codesIssued: issued,
    codesRemaining: Math.max(0, eligibility.codes - issued),
  };
}

/** Loads a resource the user may see; anyone else gets 404, so resource ids reveal nothing. */
export async function loadVisibleResource(executor: Executor, user: SessionUser, id: string, options: { forUpdate?: boolean } = {}): Promise<Resource> {
  const resource = await findResource(executor, id, options);
  if (!resource || (resource.ownerId !== user.id && !isStaff(user.role))) throw new AppError('NOT_FOUND');
  return resource;
}

/** The resource with this id, if the id is one at all (anything else is simply not found). */
export async function findResource(executor: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<Resource | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = executor.selectFrom('resources').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toResource(row);
}
