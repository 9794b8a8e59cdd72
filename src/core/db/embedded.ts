import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';
import { openPglite, type Database } from './database.ts';

/**
 * Embedded PGlite starts from a snapshot: a data directory already initialised and migrated, copied into place
 * instead of running initdb (initdb inside WebAssembly costs seconds and leaves hundreds of MB of WebAssembly memory
 * behind, which is never given back; so does PGlite's own tar loading, which unpacks in WebAssembly memory). The
 * same snapshot as a tar file is what the tests load into in-memory databases.
 *
 * The snapshot is made by this code from the migration files, never by hand: `npm ci` builds it (postinstall,
 * scripts/pglite-snapshot.ts), and it is named after the migrations it holds. A snapshot made before newer
 * migrations were added still serves, as long as every migration it holds is unchanged: the missing ones are
 * applied after it is unpacked, as on any existing database. No usable snapshot: initdb, as before.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SNAPSHOT_DIR = join(ROOT, 'node_modules', '.cache', 'openbeian', 'pglite-snapshots');

type SnapshotManifest = { migrations: Record<string, string> };

function hashOf(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Each migration's content hash, by file name. */
export function migrationHashes(dir = MIGRATIONS_DIR): Record<string, string> {
  return Object.fromEntries(listMigrations(dir).map((name) => [name, hashOf(readFileSync(join(dir, name)))]));
}

function fingerprint(hashes: Record<string, string>): string {
  return hashOf(JSON.stringify(hashes)).slice(0, 16);
}

/**
 * The best snapshot for the current migrations: the one holding all of them, else the one holding the most, among
 * those whose every migration is unchanged. Null when none fits.
 */
export function findSnapshot(dir = SNAPSHOT_DIR, current = migrationHashes()): { file: string; missing: number } | null {
  if (!existsSync(dir)) return null;
  let best: { file: string; missing: number } | null = null;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    let manifest: SnapshotManifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SnapshotManifest;
    } catch {
      continue;
    }
    const held = Object.entries(manifest.migrations ?? {});
    if (held.length === 0 || !held.every(([file, hash]) => current[file] === hash)) continue;
    const file = join(dir, name.replace(/\.json$/, '.tar'));
    if (!existsSync(file) || !existsSync(dataDirOf(file))) continue;
    const missing = Object.keys(current).length - held.length;
    if (!best || missing < best.missing) best = { file, missing };
  }
  return best;
}

/** The data directory that goes with a snapshot's tar file. */
const dataDirOf = (tarFile: string) => tarFile.replace(/\.tar$/, '.data');

/**
 * Builds the snapshot of the current migrations: a data directory and the same as a tar file, each put in place
 * by a rename, and the manifest last; returns the tar file's path.
 */
export async function buildSnapshot(dir = SNAPSHOT_DIR): Promise<string> {
  const hashes = migrationHashes();
  const base = join(dir, `pglite-${fingerprint(hashes)}`);
  const building = `${base}.building-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  rmSync(building, { recursive: true, force: true });
  const database = await openPglite({ dataDir: building });
  try {
    await migrate(database.db);
    const dump = await database.pglite!.dumpDataDir('none');
    writeFileSync(`${base}.tar.tmp`, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  rmSync(`${base}.data`, { recursive: true, force: true });
  renameSync(building, `${base}.data`);
  renameSync(`${base}.tar.tmp`, `${base}.tar`);
  writeFileSync(`${base}.json`, `${JSON.stringify({ migrations: hashes } satisfies SnapshotManifest, null, 2)}\n`);
  // Older snapshots have done their work.
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`pglite-${fingerprint(hashes)}.`) && !name.includes('.building-')) rmSync(join(dir, name), { recursive: true, force: true });
  }
  return `${base}.tar`;
}

/** The current migrations' snapshot, built first when there is none that holds them all. */
export async function currentSnapshot(): Promise<string> {
  const found = findSnapshot();
  return found && found.missing === 0 ? found.file : buildSnapshot();
}

/**
 * Opens the embedded database in `dataDir`: as it is when it exists, else unpacked from the best snapshot, else
 * created by initdb. Migrations still run after this (they apply what the snapshot lacks).
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(join(dataDir, 'PG_VERSION'))) return openPglite({ dataDir });
  const snapshot = findSnapshot();
  if (snapshot) await copyInWorker(dataDirOf(snapshot.file), dataDir);
  return openPglite({ dataDir });
}

/**
 * Copies a directory on a worker thread: the snapshot is about 1 300 files, and `serve` loads the platform's modules
 * meanwhile. A synchronous copy would hold the main thread for most of a second; `fs.promises.cp` takes a trip
 * through the busy main thread per file and finished last.
 */
function copyInWorker(from: string, to: string): Promise<void> {
  const code = "const { cpSync } = require('node:fs'); const { workerData } = require('node:worker_threads'); cpSync(workerData.from, workerData.to, { recursive: true });";
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { from, to } });
    worker.once('error', reject);
    worker.once('exit', (exitCode) => (exitCode === 0 ? resolve() : reject(new Error(`copying the PGlite snapshot stopped with exit code ${exitCode}`))));
  });
}
