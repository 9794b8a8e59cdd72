import { describe, expect, it } from 'vitest';
import type { DnsAnswer } from './wire.ts';
import { AnswerBatchWriter, readAnswerBatch } from './worker-protocol.ts';

describe('the answer batches between the worker and the main thread', () => {
  it('carry every kind of answer and its sequence number unchanged, in order', () => {
    const answers: Array<[number, DnsAnswer]> = [
      [7, { kind: 'answered', addresses: ['47.96.0.10', '2408:4000::5'], ttl: 4_294_967_295 }],
      [0, { kind: 'empty', ttl: 60 }],
      [2_147_483_647, { kind: 'failed', error: 'ETIMEOUT' }],
      [3, { kind: 'answered', addresses: ['203.0.113.9'], ttl: 0 }],
      [4, { kind: 'empty', ttl: 0 }],
    ];
    const writer = new AnswerBatchWriter();
    for (const [sequence, answer] of answers) writer.add(sequence, answer);
    const batch = writer.take({ ignored: 2, resent: 1 });
    expect(batch).toMatchObject({ ignored: 2, resent: 1 });
    const read: Array<[number, DnsAnswer]> = [];
    readAnswerBatch(batch, (sequence, answer) => read.push([sequence, answer]));
    expect(read).toEqual(answers);
    const none = writer.take({ ignored: 2, resent: 1 });
    const left: unknown[] = [];
    readAnswerBatch(none, (...answer) => left.push(answer));
    expect(left).toEqual([]);
  });
});
