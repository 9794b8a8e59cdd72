import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One name's records in a generated zone: A and AAAA addresses (none: the name has no data). */
export type ZoneRecords = Record<string, { a?: string[]; aaaa?: string[] }>;

export type RunningUnbound = { port: number; address: string; stop(): Promise<void> };

/** A UDP port nothing listens on right now (the kernel's choice). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * The unbound configuration for a zone: each registrable domain a `static` local zone (a name without data answers
 * NXDOMAIN or NODATA, as an authoritative server would), each record with `ttl` seconds.
 */
export function unboundConfig(port: number, directory: string, zone: ZoneRecords, ttl = 300): string {
  const lines = [
    'server:',
    '  interface: 127.0.0.1',
    `  port: ${port}`,
    '  do-daemonize: no',
    '  do-ip6: no',
    '  username: ""',
    '  chroot: ""',
    `  directory: "${directory}"`,
    '  pidfile: ""',
    '  use-syslog: no',
    '  logfile: ""',
    '  verbosity: 1',
    '  num-threads: 1',
    '  access-control: 127.0.0.0/8 allow',
    '  so-reuseport: no',
  ];
  const zones = new Set(Object.keys(zone).map((name) => name.replace(/^www\./, '')));
  for (const domain of zones) lines.push(`  local-zone: "${domain}." static`);
  for (const [name, records] of Object.entries(zone)) {
    for (const a of records.a ?? []) lines.push(`  local-data: "${name}. ${ttl} IN A ${a}"`);
    for (const aaaa of records.aaaa ?? []) lines.push(`  local-data: "${name}. ${ttl} IN AAAA ${aaaa}"`);
  }
  return `${lines.join('\n')}\n`;
}

/** Starts `unbound -d` on 127.0.0.1:`port` (a free one if not given) serving `zone`; resolves once it serves. */
export async function startUnbound(zone: ZoneRecords, options: { port?: number; ttl?: number } = {}): Promise<RunningUnbound> {
  const port = options.port ?? (await freeUdpPort());
  const directory = mkdtempSync(join(tmpdir(), 'openbeian-unbound-'));
  const conf = join(directory, 'unbound.conf');
  writeFileSync(conf, unboundConfig(port, directory, zone, options.ttl));
  const child: ChildProcess = spawn('unbound', ['-d', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('start of service')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`unbound exited with ${code}: ${log}`)));
    child.once('error', reject);
  });
  return {
    port,
    address: `127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A "resolver" that takes every query and never answers: each look-up times out. */
export async function startSilentResolver(): Promise<{ address: string; stop(): Promise<void> }> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', () => undefined);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { address: `127.0.0.1:${socket.address().port}`, stop: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
