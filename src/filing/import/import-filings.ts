import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { Kysely, PostgresDialect, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { writeAudit, type Actor } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { DB } from '../../core/db/schema.ts';
import { newId } from '../../core/ids.ts';
import { afterBulkAllowed, recordBulkAllowed } from '../../enforcement/index.ts';
import { shanghaiDate, type Bilingual } from '../../rules/index.ts';
import { ImportFileError, formatOf, readImportLines, type ImportFormat } from './read-lines.ts';
import { checkService, checkSubject, hasService, parseFilingNumberKey, recordDraft, type ImportedService, type ImportedSubject, type RawLine } from './records.ts';
import { CREATE_STAGING, DROP_STAGING, openStage, type Stage } from './staging.ts';

export type ImportProgress = { phase: 'reading' | 'loading' | 'done'; lines: number; elapsedMs: number };
export type ImportInput = { path: string; format?: ImportFormat; rejectsPath?: string; onProgress?: (progress: ImportProgress) => void; progressEveryMs?: number };
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
};

const FIRST_REJECTS = 10;
const problemText = (field: string, message: Bilingual) => ({ field, message });

type Reject = (line: number, problems: { field: string; message: Bilingual }[]) => void;
/** The lines of one subject; `rejectedLine` is the first of them that was rejected (the subject then goes whole). */
type Group = { key: string; firstLine: number; subject: ImportedSubject | null; services: ImportedService[]; serviceLines: Map<string, number>; lines: number[]; rejectedLine: number | null };

/**
 * `openbeian import FILE`: filed subjects and services from an earlier system into the filed records. Streams the
 * file, checks every line with the platform's rules, writes bad lines (with their line number and the column named)
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
    if (firstRejected.length < FIRST_REJECTS) firstRejected.push(line);
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
      let group: Group | null = null;
      let lastReport = performance.now();
      const every = input.progressEveryMs ?? 1000;
      let lastLine = 0;
      try {
        for await (const batch of readImportLines(input.path, format)) {
          for (const read of batch) {
            if (read.line !== lastLine) {
              lines += 1;
              lastLine = read.line;
            }
            if ('unreadable' in read) {
              reject(read.line, [problemText('line', read.unreadable)]);
              continue;
            }
            group = await takeLine(ctx, stage, group, read.line, read.raw, today, reject);
          }
          if (input.onProgress && performance.now() - lastReport >= every) {
            lastReport = performance.now();
            input.onProgress({ phase: 'reading', lines, elapsedMs: lastReport - started });
          }
        }
        if (group) await flushGroup(ctx, stage, group, reject);
        await stage.finish();
      } catch (error) {
        // The COPY stream is in an unknown state: the connection is not given back to the pool.
        isBroken = ctx.database.kind === 'postgres';
        throw error;
      }
      input.onProgress?.({ phase: 'loading', lines, elapsedMs: performance.now() - started });
      const loaded = await loadStaged(client, now);
      for (const row of loaded.rejected) {
        for (const line of row.lines) reject(line, [problemText(row.field, row.message)]);
      }
      await recordBulkAllowed(ctx, tx, `SELECT unnest(v.domains) FROM import_rows v JOIN import_rows s ON s.rec = 's' AND s.group_line = v.group_line WHERE v.rec = 'v' AND s.problem IS NULL AND NOT s.skipped AND v.access_state = 'connected'`, now);
      await client.query(DROP_STAGING);
      const runId = newId();
      await writeAudit(tx, actor, now, {
        entityType: 'import',
        entityId: runId,
        action: 'filings_imported',
        data: { file: basename(input.path), format, lines, subjects: loaded.subjects, services: loaded.services, skipped: loaded.skipped, rejectedLines },
      });
      return { ...loaded, method: stage.method };
    });
    // Given back before the index reloads: on PGlite that connection is the only one.
    client.release();
    isReleased = true;
    await afterBulkAllowed(ctx).catch((error: unknown) => ctx.logger.error({ err: error }, 'enforcement index reload after import failed'));
    firstRejected.sort((a, b) => a - b);
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

/** Adds one line to the current subject, or closes it and starts the next (a subject's lines are adjacent). */
async function takeLine(ctx: AppContext, stage: Stage, group: Group | null, line: number, raw: RawLine, today: string, reject: Reject): Promise<Group> {
  const key = parseFilingNumberKey(raw.subject_number);
  let current = group;
  const refuse = (problems: { field: string; message: Bilingual }[]) => {
    reject(line, problems);
    if (current && current.rejectedLine === null) current.rejectedLine = line;
    return current!;
  };
  if (!current || current.key !== key || key === '') {
    if (current) await flushGroup(ctx, stage, current, reject);
    const subject = checkSubject(raw, today);
    current = { key, firstLine: line, subject: subject.ok ? subject.value : null, services: [], serviceLines: new Map(), lines: [], rejectedLine: null };
    if (!subject.ok) return refuse(subject.problems);
    if (!hasService(raw)) {
      current.lines.push(line);
      return current;
    }
  } else if (!current.subject) {
    return refuse([{ field: 'subject_number', message: { zh: `subject_number：该主体在第 ${current.firstLine} 行已被拒绝，其各行一并拒绝`, en: `subject_number: this subject was rejected on line ${current.firstLine}, so all its lines are` } }]);
  } else if (!hasService(raw)) {
    current.lines.push(line);
    return current;
  }
  const service = checkService(raw, current.subject?.number ?? null);
  if (!service.ok) return refuse(service.problems);
  const earlier = current.serviceLines.get(service.value.number);
  if (earlier !== undefined) {
    return refuse([{ field: 'service_number', message: { zh: `service_number：与第 ${earlier} 行的服务备案号重复`, en: `service_number: the same service number as line ${earlier}` } }]);
  }
  current.serviceLines.set(service.value.number, line);
  current.services.push(service.value);
  if (!current.lines.includes(line)) current.lines.push(line);
  return current;
}

/**
 * Stages a subject with its services. A subject is imported whole or not at all: when one of its lines was
 * rejected, its good lines are rejected too, so the corrected lines can be imported again later as one subject
 * (a subject already filed here is skipped, and a service added afterwards would be lost).
 */
async function flushGroup(ctx: AppContext, stage: Stage, group: Group, reject: Reject): Promise<void> {
  const subject = group.subject;
  if (!subject || group.lines.length === 0) return;
  if (group.rejectedLine !== null) {
    const message = { zh: `该主体的第 ${group.rejectedLine} 行被拒绝，主体须整体导入，请改正后连同本行重新导入`, en: `line ${group.rejectedLine} of this subject was rejected; a subject is imported whole, so import this line again with the corrected one` };
    for (const line of group.lines) if (line !== group.rejectedLine) reject(line, [{ field: 'subject_number', message: { zh: `subject_number：${message.zh}`, en: `subject_number: ${message.en}` } }]);
    return;
  }
  const isPerson = subject.nature === 'individual';
  const draft = recordDraft(subject, group.services);
  await stage.add({
    rec: 's',
    line: group.firstLine,
    groupLine: group.firstLine,
    number: subject.number,
    province: subject.province,
    subjectKey: ctx.cipher.lookupHash(`${subject.certificate.type}:${subject.certificate.number}`),
    leaderKey: isPerson ? ctx.cipher.lookupHash(subject.certificate.number) : '',
    name: subject.name,
    nature: subject.nature,
    draft: ctx.cipher.encrypt(JSON.stringify(draft)),
    filedAt: `${subject.filedOn}T00:00:00+08:00`,
    lines: group.lines,
    seq: null,
    kind: null,
    domain: null,
    domains: null,
    homeUrl: null,
    leaderName: null,
    accessState: null,
  });
  for (const service of group.services) {
    await stage.add({
      rec: 'v',
      line: group.serviceLines.get(service.number) ?? group.firstLine,
      groupLine: group.firstLine,
      number: service.number,
      province: null,
      subjectKey: null,
      leaderKey: null,
      name: service.name,
      nature: null,
      draft: null,
      filedAt: null,
      lines: null,
      seq: service.seq,
      kind: service.kind,
      domain: service.domains[0] ?? null,
      domains: service.domains,
      homeUrl: service.domains[0] ? `http://www.${service.domains[0]}` : null,
      leaderName: subject.leader.name,
      accessState: service.access,
    });
  }
}

type Loaded = { subjects: number; services: number; skipped: number; rejected: { lines: number[]; field: string; message: Bilingual }[] };

/**
 * The set-based part: duplicates inside the file and against the filed records are marked, then the good subjects
 * and their services are inserted in two statements.
 */
async function loadStaged(client: pg.PoolClient, now: Date): Promise<Loaded> {
  await client.query(`CREATE INDEX ON import_rows (group_line) WHERE rec = 's'`);
  await client.query(`ANALYZE import_rows`);
  // The same subject number again further down the file: the first one counts.
  await client.query(`
    UPDATE import_rows r SET problem = 'duplicate_subject', ref = d.first::text
      FROM (SELECT number, min(group_line) AS first FROM import_rows WHERE rec = 's' GROUP BY number HAVING count(*) > 1) d
     WHERE r.rec = 's' AND r.number = d.number AND r.group_line > d.first`);
  // The same certificate under two numbers in the file: the first one counts.
  await client.query(`
    UPDATE import_rows r SET problem = 'duplicate_certificate', ref = d.first::text
      FROM (SELECT subject_key, min(group_line) AS first FROM import_rows WHERE rec = 's' AND problem IS NULL GROUP BY subject_key HAVING count(*) > 1) d
     WHERE r.rec = 's' AND r.problem IS NULL AND r.subject_key = d.subject_key AND r.group_line > d.first`);
  // A certificate filed here already under another number: one subject, one number.
  await client.query(`
    UPDATE import_rows r SET problem = 'certificate_filed', ref = f.number
      FROM filed_subjects f
     WHERE r.rec = 's' AND r.problem IS NULL AND f.subject_key = r.subject_key AND f.status = 'active' AND f.number <> r.number`);
  const skipped = await client.query(`
    UPDATE import_rows r SET skipped = true FROM filed_subjects f WHERE r.rec = 's' AND r.problem IS NULL AND f.number = r.number`);
  const subjects = await client.query(
    `INSERT INTO filed_subjects (number, province, user_id, subject_key, leader_key, name, nature, draft, status, approved_at, updated_at)
     SELECT number, province, NULL, subject_key, leader_key, name, nature, draft, 'active', filed_at, $1 FROM import_rows
      WHERE rec = 's' AND problem IS NULL AND NOT skipped`,
    [now],
  );
  const services = await client.query(
    `INSERT INTO filed_services (number, subject_number, seq, kind, name, domain, domains, home_url, content_types, leader_name, access_state, approved_at, updated_at)
     SELECT v.number, s.number, v.seq, v.kind, v.name, v.domain, v.domains, v.home_url, '{}', v.leader_name, v.access_state, s.filed_at, $1
       FROM import_rows v JOIN import_rows s ON s.rec = 's' AND s.group_line = v.group_line
      WHERE v.rec = 'v' AND s.problem IS NULL AND NOT s.skipped`,
    [now],
  );
  await client.query(`
    INSERT INTO filing_history (subject_number, order_id, kind, at, summary)
    SELECT number, NULL, 'import', $1, 'imported from an earlier system' FROM import_rows WHERE rec = 's' AND problem IS NULL AND NOT skipped`, [now]);
  const bad = await client.query<{ lines: number[]; problem: string; ref: string }>(`SELECT lines, problem, ref FROM import_rows WHERE rec = 's' AND problem IS NOT NULL ORDER BY group_line`);
  return {
    subjects: subjects.rowCount ?? 0,
    services: services.rowCount ?? 0,
    skipped: skipped.rowCount ?? 0,
    rejected: bad.rows.map((row) => ({ lines: row.lines, ...duplicateMessage(row.problem, row.ref) })),
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
