import { analyseDomain } from '../rules/index.ts';

/** Why a host cannot be served: nothing given, an IP literal, or not a host name at all. */
export type HostProblem = 'missing' | 'ip' | 'invalid';

export type HostVerdict =
  | { ok: true; host: string; /** registrable domain, ASCII: what a filing covers */ domain: string }
  | { ok: false; host: string; problem: HostProblem };

const MAX_HOST_LENGTH = 300;
const PORT_SUFFIX = /:\d{1,5}$/;

/**
 * The registrable domain a Host header belongs to, exactly as the filing context computes it when it writes
 * `filed_services.domain` (rules' analyseDomain: IDNA via domainToASCII, public suffixes plus 政务.cn and the like),
 * so "WWW.例子.中国:8443." and "例子.中国" meet on the same key. Never throws: anything odd is a verdict.
 */
export function registrableDomainOfHost(raw: string | undefined): HostVerdict {
  const host = (raw ?? '').trim().slice(0, MAX_HOST_LENGTH);
  if (host === '') return { ok: false, host, problem: 'missing' };
  if (raw!.trim().length > MAX_HOST_LENGTH) return { ok: false, host, problem: 'invalid' };
  // "[2001:db8::1]:443" and bare IPv6: an address, never a filed name.
  if (host.startsWith('[') || host.split(':').length > 2) return { ok: false, host, problem: 'ip' };
  const name = host.replace(PORT_SUFFIX, '').replace(/\.$/, '');
  const analysis = analyseDomain(name);
  if (analysis.ok) return { ok: true, host, domain: analysis.registrable };
  return { ok: false, host, problem: analysis.problem === 'ip' || /^[\d.]+$/.test(name) ? 'ip' : 'invalid' };
}
