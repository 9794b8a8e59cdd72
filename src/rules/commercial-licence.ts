// The commercial ICP licence assistant (SPEC §10): the province's IP rule applied to the contract, resolving and
// reported IPs, and the hosting products that cannot serve a licensed site. Pure: which province each IP's server is
// in comes in as an argument (the provider knows it for its own resources only).

import { COMMERCIAL_IP_RULES, type CommercialIpRule } from './data/commercial-ip-rules.ts';
import { PROVINCES, isProvinceCode } from './data/provinces.ts';
import type { Bilingual, Severity } from './draft.ts';

export const COMMERCIAL_HOSTING = ['ecs', 'virtual_host', 'elastic_web_hosting'] as const;
export type CommercialHosting = (typeof COMMERCIAL_HOSTING)[number];
export const IP_LISTS = ['contractIps', 'resolvingIps', 'reportedIps'] as const;
export type IpList = (typeof IP_LISTS)[number];

/** What fixes a finding: a change-service order (the reported IP), the domain's DNS, or a new server contract. */
export type CommercialFix = 'change_service' | 'update_dns' | 'new_contract';

export type CommercialFinding = {
  code: string;
  severity: Severity;
  /** Field of the request, e.g. "reportedIps[1]"; "" for the request as a whole. */
  path: string;
  message: Bilingual;
  source?: string;
  fix?: CommercialFix;
};

export type CommercialCheckInput = {
  province: string;
  /** The filing's city (GB/T 2260), where a province exempts one (Shenzhen). */
  city?: string;
  contractIps: readonly string[];
  resolvingIps: readonly string[];
  reportedIps: readonly string[];
  hosting: CommercialHosting;
  /** Province of the server behind each IP the provider knows; an IP missing here cannot be placed. */
  ipProvinces: Readonly<Record<string, string>>;
  /** The IPs on record in the ICP filing for the services concerned, when known. */
  filedIps?: readonly string[];
};

export type CommercialCheck = { ok: boolean; rule: (CommercialIpRule & { province: string }) | null; findings: CommercialFinding[] };

const LIST_NAMES: Record<IpList, Bilingual> = {
  contractIps: { zh: '合同IP', en: 'contract IPs' },
  resolvingIps: { zh: '指向IP', en: 'resolving IPs' },
  reportedIps: { zh: '报备IP', en: 'reported IPs' },
};
const FIX_BY_LIST: Record<IpList, CommercialFix> = { contractIps: 'new_contract', resolvingIps: 'update_dns', reportedIps: 'change_service' };
const FIX_HINT: Record<CommercialFix, Bilingual> = {
  change_service: { zh: '报备IP需通过“变更网站”订单修改', en: 'change the reported IP with a change-service order' },
  update_dns: { zh: '请修改域名解析，使其指向合同中的服务器', en: 'point the domain’s DNS at the servers in the contract' },
  new_contract: { zh: '请向接入商重新申请服务器合同', en: 'ask the provider for a new server contract' },
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((ip) => y.has(ip));
};
const listed = (ips: readonly string[]): string => ips.join('、') || '—';

/** The province's IP rule, unless the filing's city is exempt. */
export function commercialIpRule(province: string, city?: string): (CommercialIpRule & { province: string }) | null {
  if (!isProvinceCode(province)) return null;
  const rule = COMMERCIAL_IP_RULES[province];
  if (!rule || (city !== undefined && rule.exemptCities?.includes(city))) return null;
  return { ...rule, province };
}

/** Applies SPEC §10 to one application's IPs. */
export function checkCommercialLicence(input: CommercialCheckInput): CommercialCheck {
  const findings: CommercialFinding[] = [];
  const add = (f: CommercialFinding) => findings.push(f);
  const provinceInfo = isProvinceCode(input.province) ? PROVINCES[input.province] : undefined;

  if (input.hosting === 'elastic_web_hosting') {
    add({
      code: 'HOSTING_NOT_SUPPORTED',
      severity: 'error',
      path: 'hosting',
      message: { zh: '弹性Web托管不支持办理经营性备案，请改用云服务器或虚拟主机', en: 'Elastic web hosting cannot serve a commercial licence; use a cloud server or a virtual host' },
      source: 'SEED-004 §3',
    });
  } else if (input.hosting === 'virtual_host') {
    add({
      code: 'VIRTUAL_HOST_IP_MAY_CHANGE',
      severity: 'info',
      path: 'hosting',
      message: {
        zh: '虚拟主机更换操作系统或升级配置后IP会变化，IP变化后需重新申请服务器合同',
        en: 'A virtual host changes IP when its system or plan changes; a new contract is needed after that',
      },
      source: 'SEED-004 §3',
    });
  }

  const rule = commercialIpRule(input.province, input.city);
  if (!rule) {
    const exempt = isProvinceCode(input.province) && COMMERCIAL_IP_RULES[input.province] !== undefined;
    add({
      code: 'NO_PROVINCE_IP_RULE',
      severity: 'info',
      path: 'province',
      message: exempt
        ? { zh: '深圳的备案无特殊IP要求', en: 'Filings in Shenzhen have no special IP rule' }
        : { zh: `${provinceInfo?.name ?? '该省'}对经营性备案的IP没有特殊要求`, en: `${provinceInfo?.nameEn ?? 'This province'} has no special IP rule for the licence` },
      source: 'SEED-004 §3',
    });
  } else {
    checkIdentical(input, rule, add);
    if (rule.serversIn) checkServersIn(input, rule.serversIn, add);
  }

  if (input.filedIps && input.filedIps.length > 0 && !sameSet(input.reportedIps, input.filedIps)) {
    add({
      code: 'REPORTED_IPS_NOT_ON_RECORD',
      severity: 'warning',
      path: 'reportedIps',
      message: {
        zh: `填写的报备IP（${listed(input.reportedIps)}）与备案记录中的IP（${listed(input.filedIps)}）不同；${FIX_HINT.change_service.zh}`,
        en: `The reported IPs you gave (${listed(input.reportedIps)}) differ from those on record (${listed(input.filedIps)}); ${FIX_HINT.change_service.en}`,
      },
      fix: 'change_service',
    });
  }
  return { ok: !findings.some((f) => f.severity === 'error'), rule, findings };
}

function checkIdentical(input: CommercialCheckInput, rule: CommercialIpRule & { province: string }, add: (f: CommercialFinding) => void): void {
  if (rule.identical === 'none') return;
  const name = PROVINCES[rule.province as keyof typeof PROVINCES];
  const compared: IpList[] = rule.identical === 'all' ? ['resolvingIps', 'reportedIps'] : ['resolvingIps'];
  for (const list of compared) {
    if (sameSet(input.contractIps, input[list])) continue;
    const fix = FIX_BY_LIST[list];
    add({
      code: rule.identical === 'all' ? 'IPS_NOT_IDENTICAL' : 'CONTRACT_IP_NOT_RESOLVING',
      severity: 'error',
      path: list,
      message: {
        zh: `${name.name}要求${rule.identical === 'all' ? '合同IP、指向IP、报备IP一致' : '合同IP与指向IP一致'}：${LIST_NAMES[list].zh}（${listed(input[list])}）与合同IP（${listed(input.contractIps)}）不同；${FIX_HINT[fix].zh}`,
        en: `${name.nameEn} needs ${rule.identical === 'all' ? 'the contract, resolving and reported IPs to be the same' : 'the contract IPs to be the resolving IPs'}: the ${LIST_NAMES[list].en} (${listed(input[list])}) differ from the contract IPs (${listed(input.contractIps)}); ${FIX_HINT[fix].en}`,
      },
      source: rule.source,
      fix,
    });
  }
}

function checkServersIn(input: CommercialCheckInput, province: string, add: (f: CommercialFinding) => void): void {
  const wanted = PROVINCES[province as keyof typeof PROVINCES];
  const seen = new Set<string>();
  for (const list of IP_LISTS) {
    input[list].forEach((ip, i) => {
      if (seen.has(ip)) return;
      seen.add(ip);
      const path = `${list}[${i}]`;
      const at = input.ipProvinces[ip];
      if (at === undefined) {
        add({
          code: 'SERVER_REGION_UNKNOWN',
          severity: 'warning',
          path,
          message: {
            zh: `无法判断 ${ip} 的服务器所在地（不是本接入商的资源）；${wanted.name}要求服务器位于当地，请自行确认`,
            en: `Cannot tell where the server of ${ip} is (not one of this provider's resources); ${wanted.nameEn} needs it there — check it yourself`,
          },
        });
        return;
      }
      if (at === province) return;
      const there = PROVINCES[at as keyof typeof PROVINCES];
      add({
        code: 'SERVER_OUTSIDE_PROVINCE',
        severity: 'error',
        path,
        message: {
          zh: `${ip} 的服务器位于${there?.name ?? at}，${wanted.name}要求服务器位于${wanted.name}；请使用当地地域的服务器${list === 'reportedIps' ? `，${FIX_HINT.change_service.zh}` : ''}`,
          en: `The server of ${ip} is in ${there?.nameEn ?? at}; ${wanted.nameEn} needs servers in ${wanted.nameEn}. Use a server in a local region${list === 'reportedIps' ? `; ${FIX_HINT.change_service.en}` : ''}`,
        },
        source: 'SEED-004 §3',
        ...(list === 'reportedIps' ? { fix: 'change_service' as const } : {}),
      });
    });
  }
}
