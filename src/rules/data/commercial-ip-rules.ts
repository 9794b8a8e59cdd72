// Provinces whose 通信管理局 judge the server IPs of a commercial ICP licence (经营性备案) application (SPEC §10).
// Three lists are compared: the IPs in the server contract (合同IP), the IPs the domains resolve to (指向IP) and the
// IPs reported in the ICP filing (报备IP). A province not listed has no IP rule of its own.

import type { ProvinceCode } from './provinces.ts';

export type CommercialIpRule = {
  /** Which lists must hold the same IPs: all three, only the contract and resolving ones, or none. */
  identical: 'all' | 'contract_and_resolving' | 'none';
  /** Every IP must be a server in this province. */
  serversIn?: ProvinceCode;
  /** Filing cities (GB/T 2260) the rule does not cover, e.g. Shenzhen in Guangdong. */
  exemptCities?: readonly string[];
  source: string;
  lastConfirmed: string;
};

const SOURCE = 'SEED-004 §3 (经营性备案的IP注意事项)';
const CONFIRMED = '2022-01-14';

export const COMMERCIAL_IP_RULES: Readonly<Partial<Record<ProvinceCode, CommercialIpRule>>> = {
  '110000': { identical: 'all', serversIn: '110000', source: SOURCE, lastConfirmed: CONFIRMED },
  '440000': { identical: 'none', serversIn: '440000', exemptCities: ['440300'], source: SOURCE, lastConfirmed: CONFIRMED },
  '210000': { identical: 'all', source: SOURCE, lastConfirmed: CONFIRMED },
  '310000': { identical: 'contract_and_resolving', source: SOURCE, lastConfirmed: CONFIRMED },
  '130000': { identical: 'contract_and_resolving', source: SOURCE, lastConfirmed: CONFIRMED },
};
