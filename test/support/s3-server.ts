import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** s3rver takes any credentials; these are what the tests configure. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type TestS3Server = {
  endpoint: string;
  bucket: string;
  /** The directory s3rver keeps objects in: what an operator of the bucket could read. */
  directory: string;
  /** Every object file on s3rver's disk under the key prefix, as paths (s3rver dates an object by its file's time). */
  objectFiles(keyPrefix?: string): string[];
  /** The OPENBEIAN_* settings that point the platform at this server. */
  env(prefix?: string): Record<string, string>;
  stop(): Promise<void>;
};

/** A real S3-compatible server (s3rver, its own process) on 127.0.0.1, a random port and a temporary directory, with one bucket. */
export async function startS3Server(bucket = 'openbeian-test'): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'openbeian-s3-'));
  const script = join(import.meta.dirname, 's3rver-process.mjs');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script, directory, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  const started = await Promise.race([
    firstLine,
    once(child, 'exit').then(([code]) =>
      Promise.reject(new Error(`s3rver exited with ${String(code)} before listening`)),
    ),
  ]);
  const { port } = JSON.parse(String(started.value)) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    objectFiles(keyPrefix = '') {
      const root = join(directory, bucket, keyPrefix);
      try {
        return (
          readdirSync(root, { recursive: true, withFileTypes: true })
            // Objects named by their address: not the store's clock probe (`files/.clock`).
            .filter((entry) => entry.isFile() && /^[0-9a-f]{64}\._S3rver_object$/.test(entry.name))
            .map((entry) => join(entry.parentPath, entry.name))
        );
      } catch {
        return [];
      }
    },
    env(prefix = '') {
      return {
        OPENBEIAN_STORAGE: 's3',
        OPENBEIAN_S3_ENDPOINT: endpoint,
        OPENBEIAN_S3_BUCKET: bucket,
        OPENBEIAN_S3_PREFIX: prefix,
        OPENBEIAN_S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
        OPENBEIAN_S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
        OPENBEIAN_S3_FORCE_PATH_STYLE: 'true',
      };
    },
    async stop() {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
