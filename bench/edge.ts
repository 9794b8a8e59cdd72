// npm run bench:edge -- [--names 1910000] [--seconds 20] [--rounds 3] [--no-write]
//
// The enforcement edge side by side with nginx's `map` and the platform's check endpoint, on one machine, one
// data set, one Host mix, one wrk setting, in one run: builds the data (bench/seed-filings.ts into the bench
// database on DATABASE_URL's server), starts the platform (`openbeian serve`, a child process), and one nginx with
// two servers: the exported map and the Lua edge (deploy/nginx) — both serve the same static "site" for filed hosts
// and a block page for the rest. Then, per round, wrk against each of the three in turn (three rounds, alternating),
// and the freshness of the edge and of the check: 20 changes (10 revocations → 403, 10 approvals → 200/204) written
// as the filing context writes them, each timed from its commit until the edge (and the check) answer it.
// Results go into BENCHMARKS.md (between the bench:edge markers) and to stdout; the last line is
// `ratio to nginx map: R, freshness median M ms max X ms`.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/core/audit.ts';
import { loadConfig } from '../src/core/config.ts';
import { createContext } from '../src/core/context.ts';
import { openPostgres, type Database } from '../src/core/db/database.ts';
import { createLogger } from '../src/core/logger.ts';
import { enqueueEvent } from '../src/core/outbox.ts';
import { issueApiToken } from '../src/api-tokens/commands/issue-api-token.ts';
import { blockNotice, blockPageHtml } from '../src/enforcement/block-page.ts';
import { SUFFIXES, benchUrl, requireDatabaseUrl } from './filings-shape.ts';
import { seedFilings } from './seed-filings.ts';
import { BIN, ensureServerBuilt } from '../test/support/built-server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEPLOY = join(ROOT, 'deploy', 'nginx');
const LUA_MODULES = ['/usr/lib/nginx/modules/ndk_http_module.so', '/usr/lib/nginx/modules/ngx_http_lua_module.so'];
/** Names served per seeded subject: two sites each, less 2 % cancelled subjects and 5 % of second sites revoked. */
const NAMES_PER_SUBJECT = 1.91;
const FRESH_SUBJECT = 'bench-fresh';
const FRESH_DOMAINS = 10;
const FRESH_DEADLINE_MS = 10_000;
const MARK_START = '<!-- bench:edge start -->';
const MARK_END = '<!-- bench:edge end -->';

type Target = 'nginx map' | 'edge (nginx + Lua)' | 'check endpoint';
type WrkResult = { requests: number; rps: number; non2xx: number; socketErrors: number; p50: number; p99: number };

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Random hosts of the seeded data, `www.` in front; one in eleven beyond the data (plus the cancelled and revoked). */
function wrkScript(subjects: number, asCheck: boolean): string {
  return `
local suffixes = { ${SUFFIXES.map((s) => `"${s}"`).join(', ')} }
local counter = 1
function setup(thread) thread:set("id", counter); counter = counter + 1 end
function init(args) math.randomseed(os.time() * 1000 + id) end
function request()
  local i = math.random(0, ${Math.round(subjects * 1.1)} - 1)
  local j = math.random(1, 2)
  local host = "www.ob" .. i .. "x" .. j .. suffixes[((i + j) % 4) + 1]
  ${asCheck ? 'return wrk.format("GET", "/api/v1/enforcement/check?host=" .. host)' : 'return wrk.format("GET", "/", { Host = host })'}
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_JSON {\\"requests\\":%d,\\"micros\\":%d,\\"non2xx\\":%d,\\"socketErrors\\":%d,\\"p50\\":%d,\\"p99\\":%d}\\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
`;
}

async function runWrk(scriptFile: string, url: string, seconds: number): Promise<WrkResult> {
  const child = spawn('wrk', ['-t2', '-c64', `-d${seconds}s`, '--timeout', '5s', '-s', scriptFile, url]);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.resume();
  await new Promise((resolve) => child.once('close', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const raw = JSON.parse(line.slice('WRK_JSON '.length)) as { requests: number; micros: number; non2xx: number; socketErrors: number; p50: number; p99: number };
  return { requests: raw.requests, rps: Math.round(raw.requests / (raw.micros / 1e6)), non2xx: raw.non2xx, socketErrors: raw.socketErrors, p50: raw.p50 / 1000, p99: raw.p99 / 1000 };
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor<T>(probe: () => Promise<T>, isDone: (value: T) => boolean, deadlineMs: number, what: string, child?: ChildProcess): Promise<T> {
  const started = performance.now();
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with ${child.exitCode}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined && isDone(value)) return value;
    if (performance.now() - started > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function nginxConfig(dir: string, ports: { map: number; edge: number; status: number; platform: number }, wait: number, dictMb: number): string {
  const edgeInclude = readFileSync(join(DEPLOY, 'openbeian-edge.conf'), 'utf8')
    .replace('/etc/nginx/openbeian/?.lua', `${dir}/?.lua`)
    .replace('127.0.0.1:3000', `127.0.0.1:${ports.platform}`)
    .replace('/etc/openbeian/edge.token', `${dir}/edge.token`)
    .replace('/var/lib/openbeian-edge', `${dir}/state`)
    .replace('wait = 25', `wait = ${wait}`)
    .replaceAll(' 320m;', ` ${dictMb}m;`)
    .replace('listen 127.0.0.1:9180;', `listen 127.0.0.1:${ports.status};`);
  writeFileSync(join(dir, 'openbeian-edge.conf'), edgeInclude);
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  // Both servers answer a filed host with the same small static file and a refused one with a block page of the
  // platform's size; only the decision differs.
  return `${LUA_MODULES.map((file) => `load_module ${file};`).join('\n')}
${user}
daemon off; master_process on; worker_processes 2; worker_rlimit_nofile 4096; error_log ${dir}/error.log notice; pid ${dir}/nginx.pid;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  open_file_cache max=100 inactive=60s;
  keepalive_requests 1000000;
  map_hash_max_size 8388608; map_hash_bucket_size 128;
  map $host $openbeian_filed { hostnames; default 0; include ${dir}/allow.map; }
  include ${dir}/openbeian-edge.conf;
  server {
    listen 127.0.0.1:${ports.map} reuseport backlog=4096;
    root ${dir}/www;
    error_page 403 /blocked.html;
    location = /blocked.html { internal; }
    location / { if ($openbeian_filed = 0) { return 403; } try_files /index.html =404; }
  }
  server {
    listen 127.0.0.1:${ports.edge} reuseport backlog=4096;
    root ${dir}/www;
    location / { access_by_lua_block { require("openbeian_edge").check() } try_files /index.html =404; }
  }
}
`;
}

/** The filing context's write for one service: its access state, then the event, in one transaction. */
async function setAccess(database: Database, domain: string, access: 'connected' | 'revoked', number: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await tx.updateTable('filed_services').set({ access_state: access, updated_at: new Date() }).where('number', '=', number).execute();
    await enqueueEvent(tx, new Date(), { topic: 'filing.services_changed', aggregateType: 'filing', aggregateId: FRESH_SUBJECT, payload: { subjectNumber: FRESH_SUBJECT, domains: [domain] } });
  });
}

async function removeFreshnessRows(database: Database): Promise<void> {
  await database.db.deleteFrom('filed_services').where('subject_number', '=', FRESH_SUBJECT).execute();
  await database.db.deleteFrom('filed_subjects').where('number', '=', FRESH_SUBJECT).execute();
}

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const names = Math.round(option('names', 1_910_000));
  const seconds = Math.round(option('seconds', 20));
  const rounds = Math.round(option('rounds', 3));
  const isWriting = !process.argv.includes('--no-write');
  for (const tool of ['wrk', 'nginx']) if (spawnSync(tool, ['-v']).error) throw new Error(`${tool} is not installed (apt-get install -y wrk nginx-light libnginx-mod-http-lua)`);
  const loadBefore = loadavg();
  const startedAt = new Date();

  // ---- data
  const subjects = Math.max(10, Math.ceil(names / NAMES_PER_SUBJECT));
  {
    const admin = await openPostgres(url.replace(/\/[^/]*$/, '/postgres'), 1);
    const exists = (await admin.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [new URL(benchUrl(url)).pathname.slice(1)])).rowCount;
    await admin.close();
    if (exists) {
      const leftovers = await openPostgres(benchUrl(url), 1);
      await removeFreshnessRows(leftovers).catch(() => undefined);
      await leftovers.close();
    }
  }
  const seedStarted = performance.now();
  await seedFilings(url, subjects, { log });
  log(`data ready in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
  const database = await openPostgres(benchUrl(url), 4);
  const ctx = createContext(loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', DATABASE_URL: benchUrl(url) }), database, createLogger('silent'));
  // Freshness rows: ten sites of their own, connected at the start.
  await database.db
    .insertInto('filed_subjects')
    .values({ number: FRESH_SUBJECT, province: '330000', user_id: null, subject_key: FRESH_SUBJECT, leader_key: 'x', name: '基准测试有限公司', nature: 'enterprise', draft: '', status: 'active', approved_at: new Date(), updated_at: new Date() })
    .execute();
  const freshDomains = Array.from({ length: FRESH_DOMAINS }, (_, k) => `fresh${k}.bench-edge.cn`);
  for (const [k, domain] of freshDomains.entries()) {
    await database.db
      .insertInto('filed_services')
      .values({ number: `${FRESH_SUBJECT}-${k + 1}`, subject_number: FRESH_SUBJECT, seq: k + 1, kind: 'website', name: '基准网站', domain, domains: [domain], home_url: null, leader_name: '李娜', access_state: 'connected', approved_at: new Date(), updated_at: new Date() })
      .execute();
  }
  const { token } = await issueApiToken(ctx, SYSTEM_ACTOR, { name: `bench:edge ${startedAt.toISOString()}`, scopes: ['enforcement:read'] });
  const served = Number((await sql<{ n: string }>`SELECT count(DISTINCT s.domain) AS n FROM filed_services s JOIN filed_subjects j ON j.number = s.subject_number WHERE s.access_state = 'connected' AND j.status = 'active'`.execute(database.db)).rows[0]!.n);
  log(`${served.toLocaleString('en')} names served`);

  const dir = mkdtempSync(join(tmpdir(), 'openbeian-bench-edge-'));
  for (const sub of ['www', 'tmp', 'state']) mkdirSync(join(dir, sub));
  let platform: ChildProcess | null = null;
  let nginx: ChildProcess | null = null;
  // Whatever happens, no server of this run outlives it.
  process.once('exit', () => {
    platform?.kill('SIGKILL');
    nginx?.kill('SIGKILL');
  });
  try {
    // The platform and the CLI run as an operator runs them: `openbeian`, compiled (a build older than the sources
    // is made again first), not through a TypeScript loader.
    await ensureServerBuilt();
    // ---- the platform
    const platformPort = 20_000 + Math.floor(Math.random() * 20_000);
    const platformStarted = performance.now();
    platform = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: benchUrl(url), PORT: String(platformPort), OPENBEIAN_MODE: 'test', OPENBEIAN_SEED_DEMO: 'false', LOG_LEVEL: 'warn', OPENBEIAN_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(() => get(platformPort, '/api/v1/health', 'localhost'), (r) => r.status === 200, 300_000, 'the platform', platform);
    const platformReadySeconds = (performance.now() - platformStarted) / 1000;
    const platformRssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${platform.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    log(`platform ready in ${platformReadySeconds.toFixed(1)} s (index loaded), RSS ${platformRssMb.toFixed(0)} MB`);

    // ---- the map (exported by the CLI, timed) and the nginx with both servers
    const exportStarted = performance.now();
    const exported = spawnSync(process.execPath, [BIN, 'export-allowlist', '--format', 'nginx', '--out', join(dir, 'allow.map')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: benchUrl(url), OPENBEIAN_MODE: 'test', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (exported.status !== 0) throw new Error(`export-allowlist failed: ${exported.stderr}`);
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    log(`CLI export of the nginx map: ${exportSeconds.toFixed(1)} s`);

    writeFileSync(join(dir, 'www', 'index.html'), 'the customer site\n');
    writeFileSync(join(dir, 'www', 'blocked.html'), blockPageHtml(blockNotice('not_connected', 'www.example.cn', 'example.cn', 'http://localhost:3000')));
    writeFileSync(join(dir, 'edge.token'), token);
    copyFileSync(join(DEPLOY, 'openbeian_edge.lua'), join(dir, 'openbeian_edge.lua'));
    const ports = { map: platformPort + 1, edge: platformPort + 2, status: platformPort + 3, platform: platformPort };
    // ≈ 130 bytes a name in the shared dict, with room to spare.
    const dictMb = Math.max(8, Math.ceil((served * 160) / 1e6));
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, ports, 25, dictMb));
    const nginxStarted = performance.now();
    nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let nginxErrors = '';
    nginx.stderr!.setEncoding('utf8').on('data', (chunk: string) => (nginxErrors += chunk));
    nginx.once('exit', (code) => {
      if (code) log(`nginx exited with ${code}: ${nginxErrors.slice(-2000)}`);
    });
    await waitFor(() => get(ports.map, '/', 'probe.invalid'), (r) => r.status === 403, 300_000, 'nginx with the map', nginx);
    const mapLoadSeconds = (performance.now() - nginxStarted) / 1000;
    const status = () => get(ports.status, '/openbeian-edge/status', 'localhost').then((r) => JSON.parse(r.body) as { state: string; names: number; dictBytes: number; dictFreeBytes: number });
    const edgeState = await waitFor(status, (s) => s.state === 'live' && s.names >= served, 600_000, 'the edge to load the set', nginx);
    const edgeLoadSeconds = (performance.now() - nginxStarted) / 1000;
    const dictUsedMb = (edgeState.dictBytes - edgeState.dictFreeBytes) / 1e6;
    log(`nginx up with the map after ${mapLoadSeconds.toFixed(1)} s; edge live with ${edgeState.names} names after ${edgeLoadSeconds.toFixed(1)} s (shared dict ≈ ${dictUsedMb.toFixed(0)} MB)`);

    // Sanity: the three agree on a few known hosts before anything is timed.
    for (const host of ['www.ob0x1.com', 'www.ob7x2.cn', `www.ob${subjects + 5}x1.net`, 'www.fresh0.bench-edge.cn']) {
      const expected = (await get(ports.map, '/', host)).status;
      const edge = (await get(ports.edge, '/', host)).status;
      const check = (await get(platformPort, `/api/v1/enforcement/check?host=${host}`, 'localhost')).status;
      if (edge !== expected || (check === 204) !== (expected === 200)) throw new Error(`disagreement on ${host}: map ${expected}, edge ${edge}, check ${check}`);
    }

    // ---- throughput: rounds × targets, alternating
    const hostsScript = join(dir, 'hosts.lua');
    const checkScript = join(dir, 'check.lua');
    writeFileSync(hostsScript, wrkScript(subjects, false));
    writeFileSync(checkScript, wrkScript(subjects, true));
    const targets: [Target, string, string][] = [
      ['nginx map', `http://127.0.0.1:${ports.map}`, hostsScript],
      ['edge (nginx + Lua)', `http://127.0.0.1:${ports.edge}`, hostsScript],
      ['check endpoint', `http://127.0.0.1:${platformPort}`, checkScript],
    ];
    for (const [, target, script] of targets) await runWrk(script, target, 3); // warm-up
    const results = new Map<Target, WrkResult[]>(targets.map(([name]) => [name, []]));
    const loads: number[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      for (const [name, target, script] of targets) {
        const result = await runWrk(script, target, seconds);
        results.get(name)!.push(result);
        loads.push(loadavg()[0]!);
        log(`round ${round} ${name}: ${result.rps} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, non-2xx ${result.non2xx}, socket errors ${result.socketErrors}`);
      }
    }

    // ---- freshness: revocation → 403, approval → 200 at the edge (204 at the check), each from its commit
    const edgeMs: number[] = [];
    const checkMs: number[] = [];
    for (let k = 0; k < FRESH_DOMAINS; k += 1) {
      const domain = freshDomains[k]!;
      for (const access of ['revoked', 'connected'] as const) {
        const wantEdge = access === 'revoked' ? 403 : 200;
        const wantCheck = access === 'revoked' ? 403 : 204;
        await setAccess(database, domain, access, `${FRESH_SUBJECT}-${k + 1}`);
        const committed = performance.now();
        let edgeAt = 0;
        let checkAt = 0;
        while ((!edgeAt || !checkAt) && performance.now() - committed < FRESH_DEADLINE_MS) {
          const [edge, check] = await Promise.all([
            edgeAt ? null : get(ports.edge, '/', `www.${domain}`),
            checkAt ? null : get(platformPort, `/api/v1/enforcement/check?host=www.${domain}`, 'localhost'),
          ]);
          if (edge?.status === wantEdge) edgeAt = performance.now() - committed;
          if (check?.status === wantCheck) checkAt = performance.now() - committed;
        }
        if (!edgeAt || !checkAt) throw new Error(`${access} of ${domain} not seen within ${FRESH_DEADLINE_MS} ms (edge ${edgeAt}, check ${checkAt})`);
        edgeMs.push(edgeAt);
        checkMs.push(checkAt);
      }
    }
    const loadAfter = loadavg();

    // ---- report
    const summary = new Map([...results].map(([name, list]) => [name, { rps: median(list.map((r) => r.rps)), p50: median(list.map((r) => r.p50)), p99: median(list.map((r) => r.p99)), all: list.map((r) => r.rps) }]));
    const mapRps = summary.get('nginx map')!.rps;
    const ratio = summary.get('edge (nginx + Lua)')!.rps / mapRps;
    const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
    const lines = [
      MARK_START,
      `### Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (\`npm run bench:edge -- --names ${names} --seconds ${seconds}\`)`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 1e9)} GB, Node ${process.version}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1/5/15 min), ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the wrk runs. ` +
        `Data: ${served.toLocaleString('en')} connected names (${subjects.toLocaleString('en')} subjects). wrk \`-t2 -c64 -d${seconds}s\`, ${rounds} rounds alternating the three targets, same Host mix (random \`www.\` names of the data, about 13 % refused).`,
      '',
      '| target | req/s (median of rounds) | each round | p50 ms | p99 ms | ratio to nginx map |',
      '|---|---:|---|---:|---:|---:|',
      ...[...summary].map(([name, s]) => `| ${name} | ${s.rps.toLocaleString('en')} | ${s.all.map((v) => v.toLocaleString('en')).join(' · ')} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${(s.rps / mapRps).toFixed(2)} |`),
      '',
      `Freshness, from the commit of a change (as the filing context writes it) until the answer changes, 10 revocations and 10 approvals: ` +
        `edge median ${Math.round(median(edgeMs))} ms, max ${Math.round(Math.max(...edgeMs))} ms; check endpoint median ${Math.round(median(checkMs))} ms, max ${Math.round(Math.max(...checkMs))} ms.`,
      '',
      `Start-up: platform ready (index loaded) ${platformReadySeconds.toFixed(1)} s, RSS ${platformRssMb.toFixed(0)} MB; \`openbeian export-allowlist --format nginx\` ${exportSeconds.toFixed(1)} s; ` +
        `nginx with the map answering ${mapLoadSeconds.toFixed(1)} s after start; the edge live with the whole set ${edgeLoadSeconds.toFixed(1)} s after start (shared dict ≈ ${dictUsedMb.toFixed(0)} MB).`,
      MARK_END,
    ];
    const report = lines.join('\n');
    console.log(report);
    if (isWriting) {
      const file = join(ROOT, 'BENCHMARKS.md');
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf(MARK_START);
      const end = text.indexOf(MARK_END);
      writeFileSync(file, start >= 0 && end > start ? text.slice(0, start) + report + text.slice(end + MARK_END.length) : `${text.trimEnd()}\n\n${report}\n`);
    }
    console.log(`ratio to nginx map: ${ratio.toFixed(2)}, freshness median ${Math.round(median(edgeMs))} ms max ${Math.round(Math.max(...edgeMs))} ms`);
  } finally {
    nginx?.kill('SIGTERM');
    platform?.kill('SIGTERM');
    await Promise.all([nginx, platform].map((child) => (child && child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    await removeFreshnessRows(database).catch(() => undefined);
    await database.db.deleteFrom('api_tokens').where('name', 'like', 'bench:edge %').execute().catch(() => undefined);
    await database.close();
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
