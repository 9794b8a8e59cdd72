import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../core/module-worker.ts';
import type { FieldCipher } from '../../core/personal-data.ts';
import { checkChunk, type CheckSetup, type ChunkResult } from './check-chunk.ts';
import type { CheckJob, ThreadError } from './check-worker.ts';
import type { FileChunk } from './read-lines.ts';

/** Checks chunks of the file, on `threads` worker threads or (0) on this one; results come back per chunk. */
export type Checkers = { check(chunk: FileChunk): Promise<ChunkResult>; close(): Promise<void> };

export function openCheckers(setup: CheckSetup, threads: number, cipher: FieldCipher): Checkers {
  if (threads <= 0) {
    return {
      // Yields first, so the COPY stream and the progress report get their turn between chunks.
      check: (chunk) => new Promise((resolve) => setImmediate(resolve)).then(() => checkChunk(chunk, setup, cipher)),
      close: async () => undefined,
    };
  }
  return new ThreadCheckers(setup, threads);
}

type Pending = { job: CheckJob; resolve: (result: ChunkResult) => void; reject: (error: Error) => void };

/** A pool of checking threads: each takes the next chunk when it is done with one. */
class ThreadCheckers implements Checkers {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly workers: Worker[] = [];
  private failure: Error | null = null;
  private nextId = 0;

  constructor(setup: CheckSetup, threads: number) {
    for (let n = 0; n < threads; n += 1) {
      const worker = startModuleWorker(import.meta.url, 'check-worker', setup);
      worker.on('message', (answer: { id: number; result?: ChunkResult; error?: ThreadError }) => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        if (answer.error) pending?.reject(Object.assign(new Error(answer.error.message), answer.error));
        else pending?.resolve(answer.result!);
        this.idle.push(worker);
        this.next();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an import checking thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  check(chunk: FileChunk): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: (this.nextId += 1), chunk }, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the import checking threads were closed');
    this.fail(this.failure);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      // The bytes move to the thread instead of being copied.
      worker.postMessage(pending.job, [pending.job.chunk.bytes.buffer as ArrayBuffer]);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of [...this.running.values(), ...this.queue.splice(0)]) pending.reject(this.failure);
    this.running.clear();
  }
}
