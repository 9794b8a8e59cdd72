import { describe, expect, it } from 'vitest';
import type { FilingDraft, PrecheckResult } from './draft.ts';
import { FINDING_CODES } from './finding-texts.ts';
import { creditCodeCheckChar, gb11643CheckChar } from './identity.ts';
import { precheck } from './precheck.ts';
import { TODAY, clone, enterpriseDraft, person, personalDraft, residentId, website, withAllMaterials } from './testing/fixtures.ts';

const errors = (r: PrecheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path]);
const find = (r: PrecheckResult, code: string) => r.findings.find((f) => f.code === code);

describe('a complete draft', () => {
  it('passes with every material, and says which province it is judged by', () => {
    const r = precheck(withAllMaterials(enterpriseDraft('330000')));
    expect(r).toEqual({
      ok: true,
      kind: 'first_filing',
      province: { code: '330000', name: '浙江省', icpPrefix: '浙' },
      findings: [],
      materials: [
        expect.objectContaining({ kind: 'subject_certificate', provided: true }),
        expect.objectContaining({ kind: 'subject_leader_id', provided: true }),
      ],
    });
  });

  it('uses options.today when the draft has no submittedOn, and says so when neither is given', () => {
    const d: Partial<FilingDraft> = withAllMaterials(enterpriseDraft());
    delete d.submittedOn;
    expect(precheck(d, { today: TODAY }).findings).toEqual([]);
    const r = precheck(d);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'JUDGEMENT_DATE_MISSING', severity: 'info' })]);
    expect(r.ok).toBe(true);
  });

  it('never judges at a submittedOn that is already past', () => {
    const d = withAllMaterials(enterpriseDraft());
    d.services[0]!.domains[0]!.expiresOn = '2026-09-01'; // fine on TODAY, too close on 2026-08-01
    expect(find(precheck(d, { today: '2026-08-01' }), 'DOMAIN_EXPIRES_TOO_SOON')).toBeDefined();
  });

  it('prefers a later submittedOn to options.today', () => {
    const d = withAllMaterials(enterpriseDraft());
    d.services[0]!.domains[0]!.expiresOn = '2026-05-01'; // 60 days after TODAY
    expect(find(precheck(d, { today: '2025-01-01' }), 'DOMAIN_EXPIRES_TOO_SOON')).toBeDefined();
  });
});

describe('a broken draft', () => {
  it('returns the five mistakes, each pointing at its field', () => {
    const d = withAllMaterials(enterpriseDraft('330000'));
    d.subject.certificate.number = '91330100MA1234567A'; // wrong check character
    d.subject.leader.mobile = '1380013800'; // ten digits
    d.services[0]!.domains[0]!.expiresOn = '2026-04-15'; // 44 days left, Zhejiang needs > 90
    d.services[0]!.access.serviceCode = 'not-a-code';
    d.materials![0]!.file = { format: 'jpg', bytes: 50 * 1024, colour: 'colour' };
    const r = precheck(d);
    expect(r.ok).toBe(false);
    expect(errors(r)).toEqual([
      ['CREDIT_CODE_INVALID', 'subject.certificate.number'],
      ['MOBILE_INVALID', 'subject.leader.mobile'],
      ['DOMAIN_EXPIRES_TOO_SOON', 'services[0].domains[0].expiresOn'],
      ['SERVICE_CODE_INVALID', 'services[0].access.serviceCode'],
      ['MATERIAL_SIZE', 'materials[0].file.bytes'],
    ]);
    for (const f of r.findings) {
      expect(f.message.zh.length).toBeGreaterThan(5);
      expect(f.message.en.length).toBeGreaterThan(5);
    }
  });

  it('explains how to fix the domain with the province’s own number', () => {
    const d = enterpriseDraft('310000');
    d.services[0]!.domains[0]!.expiresOn = '2026-08-01';
    const f = find(precheck(d), 'DOMAIN_EXPIRES_TOO_SOON');
    expect(f?.message.zh).toContain('180');
    expect(f?.message.en).toMatch(/Renew it/);
    expect(f?.source).toMatch(/SEED-002/);
  });
});

describe('partial and malformed drafts never throw', () => {
  it.each([null, undefined, 42, 'draft', [], true])('%j → a finding, not an exception', (input) => {
    const r = precheck(input);
    expect(r.ok).toBe(false);
    expect(r.kind).toBeNull();
    expect(r.findings[0]).toMatchObject({ code: 'FIELD_INVALID', path: '' });
  });

  it('a hostile object (a throwing getter) still gets an answer, not an exception', () => {
    const hostile = Object.defineProperty({}, 'province', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const r = precheck(hostile);
    expect(r).toMatchObject({ ok: false, kind: null, materials: [] });
    expect(r.findings[0]).toMatchObject({ code: 'PRECHECK_FAILED', path: '' });
    expect(r.findings[0]?.message.en).toContain('boom');
  });

  it('{} → the required top-level fields', () => {
    const r = precheck({});
    expect(errors(r)).toEqual([
      ['FIELD_REQUIRED', 'province'],
      ['FIELD_REQUIRED', 'subject'],
      ['FIELD_REQUIRED', 'services'],
    ]);
    expect(r.province).toEqual({ code: '', name: '', icpPrefix: '' });
  });

  it('wrong types → FIELD_INVALID with the path, the rest still checked', () => {
    const d = clone(enterpriseDraft()) as unknown as Record<string, unknown>;
    const subject = d['subject'] as Record<string, unknown>;
    subject['nature'] = 'company';
    (subject['leader'] as Record<string, unknown>)['mobile'] = 13800138000;
    (d['services'] as unknown[]).push('a string', { kind: 'website', name: 42, domains: 'x.com', leader: 7, access: { ips: 'x' } });
    d['submittedOn'] = '02/03/2026';
    const r = precheck(d);
    expect(r.findings.filter((f) => f.code === 'FIELD_INVALID').map((f) => f.path)).toEqual([
      'subject.nature',
      'subject.leader.mobile',
      'services[1]',
      'services[2].name',
      'services[2].domains',
      'services[2].leader',
      'services[2].access.ips',
      'submittedOn',
    ]);
  });

  it('an unknown province is named as such', () => {
    const r = precheck({ ...enterpriseDraft(), province: '810000' });
    expect(find(r, 'PROVINCE_UNKNOWN')).toMatchObject({ path: 'province', severity: 'error' });
    expect(r.province).toEqual({ code: '810000', name: '', icpPrefix: '' });
  });

  it('survives random damage to a valid draft', () => {
    const base = withAllMaterials(enterpriseDraft('440000', 2)) as unknown as Record<string, unknown>;
    const junk = [null, 0, -1, '', 'x', [], {}, true, '2026-13-40', [null], { a: 1 }];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(base, []);
    for (let n = 0; n < 400; n += 1) {
      const d = clone(base);
      const path = paths[1 + (next() % (paths.length - 1))]!;
      let target: Record<string | number, unknown> = d;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      target[path[path.length - 1]!] = junk[next() % junk.length];
      const r = precheck(d);
      expect(r.findings.every((f) => typeof f.code === 'string' && typeof f.path === 'string')).toBe(true);
      expect(r.findings.some((f) => f.code === 'PRECHECK_FAILED')).toBe(false);
    }
  });
});

describe('identity, people and contacts', () => {
  it('flags IDs expiring within 3 months of submission', () => {
    const d = enterpriseDraft();
    d.subject.leader.idValidUntil = '2026-06-01';
    d.subject.certificate.validUntil = '2026-05-30';
    const r = precheck(d);
    expect(find(r, 'ID_EXPIRES_TOO_SOON')).toMatchObject({ path: 'subject.leader.idValidUntil', severity: 'error' });
    expect(find(r, 'CERTIFICATE_EXPIRES_TOO_SOON')).toMatchObject({ path: 'subject.certificate.validUntil' });
    d.subject.leader.idValidUntil = '2026-06-02';
    expect(find(precheck(d), 'ID_EXPIRES_TOO_SOON')).toBeUndefined();
  });

  it('flags an invalid resident ID and a too-young leader by province', () => {
    const d = enterpriseDraft('130000');
    d.subject.leader.idNumber = residentId('13', '20090101'); // 17 on TODAY; Hebei needs 18
    expect(find(precheck(d), 'LEADER_TOO_YOUNG')).toMatchObject({ severity: 'error', path: 'subject.leader.idNumber' });
    expect(find(precheck({ ...clone(d), province: '330000' }), 'LEADER_TOO_YOUNG')).toBeUndefined(); // Zhejiang: 14
    d.subject.leader.idNumber = '130102200901011230';
    expect(find(precheck(d), 'ID_NUMBER_INVALID')).toMatchObject({ path: 'subject.leader.idNumber' });
  });

  it('says a leader born after the judgement date has an impossible birth date, not an age below zero', () => {
    const d = enterpriseDraft('330000');
    d.subject.leader.idNumber = residentId('33', '20300101');
    const r = precheck(d);
    expect(find(r, 'ID_NUMBER_INVALID')).toMatchObject({ path: 'subject.leader.idNumber', severity: 'error' });
    expect(find(r, 'ID_NUMBER_INVALID')?.message.zh).toContain('出生日期不可能');
    expect(find(r, 'ID_NUMBER_INVALID')?.message.en).toContain('impossible birth date');
    expect(find(r, 'LEADER_TOO_YOUNG')).toBeUndefined();
  });

  it('points a resident ID beginning 81/82/83 at the residence-permit type', () => {
    const d = personalDraft('330000');
    d.subject.leader.idNumber = '810000199001010019';
    d.subject.certificate.number = '810000199001010019';
    const r = precheck(d);
    expect(r.findings.filter((f) => f.code === 'ID_TYPE_IS_HMT_PERMIT').map((f) => [f.path, f.severity])).toEqual([
      ['subject.certificate.type', 'error'],
      ['subject.leader.idType', 'error'],
    ]);
    expect(find(r, 'ID_TYPE_IS_HMT_PERMIT')?.message.zh).toContain('港澳台居民居住证');
    expect(find(r, 'ID_NUMBER_INVALID')).toBeUndefined();
  });

  it('warns of an abolished region code and refuses one that never existed, in identity-document words', () => {
    const d = personalDraft('110000');
    d.subject.leader.idNumber = withIdCheckChar('11010319850312003'); // 崇文区, abolished 2010
    d.subject.certificate.number = d.subject.leader.idNumber;
    const warned = precheck(d);
    expect(find(warned, 'ID_REGION_ABOLISHED')).toMatchObject({ path: 'subject.leader.idNumber', severity: 'warning' });
    expect(find(warned, 'ID_NUMBER_INVALID')).toBeUndefined();
    d.subject.leader.idNumber = withIdCheckChar('11019019850312003');
    d.subject.certificate.number = d.subject.leader.idNumber;
    const refused = precheck(d).findings.filter((f) => f.code === 'ID_NUMBER_INVALID');
    expect(refused.map((f) => f.path)).toEqual(['subject.certificate.number', 'subject.leader.idNumber']);
    for (const f of refused) {
      expect(f.message.zh).toContain('前六位不是存在过的县级行政区划代码');
      expect(f.message.zh).not.toMatch(/大写字母|I、O、Z、S、V|信用代码/);
      expect(f.message.en).not.toMatch(/credit code|capital letters/);
    }
  });

  it('refuses a credit code whose authority/category pair or organisation code the standards do not allow', () => {
    const d = enterpriseDraft('330000');
    d.subject.certificate.number = withCreditCheckChar('94330100MA1234569');
    expect(find(precheck(d), 'CREDIT_CODE_INVALID')?.message.en).toContain('registration authority and category');
    d.subject.certificate.number = withCreditCheckChar('91330100MA1234567');
    expect(find(precheck(d), 'CREDIT_CODE_INVALID')?.message.zh).toContain('组织机构代码的校验位不符');
    d.subject.certificate.number = `${withCreditCheckChar('91330100MA1234569').slice(0, 8)}-${withCreditCheckChar('91330100MA1234569').slice(8)}`;
    expect(find(precheck(d), 'CREDIT_CODE_INVALID')).toBeUndefined();
  });

  it('flags an organisation filing outside the province of its credit code', () => {
    const d = enterpriseDraft('330000');
    d.province = '310000';
    expect(find(precheck(d), 'CROSS_PROVINCE')).toMatchObject({ path: 'province', severity: 'error' });
  });

  it('requires the emergency phone to differ from the mobile', () => {
    const d = enterpriseDraft();
    d.subject.leader.emergencyPhone = '+86 138 0013 8000';
    expect(find(precheck(d), 'EMERGENCY_PHONE_SAME_AS_MOBILE')).toMatchObject({ path: 'subject.leader.emergencyPhone' });
  });

  it('requires different leaders to keep different mobiles and e-mails', () => {
    const d = enterpriseDraft();
    d.services[0]!.leader = person('33', { name: '王五', idNumber: residentId('33', '19850505') });
    const r = precheck(d);
    expect(r.findings.filter((f) => f.code === 'CONTACTS_SHARED').map((f) => f.path)).toEqual([
      'services[0].leader.mobile',
      'services[0].leader.email',
    ]);
  });

  it('Fujian refuses swapped mobile and emergency numbers', () => {
    const d = enterpriseDraft('350000');
    const other = person('35', { name: '王五', idNumber: residentId('35', '19850505'), mobile: '13900139000', email: 'w@example.com', emergencyPhone: '13800138000' });
    d.services[0]!.leader = other;
    expect(find(precheck(d), 'CONTACTS_SWAPPED')).toMatchObject({ severity: 'error' });
    expect(find(precheck({ ...clone(d), province: '330000', subject: { ...clone(d).subject, certificate: enterpriseDraft('330000').subject.certificate } }), 'CONTACTS_SWAPPED')).toBeUndefined();
  });

  it('a person is their own subject leader', () => {
    const d = personalDraft();
    d.subject.name = '王五';
    expect(find(precheck(d), 'SUBJECT_NOT_LEADER')).toBeDefined();
  });
});

describe('domains', () => {
  const domainDraft = (patch: Partial<FilingDraft['services'][number]['domains'][number]>) => {
    const d = withAllMaterials(enterpriseDraft());
    Object.assign(d.services[0]!.domains[0]!, patch);
    return precheck(d);
  };

  it.each([
    [{ name: 'jiayi.org' }, 'DOMAIN_TLD_NOT_APPROVED', 'services[0].domains[0].name', 'error'],
    [{ name: 'http://jiayi.com/' }, 'DOMAIN_INVALID', 'services[0].domains[0].name', 'error'],
    [{ name: 'jiayi.cloud' }, 'DOMAIN_TLD_UNVERIFIED', 'services[0].domains[0].name', 'warning'],
    [{ name: 'www.jiayi.com' }, 'DOMAIN_SUBDOMAIN_GIVEN', 'services[0].domains[0].name', 'info'],
    [{ realNameVerifiedOn: undefined }, 'DOMAIN_NOT_REAL_NAME', 'services[0].domains[0].realNameVerifiedOn', 'error'],
    [{ realNameVerifiedOn: '2026-03-01' }, 'DOMAIN_REAL_NAME_TOO_RECENT', 'services[0].domains[0].realNameVerifiedOn', 'warning'],
    [{ holder: '丙丁公司' }, 'DOMAIN_HOLDER_MISMATCH', 'services[0].domains[0].holder', 'error'],
    [{ holder: undefined }, 'DOMAIN_HOLDER_UNKNOWN', 'services[0].domains[0].holder', 'warning'],
    [{ expiresOn: '2026-05-31' }, 'DOMAIN_EXPIRES_TOO_SOON', 'services[0].domains[0].expiresOn', 'error'],
    [{ expiresOn: undefined }, 'DOMAIN_EXPIRY_UNKNOWN', 'services[0].domains[0].expiresOn', 'warning'],
    [{ registrar: 'GoDaddy.com, LLC' }, 'DOMAIN_REGISTRAR_NOT_APPROVED', 'services[0].domains[0].registrar', 'error'],
    [{ registrar: 'Some Registrar Ltd' }, 'DOMAIN_REGISTRAR_UNKNOWN', 'services[0].domains[0].registrar', 'warning'],
  ] as const)('%j → %s', (patch, code, path, severity) => {
    expect(find(domainDraft(patch), code)).toMatchObject({ path, severity });
  });

  it('accepts an IDN domain in either form', () => {
    expect(errors(domainDraft({ name: '甲乙.中国' }))).toEqual([]);
    expect(errors(domainDraft({ name: 'xn--4gqy1n.xn--fiqs8s' }))).toEqual([]);
  });

  it('counts the validity as more than the province’s days (Zhejiang 90, Shandong 45)', () => {
    expect(find(domainDraft({ expiresOn: '2026-05-31' }), 'DOMAIN_EXPIRES_TOO_SOON')).toBeDefined(); // 90 days
    expect(find(domainDraft({ expiresOn: '2026-06-01' }), 'DOMAIN_EXPIRES_TOO_SOON')).toBeUndefined(); // 91 days
    const sd = enterpriseDraft('370000');
    sd.services[0]!.domains[0]!.expiresOn = '2026-04-17'; // 46 days
    expect(find(precheck(sd), 'DOMAIN_EXPIRES_TOO_SOON')).toBeUndefined();
  });

  it('allows one domain per new website and no duplicates', () => {
    const d = enterpriseDraft('330000', 2);
    d.services[0]!.domains.push({ ...d.services[0]!.domains[0]!, name: 'jiayi-two.com' });
    d.services[1]!.domains[0]!.name = 'www.jiayi0.com';
    const r = precheck(d);
    expect(find(r, 'DOMAIN_ONE_PER_WEBSITE')).toMatchObject({ path: 'services[0].domains[1]' });
    expect(find(r, 'DOMAIN_DUPLICATE')).toMatchObject({ path: 'services[1].domains[0].name' });
  });

  it('state bodies use .gov.cn / .政务 and public institutions .cn / .公益', () => {
    const d = enterpriseDraft();
    d.subject.nature = 'government';
    expect(find(precheck(d), 'DOMAIN_GOVERNMENT_SUFFIX')).toBeDefined();
    d.services[0]!.domains[0]!.name = 'jiayi.gov.cn';
    expect(find(precheck(d), 'DOMAIN_GOVERNMENT_SUFFIX')).toBeUndefined();
  });

  it.each([
    // [nature, domain, expected severity of DOMAIN_SUFFIX_RESERVED or undefined]
    ['enterprise', 'yunshan.gov.cn', 'error'],
    ['individual', 'www.lisi.gov.cn', 'error'],
    ['law_firm', '某律所.政务', 'error'],
    ['enterprise', '某公司.公益', 'error'],
    ['enterprise', '某公司.公益.cn', 'error'],
    ['public_institution', 'museum.gov.cn', 'warning'], // only if it exercises administrative functions
    ['social_organization', '某协会.政务.cn', 'warning'],
    ['other', '某村委会.公益', 'warning'],
    ['public_institution', '某博物馆.公益', undefined],
    ['social_organization', '某协会.公益', undefined],
    ['foundation', '某基金会.公益.cn', undefined],
    ['private_non_enterprise', '某学校.公益', undefined],
    ['government', 'yunshan.gov.cn', undefined],
    ['government', '某局.政务', undefined],
    ['enterprise', 'yunshan.com.cn', undefined],
  ] as const)('%s filing %s → %s', (nature, domain, severity) => {
    const d = enterpriseDraft();
    d.subject.nature = nature;
    d.services[0]!.domains[0]!.name = domain;
    const finding = find(precheck(d), 'DOMAIN_SUFFIX_RESERVED');
    expect(finding?.severity).toBe(severity);
    if (finding) {
      expect(finding.path).toBe('services[0].domains[0].name');
      expect(finding.source).toContain('MIIT-2018-7');
    }
  });

  it('tells a company filing yunshan.gov.cn that .gov.cn is for government bodies', () => {
    const d = enterpriseDraft();
    d.services[0]!.domains[0]!.name = 'yunshan.gov.cn';
    const r = precheck(d);
    expect(r.ok).toBe(false);
    expect(find(r, 'DOMAIN_SUFFIX_RESERVED')?.message).toEqual({
      zh: '域名yunshan.gov.cn的后缀“.gov.cn”专供政府机构使用：企业不能以此类域名备案，请更换域名。',
      en: 'The suffix ".gov.cn" of yunshan.gov.cn is reserved for government bodies: an enterprise cannot file such a domain; use another one.',
    });
  });
});

describe('service names, access and Apps', () => {
  const named = (name: string, draft = enterpriseDraft()) => {
    draft.services[0]!.name = name;
    return precheck(draft).findings.filter((f) => f.code.startsWith('SITE_NAME_')).map((f) => f.code);
  };

  it.each([
    ['甲乙', ['SITE_NAME_TOO_SHORT']],
    ['jiayi0.com', ['SITE_NAME_IS_DOMAIN']],
    ['JiaYi2026', ['SITE_NAME_ALPHANUMERIC']],
    ['中国甲乙科技网', ['SITE_NAME_RESERVED_WORD']],
    ['甲乙科技★官网', ['SITE_NAME_SYMBOLS']],
    ['甲乙博彩资讯', ['SITE_NAME_SENSITIVE']],
    ['甲乙科技（杭州）资料站', []],
  ])('organisation site name %s → %j', (name, expected) => {
    expect(named(name)).toEqual(expected);
  });

  it('personal sites may not use business words; state bodies may use 中国', () => {
    expect(named('李四的技术论坛', personalDraft())).toEqual(['SITE_NAME_PERSONAL_WORD']);
    const gov = enterpriseDraft();
    gov.subject.nature = 'government';
    expect(named('中国甲乙信息网', gov)).toEqual([]);
  });

  it('Guangdong suggests "<company>官网" for organisations', () => {
    const f = precheck(enterpriseDraft('440000')).findings.find((x) => x.code === 'SITE_NAME_PROVINCE_PATTERN');
    expect(f).toMatchObject({ severity: 'warning', path: 'services[0].name' });
    expect(f?.message.zh).toContain('甲乙科技有限公司官网');
  });

  it('validates service codes and IPs', () => {
    const d = enterpriseDraft('330000', 2);
    d.services[1]!.access.serviceCode = d.services[0]!.access.serviceCode!.toUpperCase();
    d.services[0]!.access.ips = ['10.0.0.1', '300.1.1.1', '2001:db8::1'];
    delete d.services[1]!.access.serviceCode;
    const r = precheck(d);
    expect(r.findings.filter((f) => f.path.includes('access')).map((f) => [f.code, f.path])).toEqual([
      ['IP_NOT_PUBLIC', 'services[0].access.ips[0]'],
      ['IP_INVALID', 'services[0].access.ips[1]'],
      ['SERVICE_CODE_MISSING', 'services[1].access.serviceCode'],
    ]);
    d.services[1]!.access.serviceCode = d.services[0]!.access.serviceCode!.toUpperCase();
    expect(find(precheck(d), 'SERVICE_CODE_DUPLICATE')).toMatchObject({ path: 'services[1].access.serviceCode' });
  });

  it('checks App identity', () => {
    const d = enterpriseDraft();
    d.services.push({
      kind: 'app',
      name: '甲乙助手',
      domains: [],
      leader: 'subject_leader',
      access: { serviceCode: '32a43232-a888-88e8-b9ec-00000000000a', ips: ['47.96.1.3'] },
      app: { platforms: ['android', 'ios'], packageName: 'com.jiayi', signatureMd5: 'zz' },
    });
    const r = precheck(d);
    expect(find(r, 'APP_SIGNATURE_INVALID')).toMatchObject({ path: 'services[1].app.signatureMd5' });
    d.services[1]!.app!.packageName = 'jiayi';
    d.services[1]!.app!.signatureMd5 = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
    expect(errors(precheck(d))).toContainEqual(['APP_PACKAGE_INVALID', 'services[1].app.packageName']);
    expect(find(precheck(d), 'APP_SIGNATURE_INVALID')).toBeUndefined();
  });

  it('enforces per-order limits (Hubei organisations: one website per order)', () => {
    expect(find(precheck(enterpriseDraft('420000', 2)), 'TOO_MANY_SERVICES')).toMatchObject({ path: 'services', severity: 'warning' });
    expect(find(precheck(enterpriseDraft('430000', 2)), 'TOO_MANY_SERVICES')).toMatchObject({ severity: 'error' });
    expect(find(precheck(enterpriseDraft('330000', 5)), 'TOO_MANY_SERVICES')).toBeUndefined();
  });
});

describe('kinds in the pre-check', () => {
  it('is first_filing with nothing known and null without services', () => {
    expect(precheck(enterpriseDraft()).kind).toBe('first_filing');
    const r = precheck({ ...enterpriseDraft(), services: [] });
    expect(r.kind).toBeNull();
    expect(find(r, 'KIND_UNDECIDED')).toMatchObject({ path: 'services' });
  });

  it('refuses a shell subject where the province wants it cancelled first', () => {
    const known = { subject: 'here' as const, subjectIsShell: true, filedServices: [] };
    const r = precheck(enterpriseDraft('440000'), { known });
    expect(r.kind).toBeNull();
    expect(find(r, 'SHELL_SUBJECT_CANCEL_FIRST')).toMatchObject({ severity: 'error' });
    expect(precheck(enterpriseDraft('330000'), { known }).kind).toBe('new_service_subject_here');
  });

  it('reports an order in flight', () => {
    expect(find(precheck(enterpriseDraft(), { known: { subject: 'here', orderInFlight: true } }), 'ORDER_IN_PROGRESS')).toBeDefined();
  });

  it('every finding code it can emit is in the catalogue', () => {
    const seen = new Set<string>();
    for (const d of [enterpriseDraft('440000'), personalDraft('320000'), {}, null]) for (const f of precheck(d).findings) seen.add(f.code);
    for (const code of seen) expect(FINDING_CODES).toContain(code);
  });

  it('keeps the websites of the fixture valid', () => {
    expect(website(3).domains[0]!.name).toBe('jiayi3.com');
  });
});

function withIdCheckChar(first17: string): string {
  return first17 + gb11643CheckChar(first17);
}

function withCreditCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
