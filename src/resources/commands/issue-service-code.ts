import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { eligibilityOf, issuedCounts, loadVisibleResource, resourceName } from '../repo.ts';

export type IssueServiceCodeInput = { resourceId: string };
export type IssuedCode = { code: string; resourceId: string; ips: string[]; issuedAt: string; codesRemaining: number };

/**
 * The resource's owner takes one more filing service code from it (SPEC §5.2). The resource row is locked so two
 * requests at once cannot both take the last code. The code is a random UUID: the shape SERVICE_CODE_PATTERN accepts.
 */
export async function issueServiceCode(ctx: AppContext, actor: Actor, user: SessionUser, input: IssueServiceCodeInput): Promise<IssuedCode> {
  return ctx.db.transaction().execute(async (tx) => {
    const resource = await loadVisibleResource(tx, user, input.resourceId, { forUpdate: true });
    if (resource.ownerId !== user.id) throw new AppError('NOT_FOUND');
    const now = ctx.clock.now();
    const eligibility = eligibilityOf(resource, now);
    const name = resourceName(resource);
    if (!eligibility.isEligible) {
      throw new AppError('RESOURCE_NOT_ELIGIBLE', { resource: { id: resource.id, label: resource.label, name }, problems: eligibility.problems });
    }
    const issued = (await issuedCounts(tx, [resource.id])).get(resource.id) ?? 0;
    if (issued >= eligibility.codes) {
      throw new AppError('SERVICE_CODES_USED_UP', { resource: { id: resource.id, label: resource.label, name }, allowed: eligibility.codes, issued });
    }
    const code = newId();
    await tx.insertInto('service_codes').values({ code, resource_id: resource.id, user_id: user.id, issued_at: now }).execute();
    await writeAudit(tx, actor, now, { entityType: 'service_code', entityId: code, action: 'issue', data: { resourceId: resource.id } });
    return { code, resourceId: resource.id, ips: resource.publicIps, issuedAt: now.toISOString(), codesRemaining: eligibility.codes - issued - 1 };
  });
}
