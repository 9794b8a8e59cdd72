import ipaddr from 'ipaddr.js';
import type { SweepObservation } from '../../findings/record-sweep-observations.ts';

/**
 * The shell-site judgement (SPEC §12, 空壳网站), pure: what the resolver answered for a domain and its `www.`, A and
 * AAAA, against the provider's access networks. Any address outside them is a shell site; no address at all (the
 * name does not exist, or has no A/AAAA) is nothing to judge; a look-up that failed (time-out, SERVFAIL, refused)
 * makes the whole domain unchecked, so it neither opens nor closes a finding.
 */
export type AccessNetwork = { text: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

export type LookupResult = { kind: 'answered'; addresses: string[] } | { kind: 'empty' } | { kind: 'failed'; error: string };

export type NameLookup = { name: string; type: 'A' | 'AAAA'; result: LookupResult };

export type ShellJudgement = { outcome: 'checked'; observations: SweepObservation[] } | { outcome: 'failed'; error: string };

/** Parses the CIDRs of OPENBEIAN_ACCESS_CIDRS (validated at boot). */
export function parseAccessNetworks(cidrs: readonly string[]): AccessNetwork[] {
  return cidrs.map((text) => ({ text, range: ipaddr.parseCIDR(text) }));
}

/** Whether an address lies in one of the networks; an IPv4-mapped IPv6 address counts as its IPv4 address. */
export function isInsideNetworks(address: string, networks: readonly AccessNetwork[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return networks.some(({ range }) => parsed.kind() === range[0].kind() && parsed.match(range));
}

/** The names a domain is looked up by: itself and its `www.`. */
export const namesOf = (domain: string): string[] => [domain, `www.${domain}`];

export function judgeShellSite(lookups: readonly NameLookup[], networks: readonly AccessNetwork[], resolver: string): ShellJudgement {
  const failures = lookups.filter((lookup): lookup is NameLookup & { result: { kind: 'failed'; error: string } } => lookup.result.kind === 'failed');
  if (failures.length > 0) return { outcome: 'failed', error: failures.map((f) => `${f.name} ${f.type}: ${f.result.error}`).join('; ') };
  const byName = new Map<string, string[]>();
  for (const lookup of lookups) {
    if (lookup.result.kind !== 'answered') continue;
    byName.set(lookup.name, [...(byName.get(lookup.name) ?? []), ...lookup.result.addresses]);
  }
  for (const [name, answers] of byName) {
    const outside = answers.filter((address) => !isInsideNetworks(address, networks));
    if (outside.length > 0) {
      return { outcome: 'checked', observations: [{ code: 'SHELL_SITE', evidence: { name, answers, outside, resolver, accessCidrs: networks.map((n) => n.text) } }] };
    }
  }
  return { outcome: 'checked', observations: [] };
}
