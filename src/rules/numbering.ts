// Filing numbers (reference/data.md §4) and the footer each province expects (SPEC §7, anchors §7.1).
// Subject: 浙ICP备2026012345号 (prefix + year + 6-digit serial); services: -N (websites), -NA (Apps),
// -NX (mini-programs), -NK (quick apps: suffix reported by providers, not confirmed by a real number).

import { PROVINCE_RULES } from './data/province-rules.ts';
import { PROVINCE_LIST, PROVINCES, isProvinceCode } from './data/provinces.ts';
import type { ProvinceInfo } from './data/provinces.ts';
import type { ServiceKind } from './draft.ts';

export const MIIT_QUERY_URL = 'https://beian.miit.gov.cn/';
export const SERVICE_NUMBER_SUFFIX: Readonly<Record<ServiceKind, string>> = { website: '', app: 'A', mini_program: 'X', quick_app: 'K' };

function provinceOrThrow(code: string): ProvinceInfo {
  if (!isProvinceCode(code)) throw new RangeError(`Unknown filing province ${JSON.stringify(code)}`);
  return PROVINCES[code];
}

/** 浙ICP备2026012345号 from the province, the year of first filing and the serial within that year. */
export function formatSubjectNumber(province: string, year: number, sequence: number): string {
  const p = provinceOrThrow(province);
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`Serial out of range: ${sequence}`);
  return `${p.icpPrefix}ICP备${year}${String(sequence).padStart(6, '0')}号`;
}

/** The N-th service of a subject: 浙ICP备2026012345号-1, …-2A for an App, …-3X for a mini-program. */
export function formatServiceNumber(subjectNumber: string, n: number, kind: ServiceKind = 'website'): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Service index must be ≥ 1, got ${n}`);
  return `${subjectNumber}-${n}${SERVICE_NUMBER_SUFFIX[kind]}`;
}

export type ParsedFilingNumber = {
  /** Normalised text, e.g. "浙ICP备2026012345号-1". */
  normalised: string;
  subjectNumber: string;
  provinceCode: string | undefined;
  prefix: string;
  /** A prefix MIIT no longer issues (川 / 贵 / 甘): accepted, but worth a warning. */
  legacyPrefix: boolean;
  /** The number is a commercial licence (浙B2-20080101) or an old 京ICP证 number rather than an ICP filing. */
  licence: boolean;
  serial: string;
  /** Year of first filing, for 10-digit serials. */
  year?: number;
  serviceIndex?: number;
  serviceKind?: ServiceKind;
};

const PREFIX_TO_CODE: ReadonlyMap<string, { code: string; legacy: boolean }> = (() => {
  const m = new Map<string, { code: string; legacy: boolean }>();
  for (const p of PROVINCE_LIST) {
    for (const legacy of p.icpPrefixLegacy) m.set(legacy, { code: p.code, legacy: true });
    m.set(p.icpPrefix, { code: p.code, legacy: false });
  }
  return m;
})();
/** Licence numbers use the everyday abbreviation (粤B2, 川B2 …) — map those too. */
const LICENCE_PREFIX: ReadonlyMap<string, string> = new Map([
  ...PROVINCE_LIST.map((p) => [p.abbreviation, p.code] as const),
  ...PROVINCE_LIST.map((p) => [p.icpPrefix, p.code] as const),
]);
const KIND_BY_SUFFIX: Readonly<Record<string, ServiceKind>> = { '': 'website', A: 'app', X: 'mini_program', K: 'quick_app' };

function clean(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').replace(/[‐‑‒–—―]/g, '-');
}

/** Parses ICP filing numbers and commercial-licence numbers, tolerating common typing variants. */
export function parseFilingNumber(input: string): ParsedFilingNumber | null {
  const s = clean(input);
  // "滇ICP备09010050-5号" (号 after the service index) and a missing 号 are common; both are accepted.
  const icp = /^(\p{Script=Han})ICP备(\d{8}|\d{10})(号)?(?:-([1-9]\d*)([AXK])?)?(号)?$/u.exec(s);
  if (icp) {
    const [, prefix = '', serial = '', , index, suffix = '', trailing] = icp;
    const known = PREFIX_TO_CODE.get(prefix);
    if (!known || (trailing && !index)) return null;
    const subjectNumber = `${prefix}ICP备${serial}号`;
    const parsed: ParsedFilingNumber = {
      normalised: index ? `${subjectNumber}-${index}${suffix}` : subjectNumber,
      subjectNumber,
      provinceCode: known.code,
      prefix,
      legacyPrefix: known.legacy,
      licence: false,
      serial,
    };
    if (serial.length === 10) parsed.year = Number(serial.slice(0, 4));
    if (index) {
      parsed.serviceIndex = Number(index);
      parsed.serviceKind = KIND_BY_SUFFIX[suffix] ?? 'website';
    }
    return parsed;
  }
  const licence = /^(\p{Script=Han})?(B[12](?:\.B[12])?-\d{8})(?:-([1-9]\d*)([AXK])?)?$/u.exec(s) ?? /^(\p{Script=Han})(ICP证\d{6}号)(?:-([1-9]\d*)([AXK])?)?$/u.exec(s);
  if (licence) {
    const [, prefix = '', body = '', index, suffix = ''] = licence;
    const subjectNumber = `${prefix}${body}`;
    const parsed: ParsedFilingNumber = {
      normalised: index ? `${subjectNumber}-${index}${suffix}` : subjectNumber,
      subjectNumber,
      provinceCode: prefix ? LICENCE_PREFIX.get(prefix) : undefined,
      prefix,
      legacyPrefix: false,
      licence: true,
      serial: body.replace(/\D/g, ''),
    };
    if (index) {
      parsed.serviceIndex = Number(index);
      parsed.serviceKind = KIND_BY_SUFFIX[suffix] ?? 'website';
    }
    return parsed;
  }
  return null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export type FooterInput = {
  province: string;
  subjectNumber: string;
  /** The service's own number; required outside Guangdong, which shows the subject number instead. */
  serviceNumber?: string;
  /** Organisation name for provinces that want a copyright line (Jiangsu). */
  organisationName?: string;
  /** Year shown in the copyright line; left out when not given (rules never read the clock). */
  year?: number | string;
  /** The service's 14-digit police record number, once the owner has it: shown after the ICP number. */
  policeNumber?: string;
};

/** Which number a site in this province shows, and whether it adds a copyright line. */
export function footerRule(province: string): { shows: 'subject_number' | 'service_number'; copyrightLine: boolean; source: string } {
  const p = provinceOrThrow(province);
  const rule = PROVINCE_RULES[p.code as keyof typeof PROVINCE_RULES].footer;
  return { ...rule.value, source: `${rule.source} (last confirmed ${rule.lastConfirmed})` };
}

/** Footer HTML linking the right number to the MIIT query site, with the copyright line where required. */
export function footerHtml(input: FooterInput): string {
  const rule = footerRule(input.province);
  const number = rule.shows === 'subject_number' ? input.subjectNumber : input.serviceNumber;
  if (number === undefined) {
    throw new TypeError(`Province ${input.province} shows the service number in the footer; pass serviceNumber.`);
  }
  const icp = `<a href="${MIIT_QUERY_URL}" target="_blank" rel="noopener noreferrer">${escapeHtml(number)}</a>`;
  const link = input.policeNumber === undefined ? icp : `${icp} ${policeFooterHtml(input.policeNumber)}`;
  if (!rule.copyrightLine || !input.organisationName) return link;
  const year = input.year === undefined ? '' : `${escapeHtml(String(input.year))} `;
  return `<span>© ${year}${escapeHtml(input.organisationName)} 版权所有</span> ${link}`;
}

/**
 * The police badge shown before the police number: a small shield drawn for OpenBeian, inlined as a data: URI so the
 * snippet works wherever it is pasted, with no file to host and no image fetched from a government server whose
 * asset addresses have moved before (beian.gov.cn → beian.mps.gov.cn). An owner may swap in the icon downloaded from
 * the national platform with the record.
 */
export const POLICE_BADGE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 20 20">' +
  '<path d="M10 1 3 4v5c0 4.4 3 8.3 7 9.9 4-1.6 7-5.5 7-9.9V4z" fill="#1f57b8"/>' +
  '<path d="m10 5 1.4 2.8 3.1.5-2.3 2.2.6 3.1-2.8-1.5-2.8 1.5.6-3.1-2.3-2.2 3.1-.5z" fill="#ffd34d"/></svg>';
export const POLICE_BADGE_DATA_URI = `data:image/svg+xml,${encodeURIComponent(POLICE_BADGE_SVG)}`;

/** The police number linked to its public record page, with the badge: 浙公网安备33010602012345号. */
export function policeFooterHtml(code14: string): string {
  const text = formatPoliceNumber(code14);
  const img = `<img src="${POLICE_BADGE_DATA_URI}" alt="" width="16" height="16" style="vertical-align:middle;margin-right:4px">`;
  return `<a href="${escapeHtml(policeQueryUrl(code14))}" target="_blank" rel="noopener noreferrer">${img}${escapeHtml(text)}</a>`;
}

/** 浙公网安备33010602009975号 from a 14-digit police record code (the first two digits name the province). */
export function formatPoliceNumber(code14: string): string {
  if (!/^\d{14}$/.test(code14)) throw new RangeError(`A police filing code has 14 digits, got ${JSON.stringify(code14)}`);
  const p = PROVINCE_LIST.find((x) => x.short === code14.slice(0, 2));
  if (!p) throw new RangeError(`No province with region prefix ${code14.slice(0, 2)}`);
  return `${p.policePrefix}公网安备${code14}号`;
}

/** The public record page of a police filing. */
export function policeQueryUrl(code14: string): string {
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${encodeURIComponent(code14)}`;
}
