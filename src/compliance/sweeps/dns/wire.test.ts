import packet, { type Answer } from 'dns-packet';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { encodeQuery, readAnswer, type QuestionType } from './wire.ts';

/** A response as a resolver would send it, built by dns-packet (an independent encoder). */
function response(
  query: Buffer,
  options: { rcode?: number; tc?: boolean; answers?: Answer[]; authorities?: Answer[]; id?: number; name?: string; type?: string; isQuery?: boolean } = {},
): Buffer {
  const asked = packet.decode(query);
  const question = asked.questions![0]!;
  return packet.encode({
    type: options.isQuery ? 'query' : 'response',
    id: options.id ?? asked.id,
    flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (options.tc ? packet.TRUNCATED_RESPONSE : 0) | (options.rcode ?? 0),
    questions: [{ ...question, name: options.name ?? question.name, type: (options.type ?? question.type) as QuestionType }],
    answers: options.answers ?? [],
    authorities: options.authorities ?? [],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }],
  });
}

const SOA: Answer = { type: 'SOA', name: 'a.cn', ttl: 600, data: { mname: 'ns.a.cn', rname: 'admin.a.cn', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 } };

function query(name: string, type: QuestionType = 'A', id = 0x1234): Buffer {
  const encoded = encodeQuery(id, name, type);
  if (!encoded) throw new Error(`not encodable: ${name}`);
  return encoded;
}

describe('encodeQuery', () => {
  it('builds a recursive query with one question and an EDNS0 record announcing 1232 bytes', () => {
    const decoded = packet.decode(query('www.a.cn', 'AAAA', 0xbeef));
    expect(decoded).toMatchObject({ type: 'query', id: 0xbeef, flag_rd: true, questions: [{ name: 'www.a.cn', type: 'AAAA', class: 'IN' }], answers: [], authorities: [] });
    expect(decoded.additionals).toMatchObject([{ type: 'OPT', name: '.', udpPayloadSize: 1232, flag_do: false }]);
  });

  it('takes a fully qualified name (final dot) as the same name', () => {
    expect(query('a.cn.')).toEqual(query('a.cn'));
  });

  it.each([
    ['an empty label', 'a..cn'],
    ['an empty name', ''],
    ['a label over 63 bytes', `${'x'.repeat(64)}.cn`],
    ['a name over 255 bytes', `${Array.from({ length: 5 }, () => 'x'.repeat(60)).join('.')}.cn`],
  ])('refuses %s', (_what, name) => {
    expect(encodeQuery(1, name, 'A')).toBeUndefined();
  });
});

describe('readAnswer', () => {
  it('returns the addresses of the type asked, after a CNAME, with the smallest TTL of the answer section', () => {
    const asked = query('www.a.cn');
    const answer = response(asked, {
      answers: [
        { type: 'CNAME', name: 'www.a.cn', ttl: 300, data: 'edge.a.cn' },
        { type: 'A', name: 'edge.a.cn', ttl: 120, data: '47.96.0.10' },
        { type: 'A', name: 'edge.a.cn', ttl: 200, data: '47.96.0.11' },
      ],
    });
    expect(readAnswer(answer, asked, 'A', 30)).toEqual({ kind: 'answered', addresses: ['47.96.0.10', '47.96.0.11'], ttl: 120 });
  });

  it('follows compressed owner names (pointers), as real servers send them', () => {
    const asked = query('a.cn');
    // Header, the question copied from the query, then one A record whose name is a pointer to the question (0xc00c).
    const question = asked.subarray(12, 12 + 6 + 4);
    const header = Buffer.from([0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]);
    const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 47, 96, 0, 10]);
    expect(readAnswer(Buffer.concat([header, question, record]), asked, 'A', 30)).toEqual({ kind: 'answered', addresses: ['47.96.0.10'], ttl: 60 });
  });

  it.each([
    ['2408:4000::5', '2408:4000::5'],
    ['::1', '::1'],
    ['::', '::'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['::ffff:1.2.3.4', '::ffff:102:304'],
  ])('writes the AAAA address %s as %s (RFC 5952), the same address to ipaddr.js', (given, written) => {
    const asked = query('a.cn', 'AAAA');
    const answer = readAnswer(response(asked, { answers: [{ type: 'AAAA', name: 'a.cn', ttl: 30, data: given }] }), asked, 'AAAA', 30);
    expect(answer).toEqual({ kind: 'answered', addresses: [written], ttl: 30 });
    expect(ipaddr.parse(written).toNormalizedString()).toBe(ipaddr.parse(given).toNormalizedString());
  });

  it('counts NXDOMAIN and NOERROR without the type asked as empty, for the SOA TTL capped by its minimum, else the default', () => {
    const gone = query('gone.cn');
    expect(readAnswer(response(gone, { rcode: 3, authorities: [SOA] }), gone, 'A', 30)).toEqual({ kind: 'empty', ttl: 60 });
    expect(readAnswer(response(gone, { rcode: 3, authorities: [{ ...SOA, ttl: 20 }] }), gone, 'A', 30)).toEqual({ kind: 'empty', ttl: 20 });
    // An A record answering an AAAA question is not an AAAA address; no SOA: the default negative TTL.
    const aaaa = query('a.cn', 'AAAA');
    expect(readAnswer(response(aaaa, { answers: [{ type: 'A', name: 'a.cn', ttl: 30, data: '47.96.0.10' }] }), aaaa, 'AAAA', 30)).toEqual({ kind: 'empty', ttl: 30 });
  });

  it.each([
    [1, 'EFORMERR'],
    [2, 'ESERVFAIL'],
    [4, 'ENOTIMP'],
    [5, 'EREFUSED'],
    [9, 'ERCODE9'],
  ])('counts RCODE %i as failed (%s)', (rcode, error) => {
    const asked = query('a.cn');
    expect(readAnswer(response(asked, { rcode }), asked, 'A', 30)).toEqual({ kind: 'failed', error });
  });

  it('counts a truncated answer as failed (ETRUNCATED), even one cut off in the middle of a record', () => {
    const asked = query('a.cn');
    const whole = response(asked, { tc: true, answers: [{ type: 'A', name: 'a.cn', ttl: 30, data: '47.96.0.10' }] });
    expect(readAnswer(whole, asked, 'A', 30)).toEqual({ kind: 'failed', error: 'ETRUNCATED' });
    expect(readAnswer(whole.subarray(0, whole.length - 20), asked, 'A', 30)).toEqual({ kind: 'failed', error: 'ETRUNCATED' });
  });

  it('takes the question back in another letter case (DNS names are case-insensitive)', () => {
    const asked = query('www.a.cn');
    const answer = response(asked, { name: 'WWW.A.Cn', answers: [{ type: 'A', name: 'WWW.A.Cn', ttl: 30, data: '47.96.0.10' }] });
    expect(readAnswer(answer, asked, 'A', 30)).toEqual({ kind: 'answered', addresses: ['47.96.0.10'], ttl: 30 });
  });

  it('is not the answer (undefined, the question keeps waiting) for another id, name or type, a query, or a broken packet', () => {
    const asked = query('a.cn');
    const right = { answers: [{ type: 'A', name: 'a.cn', ttl: 30, data: '47.96.0.10' }] as Answer[] };
    expect(readAnswer(response(asked, { ...right, id: 0x1235 }), asked, 'A', 30)).toBeUndefined();
    expect(readAnswer(response(asked, { ...right, name: 'b.cn' }), asked, 'A', 30)).toBeUndefined();
    expect(readAnswer(response(asked, { ...right, name: 'a.cn.evil.cn' }), asked, 'A', 30)).toBeUndefined();
    expect(readAnswer(response(asked, { ...right, type: 'AAAA' }), asked, 'A', 30)).toBeUndefined();
    expect(readAnswer(response(asked, { ...right, isQuery: true }), asked, 'A', 30)).toBeUndefined();
    expect(readAnswer(Buffer.from('not dns'), asked, 'A', 30)).toBeUndefined();
    const whole = response(asked, right);
    // The A record is the last before the 11-byte OPT record: cut inside its address; make its RDLENGTH 5.
    const rdlength = whole.length - 11 - 4 - 2;
    expect(readAnswer(whole.subarray(0, rdlength + 4), asked, 'A', 30)).toBeUndefined();
    const bent = Buffer.from(whole);
    bent.writeUInt16BE(5, rdlength);
    expect(readAnswer(bent, asked, 'A', 30)).toBeUndefined();
    // The right one is still taken.
    expect(readAnswer(whole, asked, 'A', 30)).toEqual({ kind: 'answered', addresses: ['47.96.0.10'], ttl: 30 });
  });
});
