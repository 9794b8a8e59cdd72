// Public API of the rules module. Other contexts import only from here; everything exported is pure
// (no I/O, no clock): dates come in as arguments.

export * from './draft.ts';

export { precheck } from './precheck.ts';
export type { PrecheckOptions } from './precheck.ts';
export { FINDING_CODES, FINDING_TEXTS } from './finding-texts.ts';
export type { FindingCode } from './finding-texts.ts';

export { decideKind, detectKind, NOTHING_KNOWN, serviceKey } from './kind.ts';
export { describeField, fieldPhrase, FIELD_TEXTS } from './field-labels.ts';
export { SMS_CHECK } from './sms-check.ts';
export type { KindDecision, KnownFilings, KnownService } from './kind.ts';

export {
  BUSINESS_CLOSE_MINUTE,
  BUSINESS_OPEN_MINUTE,
  CALENDAR_YEARS,
  CalendarRangeError,
  PLATFORM_CALENDAR,
  createCalendar,
  isCovered,
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  addDays,
  addMonths,
  addWorkdays,
  calendarGapWarning,
  daysBetween,
  isIsoDate,
  isWorkday,
  nextBusinessMoment,
  uncoveredYears,
  shanghaiDate,
  workdaysBetween,
} from './calendar.ts';

export {
  ageOn,
  creditCodeCheckChar,
  gb11643CheckChar,
  isAssignedCreditCategory,
  isEmail,
  isLandline,
  isMobile,
  normaliseMobile,
  organisationCodeCheckChar,
  tidyNumber,
  validateCreditCode,
  validateForeignPermanentResidence,
  validateHkMacauPermit,
  validateHmtResidencePermit,
  validateIdNumber,
  validatePassport,
  validateResidentId,
  validateTaiwanPermit,
} from './identity.ts';
export type { CreditCodeCheck, CreditCodeProblem, IdCheck, IdProblem } from './identity.ts';
export { countyCodeCounts, countyCodeStatus } from './divisions.ts';
export { RESERVED_DOMAIN_SUFFIXES } from './check-domains.ts';
export type { ReservedSuffix } from './check-domains.ts';
export type { CountyCodeStatus } from './divisions.ts';
export { DIVISION_CODES_AS_OF, DIVISION_CODES_SOURCE } from './data/division-codes.ts';
export { CREDIT_CODE_AUTHORITIES, CREDIT_CODE_CATEGORIES_SOURCE } from './data/credit-code-categories.ts';

export { analyseDomain, analyseTypedDomain, approvedSuffixOf, isApprovedSuffix, normaliseDomain, registrableDomain, toUnicodeDomain } from './domains.ts';
export type { DomainAnalysis, DomainProblem } from './domains.ts';
export { isPublicIp, isServiceCode, SERVICE_CODE_PATTERN } from './check-services.ts';
export { namesRelated, serviceNameProblems, tradeNameCore } from './names.ts';
export { draftServiceCodes, serviceCodeFindings } from './check-service-codes.ts';
export type { IssuedServiceCode, ServiceCodeCheck } from './check-service-codes.ts';
export { RESOURCE_PROBLEM_CODES, isResourceExpired, resourceEligibility } from './resource-eligibility.ts';
export { BUTLER_SERVICES, BUTLER_SERVICE_NAMES, FIRST_RESPONSE_BUSINESS_MINUTES, MATERIALS_WORKDAYS, isButlerService } from './butler.ts';
export type { ButlerService } from './butler.ts';
export {
  ISP_CHECKLIST,
  ISP_CHECKLIST_KEYS,
  ISP_MIN_REGISTERED_CAPITAL_CNY,
  ISP_SCOPES,
  ISP_SCOPE_NAMES,
  isIspChecklistKey,
  ispEligibility,
} from './isp-licence.ts';
export type { IspChecklistItem, IspChecklistKey, IspEligibility, IspEligibilityReason, IspScope } from './isp-licence.ts';
export type { Billing, ResourceEligibility, ResourceFacts, ResourceProblem, ResourceProblemCode } from './resource-eligibility.ts';
export type { NameProblem } from './names.ts';

export { MATERIAL_FILE_RULES, MATERIAL_NAMES, materialFileFindings, normaliseFormat } from './materials.ts';

export { REJECTION_REASON_CODES, REJECTION_REASONS, isRejectionReasonCode, rejectionReason } from './reasons.ts';
export type { RejectionReason, RejectionReasonCode } from './reasons.ts';

export {
  MIIT_QUERY_URL,
  SERVICE_NUMBER_SUFFIX,
  escapeHtml,
  footerHtml,
  footerRule,
  formatPoliceNumber,
  formatServiceNumber,
  formatSubjectNumber,
  parseFilingNumber,
  POLICE_BADGE_DATA_URI,
  policeFooterHtml,
  policeQueryUrl,
} from './numbering.ts';
export type { FooterInput, ParsedFilingNumber } from './numbering.ts';

// Reference data
export { PROVINCE_CODES, PROVINCE_LIST, PROVINCES, administrationNameEn, isProvinceCode, provinceByShort } from './data/provinces.ts';
export type { ProvinceCode, ProvinceInfo } from './data/provinces.ts';
export {
  NATIONAL_DEFAULTS,
  PROVINCE_RULES,
  RULE_AXES,
  provinceReviewCeiling,
  provinceReviewDays,
  provinceReviewWorkdays,
} from './data/province-rules.ts';
export type { ProvinceRules, Sourced } from './data/province-rules-types.ts';
export { SOURCES, isLegacyDate } from './data/sources.ts';
export { APPROVED_SUFFIXES, KNOWN_NOT_APPROVED } from './data/tlds.ts';
export type { ApprovedSuffix } from './data/tlds.ts';
export { REGISTRARS, findRegistrar } from './data/registrars.ts';
export type { Registrar } from './data/registrars.ts';
export { HOLIDAY_ROWS, HOLIDAY_SOURCES } from './data/holidays.ts';
export { RESOURCE_KINDS, RESOURCE_KIND_RULES, isResourceKind } from './data/resource-kinds.ts';
export type { ResourceKind, ResourceKindRule } from './data/resource-kinds.ts';
export { readDraft } from './shape.ts';
export { diffSinceDecision } from './draft-diff.ts';
export type { DecisionDiff, DecisionReason, FieldChange, MaterialChange, MaterialUpload, PersonalKind, ReasonAnswer } from './draft-diff.ts';

// After approval: police filing and the commercial licence (SPEC §9–§10)
export { POLICE_FILING_DAYS, POLICE_FILING_SOURCE, POLICE_FOOTER_DAYS, POLICE_REMINDER_DAYS, checkPoliceNumber, policeFilingDueOn, policeFooterDueAt, policeSiteLevel } from './police-filing.ts';
export type { PoliceNumberCheck, SiteLevel } from './police-filing.ts';
export { WANGAN_CODES, wanganCodeOf } from './data/wangan-codes.ts';
export type { WanganCode } from './data/wangan-codes.ts';
export { COMMERCIAL_HOSTING, IP_LISTS, checkCommercialLicence, commercialIpRule } from './commercial-licence.ts';
export type { CommercialCheck, CommercialCheckInput, CommercialFinding, CommercialFix, CommercialHosting, IpList } from './commercial-licence.ts';
export { COMMERCIAL_IP_RULES } from './data/commercial-ip-rules.ts';
export { DOCUMENT_FOR_MATERIAL, DOCUMENT_KINDS, DOCUMENT_NAMES } from './documents.ts';
export { documentVariant } from './document-variant.ts';
export type { DocumentKind, DocumentVariant } from './documents.ts';
export type { CommercialIpRule } from './data/commercial-ip-rules.ts';

export {
  ACTION_NAMES,
  ESCALATION_ACTIONS,
  ESCALATION_RULES,
  INCIDENT_KINDS,
  INCIDENT_KIND_NAMES,
  SUSPENSION_MS,
  decideEscalation,
  isIncidentKind,
} from './violation-escalation.ts';
export type { EscalationAction, EscalationDecision, EscalationRule, IncidentKind, PastIncident } from './violation-escalation.ts';
