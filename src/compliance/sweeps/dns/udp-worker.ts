// The worker thread of ThreadedDnsClient (threaded-client.ts): a UdpDnsClient whose sockets, sends, receives, id
// matching, retries and time-outs all run here, on the second core, while the main thread runs the sweep. Questions
// arrive and answers leave in batches (worker-protocol.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { UdpDnsClient, type AnswerCallback, type UdpDnsClientOptions } from './udp-client.ts';
import { AnswerBatchWriter, LINE, SEQUENCE_MASK, typeOf, type QuestionBatch } from './worker-protocol.ts';

const port = parentPort!;
const client = new UdpDnsClient((workerData as { options: UdpDnsClientOptions }).options);
const answers = new AnswerBatchWriter();
let isFlushing = false;

// Every answer of one event-loop turn (the socket reads of one poll) goes back in one message, after the turn.
const flush = (): void => {
  isFlushing = false;
  const batch = answers.take(client);
  port.postMessage(batch, [batch.numbers.buffer]);
};

const answered: AnswerCallback = (sequence, answer) => {
  answers.add(sequence, answer);
  if (!isFlushing) {
    isFlushing = true;
    setImmediate(flush);
  }
};

port.on('message', (batch: QuestionBatch) => {
  const names = batch.names.split(LINE);
  for (let i = 0; i < batch.types.length; i++) client.ask(names[i]!, typeOf(batch.types[i]!), (batch.first + i) & SEQUENCE_MASK, answered);
});
