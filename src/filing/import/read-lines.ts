import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { IMPORT_COLUMNS, type ImportColumn, type RawLine } from './records.ts';

export type ImportFormat = 'csv' | 'jsonl';
/** One line of the file (a JSON Lines subject yields one per service, all with its line number). */
export type ReadLine = { line: number; raw: RawLine } | { line: number; unreadable: { zh: string; en: string } };

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

const emptyLine = (): RawLine => Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as RawLine;

/** Lines handed over at a time: one await per batch instead of one per line. */
const BATCH = 512;

/**
 * Reads the file as a stream, in small batches of lines: csv-parse for CSV (quotes, embedded commas and line
 * breaks, a BOM from Excel), readline for JSON Lines. Memory stays flat whatever the size.
 */
export async function* readImportLines(path: string, format: ImportFormat = formatOf(path)): AsyncGenerator<ReadLine[]> {
  let batch: ReadLine[] = [];
  for await (const line of format === 'jsonl' ? readJsonLines(path) : readCsv(path)) {
    batch.push(...line);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function headerIndexes(header: string[]): number[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) throw new ImportFileError(`第 1 行表头有未知的列：${unknown.join('、')}`, `line 1 (header): unknown column(s) ${unknown.join(', ')}`);
  const absent = IMPORT_COLUMNS.filter((c) => c !== 'leader_email' && c !== 'access_state' && !names.includes(c));
  if (absent.length) throw new ImportFileError(`第 1 行表头缺少列：${absent.join('、')}`, `line 1 (header): missing column(s) ${absent.join(', ')}`);
  return IMPORT_COLUMNS.map((c) => names.indexOf(c));
}

async function* readCsv(path: string): AsyncGenerator<ReadLine[]> {
  let indexes: number[] | null = null;
  const parser = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  let batch: ReadLine[] = [];
  for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!indexes) {
      indexes = headerIndexes(entry.record);
      continue;
    }
    const raw = {} as RawLine;
    for (let c = 0; c < IMPORT_COLUMNS.length; c += 1) raw[IMPORT_COLUMNS[c] as ImportColumn] = indexes[c]! >= 0 ? (entry.record[indexes[c]!] ?? '') : '';
    batch.push({ line: entry.info.lines, raw });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (!indexes) throw new ImportFileError('文件为空：第 1 行应为表头', 'the file is empty: line 1 must be the header');
  if (batch.length) yield batch;
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

async function* readJsonLines(path: string): AsyncGenerator<ReadLine[]> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let value: JsonSubject;
    try {
      value = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text) as JsonSubject;
    } catch {
      yield [{ line, unreadable: { zh: '该行不是有效的 JSON', en: 'this line is not valid JSON' } }];
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield [{ line, unreadable: { zh: '该行应为一个 JSON 对象（一个主体）', en: 'this line must be one JSON object (one subject)' } }];
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
    if (services.length === 0) yield [{ line, raw: subject }];
    yield services.map((service) => {
      const domains = Array.isArray(service?.domains) ? (service.domains as unknown[]).map(str).join(' ') : str(service?.domains);
      return { line, raw: { ...subject, service_number: str(service?.number), service_name: str(service?.name), service_domains: domains, access_state: str(service?.access) } };
    });
  }
}
