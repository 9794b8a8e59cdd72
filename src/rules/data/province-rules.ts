// The national defaults and the assembled per-province rules. `Record<ProvinceCode, …>` makes a missing
// province a compile error; the tests loop over all 31.

import { NORTH_EAST } from './province-rules-north-east.ts';
import { SOUTH_WEST } from './province-rules-south-west.ts';
import { sourced } from './province-rules-types.ts';
import type { ProvinceOverrides, ProvinceRules } from './province-rules-types.ts';
import { PROVINCE_CODES } from './provinces.ts';
import type { ProvinceCode } from './provinces.ts';

const SEED = '2020-11-11';
const NOW = '2026-11-22';

/** Letters and proofs that age: ≤ 3 months at submission unless a province says otherwise (seed 003 §1). */
const DEFAULT_MAX_AGE = {
  subject_leader_authorization: 90,
  service_leader_authorization: 90,
  domain_certificate: 90,
  domain_registrant_proof: 90,
  name_change_proof: 90,
  establishment_proof: 90,
  site_construction_plan: 90,
  business_nature_statement: 90,
  employment_proof: 90,
} as const;

export const NATIONAL_DEFAULTS: Omit<ProvinceRules, 'code'> = {
  subjectLeader: sourced(
    'legal_rep_or_authorised',
    'SEED-003 §2',
    SEED,
    'most 管局 insist on the legal representative; those provinces override this default',
  ),
  legalRepRequiredWhenNameContains: sourced([], 'SEED-003 §2', SEED),
  authorisedSubjectLeaderLeadsServices: sourced(false, 'SEED-003 §2', SEED),
  serviceLeader: sourced('any', 'SEED-003 §2', SEED, 'a service leader other than the legal representative needs a letter only in some provinces'),
  sharedLeaderAcrossSubjects: sourced('allowed', 'SEED-003 §9', SEED),
  localMobile: sourced(false, 'reference/data.md §3.4', NOW),
  noSwappedContacts: sourced(false, 'ALI-FJ', NOW),
  crossProvincePersons: sourced(
    'residence_permit',
    'SEED-002 (materials); HW-PROV',
    SEED,
    'a person files in the ID’s province, or elsewhere with a local residence permit where the 管局 accepts it',
  ),
  foreignersMayFile: sourced(true, 'SEED-002 (materials)', SEED),
  minAge: sourced(
    { subjectLeader: 14, serviceLeader: 14 },
    'ALI-GZ; ALI-QH; ALI-FJ; ALI-HUNAN-ZH',
    NOW,
    'current province pages refuse leaders under 14; some provinces ask for 16 or 18',
  ),
  employmentProofUnderAge: sourced(null, 'SEED-003 §9', SEED, 'employment proof is otherwise asked only for shared leaders'),
  domainMinValidityDays: sourced(90, 'SEED-002 §1.2.1', SEED, 'more than three months; the registrar console counts 90 days'),
  domainHolder: sourced('subject', 'SEED-002 §1.2.1', SEED),
  domainCertificate: sourced({ when: 'never' }, 'SEED-003 §3', SEED, 'only some provinces ask for it'),
  domainNoNationalWords: sourced(false, 'reference/anchors.md §5', NOW),
  servicesPerOrder: sourced([], 'MIIT-2019-633; ALI-DOMAIN', NOW, 'one domain per website; no per-order cap nationally'),
  siteConstructionPlan: sourced([], 'SEED-002 (materials)', SEED),
  establishmentProof: sourced(false, 'SEED-003 §8', SEED),
  businessNatureStatement: sourced(false, 'SEED-003 §10', SEED),
  handheldPhotos: sourced(false, 'SEED-003 §4–5', SEED, 'seed 003 says "some provinces" without naming one; none is enabled'),
  nameChangeProofForms: sourced(['paper'], 'SEED-003 §7', SEED),
  materialMaxAgeDays: sourced(DEFAULT_MAX_AGE, 'SEED-003 §1', SEED),
  templates: sourced(
    {
      subject_leader_authorization: 'subject-leader-authorization/national',
      service_leader_authorization: 'service-leader-authorization/national',
      domain_registrant_proof: 'domain-registrant-proof/national',
      name_change_proof: 'name-change-proof/national',
      employment_proof: 'employment-proof/national',
      business_nature_statement: 'business-nature-statement/national',
      site_construction_plan: 'site-construction-plan/national',
    },
    'SEED-003 §2, §6, §7, §9, §10',
    SEED,
  ),
  extraDocuments: sourced([], 'HW-MAT', '2025-12'),
  siteNaming: sourced({}, 'XINNET-NAMES', NOW),
  sameCityAddress: sourced(false, 'HW-PROV', '2025-12'),
  reviewCeilingWorkdays: sourced(20, 'TC-REVIEW; MIIT-33', NOW),
  typicalReviewWorkdays: sourced(5, 'SIM-ESTIMATE', NOW),
  individualToOrganisation: sourced(
    'cancel_and_refile',
    'TC-INTL-CHANGE',
    '2020',
    'depends on the province; organisation → individual is never a change',
  ),
  unrelatedRename: sourced('cancel_and_refile', 'SEED-003 §7', SEED),
  shellSubjectMayAddService: sourced(false, 'HW-CANCEL', '2025-12', 'cancel the shell subject, then file again'),
  footer: sourced({ shows: 'service_number', copyrightLine: false }, 'HW-AFTER; SEED-002 §3 (footer)', '2025-12'),
  notes: sourced([], 'reference/anchors.md §5', NOW),
};

const OVERRIDES: Record<ProvinceCode, ProvinceOverrides> = { ...NORTH_EAST, ...SOUTH_WEST };

function build(code: ProvinceCode, o: ProvinceOverrides): ProvinceRules {
  const rules: ProvinceRules = { ...NATIONAL_DEFAULTS, ...o, code };
  // Freshness and templates are per material kind: a province names only its exceptions.
  if (o.materialMaxAgeDays) {
    rules.materialMaxAgeDays = { ...o.materialMaxAgeDays, value: { ...DEFAULT_MAX_AGE, ...o.materialMaxAgeDays.value } };
  }
  if (o.templates) {
    rules.templates = { ...o.templates, value: { ...NATIONAL_DEFAULTS.templates.value, ...o.templates.value } };
  }
  return rules;
}

export const PROVINCE_RULES: Readonly<Record<ProvinceCode, ProvinceRules>> = Object.fromEntries(
  PROVINCE_CODES.map((code) => [code, build(code, OVERRIDES[code])]),
) as Record<ProvinceCode, ProvinceRules>;

/** The axes of ProvinceRules, in the order the documentation shows them. */
export const RULE_AXES = Object.keys(NATIONAL_DEFAULTS) as (keyof Omit<ProvinceRules, 'code'>)[];

/** Usual regulator decision time in workdays (what the simulator and ETAs use); undefined for an unknown code. */
export function provinceReviewWorkdays(code: string): number | undefined {
  return Object.hasOwn(PROVINCE_RULES, code) ? PROVINCE_RULES[code as ProvinceCode].typicalReviewWorkdays.value : undefined;
}

/** Same as provinceReviewWorkdays (kept for callers that name it by days). */
export const provinceReviewDays = provinceReviewWorkdays;

/** The longest the 管局 may take by rule (20 workdays; Zhejiang 30). */
export function provinceReviewCeiling(code: string): number | undefined {
  return Object.hasOwn(PROVINCE_RULES, code) ? PROVINCE_RULES[code as ProvinceCode].reviewCeilingWorkdays.value : undefined;
}
