// The filing draft and pre-check result: DESIGN §4, §5.1–§5.3 (contract — names are fixed, additions only).
// Every list of literals is declared once as a const array so that parsers, forms and exhaustive switches
// share it instead of re-typing the union.

export const FILING_KINDS = [
  'first_filing',
  'new_service_subject_here',
  'new_service_subject_elsewhere',
  'connect',
  'change_subject',
  'change_service',
  'change_access',
  'cancel_subject',
  'cancel_service',
  'cancel_access',
] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const SUBJECT_NATURES = [
  'enterprise',
  'individual',
  'government',
  'public_institution',
  'social_organization',
  'private_non_enterprise',
  'foundation',
  'law_firm',
  'other',
] as const;
export type SubjectNature = (typeof SUBJECT_NATURES)[number];

export const ID_TYPES = [
  'resident_id',
  'hk_macau_permit',
  'taiwan_permit',
  'hmt_residence_permit',
  'passport',
  'foreign_permanent_residence',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ORGANISATION_CERTIFICATE_TYPES = [
  'business_license',
  'public_institution_license',
  'social_organization_certificate',
  'law_firm_license',
  'government_code',
  'other_org',
] as const;
export const CERTIFICATE_TYPES = [...ORGANISATION_CERTIFICATE_TYPES, ...ID_TYPES] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export const MATERIAL_KINDS = [
  'subject_certificate',
  'subject_leader_id',
  'service_leader_id',
  'subject_leader_authorization',
  'service_leader_authorization',
  'domain_certificate',
  'handheld_id_photo',
  'handheld_org_certificate_photo',
  'domain_registrant_proof',
  'establishment_proof',
  'name_change_proof',
  'site_construction_plan',
  'residence_permit',
  'business_nature_statement',
  'employment_proof',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const SERVICE_KINDS = ['website', 'app', 'mini_program', 'quick_app'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const APP_PLATFORMS = ['android', 'ios', 'harmonyos'] as const;
export type AppPlatform = (typeof APP_PLATFORMS)[number];

export const ACCOUNT_KINDS = ['mainland', 'international', 'chengxintong'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export type Person = {
  name: string;
  idType: IdType;
  idNumber: string;
  idValidUntil?: string;
  mobile: string;
  email?: string;
  emergencyPhone?: string;
};

export type Domain = {
  name: string;
  registrar?: string;
  holder?: string;
  realNameVerifiedOn?: string;
  expiresOn?: string;
};

export type Service = {
  kind: ServiceKind;
  name: string;
  domains: Domain[];
  homepage?: string;
  leader: Person | 'subject_leader';
  preApprovals?: string[];
  contentTypes?: string[];
  languages?: string[];
  access: { serviceCode?: string; ips: string[] };
  app?: { platforms: AppPlatform[]; packageName: string; signatureMd5?: string; publicKey?: string };
  remarks?: string;
  /**
   * The service number this service is filed under (e.g. "浙ICP备2026000001号-1"), set on the services of a
   * change order opened from a filed record. It is the service's identity — Apps have no domain, and a website's
   * name may change — so the approval updates that service instead of filing a new one. Absent on new services.
   */
  filedNumber?: string;
};

export type MaterialFile = {
  format: string;
  bytes: number;
  width?: number;
  height?: number;
  colour?: 'colour' | 'grayscale';
};

export type Material = {
  kind: MaterialKind;
  appliesTo?: string;
  issuedOn?: string;
  file?: MaterialFile;
};

export type FilingDraft = {
  province: string;
  subject: {
    nature: SubjectNature;
    name: string;
    previousNames?: string[];
    certificate: { type: CertificateType; number: string; validUntil?: string; address: string };
    mailingAddress: string;
    leader: Person;
    legalRepresentative?: string;
  };
  services: Service[];
  materials?: Material[];
  submittedOn?: string;
  account?: { kind: AccountKind };
};

/** What the pre-check has actually been able to read: the same shape with every field possibly missing. */
export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type DraftView = DeepPartial<FilingDraft>;

export type Bilingual = { zh: string; en: string };
export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  code: string;
  severity: Severity;
  /** Draft path of the field to fix, e.g. "services[0].domains[1].expiresOn"; "" for the draft as a whole. */
  path: string;
  message: Bilingual;
  source?: string;
};

export type MaterialRequirement = {
  kind: MaterialKind;
  appliesTo?: string;
  reason: Bilingual;
  maxAgeDays?: number;
  template?: string;
  provided: boolean;
};

export type PrecheckResult = {
  ok: boolean;
  kind: FilingKind | null;
  province: { code: string; name: string; icpPrefix: string };
  findings: Finding[];
  materials: MaterialRequirement[];
};

export const ORGANISATION_NATURES: readonly SubjectNature[] = SUBJECT_NATURES.filter((n) => n !== 'individual');

export function isOrganisation(nature: SubjectNature | undefined): boolean {
  return nature !== undefined && nature !== 'individual';
}
