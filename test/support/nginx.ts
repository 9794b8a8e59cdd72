import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** nginx with the Lua module (Debian: nginx-light + libnginx-mod-http-lua); tests needing it skip without. */
export const LUA_MODULES = ['/usr/lib/nginx/modules/ndk_http_module.so', '/usr/lib/nginx/modules/ngx_http_lua_module.so'];

export function hasNginxLua(): boolean {
  return spawnSync('nginx', ['-v']).status === 0 && LUA_MODULES.every((file) => existsSync(file));
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type Fetched = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** A GET to 127.0.0.1:port with the given Host header, as a browser asking for that site would send it. */
export function fetchWithHost(port: number, host: string, path = '/'): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => (body += chunk))
        .on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Repeats `probe` until `isDone` says so or the deadline passes; returns the last answer and when it came. */
export async function pollUntil<T>(probe: () => Promise<T>, isDone: (value: T) => boolean, deadlineMs: number): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    const ms = performance.now() - started;
    if (isDone(value) || ms > deadlineMs) return { value, ms };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs nginx in the foreground on a config in `dir`; resolves once `probePort` answers. */
export async function startNginx(dir: string, probePort: number): Promise<{ process: ChildProcess; stop(): Promise<void> }> {
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let attempt = 0; ; attempt += 1) {
    const isUp = await fetchWithHost(probePort, 'probe.invalid').then(
      () => true,
      () => false,
    );
    if (isUp) break;
    if (exited || attempt > 400) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
      throw new Error(`nginx did not start:\n${log.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    process: child,
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await done;
    },
  };
}
