import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../../core/module-worker.ts';
import { systemServer, type AnswerCallback, type DnsClient, type DnsServer, type UdpDnsClientOptions } from './udp-client.ts';
import type { DnsAnswer, QuestionType } from './wire.ts';
import { LINE, readAnswerBatch, SEQUENCE_MASK, typeCode, type AnswerBatch, type QuestionBatch } from './worker-protocol.ts';

/**
 * The UDP client (udp-client.ts) in a worker thread. On one thread the sweep was bound by node's one `sendto` and
 * one receive callback per question, beside the decoding, the cache and the judgement (BENCHMARKS.md, bench:dns);
 * here the worker owns the sockets — sends, receives, id and question matching, retries, time-outs — and the main
 * thread only hands it questions and takes answers, a batch per event-loop turn each way, so the two cores share the
 * work as dnsperf's sending and receiving threads do. The worker starts with the first question; if it dies, the
 * questions it held fail (EWORKER: nothing is judged from them) and the next question starts a new one.
 */
export class ThreadedDnsClient implements DnsClient {
  readonly server: DnsServer | undefined;
  /** The worker's counters as of its last batch (see UdpDnsClient). */
  ignored = 0;
  resent = 0;
  private worker: Worker | undefined;
  private readonly answering = new AnsweringTable();
  private nextSequence = 0;
  private batch: { first: number; names: string[]; types: number[] } | undefined;
  private closed = false;

  constructor(private readonly options: UdpDnsClientOptions) {
    this.server = options.server ?? systemServer();
  }

  query(name: string, type: QuestionType): Promise<DnsAnswer> {
    return new Promise<DnsAnswer>((resolve) => this.ask(name, type, 0, (_token, answer) => resolve(answer)));
  }

  /** Asks one question; `done` is called once with its answer and `token` (a failure is `{ kind: 'failed' }`). */
  ask(name: string, type: QuestionType, token: number, done: AnswerCallback): void {
    if (this.closed) return done(token, { kind: 'failed', error: 'ECANCELLED' });
    // Not a DNS name, and it would split the batch's lines (worker-protocol.ts).
    if (name.includes(LINE)) return done(token, { kind: 'failed', error: 'EBADNAME' });
    const sequence = this.nextSequence;
    this.nextSequence = (sequence + 1) & SEQUENCE_MASK;
    this.answering.put(sequence, token, done);
    if (!this.batch) {
      this.batch = { first: sequence, names: [], types: [] };
      // After this turn's callbacks have asked everything they will: one message for all of it.
      setImmediate(() => this.flush());
    }
    this.batch.names.push(name);
    this.batch.types.push(typeCode(type));
  }

  close(): Promise<void> {
    this.closed = true;
    this.batch = undefined;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll('ECANCELLED');
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = undefined;
    if (!batch || this.closed) return;
    const worker = this.worker ?? this.start();
    worker.ref();
    const message: QuestionBatch = { first: batch.first, names: batch.names.join(LINE), types: Uint8Array.from(batch.types) };
    worker.postMessage(message, [message.types.buffer]);
  }

  private start(): Worker {
    const workerData = { options: { ...this.options, server: this.server } };
    const worker = startModuleWorker(import.meta.url, 'udp-worker', workerData);
    worker.on('message', (batch: AnswerBatch) => this.receive(worker, batch));
    worker.on('error', () => this.lose(worker));
    worker.on('exit', () => this.lose(worker));
    this.worker = worker;
    return worker;
  }

  private receive(worker: Worker, batch: AnswerBatch): void {
    if (worker !== this.worker) return;
    this.ignored = batch.ignored;
    this.resent = batch.resent;
    readAnswerBatch(batch, (sequence, answer) => this.answering.answer(sequence, answer));
    // Idle, the worker must not keep the process alive (a CLI that has finished, a test that forgot to close).
    if (this.answering.size === 0) worker.unref();
  }

  private lose(worker: Worker): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.failAll('EWORKER');
  }

  private failAll(error: string): void {
    this.answering.answerAll({ kind: 'failed', error });
  }
}

/**
 * Who waits for which question, by sequence number: a table indexed by the sequence's low bits, doubled whenever two
 * waiting questions would share a place. Sequences are handed out one after another and answered within a window,
 * so a few thousand places serve a sweep, and a question costs two array writes where a Map cost a hash insert,
 * look-up and delete (a third of the sweep thread's time, bench:dns).
 */
class AnsweringTable {
  private callbacks: Array<AnswerCallback | undefined> = new Array(1024).fill(undefined);
  private tokens = new Float64Array(1024);
  private sequences = new Int32Array(1024);
  size = 0;

  put(sequence: number, token: number, done: AnswerCallback): void {
    while (this.callbacks[sequence & (this.callbacks.length - 1)] !== undefined) this.grow();
    const at = sequence & (this.callbacks.length - 1);
    this.callbacks[at] = done;
    this.tokens[at] = token;
    this.sequences[at] = sequence;
    this.size++;
  }

  answer(sequence: number, answer: DnsAnswer): void {
    const at = sequence & (this.callbacks.length - 1);
    const done = this.callbacks[at];
    if (done === undefined || this.sequences[at] !== sequence) return;
    this.callbacks[at] = undefined;
    this.size--;
    done(this.tokens[at]!, answer);
  }

  answerAll(answer: DnsAnswer): void {
    const waiting = this.callbacks.flatMap((done, at) => (done ? [{ done, token: this.tokens[at]! }] : []));
    this.callbacks.fill(undefined);
    this.size = 0;
    for (const { done, token } of waiting) done(token, answer);
  }

  /** Twice the places, everyone moved to theirs; again while two still meet. */
  private grow(): void {
    for (let capacity = this.callbacks.length * 2; ; capacity *= 2) {
      const callbacks = new Array<AnswerCallback | undefined>(capacity).fill(undefined);
      const tokens = new Float64Array(capacity);
      const sequences = new Int32Array(capacity);
      const fits = this.callbacks.every((done, at) => {
        if (done === undefined) return true;
        const to = this.sequences[at]! & (capacity - 1);
        if (callbacks[to] !== undefined) return false;
        callbacks[to] = done;
        tokens[to] = this.tokens[at]!;
        sequences[to] = this.sequences[at]!;
        return true;
      });
      if (!fits) continue;
      this.callbacks = callbacks;
      this.tokens = tokens;
      this.sequences = sequences;
      return;
    }
  }
}
