import type { Clock } from '../../../core/clock.ts';
import type { LookupResult } from './rules.ts';
import { ThreadedDnsClient } from './threaded-client.ts';
import { describeServer, type DnsClient, type DnsServer } from './udp-client.ts';
import type { DnsAnswer } from './wire.ts';

// Bounded small: a sweep asks each name once, so a large cache only adds old-generation garbage to collect (a
// cache of 400 000 answers cost the sweep a third of its rate, BENCHMARKS.md bench:dns); what it is for is the
// names asked again within their TTL (a domain and its www. behind one CNAME, a sweep re-run the same hour).
const MAX_CACHED = 16_384;

type Cached = { expiresAt: number; result: LookupResult };

export type CachingResolverOptions = { server: DnsServer | undefined; timeoutMs: number; tries: number; clock: Clock; window?: number };

/**
 * Our UDP stub client (udp-client.ts: many questions in flight, time-outs and retries, TTLs from the answers), run in
 * a worker thread (threaded-client.ts) and pointed at OPENBEIAN_DNS_RESOLVER, with a cache that keeps each answer for
 * its TTL on the application clock and shares a look-up already in flight. Failures are never cached: the next sweep
 * asks again. (It replaced node's c-ares `dns.promises.Resolver`, which kept the sweep at a quarter of dnsperf's
 * rate: BENCHMARKS.md, bench:dns.)
 */
export class CachingResolver {
  private readonly client: DnsClient;
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<LookupResult>>();
  readonly description: string;

  constructor(private readonly options: CachingResolverOptions) {
    this.client = new ThreadedDnsClient({ server: options.server, timeoutMs: options.timeoutMs, tries: options.tries, window: options.window });
    const server = this.client.server;
    this.description = options.server ? describeServer(options.server) : `system (${server ? describeServer(server) : 'none'})`;
  }

  lookup(name: string, type: 'A' | 'AAAA'): Promise<LookupResult> {
    const key = `${type} ${name}`;
    const now = this.options.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return Promise.resolve(cached.result);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const asked = this.client.query(name, type).then((answer) => {
      this.inFlight.delete(key);
      const { result, ttl } = toResult(answer);
      if (ttl > 0) this.remember(key, { expiresAt: this.options.clock.now().getTime() + ttl * 1000, result });
      return result;
    });
    this.inFlight.set(key, asked);
    return asked;
  }

  private remember(key: string, entry: Cached): void {
    // Full: start again empty. Dropping the oldest one at a time (a Map iterates in insertion order) costs more than
    // it keeps: V8 leaves each deleted entry as a hole that `keys().next()` walks over, so every eviction got slower.
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, entry);
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.client.close();
  }
}

function toResult(answer: DnsAnswer): { result: LookupResult; ttl: number } {
  if (answer.kind === 'failed') return { result: answer, ttl: 0 };
  if (answer.kind === 'empty') return { result: { kind: 'empty' }, ttl: answer.ttl };
  return { result: { kind: 'answered', addresses: answer.addresses }, ttl: answer.ttl };
}
