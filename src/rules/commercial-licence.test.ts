import { describe, expect, it } from 'vitest';
import { checkCommercialLicence, commercialIpRule, type CommercialCheckInput } from './commercial-licence.ts';

const A = '47.96.1.10';
const B = '47.96.1.11';
const C = '8.8.8.8';

function check(overrides: Partial<CommercialCheckInput>) {
  return checkCommercialLicence({
    province: '330000',
    contractIps: [A],
    resolvingIps: [A],
    reportedIps: [A],
    hosting: 'ecs',
    ipProvinces: {},
    ...overrides,
  });
}
const codes = (r: ReturnType<typeof check>) => r.findings.map((f) => [f.code, f.severity, f.path]);

describe('SPEC §10 IP rules, province by province', () => {
  it('Beijing: all three identical, and the servers in Beijing', () => {
    expect(check({ province: '110000', ipProvinces: { [A]: '110000' } })).toMatchObject({ ok: true, findings: [] });
    const differing = check({ province: '110000', reportedIps: [B], ipProvinces: { [A]: '110000', [B]: '110000' } });
    expect(differing.ok).toBe(false);
    expect(codes(differing)).toEqual([['IPS_NOT_IDENTICAL', 'error', 'reportedIps']]);
    expect(differing.findings[0]).toMatchObject({ fix: 'change_service' });
    const elsewhere = check({ province: '110000', ipProvinces: { [A]: '330000' } });
    expect(codes(elsewhere)).toEqual([['SERVER_OUTSIDE_PROVINCE', 'error', 'contractIps[0]']]);
    expect(elsewhere.findings[0]!.message.zh).toContain('浙江省');
  });

  it('Beijing: an IP that is not the provider’s cannot be placed — a warning, not a refusal', () => {
    const r = check({ province: '110000', contractIps: [C], resolvingIps: [C], reportedIps: [C] });
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual([['SERVER_REGION_UNKNOWN', 'warning', 'contractIps[0]']]);
  });

  it('Guangdong: all three in Guangdong, identical or not; Shenzhen filings are exempt', () => {
    const inGuangdong = { [A]: '440000', [B]: '440000' };
    expect(check({ province: '440000', reportedIps: [B], ipProvinces: inGuangdong }).ok).toBe(true);
    const outside = check({ province: '440000', reportedIps: [B], ipProvinces: { [A]: '440000', [B]: '110000' } });
    expect(codes(outside)).toEqual([['SERVER_OUTSIDE_PROVINCE', 'error', 'reportedIps[0]']]);
    expect(outside.findings[0]!.fix).toBe('change_service');
    const shenzhen = check({ province: '440000', city: '440300', ipProvinces: { [A]: '110000' } });
    expect(shenzhen.ok).toBe(true);
    expect(codes(shenzhen)).toEqual([['NO_PROVINCE_IP_RULE', 'info', 'province']]);
    expect(commercialIpRule('440000', '440300')).toBeNull();
  });

  it('Liaoning: all three identical, wherever the servers are', () => {
    expect(check({ province: '210000', ipProvinces: { [A]: '330000' } }).ok).toBe(true);
    const r = check({ province: '210000', resolvingIps: [B], reportedIps: [A, B] });
    expect(codes(r)).toEqual([
      ['IPS_NOT_IDENTICAL', 'error', 'resolvingIps'],
      ['IPS_NOT_IDENTICAL', 'error', 'reportedIps'],
    ]);
    expect(r.findings.map((f) => f.fix)).toEqual(['update_dns', 'change_service']);
  });

  it.each([['310000'], ['130000']])('%s: the contract IP must be the resolving IP; the reported one is free', (province) => {
    expect(check({ province, reportedIps: [B] }).ok).toBe(true);
    const r = check({ province, resolvingIps: [B] });
    expect(codes(r)).toEqual([['CONTRACT_IP_NOT_RESOLVING', 'error', 'resolvingIps']]);
    expect(r.findings[0]!.source).toContain('SEED-004');
  });

  it('other provinces have no IP rule of their own', () => {
    const r = check({ province: '330000', resolvingIps: [B], reportedIps: [C] });
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual([['NO_PROVINCE_IP_RULE', 'info', 'province']]);
    expect(r.rule).toBeNull();
  });
});

describe('hosting and the IPs on record', () => {
  it('refuses elastic web hosting and warns that a virtual host’s IP may change', () => {
    expect(codes(check({ hosting: 'elastic_web_hosting' }))[0]).toEqual(['HOSTING_NOT_SUPPORTED', 'error', 'hosting']);
    expect(check({ hosting: 'elastic_web_hosting' }).ok).toBe(false);
    expect(codes(check({ hosting: 'virtual_host' }))[0]).toEqual(['VIRTUAL_HOST_IP_MAY_CHANGE', 'info', 'hosting']);
  });

  it('points at a change-service order when the reported IPs are not those on record', () => {
    const r = check({ reportedIps: [B], filedIps: [A] });
    expect(r.findings.find((f) => f.code === 'REPORTED_IPS_NOT_ON_RECORD')).toMatchObject({ severity: 'warning', fix: 'change_service' });
    expect(check({ reportedIps: [A], filedIps: [A] }).findings.some((f) => f.code === 'REPORTED_IPS_NOT_ON_RECORD')).toBe(false);
  });
});
