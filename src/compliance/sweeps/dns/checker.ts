import type { AppContext } from '../../../core/context.ts';
import type { SweepChecker, SweepCheckerFactory } from '../checker.ts';
import { CachingResolver } from './resolver.ts';
import { judgeShellSite, namesOf, parseAccessNetworks, type LookupResult, type NameLookup } from './rules.ts';

/**
 * Domains checked at once; each asks four questions (A and AAAA of the domain and its www.). 512 domains hand the
 * UDP client up to 2 048 questions, of which its window (512) is in flight and the rest wait their turn in its
 * worker: the worker's queue must not run dry while the main thread is busy with a batch's rows or its commit (at
 * 128 domains it was empty half the time, bench:dns), and a local resolver does not drop 512 at once.
 */
const CONCURRENCY = 512;
const WINDOW = 512;

/**
 * Services per batch: about a second of answers. At a batch boundary the look-ups thin out while the next batch is
 * read and the last one committed; 2 000-service batches cost the sweep a tenth of its rate (bench:dns).
 */
const BATCH_SIZE = 10_000;

/** The questions about a domain, in the order the judgement reads them: A and AAAA of the name, then of its www. */
const QUESTIONS: ReadonlyArray<readonly [isWww: boolean, type: 'A' | 'AAAA']> = [
  [false, 'A'],
  [false, 'AAAA'],
  [true, 'A'],
  [true, 'AAAA'],
];

/**
 * The shell-site sweep (`dns`): every connected domain and its `www.`, A and AAAA, through OPENBEIAN_DNS_RESOLVER;
 * an answer outside OPENBEIAN_ACCESS_CIDRS is SHELL_SITE. Not configured (null) without access networks: with
 * none, every site would look like a shell site.
 */
export const dnsChecker: SweepCheckerFactory = (ctx: AppContext): SweepChecker | null => {
  const { accessCidrs, dnsResolver, dnsTimeoutMs, dnsTries } = ctx.config.compliance;
  if (accessCidrs.length === 0) return null;
  const networks = parseAccessNetworks(accessCidrs);
  const resolver = new CachingResolver({ server: dnsResolver, timeoutMs: dnsTimeoutMs, tries: dnsTries, clock: ctx.clock, window: WINDOW });
  return {
    kind: 'dns',
    concurrency: CONCURRENCY,
    batchSize: BATCH_SIZE,
    check(target) {
      const [bare, www] = namesOf(target.domain) as [string, string];
      const results: LookupResult[] = [];
      return new Promise((resolve) => {
        // One promise per domain: the four answers arrive as callbacks, the judgement follows the last.
        let left = QUESTIONS.length;
        const answered = (at: number, result: LookupResult): void => {
          results[at] = result;
          if (--left > 0) return;
          const lookups: NameLookup[] = QUESTIONS.map(([isWww, type], i) => ({ name: isWww ? www : bare, type, result: results[i]! }));
          const judgement = judgeShellSite(lookups, networks, resolver.description);
          resolve({ domain: target.domain, subjectNumber: target.subjectNumber, serviceNumber: target.serviceNumber, ...judgement });
        };
        QUESTIONS.forEach(([isWww, type], at) => resolver.ask(isWww ? www : bare, type, at, answered));
      });
    },
    async close() {
      await resolver.close();
    },
  };
};
