import { randomUUID } from 'node:crypto';
import { mkdir, open, opendir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertAddress, isAddress, relativePathOf, type FileStore, type StoredFileEntry } from './port.ts';

/**
 * Files on the local disk (or a shared mount) under `<dataDir>/files/ab/cd/<address>`, the layout every data dir
 * already has. A file is written beside its place under a unique temporary name, flushed, and renamed over: a reader
 * sees the old file or the new one, never half of one, even after a crash.
 */
export function createLocalDiskStore(dataDir: string): FileStore {
  const pathOf = (address: string) => join(dataDir, relativePathOf(address));

  async function writeWhole(path: string, bytes: Buffer): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    // Unique per call, not per process: two uploads of the same image in one process must not share a temporary file.
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  /** The file system's time: written into a probe file and read back (files are dated by it, not by the process). */
  async function fileSystemNow(): Promise<Date> {
    const probe = join(dataDir, 'files', '.clock');
    await mkdir(dirname(probe), { recursive: true });
    const handle = await open(probe, 'w');
    try {
      await handle.writeFile(' ');
    } finally {
      await handle.close();
    }
    return (await stat(probe)).mtime;
  }

  return {
    kind: 'local',
    now: fileSystemNow,
    async put(address, sealed) {
      const path = pathOf(address);
      // Already there: the same content sealed earlier. Touching it tells the orphan purge (which compares file times
      // with the store's clock) that it is wanted again; if the purge removed it meanwhile, it is written anew.
      // The probe write that reads the file system's time is only paid for a file that is already there.
      const exists = await stat(path).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (isMissing(error)) return false;
          throw error;
        },
      );
      let isTouched = false;
      if (exists) {
        const now = await fileSystemNow();
        isTouched = await utimes(path, now, now).then(
          () => true,
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') return false;
            throw error;
          },
        );
      }
      if (!isTouched) await writeWhole(path, sealed);
    },
    async replace(address, sealed) {
      await writeWhole(pathOf(address), sealed);
    },
    async get(address) {
      try {
        return await readFile(pathOf(address));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    list() {
      return filesUnder(join(dataDir, 'files'));
    },
    async delete(address) {
      assertAddress(address);
      await unlink(pathOf(address)).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    },
    async close() {},
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Stored files below the root; temporary files of writes in flight (and anything else not named by an address) are skipped. */
async function* filesUnder(directory: string): AsyncGenerator<StoredFileEntry> {
  const entries = await opendir(directory).catch(() => null);
  if (!entries) return;
  for await (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      yield* filesUnder(path);
    } else if (entry.isFile() && isAddress(entry.name)) {
      const info = await stat(path).catch(() => null);
      if (info) yield { address: entry.name, modifiedAt: info.mtime };
    }
  }
}
