// npm run bench:dns -- [--subjects 51500] [--rounds 3] [--batch N (OPENBEIAN_SWEEP_BATCH_SIZE; default: the sweep's own)] [--no-write]
//
// The DNS (shell-site) sweep side by side with dnsperf, one machine, one zone, one run. Seeds the synthetic filings
// (bench/seed-filings.ts, about 100 000 connected domains from 51 500 subjects) into its own bench database on
// DATABASE_URL's server, starts unbound on 127.0.0.1 (test/support/unbound.ts, as the tests do) answering A for every
// connected domain and its www. (one in a hundred www. abroad: a shell site), then
//   1. dnsperf over the same questions the sweep asks (A and AAAA of each domain and of its www.), once;
//   2. the sweep itself through the runner (startSweep + runSweepBatch, as `openbeian sweep dns`): targets read
//      from the database, checks with the checker's concurrency, findings recorded per batch.
// Unit: the sweep asks 4 questions per domain, so its queries/s is 4 × domains/s; the ratio compares queries/s.
// Results go into BENCHMARKS.md (between the bench:dns markers) and to stdout.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ZoneRecords } from '../test/support/unbound.ts';

process.env.OPENBEIAN_BENCH_DATABASE ??= 'openbeian_bench_dns';
const { benchUrl, requireDatabaseUrl, SUFFIXES } = await import('./filings-shape.ts');
const { seedFilings } = await import('./seed-filings.ts');
const { sql } = await import('kysely');
const { SYSTEM_ACTOR } = await import('../src/core/audit.ts');
const { loadConfig } = await import('../src/core/config.ts');
const { createContext } = await import('../src/core/context.ts');
const { openPostgres } = await import('../src/core/db/database.ts');
const { createLogger } = await import('../src/core/logger.ts');
const compliance = await import('../src/compliance/index.ts');
const { startUnbound } = await import('../test/support/unbound.ts');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MARK_START = '<!-- bench:dns start -->';
const MARK_END = '<!-- bench:dns end -->';
const ACCESS = '10.0.0.0/8';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? '') : undefined;
}

/**
 * 10.x.y.z inside the access network; every hundredth www. answers from 203.0.113.0/24 (a shell site). One static
 * local zone per suffix (not per domain: 100 000 zones slow unbound's start), socket buffers large enough for a burst.
 */
function startZone(domains: string[]) {
  const zone: ZoneRecords = {};
  domains.forEach((domain, i) => {
    const inside = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    zone[domain] = { a: [inside] };
    zone[`www.${domain}`] = { a: [i % 100 === 42 ? `203.0.113.${i % 250}` : inside] };
  });
  return startUnbound(zone, { ttl: 3600, localZones: SUFFIXES.map((suffix) => suffix.slice(1)), socketBuffer: '8m' });
}

function runDnsperf(dir: string, port: number, domains: string[]): { queries: number; qps: number; lost: number } {
  const file = join(dir, 'queries.txt');
  writeFileSync(file, domains.flatMap((d) => [`${d} A`, `${d} AAAA`, `www.${d} A`, `www.${d} AAAA`]).join('\n') + '\n');
  const result = spawnSync('dnsperf', ['-s', '127.0.0.1', '-p', String(port), '-d', file, '-n', '1', '-c', '1', '-q', '1000', '-t', '5'], { encoding: 'utf8' });
  const out = `${result.stdout}${result.stderr}`;
  const completed = /Queries completed:\s+(\d+)/.exec(out);
  const lost = /Queries lost:\s+(\d+)/.exec(out);
  const qps = /Queries per second:\s+([\d.]+)/.exec(out);
  if (!completed || !qps) throw new Error(`dnsperf: ${out}`);
  return { queries: Number(completed[1]), qps: Number(qps[1]), lost: Number(lost?.[1] ?? 0) };
}

type Round = { perf: { queries: number; qps: number; lost: number }; view: { done: number; failed: number; findings: number; closed: number }; seconds: number; sweepQps: number; cpuPerQuestionUs: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const subjects = Number(argument('subjects') ?? 51_500);
  const roundCount = Math.max(1, Number(argument('rounds') ?? 3));
  await seedFilings(url, subjects, { log: (line) => console.log(`seed: ${line}`) });

  const config = loadConfig({ ...process.env, DATABASE_URL: benchUrl(url), OPENBEIAN_MODE: 'test', LOG_LEVEL: 'warn', OPENBEIAN_ACCESS_CIDRS: ACCESS, OPENBEIAN_SWEEP_BATCH_SIZE: argument('batch') ?? '' });
  const database = await openPostgres(benchUrl(url), 4);
  const domains = (
    await sql<{ domain: string }>`SELECT s.domain FROM filed_services s JOIN filed_subjects j ON j.number = s.subject_number
                                   WHERE s.access_state = 'connected' AND j.status = 'active' AND s.domain IS NOT NULL ORDER BY s.domain`.execute(database.db)
  ).rows.map((r) => r.domain);
  // A run left over from an interrupted bench would be joined instead of measured.
  await database.db.updateTable('compliance_sweeps').set({ status: 'failed', error: 'bench: left over' }).where('status', 'in', ['queued', 'running']).execute();

  const dir = mkdtempSync(join(tmpdir(), 'openbeian-bench-dns-'));
  const unbound = await startZone(domains);
  const { port } = unbound;
  try {
    console.log(`${domains.length} connected domains; unbound on 127.0.0.1:${port}`);
    const loadBefore = loadavg()[0]!;
    // Both rates move with whatever else the two cores do (±15 % run to run): dnsperf and the sweep take turns,
    // round after round, and the medians are compared.
    const rounds: Round[] = [];
    for (let round = 1; round <= roundCount; round++) {
      const perf = runDnsperf(dir, port, domains);
      console.log(`round ${round} dnsperf: ${perf.queries} queries, ${perf.lost} lost, ${perf.qps.toFixed(0)} queries/s`);
      const ctx = createContext({ ...config, compliance: { ...config.compliance, dnsResolver: { host: '127.0.0.1', port } } }, database, createLogger('warn'));
      compliance.configureRectificationWorkdays({});
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const { sweep } = await compliance.startSweep(ctx, SYSTEM_ACTOR, { kind: 'dns' });
      let view = sweep;
      while (view.status === 'queued' || view.status === 'running') view = await compliance.runSweepBatch(ctx, sweep.id);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      await compliance.closeSweepCheckers(ctx);
      const sweepQps = (view.done * 4) / seconds;
      // CPU of this process (both threads), user + system, per question: steadier than the rate on a shared machine.
      const cpuPerQuestionUs = (cpu.user + cpu.system) / (view.done * 4);
      rounds.push({ perf, view, seconds, sweepQps, cpuPerQuestionUs });
      console.log(`round ${round} sweep: ${view.done} domains in ${seconds.toFixed(1)} s = ${(view.done / seconds).toFixed(0)} domains/s = ${sweepQps.toFixed(0)} queries/s (4 per domain); failed ${view.failed}, opened ${view.findings}, closed ${view.closed}; ratio ${(sweepQps / perf.qps).toFixed(2)}; CPU ${cpuPerQuestionUs.toFixed(1)} µs a question (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s)`);
    }
    const perfMedian = median(rounds.map((r) => r.perf.qps));
    const sweepMedian = median(rounds.map((r) => r.sweepQps));
    const ratio = sweepMedian / perfMedian;
    console.log(`medians of ${roundCount} rounds: dnsperf ${perfMedian.toFixed(0)} queries/s, sweep ${sweepMedian.toFixed(0)} queries/s`);
    console.log(`ratio to dnsperf (queries/s, medians): ${ratio.toFixed(2)}`);

    if (argument('no-write') === undefined) {
      // The machine may be shared: the 1-minute load before the first round and after the last says how much.
      const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, load ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end`;
      const first = rounds[0]!;
      const block = [
        MARK_START,
        `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; unbound ${spawnSync('unbound', ['-V'], { encoding: 'utf8' }).stdout.split('\n')[0]!.replace('Version ', '')} (1 thread, local data), PostgreSQL, batch ${config.compliance.sweepBatchSize ?? 'of the DNS sweep (10 000)'} services; dnsperf and the sweep take turns, ${roundCount} rounds.`,
        '',
        '| round | dnsperf (`-c 1 -q 1000`, the sweep\'s questions once) queries/s | DNS sweep (4 questions a domain, findings recorded) | sweep queries/s | ratio |',
        '|---:|---:|---:|---:|---:|',
        ...rounds.map((r, i) => `| ${i + 1} | ${r.perf.qps.toFixed(0)} (${r.perf.queries.toLocaleString('en')} questions, ${r.perf.lost} lost) | ${r.view.done.toLocaleString('en')} domains in ${r.seconds.toFixed(1)} s | ${r.sweepQps.toFixed(0)} | ${(r.sweepQps / r.perf.qps).toFixed(2)} |`),
        `| median | ${perfMedian.toFixed(0)} | | ${sweepMedian.toFixed(0)} | **${ratio.toFixed(2)}** |`,
        '',
        `Sweep ÷ dnsperf (median queries/s): **${ratio.toFixed(2)}** (target ≥ 0.50). Failed ${rounds.reduce((n, r) => n + r.view.failed, 0)}. One www. in a hundred answers outside ${ACCESS}: the first round opened ${first.view.findings} shell-site findings and closed ${first.view.closed} (on a database swept before, they are already open and are refreshed).`,
        MARK_END,
      ].join('\n');
      const path = join(ROOT, 'BENCHMARKS.md');
      const text = readFileSync(path, 'utf8');
      const next = text.includes(MARK_START)
        ? text.replace(new RegExp(`${MARK_START}[\\s\\S]*?${MARK_END}`), block)
        : `${text.trimEnd()}\n\n### bench:dns — the DNS (shell-site) sweep\n\n\`npm run bench:dns\` (\`bench/dns-sweep.ts\`).\n\n${block}\n`;
      writeFileSync(path, next);
    }
  } finally {
    await unbound.stop();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
