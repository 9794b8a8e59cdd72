import { ispEligibility, type IspEligibility, type IspScope } from '../../rules/index.ts';

export type IspEligibilityQuery = { scope: IspScope; registeredCapitalCny: number };

/** Anyone may ask: the SPEC §11 thresholds and the requirements to have ready. */
export function checkIspEligibility(query: IspEligibilityQuery): IspEligibility {
  return ispEligibility(query.scope, query.registeredCapitalCny);
}
