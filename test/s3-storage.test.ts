import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rotateKeys } from '../src/cli/rotate-keys.ts';
import { loadConfig } from '../src/core/config.ts';
import { scheduleNextRetention } from '../src/housekeeping/index.ts';
import { inspectImage, readStoredFile, storeFile } from '../src/materials/index.ts';
import { createPlatform } from '../src/platform.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient } from './support/journey.ts';
import { startTestPlatform, TestClient, type TestPlatform } from './support/platform.ts';
import { startS3Server, type TestS3Server } from './support/s3-server.ts';

// Issue 10: several processes behind a balancer share one S3-compatible store. Everything an applicant, the retention
// run and `rotate-keys` do with files works the same there, and the bucket only ever holds sealed bytes.
const KEY_A = randomBytes(32).toString('hex');
const KEY_B = randomBytes(32).toString('hex');
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
let runs = 0;

describe.each(testDatabases())('uploaded files in an S3-compatible store on $kind', (factory) => {
  let s3: TestS3Server;
  let platform: TestPlatform;
  let prefix = '';
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(() => s3.stop());
  beforeEach(async () => {
    prefix = `run-${(runs += 1)}`;
    platform = await startTestPlatform(factory, { ...s3.env(prefix), OPENBEIAN_ENCRYPTION_KEY: KEY_A, OPENBEIAN_ENCRYPTION_KEY_ID: 'k1' });
  });
  afterEach(() => platform.stop());

  /** An applicant's order with one uploaded scan: the scan's stored address, and the clean copy the platform keeps. */
  async function uploadedScan(seed = 7) {
    const owner = await applicantClient(platform);
    const order = (await owner.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const photo = await colourJpeg(700, 500, seed);
    const upload = await owner.upload(`/api/v1/orders/${order}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name: 'scan.jpg', type: 'image/jpeg', bytes: photo });
    expect(upload.statusCode, upload.body).toBe(201);
    const clean = (await inspectImage(photo)).stripped!;
    return { owner, order, material: upload.json().id as string, address: upload.json().sha256 as string, clean };
  }

  const objectOf = (address: string) => s3.objectFiles(prefix).find((path) => path.includes(`/${address}._S3rver_object`));

  it('keeps an uploaded scan and a face photo sealed in the bucket, and gives the scan back byte for byte', async () => {
    const { owner, order, material, address, clean } = await uploadedScan();
    const face = await owner.upload(`/api/v1/orders/${order}/face-verifications`, { person: 'subject.leader' }, { name: 'face.jpg', type: 'image/jpeg', bytes: await colourJpeg(700, 500, 11) });
    expect(face.json().outcome, face.body).toBe('passed');

    const download = await owner.get(`/api/v1/orders/${order}/materials/${material}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.equals(clean)).toBe(true);

    const objects = s3.objectFiles(prefix);
    expect(objects).toHaveLength(2);
    expect(objectOf(address)).toContain(`/${prefix}/files/${address.slice(0, 2)}/${address.slice(2, 4)}/`);
    for (const path of objects) {
      const stored = readFileSync(path);
      expect(stored.subarray(0, 3).toString()).toBe('k1.');
      expect(stored.includes(JPEG_MAGIC)).toBe(false);
      expect(stored.includes(clean.subarray(1000, 1032))).toBe(false);
    }
    // Nothing went to the local disk: another process behind the balancer sees the same files.
    expect(existsSync(join(platform.dataDir, 'files'))).toBe(false);
  });

  it('the nightly retention run deletes an object nothing refers to once it is an hour old, and keeps a referenced one', async () => {
    const { owner, order, material, address } = await uploadedScan();
    // A scan whose upload never reached the database: stored, but no material refers to it.
    const orphan = await storeFile(platform.ctx, await colourJpeg(300, 300, 99));
    expect(s3.objectFiles(prefix)).toHaveLength(2);

    // Young objects may belong to an upload in flight: the first run leaves both.
    const lastRun = async () =>
      (await platform.ctx.db.selectFrom('audit_log').select('data').where('action', '=', 'retention_run').orderBy('at', 'desc').executeTakeFirst())?.data;
    await scheduleNextRetention(platform.ctx);
    await platform.advance(24);
    expect(await lastRun()).toMatchObject({ files: { checked: 2, deleted: 0 } });
    expect(s3.objectFiles(prefix)).toHaveLength(2);

    // s3rver dates an object by its file's time; two hours old by the store's clock, as the purge judges it.
    const twoHoursAgo = new Date((await platform.ctx.files.now()).getTime() - 2 * 3600_000);
    for (const path of s3.objectFiles(prefix)) utimesSync(path, twoHoursAgo, twoHoursAgo);
    await platform.advance(24);
    expect(objectOf(orphan)).toBeUndefined();
    expect(objectOf(address)).toBeDefined();
    expect(s3.objectFiles(prefix)).toHaveLength(1);
    expect((await owner.get(`/api/v1/orders/${order}/materials/${material}/file`)).statusCode).toBe(200);
    expect(await lastRun()).toMatchObject({ files: { checked: 2, deleted: 1 } });
  });

  it('rotate-keys reseals the objects under the new key, and the scan still downloads', async () => {
    const { order, material, address, clean } = await uploadedScan();
    expect(readFileSync(objectOf(address)!).subarray(0, 3).toString()).toBe('k1.');

    // The next release: key B current, A kept to read what is not resealed yet, the same bucket and database.
    const config = loadConfig({
      OPENBEIAN_MODE: 'test',
      LOG_LEVEL: 'silent',
      OPENBEIAN_DATA_DIR: platform.dataDir,
      ...s3.env(prefix),
      OPENBEIAN_ENCRYPTION_KEY: KEY_B,
      OPENBEIAN_ENCRYPTION_KEY_ID: 'k2',
      OPENBEIAN_ENCRYPTION_OLD_KEYS: `k1:${KEY_A}`,
    });
    const next = await createPlatform(config, { database: { ...platform.ctx.database, close: async () => {} }, clock: platform.clock, background: false });
    try {
      const report = await rotateKeys(next.ctx, { batchSize: 10 });
      expect(report.complete, report.verdict.join('\n')).toBe(true);
      const resealed = readFileSync(objectOf(address)!);
      expect(resealed.subarray(0, 3).toString()).toBe('k2.');
      expect(resealed.includes(JPEG_MAGIC)).toBe(false);
      expect((await readStoredFile(next.ctx, address))!.equals(clean)).toBe(true);

      const owner = new TestClient(next);
      expect((await owner.login('owner@example.com', 'correct horse')).statusCode).toBe(200);
      const download = await owner.get(`/api/v1/orders/${order}/materials/${material}/file`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(clean)).toBe(true);
    } finally {
      await next.stop();
    }
  });
});

describe.each(testDatabases())('a file store that cannot be reached, on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    // Port 9 (discard): nothing listens, every connection is refused, as when the store is down.
    const settings = { OPENBEIAN_STORAGE: 's3', OPENBEIAN_S3_ENDPOINT: 'http://127.0.0.1:9', OPENBEIAN_S3_BUCKET: 'openbeian-test', OPENBEIAN_S3_ACCESS_KEY_ID: 'S3RVER', OPENBEIAN_S3_SECRET_ACCESS_KEY: 'S3RVER', OPENBEIAN_S3_FORCE_PATH_STYLE: 'true' };
    platform = await startTestPlatform(factory, settings);
  });
  afterEach(() => platform.stop());

  it('answers an upload 503 STORAGE_UNAVAILABLE, asks to retry later, and records no material', async () => {
    const owner = await applicantClient(platform);
    const order = (await owner.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const upload = await owner.upload(`/api/v1/orders/${order}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name: 'scan.jpg', type: 'image/jpeg', bytes: await colourJpeg() });
    expect(upload.statusCode, upload.body).toBe(503);
    expect(upload.json().error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: { zh: expect.stringContaining('稍后再试'), en: expect.stringContaining('try again later') } });
    expect((await owner.get(`/api/v1/orders/${order}`)).json().materials).toEqual([]);
  });
});
