import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Kysely, PostgresDialect, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { writeAudit, type Actor } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { newId } from '../../core/ids.ts';
import { afterBulkAllowed, recordBulkAllowed } from '../../enforcement/index.ts';
import { shanghaiDate, type Bilingual } from '../../rules/index.ts';
import { openCheckers, type Checkers } from './checkers.ts';
import type { ChunkResult } from './check-chunk.ts';
import { deferIndexesOfEmptyTables } from './bulk-indexes.ts';
import { continuesSubject, stageRecords, type Problem, type SourceRecord, type Staged } from './groups.ts';
import { ImportFileError, formatOf, readChunks, readHeader, type ImportFormat } from './read-lines.ts';
import { CREATE_STAGING, DROP_STAGING, openStage, stagedEncodingOf } from './staging.ts';

export type ImportProgress = { phase: 'reading' | 'loading' | 'done'; lines: number; elapsedMs: number };
export type ImportInput = {
  path: string;
  format?: ImportFormat;
  rejectsPath?: string;
  onProgress?: (progress: ImportProgress) => void;
  progressEveryMs?: number;
  /** Worker threads that check and encrypt the file's chunks; default one per core for a file of 8 MB or more, none below (starting them costs more than a small file's work). */
  threads?: number;
  /** About how many bytes of the file make one chunk (default 128 kB). */
  chunkBytes?: number;
};
export type ImportSummary = {
  lines: number;
  importedSubjects: number;
  importedServices: number;
  /** Subjects whose number is filed here already (a re-run of the same file): left as they are. */
  skippedSubjects: number;
  rejectedLines: number;
  /** The first few rejected line numbers, ascending. */
  firstRejectedLines: number[];
  rejectsPath: string;
  method: string;
  elapsedMs: number;
  /** Milliseconds of each part of the run (reading the file, then each statement, the change feed, the commit). */
  steps: Record<string, number>;
};

const FIRST_REJECTS = 10;
// Small enough that a chunk's garbage dies young (2 MB chunks cost a fifth more CPU in the garbage collector).
const CHUNK_BYTES = 128 * 1024;
const THREADS_FROM_BYTES = 8 * 1024 * 1024;
const problemText = (field: string, message: Bilingual) => ({ field, message });
type Reject = (line: number, problems: Problem[]) => void;

/**
 * `openbeian import FILE`: filed subjects and services from an earlier system into the filed records. Streams the
 * file in chunks, which worker threads parse, check with the platform's rules and encrypt in parallel (their results
 * are taken in file order, and the subjects a chunk's end cut apart are finished here), writes bad lines (with their line number and the column named)
 * to a rejects file and goes on; stages the good ones (COPY on PostgreSQL) and writes the filed tables with a few
 * set-based statements, in one transaction: a run that fails leaves nothing behind, and a second run of the same
 * file skips every subject already filed. Personal data is encrypted in the record's draft; the certificate and an
 * individual's ID become keyed hashes. The enforcement index and its change feed learn the new domains in the same
 * transaction; the public query reads the tables.
 */
export async function importFilings(ctx: AppContext, actor: Actor, input: ImportInput): Promise<ImportSummary> {
  const started = performance.now();
  const format = input.format ?? formatOf(input.path);
  const rejectsPath = input.rejectsPath ?? `${input.path}.rejects.csv`;
  const rejects = createWriteStream(rejectsPath);
  rejects.write('\uFEFFline,field,problem_zh,problem_en\n');
  let rejectedLines = 0;
  const firstRejected: number[] = [];
  const rejectedSet = new Set<number>();
  const reject: Reject = (line, problems) => {
    for (const p of problems) rejects.write(`${line},${csvCell(p.field)},${csvCell(p.message.zh)},${csvCell(p.message.en)}\n`);
    if (rejectedSet.has(line)) return;
    rejectedSet.add(line);
    rejectedLines += 1;
    // The lowest numbers: the subjects a chunk's end cut apart and the duplicates found in SQL come out of order.
    if (firstRejected.length < FIRST_REJECTS || line < firstRejected.at(-1)!) {
      const at = firstRejected.findIndex((l) => l > line);
      firstRejected.splice(at < 0 ? firstRejected.length : at, 0, line);
      firstRejected.length = Math.min(firstRejected.length, FIRST_REJECTS);
    }
    // Memory stays bounded: only the latest lines are needed (a JSON Lines subject repeats its line per service).
    if (rejectedSet.size > 1000) rejectedSet.clear();
  };

  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const client = await ctx.database.pool.connect();
  const db = singleConnection(client);
  let isBroken = false;
  let isReleased = false;
  let lines = 0;
  try {
    const counts = await db.transaction().execute(async (tx) => {
      if (ctx.database.kind === 'postgres') {
        // A bulk load: room to sort and hash in memory, and a commit that need not wait for the disk (a crash before
        // it is flushed loses the run, which is then simply run again).
        await client.query(`SET LOCAL work_mem = '256MB'`);
        await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
        await client.query('SET LOCAL synchronous_commit = off');
      }
      await client.query(CREATE_STAGING);
      const stage = openStage(client, ctx.database.kind);
      const encoding = stagedEncodingOf(ctx.database.kind);
      const threads = input.threads ?? (statSync(input.path).size >= THREADS_FROM_BYTES ? availableParallelism() : 0);
      let checkers: Checkers | null = null;
      // Results are taken in file order, so rejects keep their order and a subject cut by a chunk's end is joined up.
      const results: Promise<ChunkResult>[] = [];
      let carry: SourceRecord[] = [];
      const write = async (staged: Staged) => {
        for (const rejection of staged.rejections) reject(rejection.line, rejection.problems);
        await stage.write(staged.rows);
      };
      const stageHere = (records: SourceRecord[]) => write(stageRecords(records, { today, cipher: ctx.cipher, encoding }));
      let lastReport = performance.now();
      const every = input.progressEveryMs ?? 1000;
      const take = async (result: ChunkResult) => {
        lines += result.lines;
        if (continuesSubject(carry, result.head)) {
          carry = carry.concat(result.head);
        } else {
          await stageHere(carry);
          carry = result.head;
        }
        if (result.tail.length > 0) {
          await stageHere(carry);
          await write(result.body);
          carry = result.tail;
        }
        if (input.onProgress && performance.now() - lastReport >= every) {
          lastReport = performance.now();
          input.onProgress({ phase: 'reading', lines, elapsedMs: lastReport - started });
        }
      };
      try {
        let indexes: number[] | null = null;
        for await (const chunk of readChunks(input.path, format, input.chunkBytes ?? CHUNK_BYTES)) {
          if (format === 'csv' && !indexes) {
            indexes = readHeader(chunk.bytes);
            continue;
          }
          checkers ??= openCheckers({ format, indexes, today, encoding, encryption: ctx.config.encryption, lookup: ctx.config.lookup }, threads, ctx.cipher);
          const result = checkers.check(chunk);
          // Awaited in turn below; a failure meanwhile must not count as unhandled.
          result.catch(() => undefined);
          results.push(result);
          // Enough chunks ahead to keep every thread busy, few enough to keep memory flat.
          while (results.length > Math.max(2, 4 * threads)) await take(await results.shift()!);
        }
        if (format === 'csv' && !indexes) throw new ImportFileError('文件为空：第 1 行应为表头', 'the file is empty: line 1 must be the header');
        while (results.length > 0) await take(await results.shift()!);
        await stageHere(carry);
        await stage.finish();
      } catch (error) {
        // The COPY stream is in an unknown state: the connection is not given back to the pool.
        isBroken = ctx.database.kind === 'postgres';
        throw error;
      } finally {
        await (checkers as Checkers | null)?.close();
      }
      const read = performance.now();
      input.onProgress?.({ phase: 'loading', lines, elapsedMs: read - started });
      const loaded = await loadStaged(client, now);
      loaded.steps = { 'read, check, stage': Math.round(read - started), ...loaded.steps };
      for (const row of loaded.rejected) {
        for (const line of row.lines) reject(line, [problemText(row.field, row.message)]);
      }
      const feed = performance.now();
      await recordBulkAllowed(ctx, tx, `SELECT unnest(v.domains) FROM import_rows v JOIN import_rows s ON s.rec = 's' AND s.group_line = v.group_line WHERE v.rec = 'v' AND s.problem IS NULL AND NOT s.skipped AND v.access_state = 'connected'`, now);
      loaded.steps['change feed'] = Math.round(performance.now() - feed);
      await client.query(DROP_STAGING);
      const runId = newId();
      await writeAudit(tx, actor, now, {
        entityType: 'import',
        entityId: runId,
        action: 'filings_imported',
        data: { file: basename(input.path), format, lines, subjects: loaded.subjects, services: loaded.services, skipped: loaded.skipped, rejectedLines },
      });
      return { ...loaded, method: stage.method, committing: performance.now() };
    });
    counts.steps.commit = Math.round(performance.now() - counts.committing);
    // Given back before the index reloads: on PGlite that connection is the only one.
    client.release();
    isReleased = true;
    await afterBulkAllowed(ctx).catch((error: unknown) => ctx.logger.error({ err: error }, 'enforcement index reload after import failed'));
    const summary: ImportSummary = {
      lines,
      importedSubjects: counts.subjects,
      importedServices: counts.services,
      skippedSubjects: counts.skipped,
      rejectedLines,
      firstRejectedLines: firstRejected.slice(0, FIRST_REJECTS),
      rejectsPath,
      method: counts.method,
      elapsedMs: performance.now() - started,
      steps: counts.steps,
    };
    input.onProgress?.({ phase: 'done', lines, elapsedMs: summary.elapsedMs });
    return summary;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ImportFileError) throw cause;
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const line = (error as { lines?: number }).lines;
      throw new ImportFileError(`CSV 格式错误（第 ${line ?? '?'} 行）：${(error as Error).message}，导入已取消，未写入任何数据`, `CSV format error (line ${line ?? '?'}): ${(error as Error).message}; nothing was imported`);
    }
    throw error;
  } finally {
    if (!isReleased) client.release(isBroken ? true : undefined);
    rejects.end();
    await once(rejects, 'finish').catch(() => undefined);
  }
}

type Loaded = { subjects: number; services: number; skipped: number; rejected: { lines: number[]; field: string; message: Bilingual }[]; steps: Record<string, number> };

/**
 * The set-based part: duplicates inside the file and against the filed records are marked, then the good subjects
 * and their services are inserted in two statements.
 */
async function loadStaged(client: pg.PoolClient, now: Date): Promise<Loaded> {
  // How long each statement took, for the summary: where a slow import spends its time.
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const begun = performance.now();
    try {
      return await run();
    } finally {
      steps[name] = Math.round(performance.now() - begun);
    }
  };
  await step('index staging', () => client.query(`CREATE INDEX ON import_rows (group_line) WHERE rec = 's'`));
  await step('analyze staging', () => client.query(`ANALYZE import_rows`));
  // The same subject number again further down the file: the first one counts.
  await step('duplicate subjects', () => client.query(`
    UPDATE import_rows r SET problem = 'duplicate_subject', ref = d.first::text
      FROM (SELECT number, min(group_line) AS first FROM import_rows WHERE rec = 's' GROUP BY number HAVING count(*) > 1) d
     WHERE r.rec = 's' AND r.number = d.number AND r.group_line > d.first`));
  // The same certificate under two numbers in the file: the first one counts.
  await step('duplicate certificates', () => client.query(`
    UPDATE import_rows r SET problem = 'duplicate_certificate', ref = d.first::text
      FROM (SELECT subject_key, min(group_line) AS first FROM import_rows WHERE rec = 's' AND problem IS NULL GROUP BY subject_key HAVING count(*) > 1) d
     WHERE r.rec = 's' AND r.problem IS NULL AND r.subject_key = d.subject_key AND r.group_line > d.first`));
  // A certificate filed here already under another number: one subject, one number.
  await step('certificates filed', () => client.query(`
    UPDATE import_rows r SET problem = 'certificate_filed', ref = f.number
      FROM filed_subjects f
     WHERE r.rec = 's' AND r.problem IS NULL AND f.subject_key = r.subject_key AND f.status = 'active' AND f.number <> r.number`));
  const skipped = await step('numbers filed', () => client.query(`
    UPDATE import_rows r SET skipped = true FROM filed_subjects f WHERE r.rec = 's' AND r.problem IS NULL AND f.number = r.number`));
  const indexes = await step('drop indexes', () => deferIndexesOfEmptyTables(client));
  const subjects = await step('insert subjects', () => client.query(
    `INSERT INTO filed_subjects (number, province, user_id, subject_key, leader_key, name, nature, draft, status, approved_at, updated_at)
     SELECT number, province, NULL, subject_key, leader_key, name, nature, draft, 'active', filed_at, $1 FROM import_rows
      WHERE rec = 's' AND problem IS NULL AND NOT skipped`,
    [now],
  ));
  const services = await step('insert services', () => client.query(
    `INSERT INTO filed_services (number, subject_number, seq, kind, name, domain, domains, home_url, content_types, leader_name, access_state, approved_at, updated_at)
     SELECT v.number, s.number, v.seq, v.kind, v.name, v.domain, v.domains, v.home_url, '{}', v.leader_name, v.access_state, s.filed_at, $1
       FROM import_rows v JOIN import_rows s ON s.rec = 's' AND s.group_line = v.group_line
      WHERE v.rec = 'v' AND s.problem IS NULL AND NOT s.skipped`,
    [now],
  ));
  await step('insert history', () => client.query(`
    INSERT INTO filing_history (subject_number, order_id, kind, at, summary)
    SELECT number, NULL, 'import', $1, 'imported from an earlier system' FROM import_rows WHERE rec = 's' AND problem IS NULL AND NOT skipped`, [now]));
  await step('build indexes', () => indexes.rebuild());
  const bad = await client.query<{ lines: number[]; problem: string; ref: string }>(`SELECT lines, problem, ref FROM import_rows WHERE rec = 's' AND problem IS NOT NULL ORDER BY group_line`);
  return {
    subjects: subjects.rowCount ?? 0,
    services: services.rowCount ?? 0,
    skipped: skipped.rowCount ?? 0,
    rejected: bad.rows.map((row) => ({ lines: row.lines, ...duplicateMessage(row.problem, row.ref) })),
    steps,
  };
}

function duplicateMessage(problem: string, ref: string): { field: string; message: Bilingual } {
  switch (problem) {
    case 'duplicate_subject':
      return { field: 'subject_number', message: { zh: `subject_number：与第 ${ref} 行的主体备案号重复`, en: `subject_number: the same subject number as line ${ref}` } };
    case 'duplicate_certificate':
      return { field: 'certificate_number', message: { zh: `certificate_number：该证件已在第 ${ref} 行以另一个备案号出现`, en: `certificate_number: this certificate appears on line ${ref} under another number` } };
    default:
      return { field: 'certificate_number', message: { zh: `certificate_number：该证件已在本平台以 ${ref} 备案`, en: `certificate_number: this certificate is filed here already as ${ref}` } };
  }
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A Kysely instance over one checked-out connection, so the audit row joins the COPY's transaction. */
function singleConnection(client: pg.PoolClient): Kysely<DB> {
  const wrapped: PostgresPoolClient = {
    query: ((text: string, parameters: readonly unknown[]) => client.query(text, parameters as unknown[])) as unknown as PostgresPoolClient['query'],
    release: () => undefined,
  };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: { connect: async () => wrapped, end: async () => undefined } }) });
}
