import type { AppContext } from '../../../core/context.ts';
import type { SweepChecker, SweepCheckerFactory } from '../checker.ts';
import { CachingResolver } from './resolver.ts';
import { judgeShellSite, namesOf, parseAccessNetworks, type NameLookup } from './rules.ts';

/**
 * Domains checked at once; each asks four questions (A and AAAA of the domain and its www.). 128 domains hand the
 * UDP client up to 512 questions, of which its window (256) is in flight and the rest wait their turn in its worker:
 * enough to keep the resolver busy while the main thread judges, and not so many that a local resolver starts
 * dropping (bench:dns).
 */
const CONCURRENCY = 128;

/**
 * The shell-site sweep (`dns`): every connected domain and its `www.`, A and AAAA, through OPENBEIAN_DNS_RESOLVER;
 * an answer outside OPENBEIAN_ACCESS_CIDRS is SHELL_SITE. Not configured (null) without access networks: with
 * none, every site would look like a shell site.
 */
export const dnsChecker: SweepCheckerFactory = (ctx: AppContext): SweepChecker | null => {
  const { accessCidrs, dnsResolver, dnsTimeoutMs, dnsTries } = ctx.config.compliance;
  if (accessCidrs.length === 0) return null;
  const networks = parseAccessNetworks(accessCidrs);
  const resolver = new CachingResolver({ server: dnsResolver, timeoutMs: dnsTimeoutMs, tries: dnsTries, clock: ctx.clock });
  return {
    kind: 'dns',
    concurrency: CONCURRENCY,
    async check(target) {
      const questions = namesOf(target.domain).flatMap((name) => (['A', 'AAAA'] as const).map((type) => ({ name, type })));
      const results = await Promise.all(questions.map(({ name, type }) => resolver.lookup(name, type)));
      const lookups: NameLookup[] = questions.map((question, i) => ({ ...question, result: results[i]! }));
      const judgement = judgeShellSite(lookups, networks, resolver.description);
      return { domain: target.domain, subjectNumber: target.subjectNumber, serviceNumber: target.serviceNumber, ...judgement };
    },
    async close() {
      await resolver.close();
    },
  };
};
