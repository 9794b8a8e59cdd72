import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { shanghaiDate } from '../core/clock.ts';
import { precheck, type PrecheckResult } from '../rules/index.ts';
import { asDraftMaterials, listMaterials } from '../materials/index.ts';
import { summariseDraft } from './draft-summary.ts';
import { knownFilings } from './kind.ts';
import type { Order } from './repo.ts';

/**
 * The pre-check as the server runs it for an order: the draft with the materials actually uploaded (not what the
 * draft claims), judged today in Shanghai, knowing what is already filed.
 */
export async function precheckOrder(ctx: AppContext, executor: Executor, order: Order): Promise<PrecheckResult> {
  const uploaded = asDraftMaterials(await listMaterials(ctx, order.id, executor));
  const draft = { ...order.draft, materials: uploaded };
  const known = await knownFilings(ctx, executor, order.draft, summariseDraft(order.draft), { excludeOrderId: order.id, requestedKind: order.kind });
  return precheck(draft, { known, today: shanghaiDate(ctx.clock.now()) });
}
