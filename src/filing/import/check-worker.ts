// A checking thread of `openbeian import` (checkers.ts starts it): parses, checks and encrypts the chunks of the
// file it is sent and answers each with its ChunkResult, or with the error that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import { checkChunk, cipherOf, type CheckSetup } from './check-chunk.ts';
import type { FileChunk } from './read-lines.ts';

export type CheckJob = { id: number; chunk: FileChunk };
export type ThreadError = { name: string; message: string; code?: string; lines?: number };

const setup = workerData as CheckSetup;
const cipher = cipherOf(setup);

parentPort!.on('message', (job: CheckJob) => {
  try {
    parentPort!.postMessage({ id: job.id, result: checkChunk(job.chunk, setup, cipher) });
  } catch (error) {
    const { name, message, code, lines } = error as Error & { code?: string; lines?: number };
    parentPort!.postMessage({ id: job.id, error: { name, message, code, lines } satisfies ThreadError });
  }
});
