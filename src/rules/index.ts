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
  addDays,
  addMonths,
  addWorkdays,
  daysBetween,
  isIsoDate,
  isWorkday,
  nextBusinessMoment,
  shanghaiDate,
  workdaysBetween,
} from './calendar.ts';

export {
  ageOn,
  creditCodeCheckChar,
  gb11643CheckChar,
  isEmail,
  isLandline,
  isMobile,
  normaliseMobile,
  validateCreditCode,
  validateForeignPermanentResidence,
  validateHkMacauPermit,
  validateHmtResidencePermit,
  validateIdNumber,
  validatePassport,
  validateResidentId,
  validateTaiwanPermit,
} from './identity.ts';
export type { CreditCodeCheck, IdCheck, IdProblem } from './identity.ts';

export { analyseDomain, analyseTypedDomain, approvedSuffixOf, isApprovedSuffix, normaliseDomain, registrableDomain, toUnicodeDomain } from './domains.ts';
export type { DomainAnalysis, DomainProblem } from './domains.ts';
export { isPublicIp, isServiceCode, SERVICE_CODE_PATTERN } from './check-services.ts';
export { namesRelated, serviceNameProblems, tradeNameCore } from './names.ts';
export { draftServiceCodes, serviceCodeFindings } from './check-service-codes.ts';
export type { IssuedServiceCode, ServiceCodeCheck } from './check-service-codes.ts';
export { RESOURCE_PROBLEM_CODES, isResourceExpired, resourceEligibility } from './resource-eligibility.ts';
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
