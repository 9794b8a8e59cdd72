import { afterEach, describe, expect, it } from 'vitest';
import type { FilingDraft, Material, MaterialKind, PrecheckResult } from './draft.ts';
import { precheck } from './precheck.ts';
import type { PrecheckOptions } from './precheck.ts';
import { materialFileFindings } from './materials.ts';
import { PROVINCE_RULES } from './data/province-rules.ts';
import type { ProvinceRules } from './data/province-rules-types.ts';
import { sourced } from './data/province-rules-types.ts';
import type { ProvinceCode } from './data/provinces.ts';
import { TODAY, clone, enterpriseDraft, goodFile, person, personalDraft, residentId } from './testing/fixtures.ts';
import { addDays } from './calendar.ts';

const required = (r: PrecheckResult, kind: MaterialKind) => r.materials.filter((m) => m.kind === kind);
const codes = (r: PrecheckResult) => r.findings.map((f) => f.code);

function withLeader(code: ProvinceCode, leaderName: string): FilingDraft {
  const d = enterpriseDraft(code);
  d.subject.leader = person(code.slice(0, 2), { name: leaderName, mobile: '13700137000', email: 'w@example.com' });
  return d;
}

describe('base materials', () => {
  it('asks an organisation for its certificate and the leader’s ID', () => {
    const r = precheck(enterpriseDraft());
    expect(r.materials.map((m) => [m.kind, m.appliesTo, m.provided])).toEqual([
      ['subject_certificate', 'subject', false],
      ['subject_leader_id', 'subject.leader', false],
    ]);
    expect(r.findings.filter((f) => f.code === 'MATERIAL_MISSING')).toHaveLength(2);
  });

  it('asks a person only for the own identity document', () => {
    expect(precheck(personalDraft()).materials.map((m) => m.kind)).toEqual(['subject_certificate']);
  });

  it('asks for each separate service leader’s ID', () => {
    const d = enterpriseDraft('330000', 2);
    d.services[1]!.leader = person('33', { name: '王五', idNumber: residentId('33', '19850505', '321'), mobile: '13600136000', email: 'w5@example.com' });
    const r = precheck(d);
    expect(required(r, 'service_leader_id')).toEqual([expect.objectContaining({ appliesTo: 'services[1]', provided: false })]);
  });

  it('marks declared materials as provided, matched by kind and appliesTo', () => {
    const d = enterpriseDraft();
    d.materials = [
      { kind: 'subject_certificate', file: goodFile() },
      { kind: 'subject_leader_id', appliesTo: 'subject.leader', file: goodFile() },
    ];
    const r = precheck(d);
    expect(r.materials.every((m) => m.provided)).toBe(true);
    expect(r.ok).toBe(true);
  });
});

describe('auxiliary materials and their triggers', () => {
  it('subject-leader authorisation where the province accepts a non-legal-rep leader', () => {
    const r = precheck(withLeader('320000', '王五'));
    expect(required(r, 'subject_leader_authorization')).toEqual([
      expect.objectContaining({ appliesTo: 'subject.leader', maxAgeDays: 90, template: 'subject-leader-authorization/national' }),
    ]);
  });

  it('Gansu uses its own subject-leader letter', () => {
    const r = precheck(withLeader('620000', '王五'));
    expect(required(r, 'subject_leader_authorization')[0]?.template).toBe('subject-leader-authorization/gansu');
  });

  it('refuses a non-legal-rep subject leader where the legal representative is required', () => {
    const r = precheck(withLeader('330000', '王五'));
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'LEADER_NOT_LEGAL_REP', severity: 'error', path: 'subject.leader.name' }));
    expect(required(r, 'subject_leader_authorization')).toEqual([]);
  });

  it('Liaoning requires the legal representative for finance-sounding names (old rule: a warning)', () => {
    const d = withLeader('210000', '王五');
    d.subject.name = '甲乙融资担保有限公司';
    const r = precheck(d);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'LEADER_NOT_LEGAL_REP', severity: 'warning' }));
  });

  it('service-leader authorisation; Shanghai uses its own letter, one per leader', () => {
    const d = enterpriseDraft('310000', 2);
    const other = person('31', { name: '王五', idNumber: residentId('31', '19850505', '321'), mobile: '13600136000', email: 'w5@example.com' });
    d.services[0]!.leader = other;
    d.services[1]!.leader = clone(other);
    const r = precheck(d);
    const letters = required(r, 'service_leader_authorization');
    expect(letters).toEqual([expect.objectContaining({ appliesTo: 'services[0]', template: 'service-leader-authorization/shanghai' })]);
    d.materials = [{ kind: 'service_leader_authorization', appliesTo: 'services[1]', issuedOn: TODAY, file: goodFile() }];
    expect(required(precheck(d), 'service_leader_authorization')[0]?.provided).toBe(true);
  });

  it('service-leader authorisation elsewhere is one letter per service (Fujian)', () => {
    const d = enterpriseDraft('350000', 2);
    const other = person('35', { name: '王五', idNumber: residentId('35', '19850505', '321'), mobile: '13600136000', email: 'w5@example.com' });
    d.services[0]!.leader = other;
    d.services[1]!.leader = clone(other);
    const letters = required(precheck(d), 'service_leader_authorization');
    expect(letters.map((m) => [m.appliesTo, m.template])).toEqual([
      ['services[0]', 'service-leader-authorization/national'],
      ['services[1]', 'service-leader-authorization/national'],
    ]);
  });

  it('domain certificate: always in Hunan (45 days), from four domains in Henan, never in Zhejiang', () => {
    expect(required(precheck(enterpriseDraft('430000')), 'domain_certificate')).toEqual([
      expect.objectContaining({ appliesTo: 'services[0]', maxAgeDays: 45 }),
    ]);
    expect(required(precheck(enterpriseDraft('410000', 3)), 'domain_certificate')).toEqual([]);
    const henan = precheck(enterpriseDraft('410000', 4));
    expect(required(henan, 'domain_certificate')).toHaveLength(4);
    expect(henan.findings.filter((f) => f.code === 'MATERIAL_MISSING' && f.severity === 'warning')).toHaveLength(4); // 2017 rule
    expect(required(precheck(enterpriseDraft('330000')), 'domain_certificate')).toEqual([]);
  });

  it('Shaanxi counts the subject’s filed domains towards its certificate threshold', () => {
    const known: PrecheckOptions['known'] = { subject: 'here', filedServiceCount: 4, filedServices: [] };
    expect(required(precheck(enterpriseDraft('610000'), { known }), 'domain_certificate')).toHaveLength(1);
    expect(required(precheck(enterpriseDraft('610000')), 'domain_certificate')).toHaveLength(0);
  });

  describe('handheld photos (enabled by province data; none enables them today)', () => {
    const rules = PROVINCE_RULES['330000'] as ProvinceRules;
    const saved = rules.handheldPhotos;
    afterEach(() => {
      rules.handheldPhotos = saved;
    });
    it('asks persons for a photo holding the ID and organisations for one holding the certificate', () => {
      expect(required(precheck(personalDraft()), 'handheld_id_photo')).toEqual([]);
      rules.handheldPhotos = sourced(true, 'test', '2026-01-01');
      expect(required(precheck(personalDraft()), 'handheld_id_photo')).toHaveLength(1);
      expect(required(precheck(enterpriseDraft()), 'handheld_org_certificate_photo')).toHaveLength(1);
    });
  });

  it('registrant proof where the legal representative holds the domain and the province accepts it', () => {
    const d = enterpriseDraft('370000');
    d.services[0]!.domains[0]!.holder = '张三';
    const r = precheck(d);
    expect(required(r, 'domain_registrant_proof')).toEqual([expect.objectContaining({ appliesTo: 'services[0].domains[0]' })]);
    expect(codes(r)).not.toContain('DOMAIN_HOLDER_MISMATCH');
    const ningxia = enterpriseDraft('640000');
    ningxia.services[0]!.domains[0]!.holder = '张三';
    expect(precheck(ningxia).findings).toContainEqual(
      expect.objectContaining({ code: 'DOMAIN_HOLDER_MISMATCH', path: 'services[0].domains[0].holder', severity: 'error' }),
    );
  });

  it('establishment proof for public bodies in Yunnan, not in Zhejiang', () => {
    const d = enterpriseDraft('530000');
    d.subject.nature = 'public_institution';
    d.services[0]!.domains[0]!.name = 'jiayi.edu.cn';
    expect(required(precheck(d), 'establishment_proof')).toHaveLength(1);
    expect(required(precheck({ ...d, province: '330000' }), 'establishment_proof')).toHaveLength(0);
  });

  it('name-change proof for a related rename; an unrelated rename needs a new filing', () => {
    const d = enterpriseDraft('330000');
    d.subject.name = '浙江甲乙网络技术有限公司';
    d.subject.previousNames = ['杭州甲乙科技有限公司'];
    d.services[0]!.domains[0]!.holder = d.subject.name;
    const related = precheck(d);
    expect(required(related, 'name_change_proof')).toEqual([expect.objectContaining({ appliesTo: 'subject', maxAgeDays: 90 })]);
    expect(codes(related)).not.toContain('NAME_CHANGE_UNRELATED');
    d.subject.previousNames = ['杭州丙丁贸易有限公司'];
    const unrelated = precheck(d);
    expect(unrelated.findings).toContainEqual(expect.objectContaining({ code: 'NAME_CHANGE_UNRELATED', path: 'subject.previousNames[0]', severity: 'error' }));
  });

  it('Jiangsu once accepted an unrelated rename with a certificate: proof asked, the old permission only warns', () => {
    const d = enterpriseDraft('320000');
    d.subject.previousNames = ['杭州丙丁贸易有限公司'];
    const r = precheck(d);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'NAME_CHANGE_UNRELATED', severity: 'warning' }));
    expect(required(r, 'name_change_proof')).toHaveLength(1);
  });

  it('site construction plan at the Guangdong thresholds (32 prefixes organisations, 6 persons)', () => {
    const filed = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `other${i}.com`, accessedHere: true }));
    const at = (n: number, draft: FilingDraft) => precheck(draft, { known: { subject: 'here', filedServices: filed(n) } });
    expect(required(at(30, enterpriseDraft('440000')), 'site_construction_plan')).toHaveLength(0);
    expect(required(at(31, enterpriseDraft('440000')), 'site_construction_plan')).toHaveLength(1);
    expect(required(at(4, personalDraft('440000')), 'site_construction_plan')).toHaveLength(0);
    expect(required(at(5, personalDraft('440000')), 'site_construction_plan')).toHaveLength(1);
  });

  it('site construction plan in Shanghai from 30 sites and in Hunan from the second', () => {
    const known = (count: number): PrecheckOptions => ({ known: { subject: 'here', filedServiceCount: count, filedServices: [] } });
    expect(required(precheck(enterpriseDraft('310000'), known(28)), 'site_construction_plan')).toHaveLength(0);
    expect(required(precheck(enterpriseDraft('310000'), known(29)), 'site_construction_plan')).toHaveLength(1);
    expect(required(precheck(enterpriseDraft('430000'), known(0)), 'site_construction_plan')).toHaveLength(0);
    expect(required(precheck(enterpriseDraft('430000'), known(1)), 'site_construction_plan')).toHaveLength(1);
  });

  it('residence permit for a person filing outside the ID’s province, where accepted', () => {
    const d = personalDraft('330000');
    const beijingId = residentId('11');
    d.subject.leader.idNumber = beijingId;
    d.subject.certificate.number = beijingId;
    expect(required(precheck(d), 'residence_permit')).toEqual([expect.objectContaining({ appliesTo: 'subject.leader' })]);
    const shanxi = precheck({ ...clone(d), province: '140000' });
    expect(shanxi.findings).toContainEqual(expect.objectContaining({ code: 'CROSS_PROVINCE_PERSON', severity: 'error' }));
    expect(required(shanxi, 'residence_permit')).toHaveLength(0);
  });

  it('business-nature statement for Sichuan organisations with commercial words', () => {
    const d = enterpriseDraft('510000');
    d.services[0]!.name = '甲乙科技商城';
    expect(required(precheck(d), 'business_nature_statement')).toHaveLength(1);
    expect(required(precheck({ ...clone(d), province: '330000' }), 'business_nature_statement')).toHaveLength(0);
    expect(required(precheck(enterpriseDraft('510000')), 'business_nature_statement')).toHaveLength(0);
  });

  it('employment proof for leaders already used by other subjects (Beijing), or minors (Jiangsu)', () => {
    const d = enterpriseDraft('110000');
    const known: PrecheckOptions['known'] = { subject: 'none', leaderIdsInOtherSubjects: [d.subject.leader.idNumber] };
    expect(required(precheck(d, { known }), 'employment_proof')).toEqual([expect.objectContaining({ appliesTo: 'subject.leader', maxAgeDays: 90 })]);
    expect(required(precheck(enterpriseDraft('110000')), 'employment_proof')).toHaveLength(0);
    const sichuan = enterpriseDraft('510000');
    expect(required(precheck(sichuan, { known: { subject: 'none', leaderIdsInOtherSubjects: [sichuan.subject.leader.idNumber] } }), 'employment_proof')[0]?.maxAgeDays).toBe(45);
    const young = enterpriseDraft('320000');
    young.subject.leader.idNumber = residentId('32', '20090101');
    expect(required(precheck(young), 'employment_proof')).toHaveLength(1);
  });
});

describe('freshness windows', () => {
  function ageFinding(code: ProvinceCode, kind: MaterialKind, days: number, nature: 'enterprise' | 'individual' = 'enterprise') {
    const d = nature === 'enterprise' ? enterpriseDraft(code) : personalDraft(code);
    const m: Material = { kind, issuedOn: addDays(TODAY, -days), file: goodFile() };
    d.materials = [m];
    return precheck(d).findings.find((f) => f.code === 'MATERIAL_TOO_OLD');
  }

  it.each([
    ['330000', 'subject_leader_authorization', 90],
    ['330000', 'name_change_proof', 90],
    ['510000', 'employment_proof', 45],
    ['430000', 'domain_certificate', 45],
    ['420000', 'business_nature_statement', 180],
    ['130000', 'subject_leader_authorization', 180],
    ['130000', 'service_leader_authorization', 180],
  ] as const)('%s %s: %i days old passes, one more fails', (code, kind, days) => {
    expect(ageFinding(code, kind, days)).toBeUndefined();
    expect(ageFinding(code, kind, days + 1)).toMatchObject({ code: 'MATERIAL_TOO_OLD', path: 'materials[0].issuedOn', severity: 'error' });
  });

  it('does not age identity documents and warns when a dated document has no date', () => {
    const d = enterpriseDraft();
    d.materials = [
      { kind: 'subject_leader_id', issuedOn: '2001-01-01', file: goodFile() },
      { kind: 'employment_proof', file: goodFile() },
    ];
    const r = precheck(d);
    expect(codes(r)).not.toContain('MATERIAL_TOO_OLD');
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'MATERIAL_DATE_MISSING', path: 'materials[1].issuedOn', severity: 'warning' }));
  });
});

describe('file rules (jpg/jpeg/png/gif, 200 KB – 4 MB, colour)', () => {
  it.each([
    [{ format: 'jpg', bytes: 300 * 1024, colour: 'colour' }, []],
    [{ format: 'JPEG', bytes: 200 * 1024 }, []],
    [{ format: 'image/png', bytes: 4 * 1024 * 1024 }, []],
    [{ format: '.gif', bytes: 1024 * 1024 }, []],
    [{ format: 'bmp', bytes: 300 * 1024 }, ['MATERIAL_FORMAT']],
    [{ format: 'pdf', bytes: 300 * 1024 }, ['MATERIAL_FORMAT']],
    [{ format: 'jpg', bytes: 199 * 1024 }, ['MATERIAL_SIZE']],
    [{ format: 'png', bytes: 4 * 1024 * 1024 + 1 }, ['MATERIAL_SIZE']],
    [{ format: 'jpg', bytes: 300 * 1024, colour: 'grayscale' }, ['MATERIAL_NOT_COLOUR']],
    [{ format: 'tiff', bytes: 10, colour: 'grayscale' }, ['MATERIAL_FORMAT', 'MATERIAL_SIZE', 'MATERIAL_NOT_COLOUR']],
  ] as const)('%j → %j', (file, expected) => {
    expect(materialFileFindings(file, 'materials[0].file').map((f) => f.code)).toEqual(expected);
  });

  it('points each problem at the field inside the draft', () => {
    const d = enterpriseDraft();
    d.materials = [{ kind: 'subject_certificate', file: { format: 'bmp', bytes: 1000, colour: 'grayscale' } }];
    const paths = precheck(d).findings.filter((f) => f.code.startsWith('MATERIAL_') && f.code !== 'MATERIAL_MISSING').map((f) => f.path);
    expect(paths).toEqual(['materials[0].file.format', 'materials[0].file.bytes', 'materials[0].file.colour']);
  });
});

describe('no materials for cancellations', () => {
  it('lists nothing to upload when cancelling access', () => {
    const r = precheck(enterpriseDraft(), { known: { subject: 'here', requestedKind: 'cancel_access' } });
    expect(r.kind).toBe('cancel_access');
    expect(r.materials).toEqual([]);
  });
});

