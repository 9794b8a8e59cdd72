// Pre-check latency and throughput on one core: `npx tsx bench/precheck.ts` (add `--iterations N`).
// The draft is a realistic 10-service enterprise filing (every check runs, with all materials declared) parsed
// from JSON as the API receives it. Prints a markdown snippet for BENCHMARKS.md.

import os from 'node:os';
import { precheck } from '../src/rules/index.ts';
import type { FilingDraft } from '../src/rules/index.ts';
import { enterpriseDraft, person, residentId, withAllMaterials } from '../src/rules/testing/fixtures.ts';

const TARGET_MEDIAN_MS = 1;
const TARGET_PER_SECOND = 5_000;
const POOL = 4_096;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function buildDraft(): string {
  const draft = enterpriseDraft('330000', 10);
  // Two services with their own leader, so leader, contact and authorisation checks all run.
  for (const i of [3, 7]) {
    draft.services[i]!.leader = person('33', {
      name: `王${i}`,
      idNumber: residentId('33', '19850505', String(100 + i)),
      mobile: `1360013600${i}`,
      email: `leader${i}@example.com`,
      emergencyPhone: '0571-88888888',
    });
  }
  return JSON.stringify(withAllMaterials(draft));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function main(): void {
  const iterations = argument('iterations', 50_000);
  const warmup = Math.min(5_000, Math.ceil(iterations / 4));
  const json = buildDraft();
  const sample = precheck(JSON.parse(json));
  if (!sample.ok) throw new Error(`benchmark draft should pass: ${JSON.stringify(sample.findings.slice(0, 3))}`);


  // Parse outside the timed region: we measure the rules, not JSON.parse. Every draft in the pool has its own
  // domains, and the pool is larger than the rules' domain memo, so no call profits from an earlier one.
  const drafts = Array.from({ length: POOL }, (_, k) => {
    const draft = JSON.parse(json) as FilingDraft;
    for (const svc of draft.services) for (const d of svc.domains) d.name = `d${k}-${d.name}`;
    return draft;
  });
  for (let i = 0; i < warmup; i += 1) precheck(drafts[i % POOL]);
  const samples = new Float64Array(iterations);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) {
    const t0 = process.hrtime.bigint();
    precheck(drafts[(warmup + i) % POOL]);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const sorted = Array.from(samples).sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const perSecond = iterations / totalSeconds;
  const pass = median < TARGET_MEDIAN_MS && perSecond >= TARGET_PER_SECOND;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';

  console.log(`## Pre-check (\`npx tsx bench/precheck.ts\`)

- Draft: enterprise filing in Zhejiang with 10 websites, 2 separate service leaders, ${sample.materials.length} materials; ${Buffer.byteLength(json)} bytes of JSON; result \`ok: ${sample.ok}\`, ${sample.findings.length} findings.
- Method: ${warmup} warm-up calls, then ${iterations} timed calls in one process (one core, no worker threads), cycling through ${POOL} drafts with distinct domains; JSON parsing excluded.
- Machine: ${cpu}, ${os.cpus().length} logical CPUs; Node ${process.version} on ${os.platform()} ${os.release()}; ${new Date().toISOString().slice(0, 10)}.

| metric | value | target |
|---|---|---|
| median latency | ${median.toFixed(3)} ms | < ${TARGET_MEDIAN_MS} ms |
| p99 latency | ${p99.toFixed(3)} ms | — |
| mean latency | ${mean.toFixed(3)} ms | — |
| throughput | ${Math.round(perSecond).toLocaleString('en-US')} drafts/s | ≥ ${TARGET_PER_SECOND.toLocaleString('en-US')} drafts/s |

Result: ${pass ? 'meets both targets' : 'MISSES a target'}.`);
  if (!pass) process.exitCode = 1;
}

main();
