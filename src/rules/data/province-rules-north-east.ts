// Province overrides, north and east China (华北, 东北, 华东). Only the axes that differ from the national
// default are listed; see province-rules.ts for the defaults. Sources: data/sources.ts.

import { assumed, sourced } from './province-rules-types.ts';
import type { ProvinceOverrides } from './province-rules-types.ts';

const HW = '2025-12';
const TC17 = '2017-06-05';
const ALI18 = '2018';
const SEED = '2020-11-11';
const NOW = '2026-11-22';

export const estimate = (days: number) =>
  assumed(days, 'SIM-ESTIMATE', 'typical decision time used by the regulator simulator, not an official figure');

const SCREENSHOT_ACCEPTED = sourced(
  ['paper', 'electronic', 'credit_system_screenshot'] as const,
  'SEED-003 §7',
  SEED,
  'a screenshot from the national enterprise credit-information system is accepted',
);
const SHELL_ADDS = sourced(true, 'HW-CANCEL', HW, 'one of the eleven provinces that let a shell subject add a service');

export const NORTH_EAST = {
  '110000': {
    subjectLeader: sourced('legal_rep', 'ALI-2018 (50236)', ALI18),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainNoNationalWords: sourced(true, 'TC-PROV2017', TC17),
    sharedLeaderAcrossSubjects: sourced('employment_proof', 'SEED-003 §9', SEED),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(10),
    notes: sourced(
      [
        'the name or the certificate number may change with a certificate, but not both in one change (2018)',
        'Hong Kong residents have filed with a passport (2017)',
      ],
      'ALI-2018 (50236); TC-PROV2017',
      ALI18,
    ),
  },
  '120000': {
    subjectLeader: sourced('legal_rep', 'ALI-2018 (50238)', ALI18),
    serviceLeader: sourced(
      'not_subject_leader',
      'ALI-2018 (50238); TC-PROV2017',
      ALI18,
      'the service leader had to be a second person, with the legal representative’s letter',
    ),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_or_legal_rep', 'ALI-2018 (50238)', ALI18),
    individualToOrganisation: sourced('change_with_proof', 'ALI-2018 (50238)', ALI18, 'needs domain certificates'),
    nameChangeProofForms: SCREENSHOT_ACCEPTED,
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(5),
    notes: sourced(
      ['individuals gave a landline, an address to the house number and a fixed remark text (2017)'],
      'TC-PROV2017',
      TC17,
    ),
  },
  '130000': {
    subjectLeader: sourced('legal_rep', 'HW-PROV', HW, 'a foreign legal representative may authorise a Chinese citizen (2017)'),
    serviceLeader: sourced('legal_rep', 'TC-PROV2017', TC17),
    foreignersMayFile: sourced(false, 'HW-PROV; TC-PROV2017', HW),
    minAge: sourced({ subjectLeader: 18, serviceLeader: 18 }, 'HW-PROV; TC-PROV2017', HW),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    sameCityAddress: sourced(true, 'HW-PROV', HW),
    materialMaxAgeDays: sourced(
      { subject_leader_authorization: 180, service_leader_authorization: 180 },
      'SEED-003 §1',
      SEED,
      'authorisation letters may be up to six months old',
    ),
    nameChangeProofForms: SCREENSHOT_ACCEPTED,
    typicalReviewWorkdays: estimate(7),
    notes: sourced(['a new service or new access cannot be combined with a change: finish the change first'], 'HW-PROV', HW),
  },
  '140000': {
    subjectLeader: sourced(
      'legal_rep',
      'HW-PROV',
      HW,
      'a foreign or Hong Kong/Macau/Taiwan legal representative authorises a mainland ID holder with a letter',
    ),
    crossProvincePersons: sourced('no', 'HW-PROV', HW),
    servicesPerOrder: sourced([{ natures: 'any', max: 3 }], 'TC-PROV2017', TC17, 'at most three new domains per order'),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(5),
    notes: sourced(['individual businesses with a trade name file as enterprises (2017)'], 'TC-PROV2017', TC17),
  },
  '150000': {
    subjectLeader: sourced('legal_rep', 'HW-PROV', HW),
    crossProvincePersons: sourced('no', 'HW-PROV', HW, 'local ID only; temporary IDs are refused'),
    minAge: sourced({ subjectLeader: 18, serviceLeader: 18 }, 'HW-PROV', HW),
    domainCertificate: sourced({ when: 'always' }, 'TC-PROV2017', TC17, 'new domains needed certificates'),
    establishmentProof: sourced(true, 'SEED-003 §8; HW-PROV', SEED),
    extraDocuments: sourced(
      [
        {
          id: 'public_institution_site_application',
          name: { zh: '事业单位网站开办审核申请表', en: 'public-institution website application form' },
          appliesTo: 'public_body',
        },
      ],
      'HW-PROV',
      HW,
    ),
    typicalReviewWorkdays: estimate(5),
  },
  '210000': {
    legalRepRequiredWhenNameContains: sourced(['投资管理', '理财', '典当', '担保', '贷款'], 'TC-PROV2017', TC17),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(5),
    notes: sourced(['sites already filed must be reachable and show their number'], 'HW-PROV', HW),
  },
  '220000': {
    crossProvincePersons: sourced('residence_or_study_work', 'TC-PROV2017', TC17),
    minAge: sourced({ subjectLeader: 18, serviceLeader: 18 }, 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    typicalReviewWorkdays: estimate(5),
    notes: sourced(
      ['the office phone is called', 'the investor field holds the unit name', 'foreign-registered domains are refused'],
      'TC-PROV2017',
      TC17,
    ),
  },
  '230000': {
    subjectLeader: sourced('legal_rep', 'TC-PROV2017', TC17, 'a foreign legal representative is explained in the remarks'),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    sharedLeaderAcrossSubjects: sourced('forbidden', 'TC-PROV2017', TC17),
    crossProvincePersons: sourced('no', 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    establishmentProof: sourced(true, 'SEED-003 §8', SEED),
    typicalReviewWorkdays: estimate(5),
    notes: sourced(['only licences with the unified social credit code are accepted'], 'TC-PROV2017', TC17),
  },
  '310000': {
    subjectLeader: sourced('legal_rep', 'HW-PROV', HW, 'a foreign legal representative files with a passport'),
    serviceLeader: sourced('legal_rep_or_authorised', 'HW-PROV; SEED-003 §2', HW),
    domainMinValidityDays: sourced(180, 'SEED-002 §1.2.1', SEED, 'the registrar console asks for more than 180 days'),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    crossProvincePersons: sourced(
      'residence_permit',
      'HW-PROV',
      HW,
      'residence or temporary residence permit of more than one month; student cards are refused',
    ),
    siteConstructionPlan: sourced([{ natures: 'any', measure: 'services', atLeast: 30 }], 'HW-PROV', HW),
    templates: sourced({ service_leader_authorization: 'service-leader-authorization/shanghai' }, 'SEED-003 §2', SEED),
    nameChangeProofForms: SCREENSHOT_ACCEPTED,
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(10),
    notes: sourced(
      ['one service-leader letter may list every domain led by the same person', 'shell subjects are cancelled in the 管局’s own system'],
      'SEED-003 §2; TC-CANCEL',
      SEED,
    ),
  },
  '320000': {
    subjectLeader: sourced('legal_rep_or_authorised', 'ALI-JS', NOW),
    authorisedSubjectLeaderLeadsServices: sourced(true, 'ALI-JS', NOW),
    serviceLeader: sourced('legal_rep_or_authorised', 'ALI-JS', NOW),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainHolder: sourced('subject_legal_rep_or_leaders', 'ALI-2018 (50262)', ALI18),
    domainCertificate: sourced({ when: 'always' }, 'ALI-2018 (50262); TC-PROV2017', ALI18),
    crossProvincePersons: sourced('residence_permit', 'TC-PROV2017', TC17),
    minAge: sourced({ subjectLeader: 16, serviceLeader: 16 }, 'TC-PROV2017', TC17),
    employmentProofUnderAge: sourced(18, 'TC-PROV2017', TC17, '16–18 year olds proved a job or income'),
    extraDocuments: sourced(
      [
        {
          id: 'authenticity_commitment',
          name: { zh: '真实性责任告知书与真实性承诺书', en: 'authenticity notice and authenticity commitment letters' },
          appliesTo: 'all',
          since: '2021-06-01',
        },
      ],
      'ALI-JS; HW-FLOW',
      NOW,
    ),
    siteNaming: sourced({ individualPattern: '的个人(博客|主页)$' }, 'ALI-2018 (50262)', ALI18, 'e.g. 张三的个人博客'),
    unrelatedRename: sourced('change_with_proof', 'ALI-2018 (50262)', ALI18, 'a related name, or an unrelated one with a certificate'),
    footer: sourced(
      { shows: 'service_number', copyrightLine: true },
      'SEED-002 §3 (footer)',
      SEED,
      'a copyright line with the organisation’s own name is required; no newer source confirms or denies it',
    ),
    shellSubjectMayAddService: SHELL_ADDS,
    typicalReviewWorkdays: estimate(7),
  },
  '330000': {
    subjectLeader: sourced('legal_rep', 'HW-PROV', HW, 'a foreign legal representative files with a passport'),
    crossProvincePersons: sourced('residence_permit', 'HW-PROV', HW),
    reviewCeilingWorkdays: sourced(30, 'TC-REVIEW', NOW),
    typicalReviewWorkdays: estimate(15),
    nameChangeProofForms: sourced(['paper', 'electronic'], 'SEED-003 §7', SEED),
    shellSubjectMayAddService: SHELL_ADDS,
    notes: sourced(
      ['individual businesses with a seal file as enterprises named like 张三（个体工商户）'],
      'HW-PROV',
      HW,
    ),
  },
  '340000': {
    subjectLeader: sourced('legal_rep_or_authorised', 'HW-PROV', HW),
    authorisedSubjectLeaderLeadsServices: sourced(true, 'HW-PROV', HW),
    domainHolder: sourced('subject_or_legal_rep', 'TC-PROV2017', TC17),
    typicalReviewWorkdays: estimate(5),
    notes: sourced(
      ['a rename together with a new credit code is cancelled and filed again', 'individual businesses without a trade name use the legal representative’s name and a remark'],
      'HW-PROV',
      HW,
    ),
  },
  '350000': {
    subjectLeader: sourced('legal_rep', 'ALI-FJ', NOW),
    serviceLeader: sourced('legal_rep_or_authorised', 'ALI-FJ', NOW),
    noSwappedContacts: sourced(true, 'ALI-FJ', NOW),
    domainHolder: sourced('subject_or_legal_rep', 'ALI-FJ', NOW),
    crossProvincePersons: sourced('residence_permit', 'SEED-002 (materials); TC-PROV2017', SEED),
    minAge: sourced({ subjectLeader: 14, serviceLeader: 14 }, 'ALI-FJ', NOW),
    typicalReviewWorkdays: estimate(5),
  },
  '360000': {
    subjectLeader: sourced('legal_rep', 'HW-PROV', HW),
    crossProvincePersons: sourced('residence_permit', 'HW-PROV', HW),
    establishmentProof: sourced(true, 'HW-PROV; SEED-003 §8', HW),
    servicesPerOrder: sourced(
      [
        { natures: 'individual', max: 1, whenFiledMoreThan: 7 },
        { natures: 'organisation', max: 1, whenFiledMoreThan: 15 },
      ],
      'HW-PROV',
      HW,
    ),
    typicalReviewWorkdays: estimate(5),
  },
  '370000': {
    subjectLeader: sourced('legal_rep', 'HW-PROV', HW, 'a foreign legal representative authorises a mainland resident'),
    localMobile: sourced(true, 'TC-PROV2017', TC17),
    domainMinValidityDays: sourced(45, 'HW-PROV', HW, 'newer than the general three-month rule of seed 002'),
    domainHolder: sourced('subject_or_legal_rep', 'HW-PROV; ALI-2018 (50253)', HW),
    crossProvincePersons: sourced('residence_or_study_work', 'HW-PROV', HW),
    nameChangeProofForms: SCREENSHOT_ACCEPTED,
    unrelatedRename: sourced('change_with_proof', 'HW-PROV', HW, 'allowed when the legal representative stays the same'),
    typicalReviewWorkdays: estimate(7),
    notes: sourced(['shell subjects are cancelled by mailing the 管局’s form'], 'TC-CANCEL', NOW),
  },
} satisfies Record<string, ProvinceOverrides>;
