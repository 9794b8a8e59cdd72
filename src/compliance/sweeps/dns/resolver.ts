import { Resolver } from 'node:dns/promises';
import type { Clock } from '../../../core/clock.ts';
import type { LookupResult } from './rules.ts';

/** Answers that say the name has no address: a fact about the zone, not a failed look-up. */
const NO_ADDRESS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);
/** How long "no such name / no address" is remembered (node does not hand out the SOA's negative TTL). */
const NEGATIVE_TTL_S = 30;
const MAX_CACHED = 500_000;
/**
 * c-ares channels the questions are spread over. One channel slows down as its queries in flight grow (measured
 * here: 8 in flight ≈ 12 000 questions/s, 256 ≈ 6 000); a few channels with a few each keep every one quick.
 */
const CHANNELS = 4;

type Cached = { expiresAt: number; result: LookupResult };

export type CachingResolverOptions = { server: { host: string; port: number } | undefined; timeoutMs: number; tries: number; clock: Clock };

/**
 * node's `dns.promises.Resolver` (c-ares: its own UDP sockets, time-outs and retries, many queries in flight on one
 * channel) pointed at OPENBEIAN_DNS_RESOLVER, with a cache that keeps each answer for its TTL on the application
 * clock and shares a look-up already in flight. Failures are never cached: the next sweep asks again.
 */
export class CachingResolver {
  private readonly resolvers: Resolver[];
  private turn = 0;
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<LookupResult>>();
  readonly description: string;

  constructor(private readonly options: CachingResolverOptions) {
    this.resolvers = Array.from({ length: CHANNELS }, () => new Resolver({ timeout: options.timeoutMs, tries: options.tries }));
    if (options.server) {
      const { host, port } = options.server;
      const server = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
      for (const resolver of this.resolvers) resolver.setServers([server]);
      this.description = server;
    } else {
      this.description = `system (${this.resolvers[0]!.getServers().join(', ') || 'none'})`;
    }
  }

  lookup(name: string, type: 'A' | 'AAAA'): Promise<LookupResult> {
    const key = `${type} ${name}`;
    const now = this.options.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return Promise.resolve(cached.result);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const asked = this.ask(name, type).then((answer) => {
      this.inFlight.delete(key);
      if (answer.ttl > 0) this.remember(key, { expiresAt: this.options.clock.now().getTime() + answer.ttl * 1000, result: answer.result });
      return answer.result;
    });
    this.inFlight.set(key, asked);
    return asked;
  }

  private async ask(name: string, type: 'A' | 'AAAA'): Promise<{ result: LookupResult; ttl: number }> {
    const resolver = this.resolvers[(this.turn = (this.turn + 1) % CHANNELS)]!;
    try {
      const records = type === 'A' ? await resolver.resolve4(name, { ttl: true }) : await resolver.resolve6(name, { ttl: true });
      if (records.length === 0) return { result: { kind: 'empty' }, ttl: NEGATIVE_TTL_S };
      return { result: { kind: 'answered', addresses: records.map((r) => r.address) }, ttl: Math.min(...records.map((r) => r.ttl)) };
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERROR';
      if (NO_ADDRESS_CODES.has(code)) return { result: { kind: 'empty' }, ttl: NEGATIVE_TTL_S };
      return { result: { kind: 'failed', error: code }, ttl: 0 };
    }
  }

  private remember(key: string, entry: Cached): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.delete(key);
    this.cache.set(key, entry);
  }

  close(): void {
    for (const resolver of this.resolvers) resolver.cancel();
    this.cache.clear();
  }
}
