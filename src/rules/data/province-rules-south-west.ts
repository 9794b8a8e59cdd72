// Province overrides, central, south and west China (华中, 华南, 西南, 西北). Only the axes that differ from
// the national default are listed; see province-rules.ts for the defaults. Sources: data/sources.ts.

import { estimate } from './province-rules-north-east.ts';
import { assumed, sourced } from './province-rules-types.ts';
import type { ProvinceOverrides } from './province-rules-types.ts';

const HW = '2025-12';
const TC17 = '2017-06-05';
const ALI18 = '2018';
const SEED = '2020-11-11';
const NOW = '2026-11-22';

const SHELL_ADDS = sourced(true, 'HW-CANCEL', HW, 'one of the eleven provinces that let a shell subject add a service');
const NO_CROSS = (source: string, date: string) => sourced('no' as const, source, date, 'local ID only');

export const SOUTH_WEST = {
  '410000': {
    subjectLeader: sourced('legal_rep', 'TC-PROV2017', TC17),
    sharedLeaderAcrossSubjects: sourced('forbidden', 'TC-PROV2017', TC17, 'both leaders had to be first-time filers'),
    crossProvincePersons: NO_CROSS('TC-PROV2017', TC17),
    domainCertificate: sourced({ when: 'at_least', domains: 4, counting: 'order' }, 'TC-PROV2017', TC17),
    servicesPerOrder: sourced([{ natures: 'organisation', max: 5 }], 'HW-PROV', HW),
    sameCityAddress: sourced(true, 'HW-PROV', HW),
    nameChangeProofForms: sourced(['paper', 'electronic'], 'SEED-003 §7', SEED),
    typicalReviewWorkdays: estimate(7),
    notes: sourced(['sites already filed must be reachable and show their number (2017)'], 'TC-PROV2017', TC17),
  },
  '420000': {
    subjectLeader: sourced('legal_rep', 'ALI-2018 (50260)', ALI18),
    serviceLeader: sourced('legal_rep_or_authorised', 'ALI-2018 (50260)', ALI18),
    domainHolder: sourced('subject_or_legal_rep', 'ALI-2018 (50260)', ALI18),
    crossProvincePersons: sourced('residence_permit', 'TC-PROV2017', TC17),
    servicesPerOrder: sourced([{ natures: 'organisation', max: 1 }], 'ALI-2018 (50260)', ALI18),
    siteConstructionPlan: assumed(
      [{ natures: 'individual', measure: 'services', atLeast: 2 }],
      'SEED-002 (materials)',
      'seed 002 names Hubei for persons with too many domains but gives no number; we use "more than one website", as Hunan does',
    ),
    materialMaxAgeDays: sourced({ business_nature_statement: 180 }, 'SEED-003 §1', SEED),
    typicalReviewWorkdays: estimate(7),
    notes: sourced(['non-commercial filings go through a yearly SMS review'], 'TC-HUBEI', NOW),
  },
  '430000': {
    subjectLeader: sourced('legal_rep', 'ALI-HUNAN-ZH', NOW),
    serviceLeader: sourced('legal_rep_or_authorised', 'ALI-HUNAN-ZH', NOW),
    localMobile: sourced(true, 'HW-PROV', HW),
    minAge: sourced(
      { subjectLeader: 18, serviceLeader: 14 },
      'ALI-HUNAN-ZH',
      NOW,
      'the legal representative (who must lead the subject) is at least 18; leaders at least 14',
    ),
    domainCertificate: sourced({ when: 'always' }, 'SEED-003 §1; ALI-2018 (50258)', SEED),
    servicesPerOrder: sourced([{ natures: 'any', max: 1 }], 'HW-PROV; ALI-HUNAN-ZH', HW),
    siteConstructionPlan: sourced(
      [{ natures: 'any', measure: 'services', atLeast: 2 }],
      'HW-PROV',
      HW,
      'once the subject has more than one website',
    ),
    materialMaxAgeDays: sourced({ domain_certificate: 45 }, 'SEED-003 §1', SEED),
    typicalReviewWorkdays: estimate(5),
    notes: sourced(['foreign-registered domains are refused', 'a new subject leader needs a change order and a new letter'], 'ALI-HUNAN-ZH; HW-CHANGE', NOW),
  },
  '440000': {
    subjectLeader: sourced('legal_rep', 'TC-PROV2017', TC17),
    minAge: sourced({ subjectLeader: 16, serviceLeader: 16 }, 'TC-PROV2017', TC17),
    siteConstructionPlan: sourced(
      [
        { natures: 'organisation', measure: 'domain_prefixes', atLeast: 32 },
        { natures: 'individual', measure: 'domain_prefixes', atLeast: 6 },
      ],
      'ALI-GD-PROP',
      NOW,
    ),
    extraDocuments: sourced(
      [
        {
          id: 'service_commitment',
          name: { zh: '互联网信息服务备案承诺书', en: 'internet information service filing commitment letter' },
          appliesTo: 'all',
          since: '2021-06-21',
        },
      ],
      'HW-MAT',
      HW,
    ),
    siteNaming: sourced({ organisationSuffix: '官网' }, 'XINNET-NAMES', NOW, 'organisations name the site "<company>官网"'),
    footer: sourced({ shows: 'subject_number', copyrightLine: false }, 'HW-AFTER; SEED-002 §3 (footer)', HW),
    typicalReviewWorkdays: estimate(10),
    notes: sourced(['games first need the online culture licence, then a change'], 'TC-PROV2017', TC17),
  },
  '450000': {
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    crossProvincePersons: sourced('no', 'HW-PROV', HW),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(5),
    notes: sourced(['sites already filed must be open and link their number'], 'HW-PROV', HW),
  },
  '460000': {
    subjectLeader: sourced('legal_rep_or_authorised', 'TC-PROV2017', TC17),
    authorisedSubjectLeaderLeadsServices: sourced(true, 'TC-PROV2017', TC17),
    servicesPerOrder: sourced([{ natures: 'individual', max: 1, firstFilingOnly: true }], 'HW-PROV', HW),
    extraDocuments: sourced(
      [
        {
          id: 'hainan_licence_stamp',
          name: {
            zh: '营业执照须带海南省市场监督管理局商事登记专用章及“琼”字编号',
            en: 'business licence bearing the Hainan market-regulator registration stamp and a 琼 number',
          },
          appliesTo: 'enterprise',
        },
      ],
      'HW-PROV',
      HW,
    ),
    typicalReviewWorkdays: estimate(5),
  },
  '500000': {
    subjectLeader: sourced('legal_rep', 'TC-PROV2017', TC17),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    crossProvincePersons: NO_CROSS('TC-PROV2017', TC17),
    typicalReviewWorkdays: estimate(5),
  },
  '510000': {
    subjectLeader: sourced('legal_rep_or_authorised', 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    crossProvincePersons: sourced('residence_or_study_work', 'TC-PROV2017', TC17),
    sharedLeaderAcrossSubjects: sourced('employment_proof', 'SEED-003 §9', SEED),
    businessNatureStatement: sourced(true, 'SEED-003 §10', SEED),
    materialMaxAgeDays: sourced({ employment_proof: 45 }, 'SEED-003 §1', SEED),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(7),
    notes: sourced(
      ['one homepage URL per website', 'a rename is a change with the market regulator’s letter; the subject is never swapped'],
      'TC-PROV2017; HW-CHANGE',
      TC17,
    ),
  },
  '520000': {
    subjectLeader: sourced('legal_rep', 'ALI-GZ', NOW),
    serviceLeader: sourced('legal_rep_or_authorised', 'ALI-GZ', NOW),
    crossProvincePersons: sourced('residence_permit', 'TC-PROV2017', TC17),
    minAge: sourced({ subjectLeader: 14, serviceLeader: 14 }, 'ALI-GZ', NOW),
    domainCertificate: sourced({ when: 'at_least', domains: 4, counting: 'order' }, 'TC-PROV2017', TC17),
    sameCityAddress: sourced(true, 'ALI-GZ; HW-PROV', NOW),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(5),
  },
  '530000': {
    subjectLeader: sourced('legal_rep', 'ALI-2018 (50256)', ALI18),
    employmentProofUnderAge: sourced(18, 'TC-PROV2017', TC17),
    crossProvincePersons: NO_CROSS('TC-PROV2017', TC17),
    domainCertificate: sourced({ when: 'always' }, 'ALI-2018 (50256)', ALI18),
    establishmentProof: sourced(true, 'SEED-003 §8', SEED),
    individualToOrganisation: sourced(
      'change',
      'ALI-2018 (50256)',
      ALI18,
      'the same page allowed organisation → individual too; the newer national rule forbids that direction',
    ),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(5),
  },
  '540000': {
    subjectLeader: sourced('legal_rep', 'HW-PREP', HW),
    crossProvincePersons: NO_CROSS('HW-PREP', HW),
    typicalReviewWorkdays: estimate(3),
    notes: sourced(['the 管局 publishes shell lists with a deadline, then cancels'], 'XZ-SHELL', '2025'),
  },
  '610000': {
    subjectLeader: sourced('legal_rep', 'ALI-2018 (50250)', ALI18),
    localMobile: sourced(true, 'TC-PROV2017', TC17, 'otherwise explain in the remarks'),
    domainHolder: sourced('subject_or_legal_rep', 'ALI-2018 (50250)', ALI18),
    domainCertificate: sourced({ when: 'at_least', domains: 5, counting: 'subject' }, 'TC-PROV2017', TC17),
    nameChangeProofForms: sourced(['paper', 'stamped_credit_system_screenshot'], 'SEED-003 §7', SEED),
    typicalReviewWorkdays: estimate(5),
    notes: sourced(['the subject cannot be swapped by a change', 'the 管局 phones applicants'], 'HW-CHANGE; TC-PROV2017', HW),
  },
  '620000': {
    subjectLeader: sourced('legal_rep_or_authorised', 'ALI-2018 (50246)', ALI18, 'with a remark; Gansu has its own letter'),
    localMobile: sourced(true, 'ALI-2018 (50246)', ALI18),
    crossProvincePersons: NO_CROSS('ALI-2018 (50246)', ALI18),
    templates: sourced({ subject_leader_authorization: 'subject-leader-authorization/gansu' }, 'SEED-003 §2', SEED),
    typicalReviewWorkdays: estimate(5),
  },
  '630000': {
    subjectLeader: sourced('legal_rep', 'ALI-QH', NOW),
    domainHolder: sourced('subject_or_legal_rep', 'ALI-QH', NOW),
    minAge: sourced({ subjectLeader: 14, serviceLeader: 14 }, 'ALI-QH', NOW),
    crossProvincePersons: NO_CROSS('HW-PROV', HW),
    typicalReviewWorkdays: estimate(3),
    notes: sourced(['change orders upload the full set of five images'], 'HW-PROV', HW),
  },
  '640000': {
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainHolder: sourced('subject', 'HW-PROV', HW, 'the holder must be the organisation itself, not the legal representative'),
    crossProvincePersons: sourced('no', 'HW-PROV', HW),
    sharedLeaderAcrossSubjects: sourced('employment_proof', 'SEED-003 §9', SEED),
    typicalReviewWorkdays: estimate(3),
  },
  '650000': {
    domainHolder: sourced('subject', 'HW-PROV', HW),
    crossProvincePersons: NO_CROSS('HW-PROV', HW),
    extraDocuments: sourced(
      [
        {
          id: 'party_building_confirmation',
          name: { zh: '党委网信办出具的党建确认函', en: 'party-building confirmation from the cyberspace office' },
          appliesTo: 'all',
        },
      ],
      'HW-PROV; TC-PROVFAQ',
      HW,
    ),
    typicalReviewWorkdays: estimate(10),
    notes: sourced(['tick every language the site really uses', 'the 管局 spot-checks phone numbers'], 'TC-PROV2017', TC17),
  },
} satisfies Record<string, ProvinceOverrides>;
