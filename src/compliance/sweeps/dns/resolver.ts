import type { Clock } from '../../../core/clock.ts';
import type { LookupResult } from './rules.ts';
import { ThreadedDnsClient } from './threaded-client.ts';
import { describeServer, type DnsServer } from './udp-client.ts';
import type { DnsAnswer } from './wire.ts';

// Bounded small: a sweep asks each name once, so a large cache only adds old-generation garbage to collect (a
// cache of 400 000 answers cost the sweep a third of its rate, BENCHMARKS.md bench:dns); what it is for is the
// names asked again within their TTL (a domain and its www. behind one CNAME, a sweep re-run the same hour).
const MAX_CACHED = 16_384;

/** Called with a look-up's result and the token it was asked with (no promise per question). */
export type LookupCallback = (token: number, result: LookupResult) => void;

type Waiter = { token: number; done: LookupCallback };

/**
 * A name's entry: while its question is in flight, who waits for it; afterwards the result until `expiresAt`. One
 * map per question type, keyed by the name as asked, holds both, so a look-up costs one map read and, when it has
 * to ask, one write (the sweep asks about 400 000 questions; the map work was the largest part of its thread).
 */
type Entry = { expiresAt: number; result: LookupResult | undefined; first: Waiter | undefined; more: Waiter[] | undefined };

export type CachingResolverOptions = { server: DnsServer | undefined; timeoutMs: number; tries: number; clock: Clock; window?: number };

/**
 * Our UDP stub client (udp-client.ts: many questions in flight, time-outs and retries, TTLs from the answers), run in
 * a worker thread (threaded-client.ts) and pointed at OPENBEIAN_DNS_RESOLVER, with a cache that keeps each answer for
 * its TTL on the application clock and shares a look-up already in flight. Failures are never cached: the next sweep
 * asks again. (It replaced node's c-ares `dns.promises.Resolver`, which kept the sweep at a quarter of dnsperf's
 * rate: BENCHMARKS.md, bench:dns.)
 */
export class CachingResolver {
  private readonly client: ThreadedDnsClient;
  private readonly entries = { A: new Map<string, Entry>(), AAAA: new Map<string, Entry>() };
  readonly description: string;

  constructor(private readonly options: CachingResolverOptions) {
    this.client = new ThreadedDnsClient({ server: options.server, timeoutMs: options.timeoutMs, tries: options.tries, window: options.window });
    const server = this.client.server;
    this.description = options.server ? describeServer(options.server) : `system (${server ? describeServer(server) : 'none'})`;
  }

  /** Looks a name up; `done` is called once with the result — at once from the cache, else when the answer comes. */
  ask(name: string, type: 'A' | 'AAAA', token: number, done: LookupCallback): void {
    const entries = this.entries[type];
    const now = this.options.clock.now().getTime();
    const known = entries.get(name);
    if (known?.first) {
      (known.more ??= []).push({ token, done });
      return;
    }
    if (known && known.expiresAt > now) return done(token, known.result!);
    const entry: Entry = { expiresAt: 0, result: undefined, first: { token, done }, more: undefined };
    // Full: start again empty. Dropping the oldest one at a time (a Map iterates in insertion order) costs more than
    // it keeps: V8 leaves each deleted entry as a hole that `keys().next()` walks over, so every eviction got slower.
    if (entries.size >= MAX_CACHED) entries.clear();
    entries.set(name, entry);
    this.client.ask(name, type, 0, (_token, answer) => {
      const { result, ttl } = toResult(answer);
      const { first, more } = entry;
      entry.first = undefined;
      entry.more = undefined;
      // Counted from the question, not the answer: a few milliseconds sooner, and one clock read per look-up.
      if (ttl > 0) {
        entry.expiresAt = now + ttl * 1000;
        entry.result = result;
      } else if (entries.get(name) === entry) entries.delete(name);
      first!.done(first!.token, result);
      if (more) for (const waiter of more) waiter.done(waiter.token, result);
    });
  }

  async close(): Promise<void> {
    this.entries.A.clear();
    this.entries.AAAA.clear();
    await this.client.close();
  }
}

function toResult(answer: DnsAnswer): { result: LookupResult; ttl: number } {
  if (answer.kind === 'failed') return { result: answer, ttl: 0 };
  if (answer.kind === 'empty') return { result: { kind: 'empty' }, ttl: answer.ttl };
  return { result: { kind: 'answered', addresses: answer.addresses }, ttl: answer.ttl };
}
