import ipaddr from 'ipaddr.js';
import type { SweepObservation } from '../../findings/record-sweep-observations.ts';

/**
 * The shell-site judgement (SPEC §12, 空壳网站), pure: what the resolver answered for a domain and its `www.`, A and
 * AAAA, against the provider's access networks. Any address outside them is a shell site; no address at all (the
 * name does not exist, or has no A/AAAA) is nothing to judge; a look-up that failed (time-out, SERVFAIL, refused)
 * makes the whole domain unchecked, so it neither opens nor closes a finding.
 */
export type AccessNetwork = {
  text: string;
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  /** An IPv4 network as two 32-bit numbers, so a dotted-quad answer is matched without parsing it into objects. */
  v4: { base: number; mask: number } | null;
};

export type LookupResult = { kind: 'answered'; addresses: string[] } | { kind: 'empty' } | { kind: 'failed'; error: string };

export type NameLookup = { name: string; type: 'A' | 'AAAA'; result: LookupResult };

export type ShellJudgement = { outcome: 'checked'; observations: SweepObservation[] } | { outcome: 'failed'; error: string };

/** Parses the CIDRs of OPENBEIAN_ACCESS_CIDRS (validated at boot). */
export function parseAccessNetworks(cidrs: readonly string[]): AccessNetwork[] {
  return cidrs.map((text) => {
    const range = ipaddr.parseCIDR(text);
    if (range[0].kind() !== 'ipv4') return { text, range, v4: null };
    const mask = range[1] === 0 ? 0 : (0xffff_ffff << (32 - range[1])) >>> 0;
    const [a, b, c, d] = (range[0] as ipaddr.IPv4).octets as [number, number, number, number];
    return { text, range, v4: { base: ((((a << 24) | (b << 16) | (c << 8) | d) >>> 0) & mask) >>> 0, mask } };
  });
}

/**
 * A canonical dotted quad (`10.0.0.1`: four decimal parts 0–255, no leading zeros — what the resolver's answers
 * are written as) as a 32-bit number; `-1` for anything else, which ipaddr.js then reads (IPv6, and the odd IPv4
 * spellings it accepts: octal, hex, fewer parts). The sweep judges every answer: this keeps it off the regexes.
 */
export function dottedQuadNumber(address: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= address.length; i++) {
    const code = i < address.length ? address.charCodeAt(i) : 46;
    if (code === 46) {
      if (digits === 0 || part > 255 || parts === 4) return -1;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      if (digits === 1 && part === 0) return -1;
      part = part * 10 + (code - 48);
      if (++digits > 3) return -1;
    } else return -1;
  }
  return parts === 4 ? value : -1;
}

/** Whether an address lies in one of the networks; an IPv4-mapped IPv6 address counts as its IPv4 address. */
export function isInsideNetworks(address: string, networks: readonly AccessNetwork[]): boolean {
  const quad = dottedQuadNumber(address);
  if (quad >= 0) {
    for (const { v4 } of networks) if (v4 && (quad & v4.mask) >>> 0 === v4.base) return true;
    return false;
  }
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return networks.some(({ range }) => parsed.kind() === range[0].kind() && parsed.match(range));
}

/** The names a domain is looked up by: itself and its `www.`. */
export const namesOf = (domain: string): string[] => [domain, `www.${domain}`];

export function judgeShellSite(lookups: readonly NameLookup[], networks: readonly AccessNetwork[], resolver: string): ShellJudgement {
  const failures = lookups.filter((lookup): lookup is NameLookup & { result: { kind: 'failed'; error: string } } => lookup.result.kind === 'failed');
  if (failures.length > 0) return { outcome: 'failed', error: failures.map((f) => `${f.name} ${f.type}: ${f.result.error}`).join('; ') };
  // Each name once, in the order it was first answered; the first with an answer outside is the evidence.
  for (let i = 0; i < lookups.length; i++) {
    const { name, result } = lookups[i]!;
    if (result.kind !== 'answered' || lookups.slice(0, i).some((earlier) => earlier.name === name && earlier.result.kind === 'answered')) continue;
    const answers = lookups.flatMap((lookup) => (lookup.name === name && lookup.result.kind === 'answered' ? lookup.result.addresses : []));
    const outside = answers.filter((address) => !isInsideNetworks(address, networks));
    if (outside.length > 0) return { outcome: 'checked', observations: [{ code: 'SHELL_SITE', evidence: { name, answers, outside, resolver, accessCidrs: networks.map((n) => n.text) } }] };
  }
  return { outcome: 'checked', observations: [] };
}
