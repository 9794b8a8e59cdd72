import type { Answer } from 'dns-packet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dnsResponse, startFakeDnsServer, type Reply } from '../../../../test/support/fake-dns-server.ts';
import { UdpDnsClient, type UdpDnsClientOptions } from './udp-client.ts';

const SOA: Answer = { type: 'SOA', name: 'a.cn', ttl: 600, data: { mname: 'ns.a.cn', rname: 'admin.a.cn', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 } };

const clients: UdpDnsClient[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const client of clients.splice(0)) await client.close();
  for (const close of closers.splice(0)) await close();
});

async function setUp(reply: Reply, options: Partial<UdpDnsClientOptions> = {}) {
  const server = await startFakeDnsServer(reply);
  closers.push(server.close);
  const client = new UdpDnsClient({ server: { host: '127.0.0.1', port: server.port }, timeoutMs: 1000, tries: 2, ...options });
  clients.push(client);
  return { server, client };
}

describe('the UDP DNS client', () => {
  it('asks one recursive question with EDNS0 and returns the addresses with the smallest TTL of the chain', async () => {
    const { server, client } = await setUp((query) =>
      dnsResponse(query, {
        answers: [
          { type: 'CNAME', name: query.questions![0]!.name, ttl: 300, data: 'edge.a.cn' },
          { type: 'A', name: 'edge.a.cn', ttl: 120, data: '47.96.0.10' },
          { type: 'A', name: 'edge.a.cn', ttl: 200, data: '47.96.0.11' },
        ],
      }),
    );
    expect(await client.query('WWW.A.cn', 'A')).toEqual({ kind: 'answered', addresses: ['47.96.0.10', '47.96.0.11'], ttl: 120 });
    const [query] = server.queries;
    expect(query).toMatchObject({ type: 'query', flag_rd: true, questions: [{ name: 'www.a.cn', type: 'A', class: 'IN' }] });
    expect(query!.additionals).toMatchObject([{ type: 'OPT', udpPayloadSize: 1232 }]);
  });

  it('reads AAAA answers', async () => {
    const { client } = await setUp((query) => dnsResponse(query, { answers: [{ type: 'AAAA', name: 'a.cn', ttl: 30, data: '2408:4000::5' }] }));
    expect(await client.query('a.cn', 'AAAA')).toEqual({ kind: 'answered', addresses: ['2408:4000::5'], ttl: 30 });
  });

  it('counts NXDOMAIN and NOERROR without the type asked as empty, kept for the SOA TTL capped by its minimum', async () => {
    const { client } = await setUp((query) =>
      query.questions![0]!.name === 'gone.cn'
        ? dnsResponse(query, { rcode: 3, authorities: [SOA] })
        : dnsResponse(query, { answers: [{ type: 'A', name: 'a.cn', ttl: 30, data: '47.96.0.10' }] }),
    );
    expect(await client.query('gone.cn', 'A')).toEqual({ kind: 'empty', ttl: 60 });
    // An A record answering an AAAA question is not an AAAA address; no SOA: the default negative TTL.
    expect(await client.query('a.cn', 'AAAA')).toEqual({ kind: 'empty', ttl: 30 });
  });

  it.each([
    [2, 'ESERVFAIL'],
    [5, 'EREFUSED'],
  ])('counts RCODE %i as failed (%s), without asking again', async (rcode, error) => {
    const { server, client } = await setUp((query) => dnsResponse(query, { rcode }));
    expect(await client.query('a.cn', 'A')).toEqual({ kind: 'failed', error });
    expect(server.queries).toHaveLength(1);
  });

  it('counts a truncated answer as failed (ETRUNCATED): no TCP fall-back', async () => {
    const { client } = await setUp((query) => dnsResponse(query, { tc: true }));
    expect(await client.query('a.cn', 'A')).toEqual({ kind: 'failed', error: 'ETRUNCATED' });
  });

  it('fails a name that cannot be a DNS name (EBADNAME) without sending it', async () => {
    const { server, client } = await setUp((query) => dnsResponse(query, { rcode: 3 }));
    expect(await client.query(`${'x'.repeat(64)}.cn`, 'A')).toEqual({ kind: 'failed', error: 'EBADNAME' });
    expect(await client.query('a.cn', 'A')).toEqual({ kind: 'empty', ttl: 30 });
    expect(server.queries.map((q) => q.questions![0]!.name)).toEqual(['a.cn']);
  });

  it('ignores an answer with a wrong id or for another question, and takes the right one after them', async () => {
    const { server, client } = await setUp(() => undefined);
    const answer = client.query('a.cn', 'A');
    await server.received(1);
    const query = server.queries[0]!;
    const right = { answers: [{ type: 'A', name: 'a.cn', ttl: 60, data: '47.96.0.10' }] as Answer[] };
    server.sendTo(0, dnsResponse(query, { ...right, id: (query.id! + 1) & 0xffff, answers: [{ type: 'A', name: 'a.cn', ttl: 60, data: '203.0.113.66' }] }));
    server.sendTo(0, dnsResponse(query, { ...right, name: 'evil.cn', answers: [{ type: 'A', name: 'evil.cn', ttl: 60, data: '203.0.113.66' }] }));
    server.sendTo(0, Buffer.from('not dns'));
    server.sendTo(0, dnsResponse(query, right));
    expect(await answer).toEqual({ kind: 'answered', addresses: ['47.96.0.10'], ttl: 60 });
    expect(client.ignored).toBe(3);
  });

  it('gives each question in flight its own id', async () => {
    const { server, client } = await setUp(() => undefined, { sockets: 1 });
    for (let i = 0; i < 50; i++) void client.query(`n${i}.a.cn`, 'A');
    await server.received(50);
    expect(new Set(server.queries.map((q) => q.id)).size).toBe(50);
  });

  it('asks again after the time-out and takes a late answer to the second try', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { server, client } = await setUp((query) => (server.queries.length === 1 ? undefined : dnsResponse(query, { answers: [{ type: 'A', name: 'a.cn', ttl: 60, data: '47.96.0.10' }] })));
    const answer = client.query('a.cn', 'A');
    await server.received(1);
    vi.advanceTimersByTime(999);
    expect(server.queries).toHaveLength(1);
    vi.advanceTimersByTime(10);
    expect(await answer).toEqual({ kind: 'answered', addresses: ['47.96.0.10'], ttl: 60 });
    expect(server.queries.map((q) => q.id)).toEqual([server.queries[0]!.id, server.queries[0]!.id]);
  });

  it('fails with ETIMEOUT when no try is answered, after asking OPENBEIAN_DNS_TRIES times', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { server, client } = await setUp(() => undefined, { tries: 3 });
    const answer = client.query('a.cn', 'A');
    for (let sent = 1; sent <= 3; sent++) {
      await server.received(sent);
      vi.advanceTimersByTime(1010);
    }
    expect(await answer).toEqual({ kind: 'failed', error: 'ETIMEOUT' });
    expect(server.queries).toHaveLength(3);
  });

  it('keeps at most `window` questions in flight and sends the next as one is answered', async () => {
    const { server, client } = await setUp(() => undefined, { window: 2 });
    const answers = ['a.cn', 'b.cn', 'c.cn'].map((name) => client.query(name, 'A'));
    await server.received(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.queries.map((q) => q.questions![0]!.name)).toEqual(['a.cn', 'b.cn']);
    server.sendTo(0, dnsResponse(server.queries[0]!, { rcode: 3 }));
    await server.received(3);
    expect(server.queries[2]!.questions![0]!.name).toBe('c.cn');
    await client.close();
    expect(await Promise.all(answers)).toEqual([
      { kind: 'empty', ttl: 30 },
      { kind: 'failed', error: 'ECANCELLED' },
      { kind: 'failed', error: 'ECANCELLED' },
    ]);
  });
});
