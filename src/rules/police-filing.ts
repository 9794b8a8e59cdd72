// Police filing (公安联网备案, SPEC §9): the 30-day window after launch, the site level the national platform asks
// for, and the shape of the police record number. Pure: dates come in as arguments.

import { addDays, isIsoDate } from './calendar.ts';
import { PROVINCE_LIST, isProvinceCode, PROVINCES } from './data/provinces.ts';
import type { Bilingual } from './draft.ts';

/** Days after launch within which the site files with the police (SEED-004 §1). */
export const POLICE_FILING_DAYS = 30;
/** Days after launch on which the owner is reminded (issue 9): ten and three days before the deadline. */
export const POLICE_REMINDER_DAYS = [20, 27] as const;
/** Days after the police number is approved (recorded here) within which the footer must show it (SEED-004 §1). */
export const POLICE_FOOTER_DAYS = 30;
export const POLICE_FILING_SOURCE = 'SEED-004 §1–§2';

/** The last day to file: the launch date plus 30 days. */
export function policeFilingDueOn(launchedOn: string): string {
  if (!isIsoDate(launchedOn)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(launchedOn)}`);
  return addDays(launchedOn, POLICE_FILING_DAYS);
}

/**
 * From when the compliance footer sweep asks a site to show its police number: 30 days after the owner recorded it.
 * Before that the site is still within its time to put the number up, and a missing one is no finding.
 */
export function policeFooterDueAt(recordedAt: Date): Date {
  return new Date(recordedAt.getTime() + POLICE_FOOTER_DAYS * 24 * 3600_000);
}

/** Content that makes a site level 2 on the national platform: forums, microblogs and blogs (SEED-004 §2). */
const LEVEL_TWO = /论坛|BBS|社区论坛|微博|博客|blog|forum/i;

export type SiteLevel = { level: 2 | 3; reason: Bilingual; source: string };

/** 二级 for forums, microblogs and blogs; 三级 for every other site. Judged on the declared content types and the name. */
export function policeSiteLevel(contentTypes: readonly string[], serviceName = ''): SiteLevel {
  const hit = [...contentTypes, serviceName].find((text) => LEVEL_TWO.test(text));
  if (hit !== undefined) {
    return {
      level: 2,
      reason: { zh: `“${hit}”属于论坛、微博或博客类，选二级`, en: `"${hit}" is a forum, microblog or blog: level 2` },
      source: 'SEED-004 §2 (选择网站级别)',
    };
  }
  return {
    level: 3,
    reason: { zh: '不是论坛、微博或博客，选三级', en: 'not a forum, microblog or blog: level 3' },
    source: 'SEED-004 §2 (选择网站级别)',
  };
}

export type PoliceNumberCheck = { ok: true; code: string; text: string } | { ok: false; problem: Bilingual };

/**
 * Reads a police record number as typed: the 14 digits alone, or with its wording (浙公网安备 33010602012345号).
 * The first two digits are the province of the police department that issued it, which is the site organiser's
 * locality — the same province the ICP filing is made in (both follow the subject's registered place), so they must
 * match the filing province. A typed wording must use that province's character.
 */
export function checkPoliceNumber(input: string, filingProvince: string): PoliceNumberCheck {
  if (!isProvinceCode(filingProvince)) throw new RangeError(`Unknown filing province ${JSON.stringify(filingProvince)}`);
  const province = PROVINCES[filingProvince];
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  const match = /^(?:(\p{Script=Han})公网安备)?(\d+)号?$/u.exec(text);
  if (!match) {
    return { ok: false, problem: { zh: '公安备案号应为14位数字，如 33010602012345', en: 'A police record number is 14 digits, e.g. 33010602012345' } };
  }
  const [, prefix, digits = ''] = match;
  if (digits.length !== 14) {
    return { ok: false, problem: { zh: `公安备案号应为14位数字，当前为${digits.length}位`, en: `A police record number is 14 digits; this one has ${digits.length}` } };
  }
  if (digits.slice(0, 2) !== province.short) {
    const other = PROVINCE_LIST.find((p) => p.short === digits.slice(0, 2));
    return {
      ok: false,
      problem: {
        zh: `公安备案号应以备案省份${province.name}的代码${province.short}开头${other ? `（${digits.slice(0, 2)}是${other.name}）` : ''}`,
        en: `A police record number starts with the filing province's code ${province.short} (${province.nameEn})${other ? `; ${digits.slice(0, 2)} is ${other.nameEn}` : ''}`,
      },
    };
  }
  if (prefix !== undefined && prefix !== province.policePrefix) {
    return {
      ok: false,
      problem: { zh: `${province.name}的公安备案号以“${province.policePrefix}公网安备”开头`, en: `${province.nameEn}'s police numbers read "${province.policePrefix}公网安备…"` },
    };
  }
  return { ok: true, code: digits, text: `${province.policePrefix}公网安备${digits}号` };
}
