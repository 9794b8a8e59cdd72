// npm run bench:index -- [--names 1910000,10000000] [--database]
//
// How the enforcement index grows: for each size, a synthetic list of names shaped like the seeded data
// (`ob123x1.com.cn`) is folded into one space-separated text — what the load query returns — and loaded into a
// DomainSet the way ConnectedDomains loads it; time and memory (JavaScript heap, and the typed arrays outside it)
// are measured, next to a plain JavaScript Set of the same names for comparison. With --database (and DATABASE_URL),
// also the real load from the seeded bench database (bench/seed-filings.ts): query and build, as a platform starts.
// Run with --expose-gc for steadier memory figures (`node --expose-gc --import tsx bench/index-load.ts`).

import { ConnectedDomains, DomainSet } from '../src/enforcement/index.ts';
import { openPostgres } from '../src/core/db/database.ts';
import { createLogger } from '../src/core/logger.ts';
import { SUFFIXES, benchUrl, requireDatabaseUrl } from './filings-shape.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function syntheticText(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) parts.push(`ob${i >> 1}x${(i & 1) + 1}${SUFFIXES[((i >> 1) + (i & 1) + 1) % 4]}`);
  return parts.join(' ');
}

function measure<T>(build: () => T): { value: T; ms: number; heap: number; external: number } {
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const value = build();
  const ms = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  return { value, ms, heap: after.heapUsed - before.heapUsed, external: after.arrayBuffers - before.arrayBuffers };
}

function loadText(text: string, count: number): DomainSet {
  const set = new DomainSet(count, text.length + 1024);
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text.charCodeAt(i) === 32) {
      if (i > start) set.addRange(text, start, i);
      start = i + 1;
    }
  }
  return set;
}

async function main(): Promise<void> {
  const sizes = (option('names') ?? '1910000,10000000').split(',').map(Number);
  console.log('| names | DomainSet load | heap | typed arrays | lookups (host walk) | JavaScript Set load | Set heap |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const count of sizes) {
    let text: string | null = syntheticText(count);
    const packed = measure(() => loadText(text!, count));
    const hosts = Array.from({ length: 200_000 }, (_, k) => {
      const subject = ((k * 7919) % count) >> 1;
      return `www.ob${subject}x1${SUFFIXES[(subject + 1) % 4]}`;
    });
    const lookupStarted = performance.now();
    let hits = 0;
    for (const host of hosts) hits += packed.value.allowsHost(host) === 1 ? 1 : 0;
    const lookupNs = ((performance.now() - lookupStarted) * 1e6) / hosts.length;
    if (hits === 0) throw new Error('no host matched: the synthetic shapes disagree');
    const plain = count <= 10_000_000 ? measure(() => new Set(text!.split(' '))) : null;
    text = null;
    console.log(
      `| ${count.toLocaleString('en')} | ${(packed.ms / 1000).toFixed(2)} s | ${mb(packed.heap)} | ${mb(packed.external)} (${mb(packed.value.memoryBytes)} allocated) | ${lookupNs.toFixed(0)} ns | ${plain ? `${(plain.ms / 1000).toFixed(2)} s` : '—'} | ${plain ? mb(plain.heap) : '—'} |`,
    );
  }

  if (process.argv.includes('--database')) {
    const database = await openPostgres(benchUrl(requireDatabaseUrl()), 2);
    try {
      const index = new ConnectedDomains(database, createLogger('silent'));
      const loaded = await (async () => {
        gc();
        const before = process.memoryUsage();
        const started = performance.now();
        await index.ready();
        const ms = performance.now() - started;
        gc();
        const after = process.memoryUsage();
        return { ms, heap: after.heapUsed - before.heapUsed, external: after.arrayBuffers - before.arrayBuffers };
      })();
      console.log(
        `\nFrom the database (${index.size.toLocaleString('en')} names): ${(loaded.ms / 1000).toFixed(2)} s query and build; heap ${mb(loaded.heap)}, typed arrays ${mb(loaded.external)}; process RSS ${mb(process.memoryUsage().rss)}.`,
      );
    } finally {
      await database.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
