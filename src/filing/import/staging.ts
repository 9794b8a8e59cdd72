import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import type { DatabaseKind } from '../../core/db/database.ts';

/**
 * The staging table of one import run, holding every good line, subjects and services alike, so the filed tables
 * are written by a few set-based statements instead of a million small ones. `problem` and `skipped` are set by
 * those statements (a duplicate in the file, a number already filed here). It is created and dropped inside the
 * run's transaction (a failed run leaves no table; a second run at the same time waits for the first), and
 * UNLOGGED rather than TEMP: a temporary table lives in the session's 8 MB of temp_buffers and spills to disk at
 * a million rows, an unlogged one uses the shared buffers and writes no WAL.
 */
export const DROP_STAGING = 'DROP TABLE import_rows';
export const CREATE_STAGING = `
CREATE UNLOGGED TABLE import_rows (
  rec           char(1) NOT NULL,            -- 's' subject, 'v' service
  line          integer NOT NULL,            -- the line this row was read from (a subject: its first line)
  group_line    integer NOT NULL,            -- the first line of the subject the row belongs to
  number        text NOT NULL,
  province      text,
  subject_key   text,
  leader_key    text,
  name          text NOT NULL,
  nature        text,
  draft         text,
  filed_at      timestamptz,
  lines         integer[],                   -- a subject: every good line of it, for the rejects file
  seq           integer,
  kind          text,
  domain        text,
  domains       text[],
  home_url      text,
  leader_name   text,
  access_state  text,
  problem       text,
  ref           text,
  skipped       boolean NOT NULL DEFAULT false
)`;

export type StagingRow = {
  rec: 's' | 'v';
  line: number;
  groupLine: number;
  number: string;
  province: string | null;
  subjectKey: string | null;
  leaderKey: string | null;
  name: string;
  nature: string | null;
  draft: string | null;
  filedAt: string | null;
  lines: readonly number[] | null;
  seq: number | null;
  kind: string | null;
  domain: string | null;
  domains: readonly string[] | null;
  homeUrl: string | null;
  leaderName: string | null;
  accessState: string | null;
};

const COLUMNS = 'rec, line, group_line, number, province, subject_key, leader_key, name, nature, draft, filed_at, lines, seq, kind, domain, domains, home_url, leader_name, access_state';
const COLUMN_COUNT = 19;

function values(row: StagingRow): unknown[] {
  return [row.rec, row.line, row.groupLine, row.number, row.province, row.subjectKey, row.leaderKey, row.name, row.nature, row.draft, row.filedAt, row.lines, row.seq, row.kind, row.domain, row.domains, row.homeUrl, row.leaderName, row.accessState];
}

/**
 * Staged rows as they travel from the threads that check and encrypt them to the one that writes them: PostgreSQL
 * takes COPY's text format (the encoding is done where the row is made, off the writing thread), PGlite the values.
 */
export type StagedRows = { kind: 'copy'; rows: number; text: string } | { kind: 'values'; rows: number; values: unknown[][] };
export type StagedEncoding = StagedRows['kind'];

/** Collects staged rows in one encoding; `take()` hands them over and starts afresh. */
export class StagedRowsBuilder {
  private text = '';
  private values: unknown[][] = [];
  private rows = 0;

  constructor(readonly encoding: StagedEncoding) {}

  add(row: StagingRow): void {
    this.rows += 1;
    if (this.encoding === 'copy') this.text += copyLine(row);
    else this.values.push(values(row));
  }

  take(): StagedRows {
    const taken: StagedRows = this.encoding === 'copy' ? { kind: 'copy', rows: this.rows, text: this.text } : { kind: 'values', rows: this.rows, values: this.values };
    this.text = '';
    this.values = [];
    this.rows = 0;
    return taken;
  }
}

/** One row in COPY's text format, with its line end. */
function copyLine(row: StagingRow): string {
  return `${copyText(row.rec)}\t${row.line}\t${row.groupLine}\t${copyText(row.number)}\t${copyText(row.province)}\t${copyText(row.subjectKey)}\t${copyText(row.leaderKey)}\t${copyText(row.name)}\t${copyText(row.nature)}\t${copyText(row.draft)}\t${copyText(row.filedAt)}\t${copyArray(row.lines)}\t${row.seq ?? '\\N'}\t${copyText(row.kind)}\t${copyText(row.domain)}\t${copyArray(row.domains)}\t${copyText(row.homeUrl)}\t${copyText(row.leaderName)}\t${copyText(row.accessState)}\n`;
}

export type Stage = { write(rows: StagedRows): Promise<void>; finish(): Promise<void>; readonly method: string };

/**
 * PostgreSQL: one `COPY … FROM STDIN` stream (text format) for the whole file, written in the chunks the checking
 * threads encoded, with back-pressure. PGlite: it has no COPY FROM STDIN through its node-postgres adapter (only
 * `/dev/blob`, which needs the whole file in memory), so multi-row INSERTs of 500 rows each.
 */
export function openStage(client: pg.PoolClient, kind: DatabaseKind): Stage {
  return kind === 'postgres' ? copyStage(client) : insertStage(client);
}

/** The encoding the stage of a database takes. */
export function stagedEncodingOf(kind: DatabaseKind): StagedEncoding {
  return kind === 'postgres' ? 'copy' : 'values';
}

function copyStage(client: pg.PoolClient): Stage {
  const stream = client.query(copyFrom(`COPY import_rows (${COLUMNS}) FROM STDIN`)) as unknown as Writable;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // An error before finish() is awaited must not go unhandled; finish() rethrows it.
  done.catch(() => undefined);
  return {
    method: 'COPY FROM STDIN',
    async write(rows) {
      if (rows.kind !== 'copy') throw new Error('the COPY stage takes rows in COPY text format');
      if (rows.text !== '' && !stream.write(rows.text)) await Promise.race([once(stream, 'drain'), done]);
    },
    async finish() {
      stream.end();
      await done;
    },
  };
}

/** A value in COPY's text format. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** An array in COPY's text format: the arrays hold integers or ASCII domain names (letters, digits, '-', '.'). */
function copyArray(value: readonly (number | string)[] | null): string {
  return value === null ? '\\N' : `{${value.join(',')}}`;
}

function insertStage(client: pg.PoolClient): Stage {
  const BATCH = 500;
  const insert = async (batch: unknown[][]) => {
    const params: unknown[] = [];
    const tuples = batch.map((row, r) => {
      params.push(...row);
      return `(${Array.from({ length: COLUMN_COUNT }, (_, c) => `$${r * COLUMN_COUNT + c + 1}`).join(', ')})`;
    });
    await client.query(`INSERT INTO import_rows (${COLUMNS}) VALUES ${tuples.join(', ')}`, params);
  };
  return {
    method: 'multi-row INSERT (500 rows each)',
    async write(rows) {
      if (rows.kind !== 'values') throw new Error('the INSERT stage takes rows as values');
      for (let at = 0; at < rows.values.length; at += BATCH) await insert(rows.values.slice(at, at + BATCH));
    },
    finish: async () => undefined,
  };
}
