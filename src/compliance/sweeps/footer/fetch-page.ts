import { timeLimited } from '../../../core/time-limit.ts';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type * as Undici from 'undici';
import type { Agent } from 'undici';
import { lazyModule } from '../../../core/lazy-module.ts';

const undici = lazyModule<typeof Undici>('undici');

export type ConnectTo = Record<string, { host: string; port: number }>;

export type FetchLimits = {
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Bytes of body read; beyond, the read is aborted. */
  maxBytes: number;
  /** The whole fetch (all redirects and the body), in milliseconds. */
  timeLimitMs: number;
};

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxRedirects: 5, maxBytes: 2 * 1024 * 1024, timeLimitMs: 15_000 };

/** A page that answered (any status below 500), with the way it got there. */
export type FetchedPage = { kind: 'page'; url: string; status: number; contentType: string | null; body: Uint8Array; redirects: { url: string; status: number }[] };
/** The site did not answer on this scheme: refused, reset, no TLS, unknown host, or a 5xx. */
export type UnreachablePage = { kind: 'unreachable'; url: string; status: number | null; error: string; snippet: string };
/** The fetch could not say anything about the site: too big, never ending, too slow, a redirect loop, the sweep stopped. */
export type FailedPage = { kind: 'failed'; url: string; error: string };
export type FetchResult = FetchedPage | UnreachablePage | FailedPage;

class TooLarge extends Error {}

/**
 * Fetches home pages the way a visitor's browser would reach them, with limits a hostile or broken site cannot
 * stretch. Certificate errors do not stop the read: the check is about public content, and a bad certificate is not
 * a missing footer. `connectTo` (tests and demos only) sends a host, or host:port, to another address.
 */
export class PageFetcher {
  private readonly agent: Agent;

  constructor(
    private readonly limits: FetchLimits = DEFAULT_FETCH_LIMITS,
    connectTo: ConnectTo = {},
    connections = 16,
  ) {
    const { Agent, buildConnector } = undici();
    const connector = buildConnector({ rejectUnauthorized: false, timeout: limits.timeLimitMs, lookup: publicOnlyLookup });
    const hasMap = Object.keys(connectTo).length > 0;
    this.agent = new Agent({
      connections,
      keepAliveTimeout: 1_000,
      headersTimeout: limits.timeLimitMs,
      bodyTimeout: limits.timeLimitMs,
      connect: (options, callback) => {
        const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
        const host = options.hostname.toLowerCase().replace(/^\[|\]$/g, '');
        const target = hasMap ? (connectTo[`${host}:${port}`] ?? connectTo[host] ?? connectTo[`*:${port}`] ?? connectTo['*']) : undefined;
        if (target) return connector({ ...options, hostname: target.host, port: String(target.port), servername: options.servername ?? host }, callback);
        // An address written in a URL (a redirect to http://127.0.0.1/) skips the look-up: check it here.
        const family = isIP(host);
        if (family !== 0 && NOT_PUBLIC.check(host, family === 6 ? 'ipv6' : 'ipv4')) {
          return callback(Object.assign(new Error(`${host} is not a public address`), { code: 'ENOTPUBLIC' }), null);
        }
        return connector(options, callback);
      },
    });
  }

  async fetch(startUrl: string, signal: AbortSignal): Promise<FetchResult> {
    const { signal: limited, clear } = timeLimited(signal, this.limits.timeLimitMs);
    const redirects: { url: string; status: number }[] = [];
    let url = startUrl;
    try {
      for (let hop = 0; ; hop += 1) {
        const response = await undici().request(url, {
          dispatcher: this.agent,
          method: 'GET',
          signal: limited,
          headers: { 'user-agent': 'OpenBeian-compliance-sweep/1 (footer check)', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
        });
        const location = response.headers.location;
        if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
          await response.body.dump().catch(() => undefined);
          redirects.push({ url, status: response.statusCode });
          if (hop >= this.limits.maxRedirects) return { kind: 'failed', url, error: `more than ${this.limits.maxRedirects} redirects` };
          url = new URL(location, url).toString();
          continue;
        }
        const body = await readCapped(response.body, this.limits.maxBytes);
        const contentType = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : null;
        if (response.statusCode >= 500) {
          return { kind: 'unreachable', url, status: response.statusCode, error: `HTTP ${response.statusCode}`, snippet: Buffer.from(body.subarray(0, 300)).toString('utf8') };
        }
        return { kind: 'page', url, status: response.statusCode, contentType, body, redirects };
      }
    } catch (error) {
      if (error instanceof TooLarge) return { kind: 'failed', url, error: `the page is larger than ${this.limits.maxBytes} bytes; reading stopped there` };
      if (signal.aborted) return { kind: 'failed', url, error: 'the sweep was stopped' };
      if (limited.aborted) return { kind: 'failed', url, error: `no complete answer within ${this.limits.timeLimitMs / 1000} s` };
      return { kind: 'unreachable', url, status: null, error: describe(error), snippet: '' };
    } finally {
      clear();
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

/** Loopback, private, link-local (cloud metadata), CGNAT, multicast and reserved networks: never a public site. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 3]] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/**
 * The sweep fetches whatever a filed domain points at, and shows staff a snippet of it: a domain pointed at the
 * provider's own internal network (127.0.0.1, 10.x, the 169.254.169.254 metadata service) must not turn the sweep
 * into a way to read it. Such a domain is not reachable from the public internet either, so the site counts as
 * unreachable. (The test-only connect-to map connects to literal addresses, which skip this look-up.)
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const usable = addresses.filter((entry) => !NOT_PUBLIC.check(entry.address, entry.family === 6 ? 'ipv6' : 'ipv4'));
    if (usable.length === 0) {
      const refused = Object.assign(new Error(`${hostname} resolves to ${addresses.map((entry) => entry.address).join(', ')}, not a public address`), { code: 'ENOTPUBLIC' });
      return callback(refused, '', 0);
    }
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, usable);
    return callback(null, usable[0]!.address, usable[0]!.family);
  });
};

async function readCapped(body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new TooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** `ECONNREFUSED 127.0.0.1:443`, `ECONNRESET`, … — what an operator would look up. */
function describe(error: unknown): string {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const { code, message } = current as { code?: string; message?: string };
    if (code && !code.startsWith('UND_ERR_') ) return `${code}${message ? `: ${message}` : ''}`;
  }
  const { code, message } = error as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(': ') || String(error);
}
