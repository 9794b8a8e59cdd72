import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SourceRecord } from './groups.ts';
import { IMPORT_COLUMNS, type ImportColumn, type RawLine } from './records.ts';

export type ImportFormat = 'csv' | 'jsonl';

export class ImportFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'ImportFileError';
  }
}

export function formatOf(path: string): ImportFormat {
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv';
}

/** A piece of the file that begins and ends on a line (CSV: a record) boundary; `startLine`: the lines before it. */
export type FileChunk = { bytes: Uint8Array; startLine: number };

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Reads the file as a stream and cuts it into chunks of about `chunkBytes` that end on a line boundary — for CSV
 * one outside a quoted cell, which may hold line breaks — and counts the lines before each, so a chunk can be
 * parsed on its own (on another thread) and still name every line by its number in the file. Memory stays flat
 * whatever the size. For CSV the first chunk is the header line alone.
 */
export async function* readChunks(path: string, format: ImportFormat, chunkBytes: number): AsyncGenerator<FileChunk> {
  let pending: Buffer = Buffer.alloc(0);
  let lines = 0;
  let isHeaderDue = format === 'csv';
  const cut = (end: number): FileChunk => {
    // A copy: the stream's buffers are pooled, and a chunk's bytes are handed (transferred) to another thread.
    const bytes = new Uint8Array(end);
    bytes.set(pending.subarray(0, end));
    pending = pending.subarray(end);
    const chunk = { bytes, startLine: lines };
    lines += lineBreaks(bytes);
    return chunk;
  };
  for await (const data of createReadStream(path, { highWaterMark: Math.min(chunkBytes, 1 << 20) })) {
    pending = pending.length === 0 ? (data as Buffer) : Buffer.concat([pending, data as Buffer]);
    if (isHeaderDue) {
      const end = headerEnd(pending);
      if (end < 0) continue;
      isHeaderDue = false;
      yield cut(end);
    }
    if (pending.length < chunkBytes) continue;
    const end = format === 'csv' ? lastRecordEnd(pending) : pending.lastIndexOf(NL) + 1;
    if (end > 0) yield cut(end);
  }
  if (pending.length > 0) yield cut(pending.length);
}

/** The end of the first record that holds something (the header; blank lines before it are skipped); -1 if not read yet. */
function headerEnd(buffer: Buffer): number {
  let quotes = 0;
  let from = 0;
  for (let nl = buffer.indexOf(NL); nl >= 0; nl = buffer.indexOf(NL, nl + 1)) {
    quotes += countQuotes(buffer, from, nl);
    from = nl;
    if (quotes % 2 === 0 && buffer.subarray(0, nl).toString('utf8').replace(/^\uFEFF/, '').trim() !== '') return nl + 1;
  }
  return -1;
}

/**
 * The offset just after the last line break outside a quoted cell; 0 when there is none yet. CSV escapes a quote
 * inside a quoted cell by doubling it, so the parity of the quotes before a line break tells whether it ends a record.
 */
function lastRecordEnd(buffer: Buffer): number {
  let end = buffer.lastIndexOf(NL);
  if (end < 0) return 0;
  let quotes = countQuotes(buffer, 0, end);
  while (quotes % 2 === 1) {
    const previous = buffer.lastIndexOf(NL, end - 1);
    if (previous < 0) return 0;
    quotes -= countQuotes(buffer, previous, end);
    end = previous;
  }
  return end + 1;
}

function countQuotes(buffer: Buffer, from: number, to: number): number {
  const part = buffer.subarray(from, to);
  let count = 0;
  for (let at = part.indexOf(QUOTE); at >= 0; at = part.indexOf(QUOTE, at + 1)) count += 1;
  return count;
}

/** Line breaks as csv-parse and readline count them: LF, CR LF and a lone CR. */
function lineBreaks(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(NL); at >= 0; at = buffer.indexOf(NL, at + 1)) count += 1;
  if (buffer.indexOf(CR) < 0) return count;
  for (let at = buffer.indexOf(CR); at >= 0; at = buffer.indexOf(CR, at + 1)) if (buffer[at + 1] !== NL) count += 1;
  return count;
}

const CSV_OPTIONS = { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true } as const;

/** The header chunk of a CSV file: for each import column, the index of its column in the file (-1 when absent). */
export function readHeader(bytes: Uint8Array): number[] {
  const [header] = parseCsv(bytes, 0) as string[][];
  if (!header) throw new ImportFileError('文件为空：第 1 行应为表头', 'the file is empty: line 1 must be the header');
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) throw new ImportFileError(`第 1 行表头有未知的列：${unknown.join('、')}`, `line 1 (header): unknown column(s) ${unknown.join(', ')}`);
  const absent = IMPORT_COLUMNS.filter((c) => c !== 'leader_email' && c !== 'access_state' && !names.includes(c));
  if (absent.length) throw new ImportFileError(`第 1 行表头缺少列：${absent.join('、')}`, `line 1 (header): missing column(s) ${absent.join(', ')}`);
  return IMPORT_COLUMNS.map((c) => names.indexOf(c));
}

/** The records of one chunk; CSV needs the header's column indexes. */
export function parseChunk(chunk: FileChunk, format: ImportFormat, indexes: readonly number[] | null): SourceRecord[] {
  if (format === 'jsonl') return parseJsonLines(Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength).toString('utf8'), chunk.startLine);
  if (!indexes) throw new Error('a CSV chunk needs the header');
  const simple = splitPlainCsv(chunk, indexes);
  if (simple) return simple;
  const entries = parseCsv(chunk.bytes, chunk.startLine, true) as { record: string[]; info: { lines: number } }[];
  const records: SourceRecord[] = new Array(entries.length);
  for (let at = 0; at < entries.length; at += 1) {
    const { record, info } = entries[at]!;
    const raw = {} as RawLine;
    for (let c = 0; c < IMPORT_COLUMNS.length; c += 1) raw[IMPORT_COLUMNS[c] as ImportColumn] = indexes[c]! >= 0 ? (record[indexes[c]!] ?? '') : '';
    records[at] = { line: chunk.startLine + info.lines, raw };
  }
  return records;
}

/**
 * The common export — no quotes — read by splitting at commas and line breaks, several times faster than csv-parse
 * and with the same result: csv-parse trims each cell and skips blank lines, and so does this. Any other chunk
 * (quotes, a CR alone, a line of blanks whose reading csv-parse decides) returns null, for csv-parse.
 */
function splitPlainCsv(chunk: FileChunk, indexes: readonly number[]): SourceRecord[] | null {
  const buffer = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  if (buffer.indexOf(QUOTE) >= 0) return null;
  // CR LF (a Windows export) reads like LF: the CR is trimmed with the last cell. A CR alone ends a line for csv-parse.
  for (let at = buffer.indexOf(CR); at >= 0; at = buffer.indexOf(CR, at + 1)) if (buffer[at + 1] !== NL) return null;
  const lines = buffer.toString('utf8').split('\n');
  const records: SourceRecord[] = [];
  for (let at = 0; at < lines.length; at += 1) {
    const text = lines[at]!;
    if (text === '') continue;
    if (text.trim() === '') return null;
    const cells = text.split(',');
    const raw = {} as RawLine;
    for (let c = 0; c < IMPORT_COLUMNS.length; c += 1) raw[IMPORT_COLUMNS[c] as ImportColumn] = indexes[c]! >= 0 ? (cells[indexes[c]!]?.trim() ?? '') : '';
    records.push({ line: chunk.startLine + at + 1, raw });
  }
  return records;
}

/** csv-parse on one chunk; a format error names its line in the file, not in the chunk. */
function parseCsv(bytes: Uint8Array, startLine: number, info = false): unknown[] {
  try {
    return parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...CSV_OPTIONS, info }) as unknown[];
  } catch (error) {
    const csv = error as { code?: string; lines?: number; message: string };
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_') && typeof csv.lines === 'number') {
      csv.lines += startLine;
      csv.message = csv.message.replace(/\b(at|on) line (\d+)/g, (_, word: string, line: string) => `${word} line ${Number(line) + startLine}`);
    }
    throw error;
  }
}

type JsonSubject = {
  subjectNumber?: unknown;
  nature?: unknown;
  name?: unknown;
  certificate?: { type?: unknown; number?: unknown };
  province?: unknown;
  leader?: { name?: unknown; mobile?: unknown; email?: unknown };
  filedOn?: unknown;
  services?: unknown;
};
type JsonService = { number?: unknown; name?: unknown; domains?: unknown; access?: unknown };

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const emptyLine = (): RawLine => Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as RawLine;

/** JSON Lines: one subject per line, one record per service (all with the line's number). */
function parseJsonLines(text: string, startLine: number): SourceRecord[] {
  const texts = text.split(/\r\n|\n|\r/);
  // The chunk ends with a line break (but the file's last line may not): nothing follows the last one.
  if (texts.at(-1) === '') texts.pop();
  const records: SourceRecord[] = [];
  for (let at = 0; at < texts.length; at += 1) {
    const line = startLine + at + 1;
    const lineText = texts[at]!;
    if (lineText.trim() === '') continue;
    let value: JsonSubject;
    try {
      value = JSON.parse(line === 1 ? lineText.replace(/^\uFEFF/, '') : lineText) as JsonSubject;
    } catch {
      records.push({ line, unreadable: { zh: '该行不是有效的 JSON', en: 'this line is not valid JSON' } });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      records.push({ line, unreadable: { zh: '该行应为一个 JSON 对象（一个主体）', en: 'this line must be one JSON object (one subject)' } });
      continue;
    }
    const subject = emptyLine();
    subject.subject_number = str(value.subjectNumber);
    subject.subject_nature = str(value.nature);
    subject.subject_name = str(value.name);
    subject.certificate_type = str(value.certificate?.type);
    subject.certificate_number = str(value.certificate?.number);
    subject.province = str(value.province);
    subject.leader_name = str(value.leader?.name);
    subject.leader_mobile = str(value.leader?.mobile);
    subject.leader_email = str(value.leader?.email);
    subject.filed_on = str(value.filedOn);
    const services = Array.isArray(value.services) ? (value.services as JsonService[]) : [];
    if (services.length === 0) records.push({ line, raw: subject });
    for (const service of services) {
      const domains = Array.isArray(service?.domains) ? (service.domains as unknown[]).map(str).join(' ') : str(service?.domains);
      records.push({ line, raw: { ...subject, service_number: str(service?.number), service_name: str(service?.name), service_domains: domains, access_state: str(service?.access) } });
    }
  }
  return records;
}
