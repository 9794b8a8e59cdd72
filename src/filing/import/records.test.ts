import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, gb11643CheckChar, organisationCodeCheckChar } from '../../rules/index.ts';
import { IMPORT_COLUMNS, checkService, checkSubject, parseFilingNumberKey, recordDraft, type RawLine } from './records.ts';

const credit = (() => {
  const org = '12345678';
  const first17 = `91330106${org}${organisationCodeCheckChar(org)}`;
  return first17 + creditCodeCheckChar(first17);
})();
const residentId = '11010519850312003' + gb11643CheckChar('11010519850312003');

function line(overrides: Partial<RawLine> = {}): RawLine {
  const base = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as RawLine;
  return {
    ...base,
    subject_number: '浙ICP备2020000001号',
    subject_nature: 'enterprise',
    subject_name: '杭州示例有限公司',
    certificate_type: 'business_license',
    certificate_number: credit,
    province: '330000',
    leader_name: '王强',
    leader_mobile: '+86 138-0000-0011',
    filed_on: '2020-05-06',
    service_number: '浙ICP备2020000001号-1',
    service_name: '示例官网',
    service_domains: 'WWW.Example.com; shop.example.com',
    ...overrides,
  };
}

const fields = (result: { ok: boolean; problems?: { field: string }[] }) => (result.ok ? [] : result.problems!.map((p) => p.field));

describe('an import line', () => {
  it('reads a good subject and service, tidied as the platform keeps them', () => {
    const subject = checkSubject(line(), '2026-12-01');
    expect(subject).toMatchObject({ ok: true, value: { number: '浙ICP备2020000001号', leader: { mobile: '13800000011' }, certificate: { number: credit } } });
    const service = checkService(line(), '浙ICP备2020000001号');
    expect(service).toEqual({ ok: true, value: { number: '浙ICP备2020000001号-1', seq: 1, kind: 'website', name: '示例官网', domains: ['example.com'], access: 'connected' } });
    expect(checkService(line({ service_number: '浙ICP备2020000001号-2A', service_domains: '' }), '浙ICP备2020000001号')).toMatchObject({ ok: true, value: { kind: 'app', seq: 2, domains: [] } });
  });

  it('names each broken column, in zh and en', () => {
    expect(fields(checkSubject(line({ subject_number: '浙ICP备2020000001号-1' }), '2026-12-01'))).toEqual(['subject_number']);
    expect(fields(checkSubject(line({ subject_number: '京ICP备2020000001号' }), '2026-12-01'))).toEqual(['subject_number']);
    expect(fields(checkSubject(line({ province: '990000' }), '2026-12-01'))).toEqual(['province']);
    expect(fields(checkSubject(line({ certificate_number: credit.slice(0, 17) + (credit[17] === '0' ? '1' : '0') }), '2026-12-01'))).toEqual(['certificate_number']);
    expect(fields(checkSubject(line({ subject_nature: 'individual' }), '2026-12-01'))).toEqual(['certificate_type']);
    expect(fields(checkSubject(line({ leader_mobile: '12345' }), '2026-12-01'))).toEqual(['leader_mobile']);
    expect(fields(checkSubject(line({ filed_on: '2020-02-30' }), '2026-12-01'))).toEqual(['filed_on']);
    expect(fields(checkSubject(line({ filed_on: '2026-12-02' }), '2026-12-01'))).toEqual(['filed_on']);
    expect(fields(checkSubject(line({ subject_name: ' ', leader_name: '' }), '2026-12-01'))).toEqual(['subject_name', 'leader_name']);
    const bad = checkService(line({ service_domains: 'example.com bad_domain!.cn', access_state: 'gone', service_number: '浙ICP备2020000002号-1' }), '浙ICP备2020000001号');
    expect(fields(bad)).toEqual(['service_number', 'service_domains', 'access_state']);
    if (!bad.ok) expect(bad.problems[1]!.message).toEqual({ zh: 'service_domains：“bad_domain!.cn”不是有效的域名', en: 'service_domains: "bad_domain!.cn" is not a valid domain' });
    expect(fields(checkService(line({ service_domains: '' }), '浙ICP备2020000001号'))).toEqual(['service_domains']);
  });

  it('takes an individual with a resident ID, whose ID is then known as the leader’s', () => {
    const person = checkSubject(line({ subject_nature: 'individual', certificate_type: 'resident_id', certificate_number: residentId, subject_name: '李娜', leader_name: '李娜' }), '2026-12-01');
    expect(person.ok).toBe(true);
    if (!person.ok) return;
    const draft = recordDraft(person.value, []) as { subject: { leader: Record<string, unknown> } };
    expect(draft.subject.leader).toMatchObject({ idType: 'resident_id', idNumber: residentId, mobile: '13800000011' });
  });

  it('groups lines by the normalised subject number', () => {
    expect(parseFilingNumberKey(' 浙ICP备2020000001 ')).toBe('浙ICP备2020000001号');
    expect(parseFilingNumberKey('ABC')).toBe('ABC');
  });
});
