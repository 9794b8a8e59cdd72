// Which of the provider's resources may issue filing service codes (备案服务码), and how many (SPEC §5.2, seed 002
// §1.2.2 "准备备案服务器"). A filing needs a mainland server from this provider; each site binds a code issued from
// one resource. Where the seed's table says "包月" (a monthly subscription) a pay-as-you-go resource has no paid term
// and cannot qualify; the seed says so in so many words only for ECS and the NAT gateway.

import type { Bilingual } from '../draft.ts';

export const RESOURCE_KINDS = [
  'ecs',
  'virtual_host',
  'lightweight_server',
  'nat_gateway',
  'ipv6_translation',
  'ens',
  'iot_package',
  'site_builder',
  'function_compute_package',
  'ecommerce_mall',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type ResourceKindRule = {
  name: Bilingual;
  /** The server must sit in a mainland (大陆) region. The table is silent for some kinds; SPEC §5.2's rule applies. */
  requiresMainland: boolean;
  /** Minimum paid subscription months; renewals count unless `firstTermOnly`. 0: no minimum. */
  minPaidMonths: number;
  /** Only the first purchase's term counts (site-builder: "首次购买周期为12个月及以上"). */
  firstTermOnly: boolean;
  isPayAsYouGoEligible: boolean;
  requiresPublicBandwidth: boolean;
  /** Minimum order amount in CNY, where the table has one. */
  minOrderAmountCny: number | null;
  codesPerResource: number;
  source: string;
  lastConfirmed: string;
  note?: string;
};

const SEED = 'SEED-002 §1.2.2 (准备备案服务器), SPEC §5.2';
const CONFIRMED = '2022-07-11'; // "文档版本: 20220711" at the foot of the seed's table
const MONTHLY = '包月: a pay-as-you-go resource has no paid term, so it cannot qualify';
const GENERAL_MAINLAND = 'the table is silent on the region; SPEC §5.2: a filing needs a mainland server';

export const RESOURCE_KIND_RULES: Readonly<Record<ResourceKind, ResourceKindRule>> = {
  ecs: {
    name: { zh: '云服务器ECS实例', en: 'ECS instance' },
    requiresMainland: true,
    minPaidMonths: 3,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: true,
    minOrderAmountCny: null,
    codesPerResource: 5,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: '按量付费实例无法申请ICP备案服务码; 需购买公网带宽',
  },
  virtual_host: {
    name: { zh: '云虚拟主机', en: 'virtual host' },
    requiresMainland: true,
    minPaidMonths: 3,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: null,
    codesPerResource: 5,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: MONTHLY,
  },
  lightweight_server: {
    name: { zh: '轻量应用服务器', en: 'lightweight application server' },
    requiresMainland: true,
    minPaidMonths: 3,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: null,
    codesPerResource: 5,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: MONTHLY,
  },
  nat_gateway: {
    name: { zh: 'NAT网关', en: 'NAT gateway' },
    requiresMainland: true,
    minPaidMonths: 1,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: null,
    codesPerResource: 2,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: '按量计费无法申请ICP备案服务码',
  },
  ipv6_translation: {
    name: { zh: 'IPv6转换服务', en: 'IPv6 translation service' },
    requiresMainland: true,
    minPaidMonths: 1,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: null,
    codesPerResource: 2,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: MONTHLY,
  },
  ens: {
    name: { zh: 'ENS边缘节点', en: 'ENS edge node' },
    requiresMainland: true,
    minPaidMonths: 3,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: null,
    codesPerResource: 5,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: MONTHLY,
  },
  iot_package: {
    name: { zh: '物联网套餐包', en: 'IoT package' },
    requiresMainland: true,
    minPaidMonths: 0,
    firstTermOnly: false,
    isPayAsYouGoEligible: true,
    requiresPublicBandwidth: false,
    minOrderAmountCny: null,
    codesPerResource: 1,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: `购买要求 "默认": any purchase; ${GENERAL_MAINLAND}`,
  },
  site_builder: {
    name: { zh: '建站市场（云市场）产品', en: 'site-builder (marketplace) product' },
    requiresMainland: true,
    minPaidMonths: 12,
    firstTermOnly: true,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: 99,
    codesPerResource: 1,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: '首次购买周期为12个月及以上, 订单金额99元及以上, 服务器位于中国内地',
  },
  function_compute_package: {
    name: { zh: '函数计算套餐包', en: 'function compute package' },
    requiresMainland: true,
    minPaidMonths: 3,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: 100,
    codesPerResource: 1,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: `${MONTHLY}; ${GENERAL_MAINLAND}`,
  },
  ecommerce_mall: {
    name: { zh: '多端电商商城', en: 'multi-channel e-commerce mall' },
    requiresMainland: true,
    minPaidMonths: 3,
    firstTermOnly: false,
    isPayAsYouGoEligible: false,
    requiresPublicBandwidth: false,
    minOrderAmountCny: 100,
    codesPerResource: 2,
    source: SEED,
    lastConfirmed: CONFIRMED,
    note: `${MONTHLY}; ${GENERAL_MAINLAND}`,
  },
};

export const isResourceKind = (value: string): value is ResourceKind => (RESOURCE_KINDS as readonly string[]).includes(value);
