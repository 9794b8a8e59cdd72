import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS, RESOURCE_KIND_RULES, type ResourceKind } from './data/resource-kinds.ts';
import { resourceEligibility, type ResourceFacts } from './resource-eligibility.ts';
import { serviceCodeFindings, type IssuedServiceCode } from './check-service-codes.ts';
import { SOURCES } from './data/sources.ts';

/** A resource of the kind that meets that kind's rule exactly at its minimums. */
function atMinimum(kind: ResourceKind, overrides: Partial<ResourceFacts> = {}): ResourceFacts {
  const rule = RESOURCE_KIND_RULES[kind];
  return {
    kind,
    label: 'web-1',
    isMainland: true,
    billing: 'subscription',
    paidMonths: rule.minPaidMonths,
    hasPublicBandwidth: rule.requiresPublicBandwidth,
    orderAmountCny: rule.minOrderAmountCny,
    ...overrides,
  };
}

/** The Asia/Shanghai date the tests judge on. */
const TODAY = '2026-12-01';

const codesOf = (r: ResourceFacts) => resourceEligibility(r, TODAY).problems.map((p) => p.code);

/** SPEC §5.2, row by row: minimum months, pay-as-you-go, bandwidth, minimum amount, codes per resource. */
const TABLE: [ResourceKind, number, boolean, boolean, number | null, number][] = [
  ['ecs', 3, false, true, null, 5],
  ['virtual_host', 3, false, false, null, 5],
  ['lightweight_server', 3, false, false, null, 5],
  ['nat_gateway', 1, false, false, null, 2],
  ['ipv6_translation', 1, false, false, null, 2],
  ['ens', 3, false, false, null, 5],
  ['iot_package', 0, true, false, null, 1],
  ['site_builder', 12, false, false, 99, 1],
  ['function_compute_package', 3, false, false, 100, 1],
  ['ecommerce_mall', 3, false, false, 100, 2],
];

describe('resource kinds data', () => {
  it('covers every kind of SPEC §5.2 with its numbers', () => {
    expect(TABLE.map((row) => row[0]).sort()).toEqual([...RESOURCE_KINDS].sort());
    for (const [kind, months, payg, bandwidth, amount, codes] of TABLE) {
      expect(RESOURCE_KIND_RULES[kind], kind).toMatchObject({
        minPaidMonths: months,
        isPayAsYouGoEligible: payg,
        requiresPublicBandwidth: bandwidth,
        minOrderAmountCny: amount,
        codesPerResource: codes,
      });
    }
  });

  it.each(RESOURCE_KINDS)('%s names its source and when it was last confirmed', (kind) => {
    const rule = RESOURCE_KIND_RULES[kind];
    expect(SOURCES[rule.source.split(' ')[0]!]).toBeDefined();
    expect(rule.lastConfirmed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rule.name.zh).toMatch(/\p{Script=Han}/u);
  });
});

describe('resourceEligibility', () => {
  it.each(TABLE.map(([kind, , , , , codes]) => [kind, codes] as const))('%s at its minimums is eligible for %i codes', (kind, codes) => {
    expect(resourceEligibility(atMinimum(kind), TODAY)).toEqual({ isEligible: true, codes, problems: [] });
  });

  it.each(RESOURCE_KINDS)('%s outside the mainland is refused, naming the resource', (kind) => {
    const result = resourceEligibility(atMinimum(kind, { isMainland: false, label: 'hk-box' }), TODAY);
    expect(result.isEligible).toBe(false);
    expect(result.codes).toBe(0);
    expect(result.problems[0]).toMatchObject({ code: 'RESOURCE_NOT_MAINLAND' });
    expect(result.problems[0]!.zh).toContain('hk-box');
    expect(result.problems[0]!.en).toContain('hk-box');
  });

  it.each(RESOURCE_KINDS.filter((k) => RESOURCE_KIND_RULES[k].minPaidMonths > 0))('%s one month short is refused', (kind) => {
    const rule = RESOURCE_KIND_RULES[kind];
    const short = atMinimum(kind, rule.firstTermOnly ? { paidMonths: 24, firstTermMonths: rule.minPaidMonths - 1 } : { paidMonths: rule.minPaidMonths - 1 });
    expect(codesOf(short)).toEqual([rule.firstTermOnly ? 'RESOURCE_FIRST_TERM_TOO_SHORT' : 'RESOURCE_TERM_TOO_SHORT']);
  });

  it.each(RESOURCE_KINDS)('%s on pay-as-you-go follows the table', (kind) => {
    const problems = codesOf(atMinimum(kind, { billing: 'pay_as_you_go', paidMonths: 0 }));
    expect(problems).toEqual(RESOURCE_KIND_RULES[kind].isPayAsYouGoEligible ? [] : ['RESOURCE_PAY_AS_YOU_GO']);
  });

  it('ECS: 2 months is refused, 3 months (renewals included) is enough', () => {
    expect(codesOf(atMinimum('ecs', { paidMonths: 2 }))).toEqual(['RESOURCE_TERM_TOO_SHORT']);
    expect(resourceEligibility(atMinimum('ecs', { paidMonths: 3, firstTermMonths: 1 }), TODAY).isEligible).toBe(true);
  });

  it('ECS: without public bandwidth it is refused; other kinds need none', () => {
    expect(codesOf(atMinimum('ecs', { hasPublicBandwidth: false }))).toEqual(['RESOURCE_NO_PUBLIC_BANDWIDTH']);
    expect(codesOf(atMinimum('virtual_host', { hasPublicBandwidth: false }))).toEqual([]);
  });

  it('a 2-month pay-as-you-go ECS without bandwidth outside the mainland lists every reason once', () => {
    const result = resourceEligibility(atMinimum('ecs', { billing: 'pay_as_you_go', paidMonths: 2, hasPublicBandwidth: false, isMainland: false }), TODAY);
    expect(result.problems.map((p) => p.code)).toEqual(['RESOURCE_NOT_MAINLAND', 'RESOURCE_PAY_AS_YOU_GO', 'RESOURCE_NO_PUBLIC_BANDWIDTH']);
    for (const p of result.problems) {
      expect(p.zh).toMatch(/云服务器ECS实例“web-1”/);
      expect(p.en).toMatch(/ECS instance "web-1"/);
    }
  });

  it('site-builder: 98 CNY is refused, 99 CNY is enough; a missing amount is refused', () => {
    expect(codesOf(atMinimum('site_builder', { orderAmountCny: 98 }))).toEqual(['RESOURCE_ORDER_TOO_SMALL']);
    expect(codesOf(atMinimum('site_builder', { orderAmountCny: 99 }))).toEqual([]);
    expect(codesOf(atMinimum('site_builder', { orderAmountCny: null }))).toEqual(['RESOURCE_ORDER_TOO_SMALL']);
  });

  it('site-builder: renewals do not make up a short first purchase', () => {
    expect(codesOf(atMinimum('site_builder', { paidMonths: 24, firstTermMonths: 6 }))).toEqual(['RESOURCE_FIRST_TERM_TOO_SHORT']);
    expect(codesOf(atMinimum('site_builder', { paidMonths: 12 }))).toEqual([]);
  });

  it('function compute and mall: 99 CNY is refused, 100 is enough', () => {
    for (const kind of ['function_compute_package', 'ecommerce_mall'] as const) {
      expect(codesOf(atMinimum(kind, { orderAmountCny: 99 }))).toEqual(['RESOURCE_ORDER_TOO_SMALL']);
      expect(codesOf(atMinimum(kind, { orderAmountCny: 100 }))).toEqual([]);
    }
  });

  it('a resource serves through its expiry date and is refused from the next day, naming it and the date', () => {
    expect(codesOf(atMinimum('ecs', { expiresOn: '2026-12-31' }))).toEqual([]);
    expect(codesOf(atMinimum('ecs', { expiresOn: TODAY }))).toEqual([]);
    expect(codesOf(atMinimum('ecs', { expiresOn: null }))).toEqual([]);
    const result = resourceEligibility(atMinimum('ecs', { expiresOn: '2026-11-30' }), TODAY);
    expect(result).toMatchObject({ isEligible: false, codes: 0 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.code).toBe('RESOURCE_EXPIRED');
    expect(result.problems[0]!.zh).toContain('云服务器ECS实例“web-1”已于2026-11-30到期');
    expect(result.problems[0]!.zh).toContain('续费');
    expect(result.problems[0]!.en).toContain('ECS instance "web-1" expired on 2026-11-30');
    expect(result.problems[0]!.en).toContain('renew');
  });

  it('an expired resource lists its expiry beside its other problems', () => {
    const result = resourceEligibility(atMinimum('ecs', { paidMonths: 2, expiresOn: '2026-01-01' }), TODAY);
    expect(result.problems.map((p) => p.code)).toEqual(['RESOURCE_TERM_TOO_SHORT', 'RESOURCE_EXPIRED']);
  });

  it('IoT package: any purchase qualifies', () => {
    expect(resourceEligibility(atMinimum('iot_package', { paidMonths: 0, billing: 'pay_as_you_go' }), TODAY)).toEqual({ isEligible: true, codes: 1, problems: [] });
  });
});

describe('serviceCodeFindings', () => {
  const CODE = '32a43232-a888-48e8-b9ec-00888be81234';
  const issued = (overrides: Partial<IssuedServiceCode> = {}): IssuedServiceCode => ({
    code: CODE,
    ownerId: 'u1',
    isRevoked: false,
    resource: { zh: 'ECS“web-1”', en: 'ECS "web-1"' },
    ips: ['47.96.1.10'],
    boundOrder: null,
    ...overrides,
  });
  const draft = (code: string | undefined, ips = ['47.96.1.10']) => ({ services: [{ kind: 'website', access: code === undefined ? { ips } : { serviceCode: code, ips } }] });
  const check = (code: string | undefined, found: IssuedServiceCode | null, options: { ips?: string[]; kind?: 'first_filing' | 'change_service'; today?: string } = {}) =>
    serviceCodeFindings({
      draft: draft(code, options.ips),
      ownerId: 'u1',
      orderId: 'o1',
      kind: options.kind ?? 'first_filing',
      issued: new Map(found ? [[CODE, found]] : []),
      today: options.today ?? TODAY,
    });
  const codes = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.code}@${f.path}`);

  it.each<[string, IssuedServiceCode | null, string[], string[]]>([
    ['an issued code of the owner', issued(), [], [CODE]],
    ['an unknown code', null, ['SERVICE_CODE_UNKNOWN@services[0].access.serviceCode'], []],
    ["someone else's code", issued({ ownerId: 'u2' }), ['SERVICE_CODE_NOT_YOURS@services[0].access.serviceCode'], []],
    ['a revoked code', issued({ isRevoked: true }), ['SERVICE_CODE_REVOKED@services[0].access.serviceCode'], []],
    ['a code of another order in flight', issued({ boundOrder: { id: 'o2', number: 'N-2', isFiled: false } }), ['SERVICE_CODE_IN_USE@services[0].access.serviceCode'], []],
    ['a code of a filed service, for a new service', issued({ boundOrder: { id: 'o2', number: 'N-2', isFiled: true } }), ['SERVICE_CODE_IN_USE@services[0].access.serviceCode'], []],
    ['a code already bound to this order', issued({ boundOrder: { id: 'o1', number: 'N-1', isFiled: false } }), [], [CODE]],
    ['a code whose resource serves until today', issued({ resourceExpiresOn: TODAY }), [], [CODE]],
    ['a code whose resource has expired', issued({ resourceExpiresOn: '2026-11-30' }), ['SERVICE_CODE_RESOURCE_EXPIRED@services[0].access.serviceCode'], []],
    ['a revoked code of an expired resource (revoked is said first)', issued({ isRevoked: true, resourceExpiresOn: '2026-11-30' }), ['SERVICE_CODE_REVOKED@services[0].access.serviceCode'], []],
  ])('%s', (_, found, expected, toBind) => {
    const result = check(CODE.toUpperCase(), found);
    expect(codes(result)).toEqual(expected);
    expect(result.toBind).toEqual(toBind);
  });

  it('names an IP that is not on the resource at its path', () => {
    const result = check(CODE, issued(), { ips: ['47.96.1.10', '8.8.8.8'] });
    expect(codes(result)).toEqual(['SERVICE_IP_NOT_ON_RESOURCE@services[0].access.ips[1]']);
    expect(result.findings[0]!.message.zh).toContain('47.96.1.10');
  });

  it('lets a change order carry the filed service’s own code without binding it again', () => {
    const result = check(CODE, issued({ boundOrder: { id: 'o2', number: 'N-2', isFiled: true } }), { kind: 'change_service' });
    expect(result).toEqual({ findings: [], toBind: [] });
  });

  it('tells the applicant which resource expired, when, and to renew it', () => {
    const [finding] = check(CODE, issued({ resourceExpiresOn: '2026-11-30' })).findings;
    expect(finding!.message.zh).toContain('ECS“web-1”已于2026-11-30到期');
    expect(finding!.message.zh).toContain('续费');
    expect(finding!.message.en).toContain('ECS "web-1", which expired on 2026-11-30; renew');
  });

  it('does not judge expiry without a date', () => {
    const result = serviceCodeFindings({ draft: draft(CODE), ownerId: 'u1', orderId: 'o1', kind: 'first_filing', issued: new Map([[CODE, issued({ resourceExpiresOn: '2000-01-01' })]]) });
    expect(result).toEqual({ findings: [], toBind: [CODE] });
  });

  it('makes a missing code an error on a new service', () => {
    expect(codes(check(undefined, null))).toEqual(['SERVICE_CODE_MISSING@services[0].access.serviceCode']);
    expect(check(undefined, null).findings[0]!.severity).toBe('error');
  });
});
