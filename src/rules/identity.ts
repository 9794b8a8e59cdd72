// Identity numbers and contact numbers (reference/data.md §3). Validators return a result object rather than
// throwing, so the pre-check can say precisely what is wrong; none of them consults a clock.

import { dayNumberOf } from './calendar.ts';
import type { IdType, SubjectNature } from './draft.ts';
import { countyCodeStatus } from './divisions.ts';
import { CREDIT_CODE_AUTHORITIES } from './data/credit-code-categories.ts';
import { provinceByShort } from './data/provinces.ts';

/**
 * `region`: the first six digits are no county-level GB/T 2260 code that ever existed; `birth_date`: no such day,
 * or a day after the judgement date; `hmt_permit`: a resident ID beginning 81/82/83, which is the layout of the
 * residence permit for Hong Kong, Macau and Taiwan residents (a document type of its own).
 */
export type IdProblem = 'format' | 'region' | 'birth_date' | 'checksum' | 'hmt_permit';
export type IdCheck =
  | {
      ok: true;
      normalised: string;
      /** ISO birth date where the number encodes one. */
      birthDate?: string;
      /** Filing-province code (six digits) of the issuing region, for mainland resident IDs. */
      provinceCode?: string;
      /** '81' Hong Kong, '82' Macau, '83' Taiwan — for residence permits of those residents. */
      hmtRegion?: '81' | '82' | '83';
      /** The region code existed but has been abolished since (the number stays valid for life). */
      regionAbolished?: true;
    }
  | {
      ok: false;
      problem: IdProblem;
      /** True where the rule itself is uncertain (new foreign permanent-residence cards): warn, do not refuse. */
      soft?: boolean;
    };

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643). */
export function gb11643CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (GB11643_WEIGHTS[i] ?? 0);
  return GB11643_CHECK[sum % 11] ?? '';
}

/** Spaces and hyphens (any width or dash form) are how people group long numbers; neither is part of one. */
export function tidyNumber(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-\u2010-\u2015\u2212]+/g, '').toUpperCase();
}
const compact = tidyNumber;

/** The ISO birth date, or undefined when there is no such day or it lies after `onDate` (ISO, when given). */
function birthDateOf(yyyymmdd: string, onDate?: string): string | undefined {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const year = Number(yyyymmdd.slice(0, 4));
  if (year < 1800 || Number.isNaN(dayNumberOf(iso))) return undefined;
  return onDate !== undefined && iso > onDate ? undefined : iso;
}

type RegionVerdict = 'ok' | 'abolished' | Extract<IdProblem, 'region' | 'hmt_permit'>;

/**
 * 18-character numbers sharing the resident-ID layout: region(6) birth(8) sequence(3) check(1).
 * `region` judges the region prefix for the document at hand.
 */
function checkGb11643(input: string, region: (code: string) => RegionVerdict, onDate?: string): IdCheck {
  const n = compact(input);
  if (!/^\d{17}[\dX]$/.test(n)) return { ok: false, problem: 'format' };
  const verdict = region(n.slice(0, 6));
  if (verdict === 'region' || verdict === 'hmt_permit') return { ok: false, problem: verdict };
  const birthDate = birthDateOf(n.slice(6, 14), onDate);
  if (!birthDate) return { ok: false, problem: 'birth_date' };
  if (gb11643CheckChar(n) !== n[17]) return { ok: false, problem: 'checksum' };
  const short = n.slice(0, 2);
  if (short === '81' || short === '82' || short === '83') return { ok: true, normalised: n, birthDate, hmtRegion: short };
  const ok = { ok: true as const, normalised: n, birthDate, provinceCode: provinceByShort(short)?.code };
  return verdict === 'abolished' ? { ...ok, regionAbolished: true } : ok;
}

const HMT_REGIONS = new Set(['810000', '820000', '830000']);

function residentRegion(code: string): RegionVerdict {
  if (/^8[123]/.test(code)) return 'hmt_permit';
  if (provinceByShort(code.slice(0, 2)) === undefined) return 'region';
  const status = countyCodeStatus(code);
  return status === 'current' ? 'ok' : status === 'abolished' ? 'abolished' : 'region';
}

/**
 * Mainland resident ID (GB 11643, 18 characters only — 15-digit first-generation cards are no longer filed): a
 * county-level GB/T 2260 code that existed, a real birth date (not after `onDate`, the judgement date), the check.
 */
export function validateResidentId(input: string, onDate?: string): IdCheck {
  return checkGb11643(input, residentRegion, onDate);
}

/** Residence permit of Hong Kong, Macau or Taiwan residents: region 810000 / 820000 / 830000 + GB 11643 check. */
export function validateHmtResidencePermit(input: string, onDate?: string): IdCheck {
  return checkGb11643(input, (region) => (HMT_REGIONS.has(region) ? 'ok' : 'region'), onDate);
}

/** Home Return Permit: H (Hong Kong) or M (Macau) + 8 digits; old booklets add a 2-digit renewal count. */
export function validateHkMacauPermit(input: string): IdCheck {
  const n = compact(input);
  return /^[HM]\d{8}(\d{2})?$/.test(n) ? { ok: true, normalised: n } : { ok: false, problem: 'format' };
}

/** Taiwan compatriot permit: 8 digits (card since 2015); older numbers add 2 digits or a bracketed letter. */
export function validateTaiwanPermit(input: string): IdCheck {
  const n = compact(input);
  return /^\d{8}(\d{2}|\([A-Z]\))?$/.test(n) ? { ok: true, normalised: n } : { ok: false, problem: 'format' };
}

const CHINESE_PASSPORT = /^(E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}|[SDP]E\d{7})$/;

/** Chinese passports have fixed shapes; foreign passports are issuer-defined, so only a loose shape is enforced. */
export function validatePassport(input: string): IdCheck & { chinese?: boolean } {
  const n = compact(input);
  if (CHINESE_PASSPORT.test(n)) return { ok: true, normalised: n, chinese: true };
  return /^[A-Z0-9]{5,20}$/.test(n) ? { ok: true, normalised: n, chinese: false } : { ok: false, problem: 'format' };
}

/**
 * Foreign permanent residence card: the 2023 card has 18 characters starting with 9 (birth date at 7–14,
 * GB 11643 check — layout not officially confirmed, so a failed check is soft); the 2017 card is 3 letters + 12 digits.
 */
export function validateForeignPermanentResidence(input: string, onDate?: string): IdCheck {
  const n = compact(input);
  if (/^[A-Z]{3}\d{12}$/.test(n)) return { ok: true, normalised: n };
  if (!/^9\d{16}[\dX]$/.test(n)) return { ok: false, problem: 'format' };
  if (gb11643CheckChar(n) !== n[17]) return { ok: false, problem: 'checksum', soft: true };
  return { ok: true, normalised: n, birthDate: birthDateOf(n.slice(6, 14), onDate) };
}

/** `onDate` (ISO) is the day the draft is judged at: a birth date after it is impossible. No clock is read here. */
export function validateIdNumber(idType: IdType, input: string, onDate?: string): IdCheck {
  switch (idType) {
    case 'resident_id':
      return validateResidentId(input, onDate);
    case 'hmt_residence_permit':
      return validateHmtResidencePermit(input, onDate);
    case 'hk_macau_permit':
      return validateHkMacauPermit(input);
    case 'taiwan_permit':
      return validateTaiwanPermit(input);
    case 'passport':
      return validatePassport(input);
    case 'foreign_permanent_residence':
      return validateForeignPermanentResidence(input, onDate);
  }
}

/** Full years of age on a date (ISO), counting a 29 February birthday as reached on 1 March. */
export function ageOn(birthDate: string, onDate: string): number {
  const by = Number(birthDate.slice(0, 4));
  const oy = Number(onDate.slice(0, 4));
  const hadBirthday = onDate.slice(5) >= birthDate.slice(5);
  return oy - by - (hadBirthday ? 0 : 1);
}

// ---- Unified social credit code (GB 32100) ----

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(first17[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c] ?? '';
}

/** Registration authority + category (positions 1–2) → the subject nature they usually mean. */
const NATURE_BY_PREFIX: Readonly<Record<string, SubjectNature>> = {
  '11': 'government',
  '12': 'public_institution',
  '13': 'social_organization',
  '31': 'law_firm',
  '51': 'social_organization',
  '52': 'private_non_enterprise',
  '53': 'foundation',
  '91': 'enterprise',
  '92': 'enterprise',
  '93': 'enterprise',
};

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an eight-character organisation code body (digits, A=10 … Z=35): 0-9 or X. */
export function organisationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = first8.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c - 55;
    sum += value * (GB11714_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** True when the registration authority (character 1) assigns this category (character 2) under GB 32100 表1. */
export function isAssignedCreditCategory(authority: string, category: string): boolean {
  return CREDIT_CODE_AUTHORITIES[authority]?.categories[category] !== undefined;
}

/**
 * `category`: characters 1–2 are no registration authority + category pair GB 32100 assigns;
 * `organisation_code`: characters 9–17 fail GB 11714's own check character.
 */
export type CreditCodeProblem = 'format' | 'checksum' | 'category' | 'organisation_code';

export type CreditCodeCheck =
  | {
      ok: true;
      normalised: string;
      /** Six-digit region of the registering authority. */
      regionCode: string;
      /** Filing province implied by the region; undefined for central-level codes (region 10xxxx). */
      provinceCode?: string;
      natureHint?: SubjectNature;
    }
  | { ok: false; problem: CreditCodeProblem };

/** GB 32100: shape, the check character over all 18, the authority/category pair, and GB 11714 on characters 9–17. */
export function validateCreditCode(input: string): CreditCodeCheck {
  const n = compact(input);
  if (!USCC_SHAPE.test(n)) return { ok: false, problem: 'format' };
  if (creditCodeCheckChar(n) !== n[17]) return { ok: false, problem: 'checksum' };
  if (!isAssignedCreditCategory(n[0] ?? '', n[1] ?? '')) return { ok: false, problem: 'category' };
  if (organisationCodeCheckChar(n.slice(8, 16)) !== n[16]) return { ok: false, problem: 'organisation_code' };
  const regionCode = n.slice(2, 8);
  return {
    ok: true,
    normalised: n,
    regionCode,
    provinceCode: provinceByShort(regionCode.slice(0, 2))?.code,
    natureHint: NATURE_BY_PREFIX[n.slice(0, 2)],
  };
}

// ---- Phones and e-mail ----

/** Mainland mobile, normalised to 11 digits (+86 / 86 and separators removed), or null. */
export function normaliseMobile(input: string): string | null {
  const n = input.normalize('NFKC').replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(n) ? n : null;
}

export function isMobile(input: string): boolean {
  return normaliseMobile(input) !== null;
}

/** Landline with area code (010-12345678, 0571 8888 8888, extension allowed) or a 400/800 service number. */
export function isLandline(input: string): boolean {
  const n = input.normalize('NFKC').replace(/\s+/g, '').replace(/^\+?86-?/, '0').replace(/^00/, '0');
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(n) || /^[48]00-?\d{3}-?\d{4}$/.test(n);
}

/** A number reviewers can call: mobile or landline, digits only (for comparing two numbers). */
export function phoneDigits(input: string): string | null {
  const mobile = normaliseMobile(input);
  if (mobile) return mobile;
  return isLandline(input) ? input.normalize('NFKC').replace(/\D/g, '').replace(/^86/, '0') : null;
}

export function isEmail(input: string): boolean {
  return /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(input) && input.length <= 254;
}
