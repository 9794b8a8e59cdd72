// Domain names: normalisation (IDNA via node:url, no network), the registrable domain (public-suffix list via
// tldts, extended with approved suffixes the list lacks, e.g. 政务.cn) and the MIIT-approved suffix check.
// Everything is compared in ASCII (punycode) form so that U-labels and A-labels behave alike.

import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { APPROVED_SUFFIX_INDEX } from './data/tlds.ts';
import type { ApprovedSuffix } from './data/tlds.ts';

export type DomainProblem = 'empty' | 'url' | 'ip' | 'invalid' | 'suffix_only';

export type DomainAnalysis =
  | {
      ok: true;
      /** The host as given, in ASCII, lower case, without a trailing dot. */
      ascii: string;
      unicode: string;
      /** The registrable domain that gets filed (ASCII), e.g. example.com.cn for www.example.com.cn. */
      registrable: string;
      registrableUnicode: string;
      /** The label in front of the suffix ("example"); Guangdong counts these as "domain prefixes". */
      label: string;
      /** Public suffix used to find the registrable domain (ASCII). */
      suffix: string;
      isSubdomain: boolean;
      /** The approved suffix entry, undefined when the suffix is not MIIT-approved. */
      approval: ApprovedSuffix | undefined;
    }
  | { ok: false; problem: DomainProblem };

const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const PLAIN_ASCII = /^[a-z0-9.-]+$/;

/** ASCII form of a host name, lower case, without a trailing dot; null when it is not a valid host name. */
export function normaliseDomain(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /[\s/\\:?#@]/.test(trimmed)) return null;
  // domainToASCII applies UTS #46 mapping: full-width letters and the ideographic full stop (。) become ASCII.
  // Plain lower-case ASCII needs no mapping, and skipping the call is the common, hot case.
  const ascii = (PLAIN_ASCII.test(trimmed) ? trimmed : domainToASCII(trimmed)).replace(/\.$/, '');
  if (ascii === '' || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LDH_LABEL.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return null;
  return ascii;
}

/** Unicode form for display (xn--fiqs8s → 中国); returns the input when it cannot be decoded. */
export function toUnicodeDomain(ascii: string): string {
  if (!ascii.includes('xn--')) return ascii;
  return domainToUnicode(ascii) || ascii;
}

/** Longest approved suffix of an ASCII host ("a.example.com.cn" → com.cn entry). */
export function approvedSuffixOf(asciiHost: string): ApprovedSuffix | undefined {
  const labels = asciiHost.split('.');
  for (let take = Math.min(3, labels.length - 1); take >= 1; take -= 1) {
    const hit = APPROVED_SUFFIX_INDEX.get(labels.slice(-take).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

// Analyses are pure functions of the input string, and one draft asks for the same domain several times
// (kind detection, checks, thresholds): a small bounded memo keeps that cheap.
const MEMO = new Map<string, DomainAnalysis>();
const MEMO_LIMIT = 2_000;

export function analyseDomain(input: string): DomainAnalysis {
  const hit = MEMO.get(input);
  if (hit) return hit;
  const result = analyse(input);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(input, result);
  return result;
}

/**
 * The domain a person typed or pasted into a search box: a bare host (`www.` and upper case are fine) or a whole
 * address from the browser bar, whose host is taken. `unreadable_url` when it looks like an address but is not one.
 */
export function analyseTypedDomain(input: string): DomainAnalysis | { ok: false; problem: 'unreadable_url' } {
  const value = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return analyseDomain(value);
  try {
    return analyseDomain(new URL(value).hostname);
  } catch {
    return { ok: false, problem: 'unreadable_url' };
  }
}

function analyse(input: string): DomainAnalysis {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /[/?#]/.test(trimmed)) return { ok: false, problem: 'url' };
  const ascii = normaliseDomain(trimmed);
  if (ascii === null) return { ok: false, problem: /^[\d.]+$|^\[?[0-9a-f:]+\]?$/i.test(trimmed) ? 'ip' : 'invalid' };
  const parsed = parse(ascii, { allowPrivateDomains: false });
  if (parsed.isIp) return { ok: false, problem: 'ip' };

  const labels = ascii.split('.');
  const approval = approvedSuffixOf(ascii);
  const pslSuffix = parsed.publicSuffix ?? labels[labels.length - 1] ?? '';
  // The filing unit is one label in front of the longer of the two suffixes: the PSL lacks 政务.cn and 公益.cn.
  const approvedLabels = approval ? approval.ascii.split('.').length : 0;
  const suffix = approval && approvedLabels > pslSuffix.split('.').length ? approval.ascii : pslSuffix;
  const suffixLabels = suffix.split('.').length;
  if (labels.length <= suffixLabels) return { ok: false, problem: 'suffix_only' };
  const label = labels[labels.length - suffixLabels - 1] ?? '';
  const registrable = `${label}.${suffix}`;
  return {
    ok: true,
    ascii,
    unicode: toUnicodeDomain(ascii),
    registrable,
    registrableUnicode: toUnicodeDomain(registrable),
    label,
    suffix,
    isSubdomain: ascii !== registrable,
    // The approval follows the registry: second levels a registry sells under its own TLD (com.cn, com.co)
    // inherit the TLD's approval, as the MIIT list is kept per registry suffix.
    approval,
  };
}

/** The registrable domain (ASCII) of a host, or null. */
export function registrableDomain(input: string): string | null {
  const a = analyseDomain(input);
  return a.ok ? a.registrable : null;
}

/** True when the domain's suffix is on MIIT's approved list (including entries with a caveat). */
export function isApprovedSuffix(input: string): boolean {
  const a = analyseDomain(input);
  return a.ok && a.approval !== undefined && a.approval.status === 'approved';
}
