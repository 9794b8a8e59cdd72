// npm run bench:start -- [--runs 3] [--clone]
//
// The embedded start as a newcomer meets it: `npm start` with no DATABASE_URL and an empty data directory (so
// PGlite, the demo seed, the enforcement index), timed until GET /api/v1/health answers 200, with the resident
// memory of the server process (and of the whole process tree: npm, the server). tsx's compile
// cache starts cold too (a fresh TMPDIR). With --clone it first makes a fresh clone of this checkout's HEAD in a
// temporary directory and runs `npm ci` there (which builds the PGlite snapshot and compiles the server to dist/),
// then starts that clone; without
// it, this checkout is started. With --compare, as many runs again with the snapshot moved away (initdb, as before
// the snapshot), in the same conditions. The web console build that a fresh clone starts once the API listens runs
// in its own process and is not counted. Prints a Markdown table.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Every descendant of `pid` (through /proc), with its command line. */
function descendants(pid: number): { pid: number; command: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: { pid: number; command: string }[] = [];
  const walk = (at: number) => {
    for (const child of children.get(at) ?? []) {
      let command = '';
      try {
        command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      } catch {
        // gone meanwhile
      }
      found.push({ pid: child, command });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

async function isHealthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status === 200;
  } catch {
    return false;
  }
}

async function startOnce(dir: string, port: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-start-data-'));
  const coldTmp = mkdtempSync(join(tmpdir(), 'openbeian-start-tmp-'));
  const started = performance.now();
  const npm = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), OPENBEIAN_DATA_DIR: dataDir, TMPDIR: coldTmp, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    while (!(await isHealthy(port))) {
      if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no health within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readyMs = performance.now() - started;
    const tree = descendants(npm.pid!).filter((p) => !/esbuild|vite/.test(p.command));
    // The server: `node bin/openbeian.js serve` running the build in its own process, or (sources newer than the
    // build) the tsx child it starts.
    const server = tree.find((p) => p.command.includes('src/cli/main.ts') && p.command.includes('--import')) ?? tree.find((p) => /^\S*node \S*bin\/openbeian\.js serve/.test(p.command));
    const serverMb = server ? rssKb(server.pid) / 1024 : Number.NaN;
    const treeMb = (rssKb(npm.pid!) + tree.reduce((sum, p) => sum + rssKb(p.pid), 0)) / 1024;
    return { readyMs, serverMb, treeMb };
  } finally {
    // The whole group: npm, tsx, the server and a console build it may have started.
    try {
      process.kill(-npm.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => (npm.exitCode !== null ? resolve(null) : npm.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(coldTmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const runs = option('runs', 3);
  let dir = ROOT;
  let cloneDir: string | null = null;
  const notes: string[] = [];
  if (process.argv.includes('--clone')) {
    cloneDir = mkdtempSync(join(tmpdir(), 'openbeian-clone-'));
    execFileSync('git', ['clone', '--quiet', ROOT, cloneDir]);
    const installStarted = performance.now();
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: cloneDir, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm ci failed: ${install.stderr}`);
    notes.push(`fresh clone of HEAD; \`npm ci\` took ${((performance.now() - installStarted) / 1000).toFixed(0)} s (including the PGlite snapshot)`);
    dir = cloneDir;
  }
  try {
    const port = 31_000 + Math.floor(Math.random() * 2000);
    const loadBefore = loadavg()[0]!;
    const results: { label: string; readyMs: number; serverMb: number; treeMb: number }[] = [];
    const variants = process.argv.includes('--compare') ? ['from the snapshot', 'initdb (snapshot moved away)'] : ['from the snapshot'];
    const snapshots = join(dir, 'node_modules', '.cache', 'openbeian', 'pglite-snapshots');
    for (const label of variants) {
      const isWithout = label.startsWith('initdb');
      if (isWithout && existsSync(snapshots)) renameSync(snapshots, `${snapshots}.away`);
      try {
        for (let run = 1; run <= runs; run += 1) {
          const result = { label, ...(await startOnce(dir, port)) };
          results.push(result);
          console.error(`${label}, run ${run}: ready ${(result.readyMs / 1000).toFixed(2)} s, server RSS ${result.serverMb.toFixed(0)} MB, process tree ${result.treeMb.toFixed(0)} MB`);
        }
      } finally {
        if (isWithout && existsSync(`${snapshots}.away`)) {
          rmSync(snapshots, { recursive: true, force: true });
          renameSync(`${snapshots}.away`, snapshots);
        }
      }
    }
    console.log(`Embedded start (\`npm start\`, empty data dir, cold tsx cache), ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}${notes.length ? `; ${notes.join('; ')}` : ''}:\n`);
    console.log('| start | ready (health 200) | server RSS | process tree RSS |');
    console.log('|---|---:|---:|---:|');
    for (const r of results) console.log(`| ${r.label} | ${(r.readyMs / 1000).toFixed(2)} s | ${r.serverMb.toFixed(0)} MB | ${r.treeMb.toFixed(0)} MB |`);
  } finally {
    if (cloneDir) rmSync(cloneDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
