import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import packet, { type Answer, type DecodedPacket } from 'dns-packet';

/** How the fake server answers a query (undefined: silence). */
export type Reply = (query: DecodedPacket, raw: Buffer) => Buffer | undefined;

export type FakeDnsServer = Awaited<ReturnType<typeof startFakeDnsServer>>;

/** A UDP "resolver" a test controls: it records every query and answers as `reply` decides. */
export async function startFakeDnsServer(reply: Reply) {
  const socket: Socket = createSocket('udp4');
  const queries: DecodedPacket[] = [];
  const waiters: Array<{ count: number; resolve(): void }> = [];
  const senders: RemoteInfo[] = [];
  socket.on('message', (raw: Buffer, from: RemoteInfo) => {
    const query = packet.decode(raw);
    queries.push(query);
    senders.push(from);
    const answer = reply(query, raw);
    if (answer) socket.send(answer, from.port, from.address);
    for (const waiter of waiters.filter((w) => queries.length >= w.count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    queries,
    /** Resolves once `count` queries have arrived. */
    received: (count: number) => new Promise<void>((resolve) => (queries.length >= count ? resolve() : waiters.push({ count, resolve }))),
    /** Sends a packet to whoever sent the `index`-th query (for late or forged answers). */
    sendTo(index: number, raw: Buffer) {
      socket.send(raw, senders[index]!.port, senders[index]!.address);
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** The response to `query` a resolver would send (dns-packet: an encoder independent of ours). */
export function dnsResponse(query: DecodedPacket, options: { rcode?: number; tc?: boolean; answers?: Answer[]; authorities?: Answer[]; id?: number; name?: string }): Buffer {
  const question = query.questions![0]!;
  return packet.encode({
    type: 'response',
    id: options.id ?? query.id,
    flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (options.tc ? packet.TRUNCATED_RESPONSE : 0) | (options.rcode ?? 0),
    questions: [{ ...question, name: options.name ?? question.name }],
    answers: options.answers ?? [],
    authorities: options.authorities ?? [],
  });
}
