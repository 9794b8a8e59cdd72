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

export type UnboundOptions = {
  /** Free if not given. */
  port?: number;
  /** Seconds every record is kept for (300). */
  ttl?: number;
  /**
   * The `static` local zones (a name under one without data answers NXDOMAIN or NODATA, as an authoritative server
   * would). Default: one per registrable domain of the zone; the bench's 100 000 domains use their few suffixes.
   */
  localZones?: readonly string[];
  /** SO_RCVBUF/SO_SNDBUF of unbound's socket (`8m`): its default drops packets under the bench's load. */
  socketBuffer?: string;
};

/** The unbound configuration for a zone: one thread on 127.0.0.1 serving local data, each record with its TTL. */
export function unboundConfig(port: number, directory: string, zone: ZoneRecords, options: Omit<UnboundOptions, 'port'> = {}): string {
  const ttl = options.ttl ?? 300;
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
  if (options.socketBuffer) lines.push(`  so-rcvbuf: ${options.socketBuffer}`, `  so-sndbuf: ${options.socketBuffer}`);
  const zones = options.localZones ?? new Set(Object.keys(zone).map((name) => name.replace(/^www\./, '')));
  for (const domain of zones) lines.push(`  local-zone: "${domain}." static`);
  for (const [name, records] of Object.entries(zone)) {
    for (const a of records.a ?? []) lines.push(`  local-data: "${name}. ${ttl} IN A ${a}"`);
    for (const aaaa of records.aaaa ?? []) lines.push(`  local-data: "${name}. ${ttl} IN AAAA ${aaaa}"`);
  }
  return `${lines.join('\n')}\n`;
}

/** Starts `unbound -d` on 127.0.0.1:`port` (a free one if not given) serving `zone`; resolves once it serves. */
export async function startUnbound(zone: ZoneRecords, options: UnboundOptions = {}): Promise<RunningUnbound> {
  const port = options.port ?? (await freeUdpPort());
  const directory = mkdtempSync(join(tmpdir(), 'openbeian-unbound-'));
  const conf = join(directory, 'unbound.conf');
  writeFileSync(conf, unboundConfig(port, directory, zone, options));
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
