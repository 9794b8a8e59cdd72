// What a filed site's home page must show (SPEC §7): pure, no I/O; the checker fetches and parses, these judge.
import { footerRule, isProvinceCode, parseFilingNumber } from '../../../rules/index.ts';
import type { FindingCode } from '../../codes.ts';

/** What the page of one target must show. */
export type FooterExpectation = {
  /** The number the province requires: Guangdong the subject number, the others the service number. */
  number: string;
  shows: 'subject_number' | 'service_number';
  /** The recorded 公安 number, when there is one. */
  policeNumber: string | null;
};

/** A home page as the checker read it: its visible text, its links, and the footer part to quote as evidence. */
export type FooterPage = {
  url: string;
  text: string;
  links: readonly string[];
  footerText: string;
};

export type FooterProblem = { code: Extract<FindingCode, 'FOOTER_NUMBER_MISSING' | 'FOOTER_NOT_LINKED' | 'FOOTER_POLICE_NUMBER_MISSING'>; expected: string };

export const MIIT_HOST = 'beian.miit.gov.cn';

/**
 * The footer a target must show. The province comes as a code (330000); anything else falls back to the province of
 * the subject number's prefix. Unknown both ways: a RangeError (the checker reports the target as not checked).
 */
export function expectedFooter(target: { province: string; subjectNumber: string; serviceNumber: string; policeNumber: string | null }): FooterExpectation {
  const province = isProvinceCode(target.province) ? target.province : parseFilingNumber(target.subjectNumber)?.provinceCode;
  if (!province) throw new RangeError(`unknown province ${JSON.stringify(target.province)} for ${target.subjectNumber}`);
  const { shows } = footerRule(province);
  return { number: shows === 'subject_number' ? target.subjectNumber : target.serviceNumber, shows, policeNumber: target.policeNumber };
}

/** Full-width letters and digits made plain (NFKC), dashes unified, every space removed: what a reader would match. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').replace(/[‐‑‒–—―−]/g, '-').replace(/[\s\u200b\u00a0]+/g, '');
}

/**
 * Whether `text` shows `wanted`: after normalising both, `wanted` appears and is not the start of a longer number
 * (浙ICP备2026000001号-1 is not shown by 浙ICP备2026000001号-12; a Guangdong subject number is shown by a service
 * number that starts with it). A trailing 号 on the page is allowed either way
 * (滇ICP备09010050号-5 and 滇ICP备09010050-5号 are both in use).
 */
export function showsNumber(text: string, wanted: string): boolean {
  const page = normaliseForMatch(text);
  const variants = new Set([normaliseForMatch(wanted)]);
  const swapped = /^(.*)号-(\d+[AXK]?)$/u.exec(normaliseForMatch(wanted));
  if (swapped) variants.add(`${swapped[1]}-${swapped[2]}号`);
  for (const variant of variants) {
    for (let at = page.indexOf(variant); at >= 0; at = page.indexOf(variant, at + 1)) {
      if (!/[0-9A-Za-z]/.test(page[at + variant.length] ?? '')) return true;
    }
  }
  return false;
}

/** The police number is shown when its 14-digit code is (浙公网安备 33010602000001号, with or without the prefix). */
export function showsPoliceNumber(text: string, policeNumber: string): boolean {
  const code = /\d{14}/.exec(normaliseForMatch(policeNumber))?.[0];
  if (!code) return normaliseForMatch(text).includes(normaliseForMatch(policeNumber));
  return new RegExp(`(^|\\D)${code}(\\D|$)`).test(normaliseForMatch(text));
}

/** A link to the MIIT query site: http or https, any path, relative to the page. */
export function isMiitLink(href: string, pageUrl: string): boolean {
  try {
    const url = new URL(href.trim(), pageUrl);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.replace(/\.$/, '').toLowerCase() === MIIT_HOST;
  } catch {
    return false;
  }
}

/** What is wrong with the page; empty when the footer is right. */
export function judgeFooter(page: FooterPage, expected: FooterExpectation): FooterProblem[] {
  const problems: FooterProblem[] = [];
  if (!showsNumber(page.text, expected.number)) problems.push({ code: 'FOOTER_NUMBER_MISSING', expected: expected.number });
  if (!page.links.some((href) => isMiitLink(href, page.url))) problems.push({ code: 'FOOTER_NOT_LINKED', expected: `<a href="https://${MIIT_HOST}/">${expected.number}</a>` });
  if (expected.policeNumber && !showsPoliceNumber(page.text, expected.policeNumber)) {
    problems.push({ code: 'FOOTER_POLICE_NUMBER_MISSING', expected: expected.policeNumber });
  }
  return problems;
}
