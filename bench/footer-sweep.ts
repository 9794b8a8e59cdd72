// Footer sweep throughput against local sites: `npm run bench:footer` (add `--sites N`, `--concurrency N`).
// One HTTPS and one HTTP server (in a worker thread, so they do not share the checker's event loop) answer for
// N Host names, each a ≈16 KB home page with its own number in the footer (every tenth one not linked). The footer
// checker reaches them through the connect-to map the tests use and runs at its own concurrency, as the sweep
// runner does. Two passes: HTTPS (the usual case), then HTTP only (HTTPS refused, the fallback). Prints markdown.

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createFooterChecker, FOOTER_CONCURRENCY } from '../src/compliance/sweeps/footer/checker.ts';
import type { SweepTarget } from '../src/compliance/sweeps/checker.ts';
import { loadConfig } from '../src/core/config.ts';
import { refusedPort, selfSignedCertificate } from '../test/support/local-sites.ts';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const SITES_SERVER = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const filler = '<p>' + '示例内容，欢迎访问。'.repeat(40) + '</p>';
const body = (host) => {
  const i = Number(/^site(\\d+)\\./.exec(host)?.[1] ?? 0);
  const number = '浙ICP备2026' + String(i).padStart(6, '0') + '号-1';
  const footer = i % 10 === 9 ? number : '<a href="https://beian.miit.gov.cn/">' + number + '</a>';
  return '<!doctype html><html><head><meta charset="utf-8"><title>' + host + '</title></head><body>' + filler.repeat(12) + '<footer>© 2026 ' + footer + '</footer></body></html>';
};
const handler = (request, response) => {
  const text = body((request.headers.host || '').replace(/:\\d+$/, ''));
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};
const servers = [http.createServer(handler), https.createServer(workerData.tls, handler)];
let ready = 0;
for (const server of servers) server.listen(0, '127.0.0.1', () => {
  if (++ready === 2) parentPort.postMessage({ httpPort: servers[0].address().port, httpsPort: servers[1].address().port });
});
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function pass(label: string, connectTo: string, sites: number, concurrency: number) {
  const config = loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_SWEEP_CONNECT_TO: connectTo });
  const checker = createFooterChecker({ connectTo: config.sweepChecks.connectTo, concurrency });
  const targets: SweepTarget[] = Array.from({ length: sites }, (_, i) => ({
    domain: `site${i}.bench.example.cn`,
    subjectNumber: `浙ICP备2026${String(i).padStart(6, '0')}号`,
    serviceNumber: `浙ICP备2026${String(i).padStart(6, '0')}号-1`,
    province: '330000',
    holderName: '杭州示例科技有限公司',
    policeNumber: null,
  }));
  const signal = new AbortController().signal;
  // Warm-up: connections and TLS sessions, JIT.
  await Promise.all(targets.slice(0, concurrency * 2).map((target) => checker.check(target, signal)));
  const latencies: number[] = [];
  const outcomes = { clean: 0, findings: 0, failed: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: checker.concurrency }, async () => {
      while (next < targets.length) {
        const target = targets[next++]!;
        const t0 = performance.now();
        const result = await checker.check(target, signal);
        latencies.push(performance.now() - t0);
        if (result.outcome === 'failed') outcomes.failed += 1;
        else if (result.observations.length > 0) outcomes.findings += 1;
        else outcomes.clean += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await checker.close?.();
  latencies.sort((a, b) => a - b);
  return { label, sitesPerSecond: sites / seconds, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), outcomes };
}

async function main(): Promise<void> {
  const sites = argument('sites', 2_000);
  const concurrency = argument('concurrency', FOOTER_CONCURRENCY);
  const worker = new Worker(SITES_SERVER, { eval: true, workerData: { tls: selfSignedCertificate() } });
  const { httpPort, httpsPort } = await new Promise<{ httpPort: number; httpsPort: number }>((resolve) => worker.once('message', resolve));
  const refused = await refusedPort();
  const results = [
    await pass('HTTPS', `*:443=127.0.0.1:${httpsPort},*:80=127.0.0.1:${httpPort}`, sites, concurrency),
    await pass('HTTP only (HTTPS refused first)', `*:443=127.0.0.1:${refused},*:80=127.0.0.1:${httpPort}`, sites, concurrency),
  ];
  await worker.terminate();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`## Footer sweep (\`npm run bench:footer\`), ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(`- ${sites} local sites (≈16 KB pages, every tenth footer not linked), checker concurrency ${concurrency}; ${cpu}, ${os.cpus().length} logical CPUs, Node ${process.version}.\n`);
  console.log('| pass | sites/s | p50 ms | p95 ms | p99 ms | clean / findings / failed |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.label} | ${r.sitesPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.outcomes.clean} / ${r.outcomes.findings} / ${r.outcomes.failed} |`);
  }
}

await main();
