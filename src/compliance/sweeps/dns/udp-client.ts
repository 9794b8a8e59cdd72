import { getRandomValues } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { getServers } from 'node:dns';
import { lookup as lookupHost } from 'node:dns/promises';
import { isIP } from 'node:net';
import { encodeQuery, readAnswer, type DnsAnswer, type QuestionType } from './wire.ts';

export type { DnsAnswer, QuestionType } from './wire.ts';

export type DnsServer = { host: string; port: number };

export type UdpDnsClientOptions = {
  /** Unset: the system's first nameserver (node's view of /etc/resolv.conf). */
  server: DnsServer | undefined;
  /** How long one try waits for its answer. */
  timeoutMs: number;
  /** How many times a question is sent before it counts as failed (ETIMEOUT). */
  tries: number;
  /** UDP sockets the questions are spread over (each its own source port and id space). */
  sockets?: number;
  /** Questions in flight at most; more wait in order. A local resolver drops packets past a few hundred. */
  window?: number;
  /** Seconds an empty answer is kept when the server sends no SOA to take its negative TTL from. */
  negativeTtlS?: number;
};

/** What the resolver needs of a client: this one, or ThreadedDnsClient (the same client in a worker thread). */
export type DnsClient = {
  readonly server: DnsServer | undefined;
  /** Asks one question; never rejects (a failure is `{ kind: 'failed' }`). */
  query(name: string, type: QuestionType): Promise<DnsAnswer>;
  close(): Promise<void>;
};

/** Called once per question with its answer and the token it was asked with (no closure or promise per question). */
export type AnswerCallback = (token: number, answer: DnsAnswer) => void;

type Slot = { socket: Socket; pending: Map<number, Pending> };

type Pending = {
  id: number;
  type: QuestionType;
  slot: Slot;
  query: Buffer;
  triesLeft: number;
  deadline: number;
  settled: boolean;
  token: number;
  done: AnswerCallback;
};

type Waiting = { name: string; type: QuestionType; token: number; done: AnswerCallback };

/** The server a client asks, as `host:port` (IPv6 bracketed), for evidence and logs. */
export function describeServer(server: DnsServer): string {
  return server.host.includes(':') ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/** The system's first nameserver as node sees it (`1.2.3.4`, `1.2.3.4:5353`, `::1`, `[::1]:5353`). */
export function systemServer(): DnsServer | undefined {
  const first = getServers()[0];
  if (!first) return undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(first);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? 53) };
  if (isIP(first) === 6) return { host: first, port: 53 };
  const [host, port] = first.split(':') as [string, string | undefined];
  return { host, port: Number(port ?? 53) };
}

/**
 * A DNS stub client over UDP for the shell-site sweep: keeps many questions in flight over a few connected sockets
 * (a connected UDP socket only receives from the server, and its sends skip node's per-packet address handling),
 * gives each a random 16-bit id and accepts an answer only if its id AND its question (name, type, class) match one
 * asked on that socket — a stray or forged packet is ignored, and the question keeps waiting. Packets are built and
 * read by wire.ts. A window bounds the questions in flight. Every try has the same time-out, so deadlines come in
 * the order questions were sent: one FIFO queue and one timer for the whole client (not a timer per question) expire
 * them; an expired question is sent again until its tries are used, then fails with ETIMEOUT. A truncated answer
 * (TC) counts as failed (ETRUNCATED) — no TCP fall-back: we announce a 1232-byte EDNS0 buffer, which A/AAAA answers
 * fit. It runs on the thread that creates it; the sweep runs it in a worker thread (threaded-client.ts).
 */
export class UdpDnsClient implements DnsClient {
  private slots: Slot[] | undefined;
  private ready: Promise<Slot[]> | undefined;
  private turn = 0;
  private inFlight = 0;
  private readonly waiting: Waiting[] = [];
  private waitingHead = 0;
  private readonly deadlines: Array<{ pending: Pending; deadline: number }> = [];
  private deadlinesHead = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly ids = new Uint16Array(4096);
  private idsLeft = 0;
  /** Packets received that matched no question asked (wrong id, wrong question, not a response, unparsable). */
  ignored = 0;
  /** Tries sent again after a time-out (lost questions or answers). */
  resent = 0;
  readonly server: DnsServer | undefined;
  private readonly window: number;
  private readonly socketCount: number;
  private readonly negativeTtlS: number;

  constructor(private readonly options: UdpDnsClientOptions) {
    this.server = options.server ?? systemServer();
    this.window = options.window ?? 256;
    this.socketCount = options.sockets ?? 4;
    this.negativeTtlS = options.negativeTtlS ?? 30;
  }

  query(name: string, type: QuestionType): Promise<DnsAnswer> {
    return new Promise<DnsAnswer>((resolve) => this.ask(name, type, 0, (_token, answer) => resolve(answer)));
  }

  /** Asks one question; `done` is called once with its answer (a failure is `{ kind: 'failed' }`, never a throw). */
  ask(name: string, type: QuestionType, token: number, done: AnswerCallback): void {
    if (this.closed) return done(token, { kind: 'failed', error: 'ECANCELLED' });
    this.waiting.push({ name: name.toLowerCase(), type, token, done });
    this.pump();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.failWaiting('ECANCELLED');
    for (const slot of this.slots ?? []) {
      for (const pending of slot.pending.values()) this.settle(pending, { kind: 'failed', error: 'ECANCELLED' });
      slot.socket.close();
    }
    this.slots = undefined;
    return Promise.resolve();
  }

  private failWaiting(error: string): void {
    for (let i = this.waitingHead; i < this.waiting.length; i++) {
      const waiting = this.waiting[i]!;
      waiting.done(waiting.token, { kind: 'failed', error });
    }
    this.waiting.length = 0;
    this.waitingHead = 0;
  }

  private open(): Promise<Slot[]> {
    this.ready ??= (async () => {
      const server = this.server;
      if (!server) throw Object.assign(new Error('no DNS server configured'), { code: 'ENOSERVER' });
      const address = isIP(server.host) ? server.host : (await lookupHost(server.host)).address;
      const slots = await Promise.all(
        Array.from({ length: this.socketCount }, async () => {
          const socket = createSocket({ type: isIP(address) === 6 ? 'udp6' : 'udp4', recvBufferSize: 4 * 1024 * 1024 });
          const slot: Slot = { socket, pending: new Map() };
          // ICMP errors (the server's port closed) surface here; the questions then time out and count as failed.
          socket.on('error', () => undefined);
          socket.on('message', (message: Buffer) => this.receive(slot, message));
          await new Promise<void>((resolve, reject) => {
            socket.once('error', reject);
            socket.connect(server.port, address, () => {
              socket.off('error', reject);
              resolve();
            });
          });
          return slot;
        }),
      );
      if (this.closed) for (const slot of slots) slot.socket.close();
      else this.slots = slots;
      return slots;
    })();
    return this.ready;
  }

  /** Sends waiting questions while the window has room. */
  private pump(): void {
    if (this.closed || this.waitingHead >= this.waiting.length || this.inFlight >= this.window) return;
    if (!this.slots) {
      this.open().then(
        () => this.pump(),
        (error: unknown) => {
          this.failWaiting((error as { code?: string }).code ?? 'ESERVER');
          this.ready = undefined;
        },
      );
      return;
    }
    while (this.inFlight < this.window && this.waitingHead < this.waiting.length) {
      const next = this.waiting[this.waitingHead++]!;
      this.start(this.slots, next);
    }
    if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
      this.waiting.splice(0, this.waitingHead);
      this.waitingHead = 0;
    }
  }

  private start(slots: Slot[], question: Waiting): void {
    const slot = slots[(this.turn = (this.turn + 1) % slots.length)]!;
    const id = this.freeId(slot);
    const query = encodeQuery(id, question.name, question.type);
    // Not a DNS name (an empty or over-long label): nothing to send, and nothing the zone could say about it.
    if (!query) return question.done(question.token, { kind: 'failed', error: 'EBADNAME' });
    const pending: Pending = { id, type: question.type, slot, query, triesLeft: this.options.tries, deadline: 0, settled: false, token: question.token, done: question.done };
    slot.pending.set(id, pending);
    this.inFlight++;
    this.send(pending);
  }

  private send(pending: Pending): void {
    pending.triesLeft--;
    pending.deadline = performance.now() + this.options.timeoutMs;
    this.deadlines.push({ pending, deadline: pending.deadline });
    // A send error (buffer full) is like a lost packet: the deadline sends it again or fails it. Without a callback
    // node reports it as an 'error' event (ignored in open()), and saves a completion callback per packet.
    pending.slot.socket.send(pending.query);
    this.arm();
  }

  private freeId(slot: Slot): number {
    for (;;) {
      if (this.idsLeft === 0) {
        getRandomValues(this.ids);
        this.idsLeft = this.ids.length;
      }
      const id = this.ids[--this.idsLeft]!;
      if (!slot.pending.has(id)) return id;
    }
  }

  private arm(): void {
    if (this.timer || this.closed) return;
    while (this.deadlinesHead < this.deadlines.length && this.deadlines[this.deadlinesHead]!.pending.settled) this.deadlinesHead++;
    const head = this.deadlines[this.deadlinesHead];
    if (!head) {
      this.deadlines.length = 0;
      this.deadlinesHead = 0;
      return;
    }
    // A few ms late at most, so one wake-up expires every question sent in that span.
    this.timer = setTimeout(() => this.expire(), Math.max(0, head.deadline - performance.now()) + 5);
    this.timer.unref();
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    const resend: Pending[] = [];
    while (this.deadlinesHead < this.deadlines.length) {
      const entry = this.deadlines[this.deadlinesHead]!;
      if (!entry.pending.settled && entry.deadline > now) break;
      this.deadlinesHead++;
      // A stale entry: the question was answered, or sent again with a later deadline.
      if (entry.pending.settled || entry.pending.deadline !== entry.deadline) continue;
      if (entry.pending.triesLeft > 0) resend.push(entry.pending);
      else this.settle(entry.pending, { kind: 'failed', error: 'ETIMEOUT' });
    }
    if (this.deadlinesHead > 1024 && this.deadlinesHead * 2 > this.deadlines.length) {
      this.deadlines.splice(0, this.deadlinesHead);
      this.deadlinesHead = 0;
    }
    this.resent += resend.length;
    for (const pending of resend) this.send(pending);
    this.arm();
    this.pump();
  }

  private settle(pending: Pending, answer: DnsAnswer): void {
    if (pending.settled) return;
    pending.settled = true;
    pending.slot.pending.delete(pending.id);
    this.inFlight--;
    pending.done(pending.token, answer);
  }

  private receive(slot: Slot, message: Buffer): void {
    const pending = message.length >= 2 ? slot.pending.get(message.readUInt16BE(0)) : undefined;
    const answer = pending && readAnswer(message, pending.query, pending.type, this.negativeTtlS);
    if (!pending || !answer) {
      this.ignored++;
      return;
    }
    this.settle(pending, answer);
    this.pump();
  }
}
