// The axes on which the 31 管局 differ (reference/anchors.md §5), as data. Every axis carries its source and
// the date it was last confirmed; the national default applies unless a province overrides the axis.
// Where two sources disagree the newer one is used and the `note` says what the older one claimed.

import type { Bilingual, MaterialKind } from '../draft.ts';

export type Sourced<T> = {
  value: T;
  /** Source keys from data/sources.ts, with a pointer inside the source where useful. */
  source: string;
  lastConfirmed: string;
  note?: string;
  /** No source states this value; it is our working assumption. Findings from it are warnings. */
  assumed?: boolean;
};

export function sourced<T>(value: T, source: string, lastConfirmed: string, note?: string): Sourced<T> {
  return note === undefined ? { value, source, lastConfirmed } : { value, source, lastConfirmed, note };
}

export function assumed<T>(value: T, source: string, note: string): Sourced<T> {
  return { value, source, lastConfirmed: '2026-11-22', note, assumed: true };
}

/** Who may be the subject leader (主体负责人) of an organisation. */
export type SubjectLeaderRule = 'legal_rep' | 'legal_rep_or_authorised';
/** Who may lead a service (网站/App负责人). 'not_subject_leader': must be a second person (old Tianjin rule). */
export type ServiceLeaderRule = 'any' | 'legal_rep_or_authorised' | 'legal_rep' | 'not_subject_leader';
export type CrossProvincePersons = 'no' | 'residence_permit' | 'residence_or_study_work';
/** Whose name the domain's real-name record may carry for an organisation. */
export type DomainHolderRule = 'subject' | 'subject_or_legal_rep' | 'subject_legal_rep_or_leaders';
export type NatureScope = 'organisation' | 'individual' | 'any';
export type DomainCertificateRule =
  | { when: 'never' }
  | { when: 'always' }
  /** Needed once the order (or the subject, counting filed services) has at least this many domains. */
  | { when: 'at_least'; domains: number; counting: 'order' | 'subject' };
export type ServicesPerOrderLimit = {
  natures: NatureScope;
  max: number;
  /** Applies only once the subject already has more than this many filed services. */
  whenFiledMoreThan?: number;
  firstFilingOnly?: boolean;
};
export type SitePlanThreshold = {
  natures: NatureScope;
  /** domain_prefixes: distinct registrable labels ("example" of example.com and example.cn counts once). */
  measure: 'domain_prefixes' | 'services';
  atLeast: number;
};
export type ExtraDocument = {
  id: string;
  name: Bilingual;
  appliesTo: 'all' | 'organisation' | 'individual' | 'enterprise' | 'public_body';
  since?: string;
};
export type NameChangeProofForm = 'paper' | 'electronic' | 'credit_system_screenshot' | 'stamped_credit_system_screenshot';
export type ChangeRoute = 'change' | 'change_with_proof' | 'cancel_and_refile';
export type SharedLeaderRule = 'allowed' | 'employment_proof' | 'forbidden';

export type ProvinceRules = {
  code: string;
  subjectLeader: Sourced<SubjectLeaderRule>;
  /** Organisations whose name contains one of these words must make the legal representative the leader. */
  legalRepRequiredWhenNameContains: Sourced<readonly string[]>;
  /** When an authorised (non-legal-rep) person leads the subject, that person must also lead every service. */
  authorisedSubjectLeaderLeadsServices: Sourced<boolean>;
  serviceLeader: Sourced<ServiceLeaderRule>;
  /** The same leader ID appearing in another subject's filings. */
  sharedLeaderAcrossSubjects: Sourced<SharedLeaderRule>;
  /** Mobiles must be registered in the province (a carrier lookup: reported as a reminder only). */
  localMobile: Sourced<boolean>;
  /** Subject and service leaders may not use each other's mobile as emergency phone. */
  noSwappedContacts: Sourced<boolean>;
  crossProvincePersons: Sourced<CrossProvincePersons>;
  foreignersMayFile: Sourced<boolean>;
  minAge: Sourced<{ subjectLeader: number; serviceLeader: number }>;
  /** Leaders younger than this need an employment (or income) proof; null = not required. */
  employmentProofUnderAge: Sourced<number | null>;
  /** The domain must remain registered for MORE than this many days after the judgement date. */
  domainMinValidityDays: Sourced<number>;
  domainHolder: Sourced<DomainHolderRule>;
  domainCertificate: Sourced<DomainCertificateRule>;
  /** Non-state bodies may not use 中国/国家 words in the domain label. */
  domainNoNationalWords: Sourced<boolean>;
  servicesPerOrder: Sourced<readonly ServicesPerOrderLimit[]>;
  siteConstructionPlan: Sourced<readonly SitePlanThreshold[]>;
  /** Government bodies and public institutions attach the establishment proof (编办证明). */
  establishmentProof: Sourced<boolean>;
  /** Organisations with commercial-sounding names or content attach a business-nature statement. */
  businessNatureStatement: Sourced<boolean>;
  handheldPhotos: Sourced<boolean>;
  nameChangeProofForms: Sourced<readonly NameChangeProofForm[]>;
  /** Freshness of letters and proofs at submission, by material kind (only kinds that age are listed). */
  materialMaxAgeDays: Sourced<Partial<Record<MaterialKind, number>>>;
  /** Province-specific template of a letter, by material kind. */
  templates: Sourced<Partial<Record<MaterialKind, string>>>;
  /** Documents outside the contract's material kinds (commitment letters …), reported as reminders. */
  extraDocuments: Sourced<readonly ExtraDocument[]>;
  siteNaming: Sourced<{ organisationSuffix?: string; individualPattern?: string }>;
  /** The certificate address and the mailing address must lie in the same city. */
  sameCityAddress: Sourced<boolean>;
  reviewCeilingWorkdays: Sourced<number>;
  /** What the regulator simulator uses as the usual decision time (1–20 workdays; Zhejiang up to 30). */
  typicalReviewWorkdays: Sourced<number>;
  individualToOrganisation: Sourced<ChangeRoute>;
  unrelatedRename: Sourced<ChangeRoute>;
  shellSubjectMayAddService: Sourced<boolean>;
  footer: Sourced<{ shows: 'subject_number' | 'service_number'; copyrightLine: boolean }>;
  /** Other local practice a reviewer should know; not checked automatically. */
  notes: Sourced<readonly string[]>;
};

export type ProvinceOverrides = Partial<Omit<ProvinceRules, 'code'>>;
