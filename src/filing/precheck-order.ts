import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { shanghaiDate } from '../core/clock.ts';
import { precheck, type PrecheckResult } from '../rules/index.ts';
import { asDraftMaterials, listMaterials } from '../materials/index.ts';
import { summariseDraft } from './draft-summary.ts';
import { knownFilings, lookUpNational } from './kind.ts';
import type { Order } from './repo.ts';
import type { NationalRecords } from '../regulator/port.ts';

/**
 * The pre-check as the server runs it for an order: the draft with the materials actually uploaded (not what the
 * draft claims), judged today in Shanghai, knowing what is already filed — here, and nationally as `national`
 * (from `lookUpNational`, asked before any transaction; null when the regulator could not be asked).
 */
export async function precheckOrder(ctx: AppContext, executor: Executor, order: Order, national: NationalRecords | null): Promise<PrecheckResult> {
  const uploaded = asDraftMaterials(await listMaterials(ctx, order.id, executor));
  const draft = { ...order.draft, materials: uploaded };
  const known = await knownFilings(ctx, executor, order.draft, summariseDraft(order.draft), national, { excludeOrderId: order.id, requestedKind: order.kind });
  return precheck(draft, { known, today: shanghaiDate(ctx.clock.now()) });
}

/** The national registry's answer for an order's draft (see lookUpNational); outside any transaction. */
export const lookUpNationalFor = (ctx: AppContext, order: Order): Promise<NationalRecords | null> => lookUpNational(ctx, order.draft, summariseDraft(order.draft));
