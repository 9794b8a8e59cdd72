import { describe, expect, it } from 'vitest';
import { precheck } from './precheck.ts';
import { NATIONAL_DEFAULTS, PROVINCE_RULES, RULE_AXES, provinceReviewCeiling, provinceReviewWorkdays } from './data/province-rules.ts';
import { PROVINCE_CODES, PROVINCES, isProvinceCode, provinceByShort } from './data/provinces.ts';
import type { ProvinceCode } from './data/provinces.ts';
import { SOURCES } from './data/sources.ts';
import { enterpriseDraft, personalDraft, withAllMaterials } from './testing/fixtures.ts';

/** code → [name, ICP prefix, police prefix]: reference/data.md §1. */
const EXPECTED: Record<ProvinceCode, [string, string, string]> = {
  '110000': ['北京市', '京', '京'],
  '120000': ['天津市', '津', '津'],
  '130000': ['河北省', '冀', '冀'],
  '140000': ['山西省', '晋', '晋'],
  '150000': ['内蒙古自治区', '蒙', '蒙'],
  '210000': ['辽宁省', '辽', '辽'],
  '220000': ['吉林省', '吉', '吉'],
  '230000': ['黑龙江省', '黑', '黑'],
  '310000': ['上海市', '沪', '沪'],
  '320000': ['江苏省', '苏', '苏'],
  '330000': ['浙江省', '浙', '浙'],
  '340000': ['安徽省', '皖', '皖'],
  '350000': ['福建省', '闽', '闽'],
  '360000': ['江西省', '赣', '赣'],
  '370000': ['山东省', '鲁', '鲁'],
  '410000': ['河南省', '豫', '豫'],
  '420000': ['湖北省', '鄂', '鄂'],
  '430000': ['湖南省', '湘', '湘'],
  '440000': ['广东省', '粤', '粤'],
  '450000': ['广西壮族自治区', '桂', '桂'],
  '460000': ['海南省', '琼', '琼'],
  '500000': ['重庆市', '渝', '渝'],
  '510000': ['四川省', '蜀', '川'],
  '520000': ['贵州省', '黔', '贵'],
  '530000': ['云南省', '滇', '滇'],
  '540000': ['西藏自治区', '藏', '藏'],
  '610000': ['陕西省', '陕', '陕'],
  '620000': ['甘肃省', '陇', '甘'],
  '630000': ['青海省', '青', '青'],
  '640000': ['宁夏回族自治区', '宁', '宁'],
  '650000': ['新疆维吾尔自治区', '新', '新'],
};

const SHELL_ADD_PROVINCES = ['120000', '210000', '510000', '530000', '320000', '330000', '310000', '450000', '140000', '110000', '520000'];

describe('the 31 provinces', () => {
  it('has exactly the 31 provincial-level divisions with a 管局', () => {
    expect(PROVINCE_CODES).toHaveLength(31);
    expect(Object.keys(PROVINCE_RULES).sort()).toEqual([...PROVINCE_CODES].sort());
    expect(isProvinceCode('810000')).toBe(false);
    expect(provinceByShort('33')?.code).toBe('330000');
  });

  describe.each(PROVINCE_CODES)('%s', (code) => {
    const p = PROVINCES[code];
    const rules = PROVINCE_RULES[code];
    const [name, icp, police] = EXPECTED[code];

    it('has its names and prefixes', () => {
      expect(p.name).toBe(name);
      expect(p.icpPrefix).toBe(icp);
      expect(p.policePrefix).toBe(police);
      expect(p.administration).toBe(`${name}通信管理局`);
      expect(p.short).toBe(code.slice(0, 2));
    });

    it('sources every axis and gives the date it was last confirmed', () => {
      expect(rules.code).toBe(code);
      for (const axis of RULE_AXES) {
        const rule = rules[axis];
        expect(rule.source, `${code}.${axis}`).not.toBe('');
        expect(rule.lastConfirmed, `${code}.${axis}`).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        for (const key of rule.source.split(/;\s*/).map((s) => s.split(' ')[0] ?? '')) {
          if (!key.startsWith('reference/')) expect(SOURCES[key], `${code}.${axis}: ${key}`).toBeDefined();
        }
      }
    });

    it('keeps its numbers inside the documented ranges', () => {
      const expectedValidity = code === '310000' ? 180 : code === '370000' ? 45 : 90;
      expect(rules.domainMinValidityDays.value).toBe(expectedValidity);
      expect(rules.reviewCeilingWorkdays.value).toBe(code === '330000' ? 30 : 20);
      expect(rules.typicalReviewWorkdays.value).toBeGreaterThanOrEqual(1);
      expect(rules.typicalReviewWorkdays.value).toBeLessThanOrEqual(rules.reviewCeilingWorkdays.value);
      expect(rules.typicalReviewWorkdays.assumed).toBe(true);
      expect(rules.minAge.value.subjectLeader).toBeGreaterThanOrEqual(14);
      expect(rules.minAge.value.subjectLeader).toBeLessThanOrEqual(18);
      for (const days of Object.values(rules.materialMaxAgeDays.value)) expect([45, 90, 180]).toContain(days);
      expect(provinceReviewWorkdays(code)).toBe(rules.typicalReviewWorkdays.value);
      expect(provinceReviewCeiling(code)).toBe(rules.reviewCeilingWorkdays.value);
    });

    it('shows the right number in the footer', () => {
      expect(rules.footer.value.shows).toBe(code === '440000' ? 'subject_number' : 'service_number');
      expect(rules.footer.value.copyrightLine).toBe(code === '320000');
    });

    it('lets a shell subject add a service only in the eleven provinces', () => {
      expect(rules.shellSubjectMayAddService.value).toBe(SHELL_ADD_PROVINCES.includes(code));
    });

    it('accepts a complete enterprise filing', () => {
      const draft = withAllMaterials(enterpriseDraft(code));
      const result = precheck(draft);
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result).toMatchObject({ ok: true, kind: 'first_filing', province: { code, name, icpPrefix: icp } });
    });

    it('accepts a complete personal filing from a local resident', () => {
      const result = precheck(withAllMaterials(personalDraft(code)));
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result.ok).toBe(true);
    });
  });
});

describe('thresholds and special rules by province', () => {
  it.each([
    ['440000', 'organisation', 'domain_prefixes', 32],
    ['440000', 'individual', 'domain_prefixes', 6],
    ['310000', 'any', 'services', 30],
    ['430000', 'any', 'services', 2],
  ] as const)('%s site plan: %s by %s from %i', (code, natures, measure, atLeast) => {
    expect(PROVINCE_RULES[code].siteConstructionPlan.value).toContainEqual({ natures, measure, atLeast });
  });

  it('marks the Hubei site-plan threshold as an assumption', () => {
    expect(PROVINCE_RULES['420000'].siteConstructionPlan.assumed).toBe(true);
  });

  it('uses the provincial templates for letters', () => {
    expect(PROVINCE_RULES['620000'].templates.value.subject_leader_authorization).toBe('subject-leader-authorization/gansu');
    expect(PROVINCE_RULES['620000'].templates.value.service_leader_authorization).toBe('service-leader-authorization/national');
    expect(PROVINCE_RULES['310000'].templates.value.service_leader_authorization).toBe('service-leader-authorization/shanghai');
    expect(PROVINCE_RULES['330000'].templates.value.subject_leader_authorization).toBe('subject-leader-authorization/national');
  });

  it('keeps the exceptional freshness windows and the 90-day default', () => {
    expect(PROVINCE_RULES['510000'].materialMaxAgeDays.value.employment_proof).toBe(45);
    expect(PROVINCE_RULES['430000'].materialMaxAgeDays.value.domain_certificate).toBe(45);
    expect(PROVINCE_RULES['420000'].materialMaxAgeDays.value.business_nature_statement).toBe(180);
    expect(PROVINCE_RULES['130000'].materialMaxAgeDays.value.subject_leader_authorization).toBe(180);
    expect(PROVINCE_RULES['130000'].materialMaxAgeDays.value.service_leader_authorization).toBe(180);
    expect(PROVINCE_RULES['330000'].materialMaxAgeDays.value).toEqual(NATIONAL_DEFAULTS.materialMaxAgeDays.value);
  });

  it('requires the establishment proof in Yunnan, Inner Mongolia, Heilongjiang and Jiangxi only', () => {
    const codes = PROVINCE_CODES.filter((c) => PROVINCE_RULES[c].establishmentProof.value);
    expect(codes.sort()).toEqual(['150000', '230000', '360000', '530000']);
  });

  it('asks employment proof for shared leaders in Beijing, Ningxia and Sichuan', () => {
    const codes = PROVINCE_CODES.filter((c) => PROVINCE_RULES[c].sharedLeaderAcrossSubjects.value === 'employment_proof');
    expect(codes.sort()).toEqual(['110000', '510000', '640000']);
  });

  it('says which older claim a newer source replaced', () => {
    expect(PROVINCE_RULES['370000'].domainMinValidityDays.note).toMatch(/newer/);
    expect(PROVINCE_RULES['530000'].individualToOrganisation.note).toMatch(/newer national rule/);
  });
});
