import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { dnsResponse, startFakeDnsServer, type Reply } from '../../../../test/support/fake-dns-server.ts';
import { ThreadedDnsClient } from './threaded-client.ts';
import type { UdpDnsClientOptions } from './udp-client.ts';

const clients: ThreadedDnsClient[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const close of closers.splice(0)) await close();
});

async function setUp(reply: Reply, options: Partial<UdpDnsClientOptions> = {}) {
  const server = await startFakeDnsServer(reply);
  closers.push(server.close);
  const client = new ThreadedDnsClient({ server: { host: '127.0.0.1', port: server.port }, timeoutMs: 2000, tries: 2, ...options });
  clients.push(client);
  return { server, client };
}

/** n123.a.cn answers 47.96.0.123 (A) or 2408:4000::123 (AAAA): each answer says which question it belongs to. */
const numbered: Reply = (query) => {
  const { name, type } = query.questions![0]!;
  const n = Number(/^n(\d+)\./.exec(name)?.[1] ?? -1);
  if (n < 0) return dnsResponse(query, { rcode: 3 });
  const data = type === 'A' ? `47.96.${n >> 8}.${n & 255}` : `2408:4000::${n.toString(16)}`;
  return dnsResponse(query, { answers: [{ type: type as 'A' | 'AAAA', name, ttl: 60 + (n % 7), data }] });
};

describe('the UDP DNS client in a worker thread', () => {
  it('answers each of many questions (more than its window) with its own answer', async () => {
    const { server, client } = await setUp(numbered, { window: 64 });
    const asked = Array.from({ length: 600 }, (_, n) => ({ n, type: n % 2 === 0 ? ('A' as const) : ('AAAA' as const) }));
    const answers = await Promise.all(asked.map(({ n, type }) => client.query(`N${n}.a.cn`, type)));
    expect(answers).toEqual(
      asked.map(({ n, type }) => ({ kind: 'answered', addresses: [type === 'A' ? `47.96.${n >> 8}.${n & 255}` : `2408:4000::${n.toString(16)}`], ttl: 60 + (n % 7) })),
    );
    expect(server.queries).toHaveLength(600);
    expect(server.queries[0]!.questions![0]!.name).toBe('n0.a.cn');
    expect(await client.query('gone.cn', 'A')).toEqual({ kind: 'empty', ttl: 30 });
  });

  it('keeps each caller with its question when thousands wait at once (its table grows) and takes a name that is no DNS name', async () => {
    const { server, client } = await setUp(numbered, { window: 512 });
    const tokens: number[] = [];
    const addresses: string[] = [];
    await new Promise<void>((resolve) => {
      let left = 3000;
      for (let n = 0; n < 3000; n++) {
        client.ask(`n${n}.a.cn`, 'A', 10_000 + n, (token, answer) => {
          tokens[n] = token;
          addresses[n] = answer.kind === 'answered' ? answer.addresses.join() : answer.kind;
          if (--left === 0) resolve();
        });
      }
    });
    expect(tokens).toEqual(Array.from({ length: 3000 }, (_, n) => 10_000 + n));
    expect(addresses).toEqual(Array.from({ length: 3000 }, (_, n) => `47.96.${n >> 8}.${n & 255}`));
    expect(server.queries).toHaveLength(3000);
    expect(await client.query('a\nb.cn', 'A')).toEqual({ kind: 'failed', error: 'EBADNAME' });
    expect(server.queries).toHaveLength(3000);
  });

  it('ignores a forged answer (another question) and takes the right one, counting what it ignored', async () => {
    const { server, client } = await setUp(() => undefined);
    const answer = client.query('a.cn', 'A');
    await server.received(1);
    const query = server.queries[0]!;
    server.sendTo(0, dnsResponse(query, { name: 'evil.cn', answers: [{ type: 'A', name: 'evil.cn', ttl: 60, data: '203.0.113.66' }] }));
    server.sendTo(0, dnsResponse(query, { answers: [{ type: 'A', name: 'a.cn', ttl: 60, data: '47.96.0.10' }] }));
    expect(await answer).toEqual({ kind: 'answered', addresses: ['47.96.0.10'], ttl: 60 });
    expect(client.ignored).toBe(1);
  });

  it('asks OPENBEIAN_DNS_TRIES times, then fails the question with ETIMEOUT', async () => {
    const { server, client } = await setUp(() => undefined, { timeoutMs: 100, tries: 2 });
    expect(await client.query('a.cn', 'A')).toEqual({ kind: 'failed', error: 'ETIMEOUT' });
    expect(server.queries).toHaveLength(2);
    expect(client.resent).toBe(1);
  });

  it('cancels the questions in flight on close (ECANCELLED), and every later one', async () => {
    const { server, client } = await setUp(() => undefined);
    const answer = client.query('a.cn', 'A');
    await server.received(1);
    await client.close();
    expect(await answer).toEqual({ kind: 'failed', error: 'ECANCELLED' });
    expect(await client.query('b.cn', 'A')).toEqual({ kind: 'failed', error: 'ECANCELLED' });
  });

  it('fails what a dead worker held (EWORKER: nothing judged from it) and starts a new one for the next question', async () => {
    const { server, client } = await setUp((query) => (server.queries.length === 1 ? undefined : numbered(query, Buffer.alloc(0))));
    const lost = client.query('n1.a.cn', 'A');
    await server.received(1);
    await (client as unknown as { worker: Worker }).worker.terminate();
    expect(await lost).toEqual({ kind: 'failed', error: 'EWORKER' });
    expect(await client.query('n2.a.cn', 'A')).toEqual({ kind: 'answered', addresses: ['47.96.0.2'], ttl: 62 });
  });
});
