import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalDiskStore, createS3Store, type FileStore, type StoredFileEntry } from '../src/materials/storage/index.ts';
import { S3_TEST_CREDENTIALS, startS3Server, type TestS3Server } from './support/s3-server.ts';

// Issue 10: one contract for every file store. Each adapter must keep sealed bytes whole and findable, the same way.
const address = () => randomBytes(32).toString('hex');

async function listed(store: FileStore): Promise<StoredFileEntry[]> {
  const entries: StoredFileEntry[] = [];
  for await (const entry of store.list()) entries.push(entry);
  return entries;
}

type Adapter = {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A fresh, empty store (a new directory, or a new key prefix in the bucket). */
  open(): FileStore;
};

let s3: TestS3Server;
let localRoot: string;
let opened = 0;

const ADAPTERS: Adapter[] = [
  {
    name: 'local disk',
    async setUp() {
      localRoot = mkdtempSync(join(tmpdir(), 'openbeian-files-'));
    },
    async tearDown() {
      rmSync(localRoot, { recursive: true, force: true });
    },
    open: () => createLocalDiskStore(join(localRoot, `store-${(opened += 1)}`)),
  },
  {
    name: 'S3 (s3rver)',
    async setUp() {
      s3 = await startS3Server();
    },
    async tearDown() {
      await s3.stop();
    },
    // Two objects a page, so listing five files has to follow the continuation token.
    open: () =>
      createS3Store(
        { endpoint: s3.endpoint, region: 'us-east-1', bucket: s3.bucket, prefix: `run-${(opened += 1)}/`, ...S3_TEST_CREDENTIALS, forcePathStyle: true },
        { listPageSize: 2 },
      ),
  },
];

describe.each(ADAPTERS)('file store contract: $name', (adapter) => {
  let store: FileStore;
  beforeAll(() => adapter.setUp());
  afterAll(() => adapter.tearDown());
  beforeEach(() => {
    store = adapter.open();
  });
  afterEach(() => store.close());

  it('gives back exactly the bytes it was given', async () => {
    const at = address();
    const sealed = Buffer.from(`k1.${randomBytes(300).toString('base64url')}`);
    await store.put(at, sealed);
    expect(await store.get(at)).toEqual(sealed);
  });

  it('answers null for an address nothing is stored under, and deleting it is no error', async () => {
    expect(await store.get(address())).toBeNull();
    await expect(store.delete(address())).resolves.toBeUndefined();
  });

  it('stores an address once however often it is put, and a replace writes over it', async () => {
    const at = address();
    const first = Buffer.from('k1.first-sealing');
    const second = Buffer.from('k1.second-sealing');
    await store.put(at, first);
    await store.put(at, second);
    expect([first, second]).toContainEqual(await store.get(at));
    expect((await listed(store)).map((entry) => entry.address)).toEqual([at]);

    const resealed = Buffer.from('k2.under-the-new-key');
    await store.replace(at, resealed);
    expect(await store.get(at)).toEqual(resealed);
  });

  it('lists every stored file with when it was written, and forgets a deleted one', async () => {
    const before = (await store.now()).getTime();
    const addresses = Array.from({ length: 5 }, address);
    for (const at of addresses) await store.put(at, Buffer.from(`k1.${at}`));
    const entries = await listed(store);
    expect(entries.map((entry) => entry.address).sort()).toEqual([...addresses].sort());
    for (const entry of entries) {
      // The store's own clock, to the second (S3 keeps whole seconds).
      expect(entry.modifiedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
      expect(entry.modifiedAt.getTime()).toBeLessThanOrEqual((await store.now()).getTime() + 1000);
    }

    await store.delete(addresses[0]!);
    expect(await store.get(addresses[0]!)).toBeNull();
    expect((await listed(store)).map((entry) => entry.address).sort()).toEqual(addresses.slice(1).sort());
  });

  it('keeps a 10 MB file whole', async () => {
    const at = address();
    const large = randomBytes(10 * 1024 * 1024);
    await store.put(at, large);
    const back = await store.get(at);
    expect(back?.length).toBe(large.length);
    expect(createHash('sha256').update(back!).digest('hex')).toBe(createHash('sha256').update(large).digest('hex'));
  });

  it('takes concurrent puts of one address and keeps one of them whole', async () => {
    const at = address();
    const sealings = Array.from({ length: 8 }, (_, i) => Buffer.concat([Buffer.from(`k1.${i}.`), randomBytes(512 * 1024)]));
    await Promise.all(sealings.map((sealed) => store.put(at, sealed)));
    const kept = await store.get(at);
    expect(sealings.some((sealed) => sealed.equals(kept!))).toBe(true);
    expect((await listed(store)).map((entry) => entry.address)).toEqual([at]);
  });

  it('refuses a name that is not an address (no path can be smuggled in)', async () => {
    await expect(store.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/64 lower-case hex/);
    await expect(store.get('AB'.repeat(32))).rejects.toThrow(/64 lower-case hex/);
  });
});

describe('local disk store', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'openbeian-files-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads and lists a data dir written before the port, plain sha256 names included, and leaves no temporary files', async () => {
    const legacy = createHash('sha256').update('an old scan').digest('hex');
    mkdirSync(join(dataDir, 'files', legacy.slice(0, 2), legacy.slice(2, 4)), { recursive: true });
    writeFileSync(join(dataDir, 'files', legacy.slice(0, 2), legacy.slice(2, 4), legacy), 'k1.sealed-long-ago');
    const store = createLocalDiskStore(dataDir);
    expect((await store.get(legacy))?.toString()).toBe('k1.sealed-long-ago');

    const at = address();
    await Promise.all(Array.from({ length: 6 }, (_, i) => store.put(at, Buffer.from(`k1.${i}`))));
    expect(readdirSync(join(dataDir, 'files', at.slice(0, 2), at.slice(2, 4)))).toEqual([at]);
    expect((await listed(store)).map((entry) => entry.address).sort()).toEqual([legacy, at].sort());
  });
});

describe('S3 store', () => {
  let server: TestS3Server;
  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(() => server.stop());
  const settings = (prefix: string) => ({ endpoint: server.endpoint, region: 'us-east-1', bucket: server.bucket, prefix, ...S3_TEST_CREDENTIALS, forcePathStyle: true });

  it('keeps files at <prefix>files/ab/cd/<address>, and two prefixes in one bucket never see each other', async () => {
    const tenantA = createS3Store(settings('tenant-a/'));
    const tenantB = createS3Store(settings('tenant-b/'));
    const at = address();
    await tenantA.put(at, Buffer.from('k1.a'));
    expect(server.objectFiles('tenant-a').map((path) => path.slice(path.indexOf('/tenant-a/')))).toEqual([
      `/tenant-a/files/${at.slice(0, 2)}/${at.slice(2, 4)}/${at}._S3rver_object`,
    ]);
    expect(await tenantB.get(at)).toBeNull();
    expect(await listed(tenantB)).toEqual([]);
    await Promise.all([tenantA.close(), tenantB.close()]);
  });

  it('reports a missing bucket or an unreachable store as an error, never as a missing file', async () => {
    const wrongBucket = createS3Store({ ...settings(''), bucket: 'no-such-bucket' });
    await expect(wrongBucket.get(address())).rejects.toThrow();
    await wrongBucket.close();
    // A port nothing listens on: refused at once, retried by the SDK, then an error.
    const closed = createS3Store({ ...settings(''), endpoint: 'http://127.0.0.1:9' });
    await expect(closed.get(address())).rejects.toThrow();
    await closed.close();
  });
});
