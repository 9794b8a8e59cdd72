import type { Executor } from '../core/db/database.ts';
import { PROVINCES, wanganCodeOf, type Bilingual } from '../rules/index.ts';
import { regionOf, type ProviderFacts, type ProviderRegion } from './provider-facts.ts';
import { resourceOfServiceCode, resourcesWithIps, type ResourceRow } from './repo.ts';

/** What the provider knows about the servers behind a service's IPs: its own resources and their regions. */
export type ServerFacts = {
  ips: string[];
  /** The provider's resources holding these IPs (or issuing the service code), oldest first. */
  resources: ResourceRow[];
  /** IP → the provider region of its server; an IP missing here is not one of the provider's. */
  regionByIp: Map<string, ProviderRegion>;
  /** The regions involved, each once, in the order of the IPs. */
  regions: ProviderRegion[];
  unknownIps: string[];
  /** The region's own 网安 code first, then the list in src/rules. */
  wangan: { code: string; city: string; source: 'provider' | 'rules' } | null;
};

export async function serverFacts(executor: Executor, facts: ProviderFacts, ips: readonly string[], serviceCode?: string): Promise<ServerFacts> {
  const byCode = await resourceOfServiceCode(executor, serviceCode);
  const byIp = await resourcesWithIps(executor, ips);
  const resources = [...(byCode ? [byCode] : []), ...byIp.filter((r) => r.id !== byCode?.id)];
  const regionByIp = new Map<string, ProviderRegion>();
  for (const ip of ips) {
    const resource = resources.find((r) => r.public_ips.includes(ip));
    const region = resource && regionOf(facts, resource.region);
    if (region) regionByIp.set(ip, region);
  }
  const regions = [...new Set(regionByIp.values())];
  if (regions.length === 0 && byCode) {
    const region = regionOf(facts, byCode.region);
    if (region) regions.push(region);
  }
  return { ips: [...ips], resources, regionByIp, regions, unknownIps: ips.filter((ip) => !regionByIp.has(ip)), wangan: wanganOf(regions[0]) };
}

function wanganOf(region: ProviderRegion | undefined): ServerFacts['wangan'] {
  if (!region?.cityCode) return null;
  if (region.wanganCode) return { code: region.wanganCode, city: region.city ?? '', source: 'provider' };
  const known = wanganCodeOf(region.cityCode);
  return known ? { code: known.code, city: known.city, source: 'rules' } : null;
}

/** "浙江省杭州市 · 华东1（杭州）" for people. */
export function describeRegion(region: ProviderRegion): Bilingual {
  const province = region.province ? PROVINCES[region.province as keyof typeof PROVINCES] : undefined;
  const zhPlace = province && region.city && province.name !== region.city ? `${province.name}${region.city}` : (region.city ?? '');
  return { zh: [zhPlace, region.name.zh].filter(Boolean).join(' · '), en: [province?.nameEn, region.name.en].filter(Boolean).join(' · ') };
}
