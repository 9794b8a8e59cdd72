// May this resource issue filing service codes, and how many? Pure: the resource's facts and today's date in, the
// answer out, each problem naming the resource and saying what to buy or change (SPEC §5.2).

import type { Bilingual } from './draft.ts';
import { RESOURCE_KIND_RULES, type ResourceKind } from './data/resource-kinds.ts';

export type Billing = 'subscription' | 'pay_as_you_go';

export type ResourceFacts = {
  kind: ResourceKind;
  /** Shown in the problems, e.g. the instance name or id. */
  label: string;
  isMainland: boolean;
  billing: Billing;
  /** Paid subscription months, renewals included. */
  paidMonths: number;
  /** The first purchase's term, where it differs from `paidMonths` (renewals); defaults to `paidMonths`. */
  firstTermMonths?: number | null;
  hasPublicBandwidth: boolean;
  orderAmountCny?: number | null;
  /** The last day of the paid term (YYYY-MM-DD, Asia/Shanghai); null or absent: no expiry recorded. */
  expiresOn?: string | null;
};

export const RESOURCE_PROBLEM_CODES = [
  'RESOURCE_NOT_MAINLAND',
  'RESOURCE_PAY_AS_YOU_GO',
  'RESOURCE_TERM_TOO_SHORT',
  'RESOURCE_FIRST_TERM_TOO_SHORT',
  'RESOURCE_NO_PUBLIC_BANDWIDTH',
  'RESOURCE_ORDER_TOO_SMALL',
  'RESOURCE_EXPIRED',
] as const;
export type ResourceProblemCode = (typeof RESOURCE_PROBLEM_CODES)[number];

export type ResourceProblem = { code: ResourceProblemCode } & Bilingual;

export type ResourceEligibility = {
  isEligible: boolean;
  /** How many service codes the resource may issue in all: 0 when it is not eligible. */
  codes: number;
  problems: ResourceProblem[];
};

/** A resource serves through its expiry date (Asia/Shanghai) and has expired from the day after. */
export function isResourceExpired(expiresOn: string | null | undefined, today: string): boolean {
  return typeof expiresOn === 'string' && today > expiresOn;
}

/** `today` is the Asia/Shanghai date (YYYY-MM-DD) on the application clock: the caller reads the clock, not this. */
export function resourceEligibility(resource: ResourceFacts, today: string): ResourceEligibility {
  const rule = RESOURCE_KIND_RULES[resource.kind];
  const what = { zh: `${rule.name.zh}“${resource.label}”`, en: `${rule.name.en} "${resource.label}"` };
  const problems: ResourceProblem[] = [];
  const add = (code: ResourceProblemCode, zh: string, en: string) => problems.push({ code, zh, en });

  if (rule.requiresMainland && !resource.isMainland) {
    add(
      'RESOURCE_NOT_MAINLAND',
      `${what.zh}不在中国内地（大陆）地域，不能申请备案服务码：请购买内地地域的资源。`,
      `${what.en} is outside the mainland and cannot issue service codes; buy a resource in a mainland region.`,
    );
  }
  const isPayAsYouGo = resource.billing === 'pay_as_you_go';
  if (isPayAsYouGo && !rule.isPayAsYouGoEligible) {
    add(
      'RESOURCE_PAY_AS_YOU_GO',
      `${what.zh}为按量付费，不能申请备案服务码：请转为包年包月并购买至少${rule.minPaidMonths}个月。`,
      `${what.en} is pay-as-you-go and cannot issue service codes; switch it to a subscription of at least ${rule.minPaidMonths} month(s).`,
    );
  } else if (!isPayAsYouGo && rule.firstTermOnly) {
    const first = resource.firstTermMonths ?? resource.paidMonths;
    if (first < rule.minPaidMonths) {
      add(
        'RESOURCE_FIRST_TERM_TOO_SHORT',
        `${what.zh}首次购买${first}个月，不足${rule.minPaidMonths}个月（续费不计）：请首次购买至少${rule.minPaidMonths}个月的产品。`,
        `${what.en} was first bought for ${first} month(s), less than ${rule.minPaidMonths} (renewals do not count); buy it for at least ${rule.minPaidMonths} months at first purchase.`,
      );
    }
  } else if (!isPayAsYouGo && resource.paidMonths < rule.minPaidMonths) {
    add(
      'RESOURCE_TERM_TOO_SHORT',
      `${what.zh}已购${resource.paidMonths}个月，不足${rule.minPaidMonths}个月（含续费）：请续费至${rule.minPaidMonths}个月及以上。`,
      `${what.en} is paid for ${resource.paidMonths} month(s), less than ${rule.minPaidMonths} (renewals count); renew it to ${rule.minPaidMonths} months or more.`,
    );
  }
  if (rule.requiresPublicBandwidth && !resource.hasPublicBandwidth) {
    add(
      'RESOURCE_NO_PUBLIC_BANDWIDTH',
      `${what.zh}未购买公网带宽，不能申请备案服务码：请先为其开通公网带宽（或绑定弹性公网IP）。`,
      `${what.en} has no public bandwidth and cannot issue service codes; add public bandwidth (or an elastic IP) first.`,
    );
  }
  const minimum = rule.minOrderAmountCny;
  const amount = resource.orderAmountCny ?? null;
  if (minimum !== null && (amount === null || amount < minimum)) {
    const paid = amount === null ? { zh: '未知', en: 'unknown' } : { zh: `${amount}元`, en: `CNY ${amount}` };
    add(
      'RESOURCE_ORDER_TOO_SMALL',
      `${what.zh}订单金额${paid.zh}，须${minimum}元及以上才能申请备案服务码。`,
      `${what.en} was ordered for ${paid.en}; an order of CNY ${minimum} or more is needed for a service code.`,
    );
  }
  if (isResourceExpired(resource.expiresOn, today)) {
    add(
      'RESOURCE_EXPIRED',
      `${what.zh}已于${resource.expiresOn}到期，不能申请新的备案服务码：请续费后再申请（已申请的服务码不受影响）。`,
      `${what.en} expired on ${resource.expiresOn} and cannot issue new service codes; renew it first (codes already issued are kept).`,
    );
  }
  const isEligible = problems.length === 0;
  return { isEligible, codes: isEligible ? rule.codesPerResource : 0, problems };
}
