import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';

/**
 * Stored files are content-addressed: a file is kept once under a keyed hash (HMAC-SHA256, `cipher.fileAddress`) of
 * its bytes, not their plain sha256. They are identity documents and faces, so they are sealed with the field cipher
 * here, before the file store (`ctx.files`, local disk or S3) ever sees them. Names written before keyed addressing
 * (plain sha256) are read as they are.
 */
export async function storeFile(ctx: AppContext, bytes: Buffer): Promise<string> {
  const address = ctx.cipher.fileAddress(bytes);
  const sealed = Buffer.from(ctx.cipher.encrypt(bytes), 'utf8');
  await reachingStore(ctx, 'put', () => ctx.files.put(address, sealed));
  return address;
}

/**
 * The plain bytes, or null when the store has no such file or no configured key opens it. A store that cannot be
 * reached is STORAGE_UNAVAILABLE: an outage to report and retry, not a missing file.
 */
export async function readStoredFile(ctx: AppContext, address: string): Promise<Buffer | null> {
  const sealed = await reachingStore(ctx, 'get', () => ctx.files.get(address));
  if (sealed === null) return null;
  try {
    return ctx.cipher.decryptToBuffer(sealed.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * Re-encrypts one stored file under the current key (`openbeian rotate-keys`), replaced whole, so a reader sees the
 * old file or the new one, never half of one. The address stays: it is only a name.
 */
export async function resealStoredFile(ctx: AppContext, address: string, options: { dryRun: boolean }): Promise<'current' | 'resealed' | 'missing' | 'unreadable'> {
  const stored = await ctx.files.get(address);
  if (stored === null) return 'missing';
  const sealed = stored.toString('utf8');
  if (ctx.cipher.isCurrent(sealed)) return 'current';
  let bytes: Buffer;
  try {
    bytes = ctx.cipher.decryptToBuffer(sealed);
  } catch {
    return 'unreadable';
  }
  if (options.dryRun) return 'resealed';
  await ctx.files.replace(address, Buffer.from(ctx.cipher.encrypt(bytes), 'utf8'));
  return 'resealed';
}

/** The user hears "try again later"; the operator's log keeps what the store answered. */
async function reachingStore<T>(ctx: AppContext, operation: 'put' | 'get', call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    ctx.logger.error({ err: error, store: ctx.files.kind, operation }, 'file store failed');
    throw new AppError('STORAGE_UNAVAILABLE');
  }
}
