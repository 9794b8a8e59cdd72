/**
 * The DNS wire format (RFC 1035) for the sweep's only two questions, A and AAAA, by hand and pure. dns-packet built
 * and parsed a full object tree per packet (every record, every name as a string); at tens of thousands of
 * questions a second that was most of the client's garbage (BENCHMARKS.md, bench:dns). Here a query is one small
 * buffer, and an answer is read in place: its question compared byte for byte with the one we sent, the records
 * walked for their type and TTL, and only the addresses asked for (and an SOA's negative TTL) turned into values.
 */
export type QuestionType = 'A' | 'AAAA';

/**
 * What the server said about one question. `answered`/`empty` are facts about the zone (NOERROR with or without
 * addresses, NXDOMAIN) with the TTL they may be kept for; `failed` is a look-up that told nothing (time-out after
 * every try, SERVFAIL, REFUSED, a truncated answer, a closed client), never cached.
 */
export type DnsAnswer = { kind: 'answered'; addresses: string[]; ttl: number } | { kind: 'empty'; ttl: number } | { kind: 'failed'; error: string };

const HEADER_SIZE = 12;
const TYPE_CODE: Record<QuestionType, number> = { A: 1, AAAA: 28 };
const ADDRESS_SIZE: Record<QuestionType, number> = { A: 4, AAAA: 16 };
const TYPE_SOA = 6;
const TYPE_OPT = 41;
const CLASS_IN = 1;
const FLAG_RESPONSE = 0x8000;
const FLAG_TRUNCATED = 0x0200;
const FLAG_RECURSION_DESIRED = 0x0100;
const RCODE_NOERROR = 0;
const RCODE_NXDOMAIN = 3;
const RCODE_ERRORS: Record<number, string> = { 1: 'EFORMERR', 2: 'ESERVFAIL', 4: 'ENOTIMP', 5: 'EREFUSED' };
/** EDNS0 buffer size we announce (the DNS flag day 2020 value): A/AAAA answers fit, so truncation stays rare. */
export const UDP_PAYLOAD_SIZE = 1232;
/** The OPT record (RFC 6891) every query carries: root name, type 41, class = our buffer size, no flags, no options. */
const OPT_RECORD = [0, 0, TYPE_OPT, UDP_PAYLOAD_SIZE >> 8, UDP_PAYLOAD_SIZE & 0xff, 0, 0, 0, 0, 0, 0];

/**
 * A recursive query with EDNS0 for `name` (lower case, without or with its final dot), or undefined when the name
 * cannot be a DNS name (an empty label, a label over 63 bytes, over 255 bytes in all): the caller fails the question
 * instead of sending a packet the server would misread.
 */
export function encodeQuery(id: number, name: string, type: QuestionType): Buffer | undefined {
  const labels = (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  let nameSize = 1;
  for (const label of labels) {
    const size = Buffer.byteLength(label);
    if (size === 0 || size > 63) return undefined;
    nameSize += 1 + size;
  }
  if (nameSize > 255) return undefined;
  const query = Buffer.allocUnsafe(HEADER_SIZE + nameSize + 4 + OPT_RECORD.length);
  query.writeUInt16BE(id, 0);
  query.writeUInt16BE(FLAG_RECURSION_DESIRED, 2);
  query.writeUInt32BE(0x0001_0000, 4); // one question, no answers
  query.writeUInt32BE(0x0000_0001, 8); // no authorities, one additional (OPT)
  let at = HEADER_SIZE;
  for (const label of labels) {
    const size = query.write(label, at + 1);
    query[at] = size;
    at += 1 + size;
  }
  query[at++] = 0;
  query.writeUInt16BE(TYPE_CODE[type], at);
  query.writeUInt16BE(CLASS_IN, at + 2);
  at += 4;
  for (const byte of OPT_RECORD) query[at++] = byte;
  return query;
}

/**
 * Reads the answer to `query` (as encodeQuery built it). Undefined when the packet is not that answer — not a
 * response, another id, another question (name compared without regard to ASCII case, type and class exactly),
 * or answer records that run past the packet's end: the caller ignores it and the question keeps waiting. Otherwise the
 * outcome: TC is a failure (ETRUNCATED; no TCP fall-back), NXDOMAIN and NOERROR without the type asked are empty
 * for the negative TTL (RFC 2308: the SOA's TTL capped by its MINIMUM, else `negativeTtlS`), other RCODEs are
 * failures, and the addresses of the type asked anywhere in the answer section (after CNAMEs) are kept for the
 * smallest TTL of the section.
 */
export function readAnswer(message: Buffer, query: Buffer, type: QuestionType, negativeTtlS: number): DnsAnswer | undefined {
  if (message.length < HEADER_SIZE || message[0] !== query[0] || message[1] !== query[1]) return undefined;
  const flags = message.readUInt16BE(2);
  if ((flags & FLAG_RESPONSE) === 0 || message.readUInt16BE(4) !== 1) return undefined;
  const questionEnd = sameQuestion(message, query);
  if (questionEnd < 0) return undefined;
  // A truncated answer may end mid-record, and a failure's records tell nothing: neither is read further.
  if (flags & FLAG_TRUNCATED) return { kind: 'failed', error: 'ETRUNCATED' };
  const rcode = flags & 0xf;
  if (rcode !== RCODE_NOERROR && rcode !== RCODE_NXDOMAIN) return { kind: 'failed', error: RCODE_ERRORS[rcode] ?? `ERCODE${rcode}` };
  const answerCount = message.readUInt16BE(6);
  const authorityCount = message.readUInt16BE(8);

  const wanted = TYPE_CODE[type];
  const addresses: string[] = [];
  let ttl = Number.POSITIVE_INFINITY;
  let at = questionEnd;
  for (let i = 0; i < answerCount; i++) {
    const record = readRecord(message, at);
    if (!record) return undefined;
    if (record.type === TYPE_OPT) {
      at = record.end;
      continue;
    }
    ttl = Math.min(ttl, record.ttl);
    if (record.type === wanted) {
      if (record.end - record.data !== ADDRESS_SIZE[type]) return undefined;
      addresses.push(type === 'A' ? formatIpv4(message, record.data) : formatIpv6(message, record.data));
    }
    at = record.end;
  }
  if (rcode === RCODE_NOERROR && addresses.length > 0) return { kind: 'answered', addresses, ttl };
  return { kind: 'empty', ttl: negativeTtl(message, at, authorityCount, negativeTtlS) };
}

/** RFC 2308: an empty answer is kept for its SOA's TTL capped by the SOA's MINIMUM; without an SOA, `fallback`. */
function negativeTtl(message: Buffer, start: number, authorityCount: number, fallback: number): number {
  let at = start;
  for (let i = 0; i < authorityCount; i++) {
    const record = readRecord(message, at);
    if (!record) return fallback;
    // SOA RDATA: two names, then serial, refresh, retry, expire, minimum (32 bits each): MINIMUM is its last 4 bytes.
    if (record.type === TYPE_SOA && record.end - record.data >= 22) return Math.min(record.ttl, message.readUInt32BE(record.end - 4));
    at = record.end;
  }
  return fallback;
}

/** The end of the message's question if it is the query's, else -1. Names are compared ASCII case-insensitively. */
function sameQuestion(message: Buffer, query: Buffer): number {
  let at = HEADER_SIZE;
  for (;;) {
    const size = query[at]!;
    if (message[at] !== size) return -1;
    if (size === 0) break;
    if (at + 1 + size > message.length) return -1;
    for (let i = at + 1; i <= at + size; i++) if (lowerAscii(message[i]!) !== lowerAscii(query[i]!)) return -1;
    at += 1 + size;
  }
  at += 1;
  if (at + 4 > message.length) return -1;
  for (let i = at; i < at + 4; i++) if (message[i] !== query[i]) return -1;
  return at + 4;
}

const lowerAscii = (byte: number): number => (byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte);

type RecordHead = { type: number; ttl: number; data: number; end: number };

/** A resource record's type, TTL and where its RDATA lies; undefined if it runs past the message. */
function readRecord(message: Buffer, start: number): RecordHead | undefined {
  const nameEnd = skipName(message, start);
  if (nameEnd < 0 || nameEnd + 10 > message.length) return undefined;
  const data = nameEnd + 10;
  const end = data + message.readUInt16BE(nameEnd + 8);
  if (end > message.length) return undefined;
  return { type: message.readUInt16BE(nameEnd), ttl: message.readUInt32BE(nameEnd + 4), data, end };
}

/** Where the name at `at` ends (labels up to the root, or up to a compression pointer); -1 if malformed. */
function skipName(message: Buffer, at: number): number {
  while (at < message.length) {
    const size = message[at]!;
    if (size === 0) return at + 1;
    if ((size & 0xc0) === 0xc0) return at + 2 <= message.length ? at + 2 : -1;
    if ((size & 0xc0) !== 0) return -1;
    at += 1 + size;
  }
  return -1;
}

function formatIpv4(message: Buffer, at: number): string {
  return `${message[at]}.${message[at + 1]}.${message[at + 2]}.${message[at + 3]}`;
}

/** RFC 5952 text: lower-case hex without leading zeros, the longest run (first if tied) of two or more zero groups as `::`. */
function formatIpv6(message: Buffer, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(message.readUInt16BE(at + 2 * i));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((group) => group.toString(16)).join(':');
  return bestStart < 0 ? hex(0, 8) : `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}
