// Load test of the public filing query and the enforcement check against the seeded `openbeian_bench` database
// (run bench/seed-filings.ts first). Starts one platform process on 127.0.0.1 and drives it with wrk
// (Debian: apt-get install wrk), which only ever targets that address. Prints a Markdown report.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/public-query.ts [--seconds 20]
//
// Method: wrk is closed-loop (a connection sends its next request when the previous answer arrives). For the
// "≈1,000 req/s" runs each connection (25 for the query, 20 for the check) waits a random pause (exponential,
// mean 20 ms) before each request, which caps the offered load near connections / (20 ms + latency) ≈ 1,000 req/s.
// wrk2's coordinated-omission correction is not available, so latency during a stall is under-reported. The "max"
// runs use no pause and report the throughput ceiling.

import { spawn, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.ts';
import { connectedDomainsOf, exportAllowlist } from '../src/enforcement/index.ts';
import { setPublicQueryRateLimit } from '../src/filing/public/rate-limit-setting.ts';
import { createPlatform } from '../src/platform.ts';
import { SUFFIXES, benchDomain, benchUrl, isServedInBench, requireDatabaseUrl } from './filings-shape.ts';

type WrkResult = { requests: number; seconds: number; rps: number; non2xx: number; socketErrors: number; p50: number; p90: number; p99: number; p999: number; max: number };

/** A wrk script: random hosts of the seeded data (one in ten unknown), www. in front, optional think time. */
function wrkScript(pathPrefix: string, subjects: number, meanDelayMs: number): string {
  return `
local suffixes = { ${SUFFIXES.map((s) => `"${s}"`).join(', ')} }
local counter = 1
function setup(thread) thread:set("id", counter); counter = counter + 1 end
function init(args) math.randomseed(os.time() * 1000 + id) end
function request()
  local i = math.random(0, ${Math.round(subjects * 1.1)} - 1)
  local j = math.random(1, 2)
  local host = "www.ob" .. i .. "x" .. j .. suffixes[((i + j) % 4) + 1]
  return wrk.format("GET", "${pathPrefix}" .. host)
end
${meanDelayMs > 0 ? `function delay() return -math.log(1 - math.random()) * ${meanDelayMs} end` : ''}
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_JSON {\\"requests\\":%d,\\"micros\\":%d,\\"non2xx\\":%d,\\"socketErrors\\":%d,\\"p50\\":%d,\\"p90\\":%d,\\"p99\\":%d,\\"p999\\":%d,\\"max\\":%d}\\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
`;
}

/** Runs wrk as a child process; asynchronously, since the server under test shares this event loop. */
async function runWrk(dir: string, name: string, url: string, script: string, connections: number, seconds: number): Promise<WrkResult> {
  const file = join(dir, `${name}.lua`);
  writeFileSync(file, script);
  const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', file, url]);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await new Promise((resolve) => child.once('close', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line || process.env.BENCH_DEBUG) console.error(stdout, stderr);
  if (!line) throw new Error('wrk printed no result');
  const raw = JSON.parse(line.slice('WRK_JSON '.length)) as { requests: number; micros: number; non2xx: number; socketErrors: number; p50: number; p90: number; p99: number; p999: number; max: number };
  const ms = (micros: number) => Math.round(micros / 10) / 100;
  return {
    requests: raw.requests,
    seconds: raw.micros / 1e6,
    rps: Math.round(raw.requests / (raw.micros / 1e6)),
    non2xx: raw.non2xx,
    socketErrors: raw.socketErrors,
    p50: ms(raw.p50),
    p90: ms(raw.p90),
    p99: ms(raw.p99),
    p999: ms(raw.p999),
    max: ms(raw.max),
  };
}

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 20) || 20;
  if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is not installed: apt-get install -y wrk');

  // The bench is one client address asking thousands of times a second: lift the per-address limit.
  setPublicQueryRateLimit(Infinity);
  const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-bench-'));
  const config = loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', DATABASE_URL: benchUrl(url), OPENBEIAN_DATA_DIR: dataDir, OPENBEIAN_SEED_DEMO: 'false' });
  const heapBefore = process.memoryUsage().heapUsed;
  const bootStarted = performance.now();
  const platform = await createPlatform(config, { background: false });
  const index = connectedDomainsOf(platform.ctx);
  await index.ready();
  const loadSeconds = (performance.now() - bootStarted) / 1000;
  const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6);
  const subjects = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM filed_subjects`.execute(platform.ctx.db)).rows[0]!.n);
  const services = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM filed_services`.execute(platform.ctx.db)).rows[0]!.n);
  const pgVersion = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(platform.ctx.db)).rows[0]!.v;

  // Sanity: the seeded shape answers as expected before anything is timed.
  for (const i of [0, 7, 49, Math.floor(subjects / 2)]) {
    for (const j of [1, 2] as const) {
      const check = await platform.app.inject({ url: `/api/v1/enforcement/check?host=www.${benchDomain(i, j)}` });
      if ((check.statusCode === 204) !== isServedInBench(i, j)) throw new Error(`unexpected check answer for ${benchDomain(i, j)}: ${check.statusCode}`);
    }
  }
  // The export as the route streams it (from the database, in batches): total time, and the longest batch.
  const exportStarted = performance.now();
  let exportBytes = 0;
  let longestSliceMs = 0;
  let sliceStarted = performance.now();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      exportBytes += chunk.length;
      longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStarted);
      sliceStarted = performance.now();
      done();
    },
  });
  await exportAllowlist(platform.ctx.database, 'nginx', sink);
  const exportSeconds = (performance.now() - exportStarted) / 1000;

  const address = await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'openbeian-wrk-'));
  const query = `${address}/api/v1/public/filings?domain=`;
  const check = `${address}/api/v1/enforcement/check?host=`;
  const runs: [string, WrkResult][] = [];
  try {
    await runWrk(dir, 'warmup', address, wrkScript('/api/v1/public/filings?domain=', subjects, 0), 16, 5);
    runs.push(['public query, ≈1,000 req/s offered (25 conn., 20 ms mean pause)', await runWrk(dir, 'query-rate', query, wrkScript('/api/v1/public/filings?domain=', subjects, 20), 25, seconds)]);
    runs.push(['public query, max (32 conn., no pause)', await runWrk(dir, 'query-max', query, wrkScript('/api/v1/public/filings?domain=', subjects, 0), 32, seconds)]);
    runs.push(['enforcement check, ≈1,000 req/s offered (20 conn., 20 ms mean pause)', await runWrk(dir, 'check-rate', check, wrkScript('/api/v1/enforcement/check?host=', subjects, 20), 20, seconds)]);
    runs.push(['enforcement check, max (32 conn., no pause)', await runWrk(dir, 'check-max', check, wrkScript('/api/v1/enforcement/check?host=', subjects, 0), 32, seconds)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const cpu = cpus();
  console.log(`## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
  console.log(`- machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores; Node ${process.version}; PostgreSQL ${pgVersion} on the same machine`);
  console.log(`- data: ${subjects.toLocaleString('en')} filed subjects, ${services.toLocaleString('en')} services; ${index.size.toLocaleString('en')} domains served`);
  console.log(`- start-up incl. enforcement index load: ${loadSeconds.toFixed(1)} s; index heap ≈ ${heapMb} MB; nginx allowlist ${(exportBytes / 1e6).toFixed(0)} MB rendered in ${exportSeconds.toFixed(2)} s, longest slice ${longestSliceMs.toFixed(0)} ms`);
  console.log(`- each run ${seconds} s, wrk 1 thread on the same machine; hosts random over the seeded data, one in ten unknown\n`);
  console.log('| run | requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | non-2xx | socket errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, r] of runs) {
    console.log(`| ${name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.p999} | ${r.max} | ${r.non2xx} | ${r.socketErrors} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
