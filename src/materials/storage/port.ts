/**
 * Where stored files (order materials, face photos) are kept. The store only ever sees sealed bytes: encryption and
 * the keyed address stay above it (sealed-files.ts), so an operator of the bucket or the disk reads nothing, and a
 * second store only has to keep bytes.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  /**
   * Keeps the sealed bytes under their address. Idempotent: storing an address again is safe from any number of
   * processes at once, and leaves the address holding these bytes or an earlier sealing of the same content. Either
   * way the file counts as just written for the orphan purge, which races uploads whose row is not committed yet.
   * A reader never sees half a file.
   */
  put(address: string, sealed: Buffer): Promise<void>;
  /** Writes over what the address holds, all at once (`openbeian rotate-keys` reseals under the current key). */
  replace(address: string, sealed: Buffer): Promise<void>;
  /** The sealed bytes, or null when nothing is stored under the address; any other failure throws. */
  get(address: string): Promise<Buffer | null>;
  /** Every stored file with when it was last written (by the store's own clock), in no particular order. */
  list(): AsyncIterable<StoredFileEntry>;
  /**
   * The store's own clock: what `list` dates files by. The orphan purge judges age by it, not by this process's
   * clock, which may differ (another host's clock skew, a bucket elsewhere; a test run with its clock moved ahead).
   */
  now(): Promise<Date>;
  /** Removes the file; removing one that is not there is not an error. */
  delete(address: string): Promise<void>;
  /** Lets go of connections at stop. */
  close(): Promise<void>;
}

export type StoredFileEntry = { address: string; modifiedAt: Date };

/** A keyed hash (HMAC-SHA256) as lower-case hex, or a plain sha256 written before keyed addressing: the same shape. */
const ADDRESS = /^[0-9a-f]{64}$/;

export function isAddress(value: string): boolean {
  return ADDRESS.test(value);
}

export function assertAddress(address: string): void {
  if (!ADDRESS.test(address)) throw new Error('a stored file address is 64 lower-case hex characters');
}

/** `files/ab/cd/<address>`: the layout of the data dir since the first release, kept for S3 keys too. */
export function relativePathOf(address: string): string {
  assertAddress(address);
  return `files/${address.slice(0, 2)}/${address.slice(2, 4)}/${address}`;
}
