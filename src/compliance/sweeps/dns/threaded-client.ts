import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../../core/module-worker.ts';
import { systemServer, type DnsClient, type DnsServer, type UdpDnsClientOptions } from './udp-client.ts';
import type { DnsAnswer, QuestionType } from './wire.ts';
import { readAnswerBatch, SEQUENCE_MASK, typeCode, type AnswerBatch, type QuestionBatch } from './worker-protocol.ts';

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
  private readonly answering = new Map<number, (answer: DnsAnswer) => void>();
  private nextSequence = 0;
  private batch: { first: number; names: string[]; types: number[] } | undefined;
  private closed = false;

  constructor(private readonly options: UdpDnsClientOptions) {
    this.server = options.server ?? systemServer();
  }

  query(name: string, type: QuestionType): Promise<DnsAnswer> {
    if (this.closed) return Promise.resolve({ kind: 'failed', error: 'ECANCELLED' });
    return new Promise<DnsAnswer>((resolve) => {
      const sequence = this.nextSequence;
      this.nextSequence = (sequence + 1) & SEQUENCE_MASK;
      this.answering.set(sequence, resolve);
      if (!this.batch) {
        this.batch = { first: sequence, names: [], types: [] };
        // After this turn's callbacks have asked everything they will: one message for all of it.
        setImmediate(() => this.flush());
      }
      this.batch.names.push(name);
      this.batch.types.push(typeCode(type));
    });
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
    const message: QuestionBatch = { first: batch.first, names: batch.names, types: Uint8Array.from(batch.types) };
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
    readAnswerBatch(batch, (sequence, answer) => {
      const resolve = this.answering.get(sequence);
      if (!resolve) return;
      this.answering.delete(sequence);
      resolve(answer);
    });
    // Idle, the worker must not keep the process alive (a CLI that has finished, a test that forgot to close).
    if (this.answering.size === 0) worker.unref();
  }

  private lose(worker: Worker): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.failAll('EWORKER');
  }

  private failAll(error: string): void {
    const answering = [...this.answering.values()];
    this.answering.clear();
    for (const resolve of answering) resolve({ kind: 'failed', error });
  }
}
