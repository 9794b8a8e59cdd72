import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/accounts/index.ts';
import { runAuditCommand } from '../src/cli/audit.ts';
import { rotateKeys, type RotationReport } from '../src/cli/rotate-keys.ts';
import { auditChainKeyOf } from '../src/core/audit.ts';
import { VirtualClock } from '../src/core/clock.ts';
import { loadConfig } from '../src/core/config.ts';
import { advanceVirtualClock, drainBackgroundWork } from '../src/core/context.ts';
import type { Database } from '../src/core/db/database.ts';
import { createPlatform } from '../src/platform.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted } from './support/journey.ts';
import { TEST_START, TestClient, type TestPlatform } from './support/platform.ts';

// Issue 10, "Key rotation that works": data written under key A stays readable and findable when B becomes current
// with A kept as old, while `rotate-keys` runs (cut short after one batch), and after it, with A gone.
const hex = () => randomBytes(32).toString('hex');
const A = { encryption: hex(), lookup: hex() };
const B = { encryption: hex(), lookup: hex() };

const onlyA = { OPENBEIAN_ENCRYPTION_KEY: A.encryption, OPENBEIAN_ENCRYPTION_KEY_ID: 'k1', OPENBEIAN_LOOKUP_KEY: A.lookup, OPENBEIAN_LOOKUP_KEY_ID: 'l1' };
const bWithOldA = {
  OPENBEIAN_ENCRYPTION_KEY: B.encryption,
  OPENBEIAN_ENCRYPTION_KEY_ID: 'k2',
  OPENBEIAN_ENCRYPTION_OLD_KEYS: `k1:${A.encryption}`,
  OPENBEIAN_LOOKUP_KEY: B.lookup,
  OPENBEIAN_LOOKUP_KEY_ID: 'l2',
  OPENBEIAN_LOOKUP_OLD_KEYS: `l1:${A.lookup}`,
};
const onlyB = { OPENBEIAN_ENCRYPTION_KEY: B.encryption, OPENBEIAN_ENCRYPTION_KEY_ID: 'k2', OPENBEIAN_LOOKUP_KEY: B.lookup, OPENBEIAN_LOOKUP_KEY_ID: 'l2' };

describe.each(testDatabases())('key rotation on $kind', (factory) => {
  let database: Database;
  let dataDir: string;
  const clock = new VirtualClock(undefined, TEST_START);
  let platform: TestPlatform | null = null;

  /** Stops the running platform (the database stays open) and starts one with these keys on the same data. */
  async function restart(keys: Record<string, string>): Promise<TestPlatform> {
    await platform?.stop();
    const config = loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', OPENBEIAN_DATA_DIR: dataDir, ...keys });
    const started = await createPlatform(config, { database: { ...database, close: async () => {} }, clock, background: false });
    platform = {
      ...started,
      clock,
      dataDir,
      client: (options) => new TestClient(started, options?.relogin ?? true),
      drain: () => drainBackgroundWork(started.ctx),
      advance: async (hours: number) => {
        await advanceVirtualClock(started.ctx, hours * 3600_000);
      },
    };
    return platform;
  }

  beforeAll(async () => {
    database = await factory.open();
    dataDir = mkdtempSync(join(tmpdir(), 'openbeian-keys-'));
  });
  afterAll(async () => {
    await platform?.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const draft = buildDraft();
  const { idNumber, mobile } = draft.subject.leader;
  let orderId = '';
  let subjectNumber = '';
  let rivalOrderId = '';
  let attempt = 0;

  async function signedIn(p: TestPlatform, email: string, password: string): Promise<TestClient> {
    const client = p.client();
    const login = await client.login(email, password);
    expect(login.statusCode, login.body).toBe(200);
    return client;
  }

  /** Every look-up and every decrypted view a user or the staff rely on, asked through HTTP. */
  async function expectEverythingWorks(p: TestPlatform): Promise<void> {
    // "Which filings use my ID?" (first, before this round writes anything under the current key): found by the keyed
    // hash of the ID number, the code texted and read back by mobile.
    const person = p.client();
    const started = await person.post('/api/v1/id-check', { idNumber, mobile });
    expect(started.statusCode).toBe(202);
    await p.drain();
    const texts = (await person.get(`/api/v1/dev/outbox?to=${mobile}`)).json().items as { template: string; body: string }[];
    const code = /验证码 (\d{6})/.exec(texts.find((m) => m.template === 'privacy.id_check_code')?.body ?? '')?.[1];
    expect(code, 'an ID-check code texted to the leader').toBeDefined();
    const confirmed = await person.post('/api/v1/id-check/confirm', { checkId: started.json().checkId, code });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().subjects).toEqual([expect.objectContaining({ number: subjectNumber })]);

    const owner = await signedIn(p, 'owner@example.com', 'correct horse');
    // Decrypted views: the order, its stored file, the filed subject.
    const order = await owner.get(`/api/v1/orders/${orderId}`);
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().draft.subject.name).toBe(draft.subject.name);
    const material = order.json().materials[0] as { id: string };
    const file = await owner.get(`/api/v1/orders/${orderId}/materials/${material.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const filing = await owner.get(`/api/v1/filings/${encodeURIComponent(subjectNumber)}`);
    expect(filing.statusCode, filing.body).toBe(200);

    // Certificate look-up: a new service for the filed subject is recognised as one for a subject filed here.
    const more = await owner.post('/api/v1/orders', { draft: buildDraft({ domain: `more-${attempt}-demo.cn` }) });
    expect(more.statusCode, more.body).toBe(201);
    expect(more.json().kind).toBe('new_service_subject_here');

    // Subject binding: another account cannot take over the subject filed by this one.
    attempt += 1;
    const rival = await signedIn(p, 'rival@example.com', 'correct horse');
    const refused = await rival.post(`/api/v1/orders/${rivalOrderId}/submit`, {}, { headers: { 'idempotency-key': `rival-submit-${attempt}` } });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('SUBJECT_BOUND_ELSEWHERE');

    // An admin's export of the person's audit trail finds the order's history.
    const admin = await signedIn(p, 'admin@example.com', DEMO_PASSWORD);
    const trail = await admin.post('/api/v1/privacy/audit-trail', { idNumber });
    expect(trail.statusCode, trail.body).toBe(200);
    expect((trail.json().items as { entityId: string }[]).some((row) => row.entityId === orderId)).toBe(true);
  }

  async function rows(table: string, column: string): Promise<string[]> {
    const found = await database.db.selectFrom(table as 'orders').select(column as 'draft').execute();
    return found.flatMap((row) => (row as Record<string, unknown>)[column] as string | string[] | null).filter((v): v is string => typeof v === 'string' && v !== '');
  }

  it('files under key A; with B current and A old every look-up works before, during and after rotate-keys; then A can go', async () => {
    // Under A: a filed subject, a rival's order for it, and the look-ups working.
    let p = await restart(onlyA);
    const owner = await applicantClient(p);
    const reviewer = await staffClient(p);
    orderId = await preparedOrder(owner, draft);
    await submitted(owner, orderId);
    expect((await reviewer.post(`/api/v1/review/${orderId}/approve`)).statusCode).toBe(200);
    await p.advance(24);
    const verified = await owner.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(owner, mobile) });
    expect(verified.statusCode, verified.body).toBe(200);
    await p.advance(24 * 25);
    expect(await statusOf(owner, orderId)).toBe('approved');
    subjectNumber = (await owner.get(`/api/v1/orders/${orderId}`)).json().numbers.subject as string;
    const rival = await applicantClient(p, 'rival@example.com');
    rivalOrderId = await preparedOrder(rival, buildDraft({ domain: 'rival-demo.cn' }));
    await expectEverythingWorks(p);
    expect((await rows('filed_subjects', 'subject_key')).every((key) => key.startsWith('l1:'))).toBe(true);

    // B current, A kept as old: nothing re-written yet, everything still found.
    p = await restart(bWithOldA);
    await expectEverythingWorks(p);

    // rotate-keys cut short after one batch: resumable, and look-ups hold half-way.
    const progress: string[] = [];
    const partial = await rotateKeys(p.ctx, { batchSize: 1, maxBatches: 1, log: (line) => progress.push(line) });
    expect(partial.stoppedEarly).toBe(true);
    expect(partial.complete).toBe(false);
    // `table: done/total`: the orders written under B were done already; the one batch did one more.
    const [before, after] = progress.map((line) => /^orders: (\d+)\/(\d+)$/.exec(line)!.slice(1).map(Number)) as [number[], number[]];
    expect(progress).toHaveLength(2);
    expect(after[0]).toBe(before[0]! + 1);
    expect(after[1]).toBeGreaterThan(after[0]!);
    await expectEverythingWorks(p);
    const check = await rotateKeys(p.ctx, { dryRun: true });
    expect(check.sealedLeft).toBeGreaterThan(0);
    expect(check.hashedLeft).toBeGreaterThan(0);
    expect(check.verdict.join('\n')).toMatch(/keep k1 in OPENBEIAN_ENCRYPTION_OLD_KEYS/);

    // A restart with only B now would lose what is not rotated yet: the filed subject is no longer recognised.
    p = await restart(onlyB);
    const early = await signedIn(p, 'owner@example.com', 'correct horse');
    const unrecognised = await early.post('/api/v1/orders', { draft: buildDraft({ domain: 'too-early-demo.cn' }) });
    expect(unrecognised.json().kind).not.toBe('new_service_subject_here');

    // Back to B with old A; the run is finished (small batches, so it resumes over many).
    p = await restart(bWithOldA);
    const lines: string[] = [];
    const finished: RotationReport = await rotateKeys(p.ctx, { batchSize: 2, log: (line) => lines.push(line) });
    expect(finished.complete, finished.verdict.join('\n')).toBe(true);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^filed_subjects: (\d+)\/\1$/), expect.stringMatching(/^files: (\d+)\/\1$/)]));
    expect(finished.verdict).toEqual(
      expect.arrayContaining([
        'every sealed column and stored file is under k2: k1 can be removed from OPENBEIAN_ENCRYPTION_OLD_KEYS',
        'every look-up hash is under l2: l1 can be removed from OPENBEIAN_LOOKUP_OLD_KEYS',
        expect.stringMatching(/^audit_log: \d+ row\(s\) signed under k1 .*OPENBEIAN_AUDIT_OLD_KEYS/),
      ]),
    );
    for (const [table, column] of [['orders', 'draft'], ['filed_subjects', 'draft'], ['sent_messages', 'body'], ['sim_submissions', 'payload']] as const) {
      expect((await rows(table, column)).filter((value) => !value.startsWith('k2.')), `${table}.${column}`).toEqual([]);
    }
    for (const [table, column] of [['orders', 'subject_key'], ['orders', 'person_keys'], ['users', 'subject_key'], ['filed_subjects', 'leader_key'], ['sim_national_records', 'subject_key'], ['face_verifications', 'person_key'], ['sent_messages', 'recipient_hash'], ['id_checks', 'person_key']] as const) {
      const values = await rows(table, column);
      expect(values.length, `${table}.${column}`).toBeGreaterThan(0);
      expect(values.filter((value) => !value.startsWith('l2:')), `${table}.${column}`).toEqual([]);
    }
    // A second run finds nothing to do.
    const again = await rotateKeys(p.ctx, { batchSize: 50 });
    expect(again.complete).toBe(true);

    // Only B (and A's audit-chain key, which opens no personal data): everything works, the audit chain verifies.
    const auditKeyA = `k1:${auditChainKeyOf(Buffer.from(A.encryption, 'hex')).toString('hex')}`;
    p = await restart({ ...onlyB, OPENBEIAN_AUDIT_OLD_KEYS: auditKeyA });
    await expectEverythingWorks(p);
    expect(await runAuditCommand(p.ctx.config, ['verify'], database)).toBe(0);
    // Without A's audit-chain key the rows it signed can no longer be verified.
    expect(await runAuditCommand(loadConfig({ OPENBEIAN_MODE: 'test', ...onlyB }), ['verify'], database)).toBe(1);
  }, 600_000);
});
