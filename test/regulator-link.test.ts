import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/core/clock.ts';
import { pollRegulator } from '../src/regulator/index.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { startFakeRegulator, type FakeRegulator } from './support/fake-regulator.ts';
import { applicantClient, preparedOrder, staffClient, statusOf, submitted } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

// The platform's side of the regulator port, with the HTTP gateway adapter against a fake 部级系统: orders go out
// as submissions, progress comes back by polling, numbers are the regulator's, and nothing is applied twice.
describe.each(testDatabases())('the regulator link on $kind', (factory) => {
  let platform: TestPlatform;
  let fake: FakeRegulator;
  beforeEach(async () => {
    fake = await startFakeRegulator();
    platform = await startTestPlatform(factory, { OPENBEIAN_REGULATOR: 'http', OPENBEIAN_REGULATOR_URL: fake.url, OPENBEIAN_REGULATOR_KEY: fake.key });
  });
  afterEach(async () => {
    await platform.stop();
    await fake.close();
  });

  /** Submitted, approved by the provider and handed to the outbox; returns the order id. */
  async function approvedOrder(applicant: TestClient, reviewer: TestClient, draft = buildDraft()): Promise<string> {
    const id = await preparedOrder(applicant, draft);
    await submitted(applicant, id);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
    return id;
  }

  const poll = () => pollRegulator(platform.ctx);
  const orderOf = async (client: TestClient, id: string) => (await client.get(`/api/v1/orders/${id}`)).json();

  it('polls only while no other process holds the lease, measured on the database clock', async () => {
    await poll(); // the cursor row exists from the first poll on
    const polls = () => fake.polls.length; // recorded as each poll arrives
    // Another process polls right now (its lease taken a moment ago); this one's clock is a day ahead of that moment.
    const { db } = platform.ctx;
    const [{ taken }] = (await sql<{ taken: Date }>`SELECT now() AS taken`.execute(db)).rows as [{ taken: Date }];
    await db.updateTable('regulator_cursors').set({ leased_by: 'another-process', leased_until: sql<Date>`now() + interval '2 minutes'` }).execute();
    const dayAhead = { ...platform.ctx, clock: new VirtualClock(platform.ctx.clock, new Date(taken.getTime() + 86_400_000)) };
    const before = polls();
    expect(await pollRegulator(dayAhead)).toBe(0);
    expect(polls()).toBe(before);
    // That process died: once its lease ran out on the database clock, this one polls.
    await db.updateTable('regulator_cursors').set({ leased_until: sql<Date>`now() - interval '1 second'` }).execute();
    await pollRegulator(dayAhead);
    expect(polls()).toBeGreaterThan(before);
    const cursor = await db.selectFrom('regulator_cursors').select(['leased_by', 'leased_until']).executeTakeFirstOrThrow();
    expect(cursor).toEqual({ leased_by: null, leased_until: null });
  });

  it('files through the gateway: the order goes out once, progress comes back by polling, numbers are the regulator’s', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await approvedOrder(applicant, reviewer);
    await platform.drain();

    const sent = await fake.received();
    expect(sent).toMatchObject({ kind: 'first_filing', province: '330000', services: [{ index: 0 }], targetServices: [] });
    expect((sent.draft as ReturnType<typeof buildDraft>).subject.leader.idNumber).toBe(buildDraft().subject.leader.idNumber);
    expect(sent.materials.map((m) => m.kind).sort()).toEqual(['subject_certificate', 'subject_leader_id']);
    for (const material of sent.materials) expect(createHash('sha256').update(fake.files.get(material.sha256)!).digest('hex')).toBe(material.sha256);
    const link = await platform.ctx.db.selectFrom('regulator_submissions').selectAll().where('order_id', '=', id).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ id: sent.id, status: 'accepted', regulator_ref: 'BJ-000001', adapter: 'http' });
    expect(await statusOf(applicant, id)).toBe('awaiting_regulator');

    fake.intake(sent.id);
    await poll();
    expect(await statusOf(applicant, id)).toBe('sms_verification');
    // The person confirms on MIIT's page; the platform has no simulated check to offer.
    expect((await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile: '13800000001', code: '000000' })).statusCode).toBe(404);
    for (const { mobile, code } of fake.codes(sent.id)) expect(fake.confirmSms(mobile, code)).toBe(true);
    await poll();
    expect(await statusOf(applicant, id)).toBe('regulator_review');

    fake.decide(sent.id);
    await poll();
    const approved = await orderOf(applicant, id);
    expect(approved.status).toBe('approved');
    expect(approved.numbers.subject).toMatch(/^浙ICP备20\d{2}900001号$/);
    expect(approved.numbers.services[0].number).toBe(`${approved.numbers.subject}-1`);
    const timeline = approved.timeline.map((t: { status: string }) => t.status);
    expect(timeline).toEqual(['draft', 'provider_review', 'awaiting_regulator', 'sms_verification', 'regulator_review', 'approved']);
    expect((await applicant.get(`/api/v1/filings/${encodeURIComponent(approved.numbers.subject)}`)).json().services[0]).toMatchObject({ number: `${approved.numbers.subject}-1`, domain: 'yunqi-demo.cn' });

    // Polled again from the start, the same events change nothing.
    await platform.ctx.db.updateTable('regulator_cursors').set({ cursor: null }).execute();
    await poll();
    expect((await orderOf(applicant, id)).timeline).toHaveLength(timeline.length);
    const seen = await platform.ctx.db.selectFrom('regulator_events').select(['type', 'outcome']).orderBy('id').execute();
    expect(seen).toEqual([
      { type: 'sms_check_started', outcome: 'applied' },
      { type: 'sms_check_passed', outcome: 'applied' },
      { type: 'approved', outcome: 'applied' },
    ]);
    expect(fake.requests.filter((r) => r.path === '/submissions')).toHaveLength(1);
  });

  it('decides the kind from the regulator’s registry, not from any table of its own', async () => {
    const draft = buildDraft();
    // This certificate already filed this domain through another provider: here it is a connection (接入).
    fake.fileElsewhere('yunqi-demo.cn', '浙ICP备2019000001号', `business_license:${draft.subject.certificate.number}`, draft.subject.leader.idNumber);
    const applicant = await applicantClient(platform);
    const created = await applicant.post('/api/v1/orders', { draft });
    expect(created.json().kind).toBe('connect');
    expect(fake.requests.filter((r) => r.path === '/lookup').length).toBeGreaterThan(0);
  });

  it('refuses a submit while the regulator’s registry cannot be asked, and takes it once it can', async () => {
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant);
    fake.failNext(3);
    const refused = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'while-down' } });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'REGULATOR_UNAVAILABLE', message: { zh: expect.stringContaining('管局'), en: expect.stringContaining('regulator') } });
    fake.recover();
    await submitted(applicant, id, 'after-the-outage');
  });

  it('sends again while the gateway is down, with the same submission id, and files it once', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await approvedOrder(applicant, reviewer);
    fake.failNext(2);
    await platform.drain();
    const waiting = await platform.ctx.db.selectFrom('regulator_submissions').selectAll().where('order_id', '=', id).executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'sending', attempts: 1 });
    expect(waiting.last_error).toContain('503');
    expect(fake.submissions.size).toBe(0);

    await platform.advance(1); // the job's backoff: 30 s, then 1 min
    expect(fake.submissions.size).toBe(1);
    expect([...fake.submissions.keys()]).toEqual([waiting.id]);
    expect(await platform.ctx.db.selectFrom('regulator_submissions').select(['status', 'attempts']).where('order_id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'accepted', attempts: 3 });
  });

  it('sends a refused order back to the applicant with the regulator’s reasons, and a late event about it changes nothing', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    fake.refuseNext([
      { code: 'DATA_NOT_IN_REGISTRY', path: 'subject.certificate.number' },
      { code: 'GATEWAY_FIELD_MISSING', note: 'subject.leader.emergencyPhone' },
    ]);
    const id = await approvedOrder(applicant, reviewer);
    await platform.drain();
    const rejected = await orderOf(applicant, id);
    expect(rejected.status).toBe('regulator_rejected');
    expect(rejected.rejectReasons.map((r: { code: string }) => r.code)).toEqual(['DATA_NOT_IN_REGISTRY', 'OTHER']);
    expect(rejected.rejectReasons[1].note).toContain('GATEWAY_FIELD_MISSING');
    expect(rejected.rejectReasons[0].message.zh).toBeTruthy();
    const first = await platform.ctx.db.selectFrom('regulator_submissions').select(['id', 'status']).where('order_id', '=', id).executeTakeFirstOrThrow();
    expect(first.status).toBe('refused');

    // Resubmitted and approved again: a new submission, which the regulator takes.
    await submitted(applicant, id, 'resubmit');
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.drain();
    const second = await fake.received(1);
    expect(second.id).not.toBe(first.id);
    fake.emitRaw(first.id, { type: 'sms_check_started' });
    await poll();
    expect(await statusOf(applicant, id)).toBe('awaiting_regulator');
    expect(await platform.ctx.db.selectFrom('regulator_events').select('outcome').where('submission_id', '=', first.id).execute()).toEqual([{ outcome: 'stale' }]);
  });

  it('does not file numbers it cannot read, nor events it does not understand, and goes on with the next', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await approvedOrder(applicant, reviewer);
    await platform.drain();
    const sent = await fake.received();
    fake.intake(sent.id);
    for (const { mobile, code } of fake.codes(sent.id)) fake.confirmSms(mobile, code);
    fake.emitRaw(sent.id, { type: 'approved', numbers: { subject: '浙ICP备123号', services: [{ index: 0, number: '浙ICP备123号-1' }] } });
    fake.emitRaw(sent.id, { type: 'teleported' });
    fake.emitRaw('00000000-0000-4000-8000-000000000000', { type: 'sms_check_started' });
    await poll();
    expect(await statusOf(applicant, id)).toBe('regulator_review');
    const outcomes = await platform.ctx.db.selectFrom('regulator_events').select(['type', 'outcome']).orderBy('id').execute();
    expect(outcomes).toEqual([
      { type: 'sms_check_started', outcome: 'applied' },
      { type: 'sms_check_passed', outcome: 'applied' },
      { type: 'approved', outcome: 'invalid' },
      { type: 'unreadable', outcome: 'invalid' },
      { type: 'sms_check_started', outcome: 'unknown_submission' },
    ]);
    fake.decide(sent.id);
    await poll();
    expect((await orderOf(applicant, id)).numbers.subject).toMatch(/900001号$/);
  });
});
