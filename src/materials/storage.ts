import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../core/context.ts';

/**
 * Content-addressed file store on local disk: a file lives at files/ab/cd/<address>, written once, where the address
 * is a keyed hash (HMAC-SHA256, `cipher.fileAddress`) of the bytes, not their plain sha256. Files are identity
 * documents and faces, so they are encrypted at rest with the field cipher. Names written before keyed addressing
 * (plain sha256) are read as they are.
 */
function pathFor(ctx: AppContext, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return join(ctx.config.dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export async function storeFile(ctx: AppContext, bytes: Buffer): Promise<string> {
  const sha256 = ctx.cipher.fileAddress(bytes);
  const target = pathFor(ctx, sha256);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) return sha256;
  await mkdir(join(target, '..'), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, ctx.cipher.encrypt(bytes));
  await rename(temporary, target);
  return sha256;
}

export async function readStoredFile(ctx: AppContext, sha256: string): Promise<Buffer | null> {
  try {
    return ctx.cipher.decryptToBuffer(await readFile(pathFor(ctx, sha256), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Re-encrypts one stored file under the current key (`openbeian rotate-keys`), written beside and renamed over, so a
 * reader sees the old file or the new one, never half of one. The address stays: it is only a name.
 */
export async function resealStoredFile(ctx: AppContext, address: string, options: { dryRun: boolean }): Promise<'current' | 'resealed' | 'missing' | 'unreadable'> {
  const path = pathFor(ctx, address);
  const sealed = await readFile(path, 'utf8').catch(() => null);
  if (sealed === null) return 'missing';
  if (ctx.cipher.isCurrent(sealed)) return 'current';
  let bytes: Buffer;
  try {
    bytes = ctx.cipher.decryptToBuffer(sealed);
  } catch {
    return 'unreadable';
  }
  if (options.dryRun) return 'resealed';
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, ctx.cipher.encrypt(bytes));
  await rename(temporary, path);
  return 'resealed';
}
