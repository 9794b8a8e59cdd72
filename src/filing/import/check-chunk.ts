import { FieldCipher, type KeyRing } from '../../core/personal-data.ts';
import { splitAtSubjects, stageRecords, type SourceRecord, type Staged } from './groups.ts';
import { parseChunk, type FileChunk, type ImportFormat } from './read-lines.ts';
import type { StagedEncoding } from './staging.ts';

/** What a checking thread needs to know, sent once when it starts. */
export type CheckSetup = { format: ImportFormat; indexes: number[] | null; today: string; encoding: StagedEncoding; encryption: KeyRing; lookup: KeyRing };

/**
 * A checked chunk: `lines` read; `body` the staged rows and rejections of the subjects wholly inside it; `head` and
 * `tail` the unchecked records of the subjects it may share with the chunks before and after (see splitAtSubjects),
 * left to the thread that takes the results in order. `tail` is empty when the whole chunk is one subject (its head).
 */
export type ChunkResult = { lines: number; head: SourceRecord[]; body: Staged; tail: SourceRecord[] };

/** Parses, checks, groups, encrypts and encodes one chunk: the work the checking threads share. */
export function checkChunk(chunk: FileChunk, setup: CheckSetup, cipher: FieldCipher): ChunkResult {
  const records = parseChunk(chunk, setup.format, setup.indexes);
  let lines = 0;
  let lastLine = -1;
  for (const record of records) {
    if (record.line !== lastLine) lines += 1;
    lastLine = record.line;
  }
  const { head, body, tail } = splitAtSubjects(records);
  return { lines, head, body: stageRecords(body, { today: setup.today, cipher, encoding: setup.encoding }), tail };
}

/** A key ring as it arrives in another thread (structured clone makes its Buffers plain Uint8Arrays). */
export function cipherOf(setup: CheckSetup): FieldCipher {
  const ring = (r: KeyRing): KeyRing => ({ currentKeyId: r.currentKeyId, keys: Object.fromEntries(Object.entries(r.keys).map(([id, key]) => [id, Buffer.from(key)])) });
  return new FieldCipher(ring(setup.encryption), ring(setup.lookup));
}
