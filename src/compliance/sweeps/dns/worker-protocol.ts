import type { DnsAnswer, QuestionType } from './wire.ts';

/**
 * What ThreadedDnsClient and its worker thread (udp-worker.ts) exchange: questions and answers in batches, one
 * message per event-loop turn each way instead of one per question, with the numbers in a typed array that is
 * transferred, not copied, and the texts as ONE string with a line each (copying one string between threads costs
 * a fraction of copying thousands: bench:dns). A question is known by its sequence number: the batch's `first` plus
 * its index. A DNS name never holds a line break (the client refuses one before it is batched).
 */
export type QuestionBatch = { first: number; names: string; types: Uint8Array<ArrayBuffer> };

/**
 * Per answer three numbers in `numbers` (sequence, outcome, TTL) and one line in `texts` (the addresses separated
 * by spaces, the error code, or nothing for an empty answer); with the worker's counters so far.
 */
export type AnswerBatch = { numbers: Float64Array<ArrayBuffer>; texts: string; ignored: number; resent: number };

export const LINE = '\n';

/** Sequence numbers wrap here (2^31 - 1), far beyond the questions ever in flight at once. */
export const SEQUENCE_MASK = 0x7fff_ffff;

const OUTCOME_ANSWERED = 0;
const OUTCOME_EMPTY = 1;
const OUTCOME_FAILED = 2;

export const typeCode = (type: QuestionType): number => (type === 'AAAA' ? 1 : 0);
export const typeOf = (code: number): QuestionType => (code === 1 ? 'AAAA' : 'A');

/** Collects the worker's answers until the next message. */
export class AnswerBatchWriter {
  private numbers: number[] = [];
  private texts: string[] = [];

  add(sequence: number, answer: DnsAnswer): void {
    if (answer.kind === 'answered') {
      this.numbers.push(sequence, OUTCOME_ANSWERED, answer.ttl);
      this.texts.push(answer.addresses.join(' '));
    } else if (answer.kind === 'empty') {
      this.numbers.push(sequence, OUTCOME_EMPTY, answer.ttl);
      this.texts.push('');
    } else {
      this.numbers.push(sequence, OUTCOME_FAILED, 0);
      this.texts.push(answer.error);
    }
  }

  take(counters: { ignored: number; resent: number }): AnswerBatch {
    const batch = { numbers: Float64Array.from(this.numbers), texts: this.texts.join(LINE), ignored: counters.ignored, resent: counters.resent };
    this.numbers = [];
    this.texts = [];
    return batch;
  }
}

/** Calls `each` with every answer of a batch, in order. */
export function readAnswerBatch(batch: AnswerBatch, each: (sequence: number, answer: DnsAnswer) => void): void {
  const count = batch.numbers.length / 3;
  const texts = count > 0 ? batch.texts.split(LINE) : [];
  for (let i = 0; i < count; i++) {
    const sequence = batch.numbers[3 * i]!;
    const outcome = batch.numbers[3 * i + 1]!;
    const ttl = batch.numbers[3 * i + 2]!;
    const text = texts[i]!;
    if (outcome === OUTCOME_ANSWERED) each(sequence, { kind: 'answered', addresses: text.split(' '), ttl });
    else if (outcome === OUTCOME_EMPTY) each(sequence, { kind: 'empty', ttl });
    else each(sequence, { kind: 'failed', error: text });
  }
}
