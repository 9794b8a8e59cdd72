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

export type Stage = { add(row: StagingRow): Promise<void>; finish(): Promise<void>; readonly method: string };

/**
 * PostgreSQL: one `COPY … FROM STDIN` stream (text format) for the whole file, written in 256 kB chunks with
 * back-pressure. PGlite: it has no COPY FROM STDIN through its node-postgres adapter (only `/dev/blob`, which needs
 * the whole file in memory), so multi-row INSERTs of 500 rows each.
 */
export function openStage(client: pg.PoolClient, kind: DatabaseKind): Stage {
  return kind === 'postgres' ? copyStage(client) : insertStage(client);
}

function copyStage(client: pg.PoolClient): Stage {
  const stream = client.query(copyFrom(`COPY import_rows (${COLUMNS}) FROM STDIN`)) as unknown as Writable;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // An error before finish() is awaited must not go unhandled; finish() rethrows it.
  done.catch(() => undefined);
  let chunk = '';
  const flush = async () => {
    if (chunk === '') return;
    const text = chunk;
    chunk = '';
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    method: 'COPY FROM STDIN',
    async add(row) {
      chunk += values(row).map(copyText).join('\t') + '\n';
      if (chunk.length >= 256 * 1024) await flush();
    },
    async finish() {
      await flush();
      stream.end();
      await done;
    },
  };
}

/** A value in COPY's text format. Arrays hold integers or ASCII domain names (letters, digits, '-', '.'). */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

function insertStage(client: pg.PoolClient): Stage {
  const BATCH = 500;
  let batch: StagingRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row, r) => {
      params.push(...values(row));
      return `(${Array.from({ length: COLUMN_COUNT }, (_, c) => `$${r * COLUMN_COUNT + c + 1}`).join(', ')})`;
    });
    batch = [];
    await client.query(`INSERT INTO import_rows (${COLUMNS}) VALUES ${tuples.join(', ')}`, params);
  };
  return {
    method: 'multi-row INSERT (500 rows each)',
    async add(row) {
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    },
    finish: flush,
  };
}
