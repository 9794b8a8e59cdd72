import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'openbeian.js');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** `npm run build:server` unless dist/ is newer than every source (a second run reuses it). */
export async function ensureServerBuilt(): Promise<void> {
  const marker = join(ROOT, 'dist', 'BUILD');
  if (existsSync(marker) && statSync(marker).mtimeMs > Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'tsconfig.build.json')))) return;
  const { code, output } = await run(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs')], { env: { ...process.env } });
  if (code !== 0) throw new Error(`npm run build:server failed:\n${output}`);
}

/** Runs a command to its end, with optional standard input; resolves with its exit code and output. */
export function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; input?: string }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(options.input ?? '');
  });
}

export type RunningServer = { url: string; child: ChildProcess; output(): string; stop(): Promise<number | null> };

/** Serving the TypeScript sources in this very process (no wrapper in between, so a signal reaches the server). */
export const SOURCE_SERVE = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'serve'];

/**
 * `openbeian serve` as an operator starts it; resolves once it listens (PORT=0: the port it reports). `args`: what
 * node runs, by default the `openbeian` command (production: the build, in this process).
 */
export function startServer(env: NodeJS.ProcessEnv, args: string[] = [BIN, 'serve'], startTimeoutMs = 60_000): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // not left running behind a failed test
      reject(new Error(`the server did not start within ${startTimeoutMs / 1000} s:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({
          url: listening[1]!,
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Processes whose parent is `pid` (Linux /proc); empty where /proc is not there. */
export function childProcessesOf(pid: number): string[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map((name) => {
      try {
        return readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      } catch {
        return name;
      }
    });
}
