import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../core/config.ts';
import { isAddress, relativePathOf, type FileStore, type StoredFileEntry } from './port.ts';

/** The bucket and how to reach it, as the settings give them (OPENBEIAN_S3_*). */
export type S3StoreSettings = S3Settings;

/**
 * How long one call may take and how often it is tried: a stalled store fails an upload in seconds rather than
 * holding the request, and a passing hiccup (a 503 SlowDown, a reset connection) is retried by the SDK with backoff.
 */
export const S3_LIMITS = { connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000, maxAttempts: 3 };

/**
 * Files as objects `<prefix>files/ab/cd/<address>` in one bucket, so several processes behind a balancer share them.
 * A PUT replaces an object whole (S3 never shows half of one), so `put` and `replace` are the same call; a repeated
 * `put` also renews the object's LastModified, which is what the orphan purge judges age by.
 *
 * The SDK is loaded at the first call, not at start: most commands never touch a file, and the local store needs it
 * not at all.
 */
export function createS3Store(settings: S3StoreSettings, options: { listPageSize?: number } = {}): FileStore {
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | null = null;
  const connected = () =>
    (client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle,
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        maxAttempts: S3_LIMITS.maxAttempts,
        retryMode: 'standard',
        requestHandler: { connectionTimeout: S3_LIMITS.connectionTimeoutMs, requestTimeout: S3_LIMITS.requestTimeoutMs },
        // Content-MD5 is sent on each PUT (every S3-compatible store checks it); the SDK's newer default CRC32
        // checksums are refused by some of them. Reads need no checksum: AES-GCM rejects a changed byte anyway.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  const keyOf = (address: string) => settings.prefix + relativePathOf(address);

  async function write(address: string, sealed: Buffer): Promise<void> {
    const { s3, sdk } = await connected();
    await s3.send(
      new sdk.PutObjectCommand({
        Bucket: settings.bucket,
        Key: keyOf(address),
        Body: sealed,
        ContentLength: sealed.length,
        ContentMD5: createHash('md5').update(sealed).digest('base64'),
        ContentType: 'application/octet-stream',
      }),
    );
  }

  return {
    kind: 's3',
    put: write,
    async now() {
      // The store dates objects by its own clock: a probe object written now, and its LastModified read back.
      const { s3, sdk } = await connected();
      const Key = `${settings.prefix}files/.clock`;
      const empty = Buffer.alloc(0);
      await s3.send(new sdk.PutObjectCommand({ Bucket: settings.bucket, Key, Body: empty, ContentLength: 0, ContentMD5: createHash('md5').update(empty).digest('base64') }));
      const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: settings.bucket, Key }));
      return head.LastModified ?? new Date();
    },
    replace: write,
    async get(address) {
      const { s3, sdk } = await connected();
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: keyOf(address) }));
        if (!object.Body) return Buffer.alloc(0);
        return Buffer.from(await object.Body.transformToByteArray());
      } catch (error) {
        // A missing bucket is a setting to fix, not a missing file.
        if ((error as Error | null)?.name === 'NoSuchBucket') throw error;
        if (error instanceof sdk.NoSuchKey || statusOf(error) === 404) return null;
        throw error;
      }
    },
    async *list(): AsyncGenerator<StoredFileEntry> {
      const { s3, sdk } = await connected();
      const prefix = `${settings.prefix}files/`;
      let continuationToken: string | undefined;
      do {
        const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: settings.bucket, Prefix: prefix, ContinuationToken: continuationToken, MaxKeys: options.listPageSize }));
        for (const object of page.Contents ?? []) {
          const address = object.Key?.slice(object.Key.lastIndexOf('/') + 1) ?? '';
          // Only objects at their own address's place; anything else in the bucket is not ours to judge.
          if (!isAddress(address) || object.Key !== keyOf(address)) continue;
          yield { address, modifiedAt: object.LastModified ?? new Date() };
        }
        continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (continuationToken);
    },
    async delete(address) {
      const { s3, sdk } = await connected();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: settings.bucket, Key: keyOf(address) }));
    },
    async close() {
      const opened = client;
      client = null;
      if (opened) (await opened).s3.destroy();
    },
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}
