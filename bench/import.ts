// `npm run bench:import`: writes an import file of N lines (default 1,000,000: 500,000 subjects with two websites
// each, one line per website) to a temporary directory, then imports it with the same code as `openbeian import`
// into a fresh database `openbeian_bench_import` on the server DATABASE_URL points at, and prints time and lines/s.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import.ts [--lines 1000000] [--again] [--threads N]
//
// --again imports the same file a second time (everything is skipped: the idempotent re-run's cost).
// --threads sets the checking threads (default: the import's own choice, one per core).
// OPENBEIAN_BENCH_IMPORT_DATABASE picks another database name.

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/core/audit.ts';
import { loadConfig } from '../src/core/config.ts';
import { createContext } from '../src/core/context.ts';
import { openPostgres } from '../src/core/db/database.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { createLogger } from '../src/core/logger.ts';
import { importFilings, type ImportProgress } from '../src/filing/index.ts';
import { PROVINCE_LIST, creditCodeCheckChar, gb11643CheckChar, organisationCodeCheckChar } from '../src/rules/index.ts';
import { adminUrl, requireDatabaseUrl } from './filings-shape.ts';

const DATABASE = process.env.OPENBEIAN_BENCH_IMPORT_DATABASE ?? 'openbeian_bench_import';
const HEADER = 'subject_number,subject_nature,subject_name,certificate_type,certificate_number,province,leader_name,leader_mobile,leader_email,filed_on,service_number,service_name,service_domains,access_state';
const SUFFIXES = ['.com', '.cn', '.com.cn', '.net'];
const DAY_MS = 86_400_000;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? '') : undefined;
}

/** Subject i: nine in ten companies with a valid credit code, one in ten individuals with a valid resident ID. */
function subjectColumns(i: number): string {
  const province = PROVINCE_LIST[i % PROVINCE_LIST.length]!;
  const number = `${province.icpPrefix}ICP备${2010 + Math.floor(i / 900_000)}${String((i % 900_000) + 1).padStart(6, '0')}号`;
  const filedOn = new Date(Date.UTC(2015, 0, 1) + (i % 3000) * DAY_MS).toISOString().slice(0, 10);
  const mobile = `139${String(i).padStart(8, '0')}`;
  if (i % 10 === 9) {
    const birth = new Date(Date.UTC(1960, 0, 1) + (i % 15_000) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `110105${birth}${String(Math.floor(i / 15_000) % 1000).padStart(3, '0')}`;
    return `${number},individual,个人${i},resident_id,${first17}${gb11643CheckChar(first17)},${province.code},个人${i},${mobile},,${filedOn}`;
  }
  const organisation = String(i).padStart(8, '0');
  const first17 = `91330106${organisation}${organisationCodeCheckChar(organisation)}`;
  return `${number},enterprise,示例迁入科技${i}有限公司,business_license,${first17}${creditCodeCheckChar(first17)},${province.code},负责人${i},${mobile},u${i}@example.com,${filedOn}`;
}

async function writeFile(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let line = 0; line < lines; line += 1) {
    const i = Math.floor(line / 2);
    const j = (line % 2) + 1;
    const subject = subjectColumns(i);
    const number = subject.slice(0, subject.indexOf(','));
    const access = i % 20 === 7 && j === 2 ? 'revoked' : 'connected';
    if (!out.write(`${subject},${number}-${j},示例网站${i}-${j},imp${i}x${j}${SUFFIXES[(i + j) % 4]},${access}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** User + system CPU seconds of processes on this machine (0 for one that cannot be read, e.g. a remote server). */
function backendSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // not on this machine
    }
  }
  return ticks / 100;
}

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const lines = Number(argument('lines') ?? 1_000_000);
  if (!Number.isInteger(lines) || lines < 2 || lines > 5_000_000) throw new Error('--lines must be 2 … 5,000,000');
  const dir = mkdtempSync(join(tmpdir(), 'openbeian-import-bench-'));
  const file = join(dir, 'filings.csv');
  try {
    let started = performance.now();
    await writeFile(file, lines);
    console.log(`file: ${lines.toLocaleString('en')} lines (${Math.ceil(lines / 2).toLocaleString('en')} subjects), ${(statSync(file).size / 1e6).toFixed(0)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const admin = await openPostgres(adminUrl(url), 1);
    await admin.pool.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.pool.query(`CREATE DATABASE ${DATABASE}`);
    await admin.close();
    const target = new URL(url);
    target.pathname = `/${DATABASE}`;
    const database = await openPostgres(target.toString(), 4);
    await migrate(database.db);
    const config = loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'warn', DATABASE_URL: target.toString(), OPENBEIAN_DATA_DIR: dir });
    const ctx = createContext(config, database, createLogger('warn'));
    const progress = (p: ImportProgress) => p.phase !== 'done' && console.log(`  ${p.phase}: ${p.lines.toLocaleString('en')} lines after ${(p.elapsedMs / 1000).toFixed(1)} s`);

    started = performance.now();
    const cpu = process.cpuUsage();
    const load = os.loadavg()[0]!;
    const threads = argument('threads');
    const summary = await importFilings(ctx, SYSTEM_ACTOR, { path: file, onProgress: progress, progressEveryMs: 10_000, ...(threads !== undefined ? { threads: Number(threads) } : {}) });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const backends = await database.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    console.log(`import: ${seconds.toFixed(1)} s, ${Math.round(lines / seconds).toLocaleString('en')} lines/s (staged by ${summary.method})`);
    // On a shared machine the wall time says as much about the neighbours as about the import: the CPU time of this
    // process (parsing, checks, encryption) and the load average tell them apart. PostgreSQL's share is not in it.
    console.log(`  node CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (all its threads); load average ${load.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end, on ${os.cpus().length} CPUs`);
    // The server's share: CPU of this database's backends (the import's connection among them), from /proc. Not in
    // it: parallel workers of the index builds and the server's own WAL writer and checkpointer.
    console.log(`  PostgreSQL backends' CPU ${backendSeconds(backends.rows.map((r) => r.pid)).toFixed(1)} s (this database's connections)`);
    console.log(`  ${JSON.stringify({ ...summary, rejectsPath: undefined, steps: undefined })}`);
    console.log(`  steps (s): ${Object.entries(summary.steps).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`).join('; ')}`);
    if (argument('again') !== undefined) {
      started = performance.now();
      const again = await importFilings(ctx, SYSTEM_ACTOR, { path: file });
      console.log(`again: ${((performance.now() - started) / 1000).toFixed(1)} s, skipped ${again.skippedSubjects}, imported ${again.importedSubjects}`);
    }
    const counts = await database.pool.query(`SELECT (SELECT count(*) FROM filed_subjects) AS subjects, (SELECT count(*) FROM filed_services) AS services, pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(`database: ${JSON.stringify(counts.rows[0])}`);
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
