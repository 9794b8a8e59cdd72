import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../src/core/clock.ts';
import { enqueueEvent, type StoredEvent } from '../src/core/outbox.ts';
import type { Tx } from '../src/core/db/database.ts';
import { MessageSender, SMS_TEMPLATES, deliver } from '../src/notify/index.ts';
import { testDatabases } from './support/databases.ts';
import { applicantClient, preparedOrder, submitted } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';
import { startSignedSmsGateway, startSmtpServer } from './support/vendor-stubs.ts';

// Issue 10, "side effects exactly once": each outbox subscriber commits on its own, messages are written inside the
// subscriber's transaction and sent by the sender worker after commit, marked sent only once the gateway accepted.

const SMS_KEY = 'signed-gateway-key-0123456789';
const MOBILE = '13800000042';
const EMAIL = 'owner@company.test';

describe.each(testDatabases())('delivery on $kind', (factory) => {
  let platform: TestPlatform | null;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sms: Awaited<ReturnType<typeof startSignedSmsGateway>>;

  const gatewayEnv = (overrides: Record<string, string> = {}) => ({
    OPENBEIAN_MAIL: 'smtp',
    OPENBEIAN_SMTP_URL: smtp.url,
    OPENBEIAN_MAIL_FROM: 'beian@provider.test',
    OPENBEIAN_SMTP_POOL_SIZE: '2',
    OPENBEIAN_SMS: 'signed',
    OPENBEIAN_SMS_URL: sms.url,
    OPENBEIAN_SMS_KEY: SMS_KEY,
    OPENBEIAN_SMS_KEY_ID: 'ob-test',
    OPENBEIAN_SMS_SIGN_NAME: '某某云',
    OPENBEIAN_SMS_TEMPLATES: 'test.notice=SMS_100,*=SMS_999',
    ...overrides,
  });

  beforeEach(async () => {
    smtp = await startSmtpServer();
    sms = await startSignedSmsGateway(SMS_KEY);
    platform = await startTestPlatform(factory, gatewayEnv());
  });
  afterEach(async () => {
    await platform?.stop();
    await Promise.all([smtp.close(), sms.close()]);
  });

  const p = () => platform!;

  /** An e-mail subscriber and an SMS subscriber of `topic`, each counting its runs. */
  function subscribeMailAndSms(target: TestPlatform, topic: string) {
    const runs = { email: 0, sms: 0 };
    target.ctx.outbox.on(topic, `${topic}.email`, async (event: StoredEvent, tx: Tx) => {
      runs.email += 1;
      await deliver(target.ctx, tx, { channel: 'email', to: EMAIL, template: topic, subject: '备案通知', body: `订单 ${String(event.payload.order)} 有新进展`, dedupeKey: `event:${event.id}` });
    });
    target.ctx.outbox.on(topic, `${topic}.sms`, async (event: StoredEvent, tx: Tx) => {
      runs.sms += 1;
      await deliver(target.ctx, tx, { channel: 'sms', to: MOBILE, template: topic, body: `【OpenBeian】订单 ${String(event.payload.order)} 有新进展`, dedupeKey: `event:${event.id}` });
    });
    return runs;
  }

  const publish = (target: TestPlatform, topic: string, order: string) =>
    enqueueEvent(target.ctx.db, target.ctx.clock.now(), { topic, aggregateType: 'order', aggregateId: order, payload: { order } });

  const messages = (target: TestPlatform) =>
    target.ctx.db.selectFrom('sent_messages').select(['id', 'channel', 'status', 'attempts', 'last_error', 'template']).orderBy('id').execute();

  const auditActions = async (target: TestPlatform, id: number) =>
    (await target.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'sent_message').where('entity_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);

  it('sends exactly one e-mail and one SMS while the SMS gateway fails four times, retrying on the clock', async () => {
    const runs = subscribeMailAndSms(p(), 'test.notice');
    const warn = vi.spyOn(p().ctx.logger, 'warn');
    sms.failNext(4);
    const eventId = await publish(p(), 'test.notice', 'ORD-1');
    await p().drain();

    const mail = await smtp.inbox.waitFor('the e-mail', (m) => m.to.includes(EMAIL));
    expect(mail).toMatchObject({ from: 'beian@provider.test', subject: '备案通知', text: expect.stringContaining('订单 ORD-1 有新进展') });
    const [email, text] = await messages(p());
    expect(email).toMatchObject({ channel: 'email', status: 'sent', attempts: 1 });
    expect(text).toMatchObject({ channel: 'sms', status: 'pending', attempts: 1, last_error: expect.stringContaining('503') });
    expect(sms.accepted.items).toEqual([]);

    // 1, 2, 4 and 8 minutes later: three more refusals, then the gateway takes it.
    await p().advance(1);
    expect(sms.refused.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(sms.accepted.items).toEqual([
      { phoneNumber: MOBILE, signName: '某某云', templateCode: 'SMS_100', templateParam: { text: '订单 ORD-1 有新进展' }, outId: `ob-${text!.id}`, keyId: 'ob-test' },
    ]);
    expect(smtp.inbox.items).toHaveLength(1);
    expect(await messages(p())).toMatchObject([
      { channel: 'email', status: 'sent', attempts: 1 },
      { channel: 'sms', status: 'sent', attempts: 5, last_error: null },
    ]);
    expect(await auditActions(p(), text!.id)).toEqual(['message.retry_scheduled', 'message.retry_scheduled', 'message.retry_scheduled', 'message.retry_scheduled', 'message.sent']);
    // A kind with no registered template text goes out as { text }: the operator is told once, not on each of 5 attempts.
    const textWarnings = warn.mock.calls.filter((call) => String(call[1]).includes('no registered template text'));
    expect(textWarnings).toEqual([[{ template: 'test.notice' }, expect.stringContaining('sent as one { text } variable')]]);
    // Each subscriber ran once: the gateway's trouble was the sender's, after both had committed.
    expect(runs).toEqual({ email: 1, sms: 1 });
    const event = await p().ctx.db.selectFrom('outbox').select(['processed_at']).where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(event.processed_at).not.toBeNull();
  });

  it('holds a message being sent on a lease of the database clock: a second sender a day ahead leaves it, until the lease ran out', async () => {
    const { ctx } = p();
    await ctx.db.transaction().execute((tx) => deliver(ctx, tx, { channel: 'sms', to: MOBILE, template: 'test.notice', body: '【OpenBeian】你好', dedupeKey: 'in-flight' }));
    const id = (await messages(p()))[0]!.id;
    // Two processes on one database, the second one's (shared demo) clock a day ahead of the first's.
    const first = new MessageSender(ctx);
    const dayAhead = new MessageSender({ ...ctx, clock: new VirtualClock(ctx.clock, new Date(ctx.clock.now().getTime() + 86_400_000)) });
    try {
      const gate = sms.holdNext();
      const sending = first.runDue();
      await gate.arrived; // the first sender's text is at the gateway, its answer not yet back
      expect(await messages(p())).toMatchObject([{ id, status: 'sending', attempts: 1 }]);
      expect(await dayAhead.runDue()).toBe(0);
      gate.release();
      expect(await sending).toBe(1);
      expect(await messages(p())).toMatchObject([{ id, status: 'sent', attempts: 1 }]);
      expect(sms.accepted.items.map((m) => m.outId)).toEqual([`ob-${id}`]);

      // A process that died with a text in flight: once its lease ran out on the database clock, another one sends it.
      await ctx.db.transaction().execute((tx) => deliver(ctx, tx, { channel: 'sms', to: MOBILE, template: 'test.notice', body: '【OpenBeian】再见', dedupeKey: 'orphaned' }));
      const orphaned = (await messages(p()))[1]!.id;
      const lost = sms.holdNext();
      const dying = first.runDue();
      await lost.arrived;
      expect(await dayAhead.runDue()).toBe(0);
      await sql`UPDATE sent_messages SET lease_until = now() - interval '1 second' WHERE id = ${orphaned}`.execute(ctx.db);
      expect(await dayAhead.runDue()).toBe(1);
      expect((await messages(p()))[1]).toMatchObject({ status: 'sent', attempts: 2 });
      // Had the first process lived after all, its late answer marks nothing: the row belongs to the second attempt.
      lost.release();
      await dying;
      expect((await messages(p()))[1]).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await auditActions(p(), orphaned)).toEqual(['message.sent']);
    } finally {
      await Promise.all([first.close(), dayAhead.close()]);
    }
  });

  it('texts an order’s step as the kind’s registered template code with exactly its variables, the stored body rendered from the same template', async () => {
    await p().stop();
    platform = await startTestPlatform(factory, gatewayEnv({ OPENBEIAN_MAIL: 'outbox', OPENBEIAN_SMS_TEMPLATES: 'order.provider_review=SMS_201,*=SMS_999' }));
    const applicant = await applicantClient(p());
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    await p().drain();

    const orderNumber = (await applicant.get(`/api/v1/orders/${id}`)).json().number as string;
    const texts = await sms.accepted.waitFor('the order’s SMS', (m) => m.templateCode === 'SMS_201');
    expect(texts).toEqual({ phoneNumber: '13800000001', signName: '某某云', templateCode: 'SMS_201', templateParam: { order: orderNumber }, outId: expect.stringMatching(/^ob-\d+$/), keyId: 'ob-test' });
    const stored = (await applicant.get('/api/v1/dev/outbox?to=13800000001')).json().items as { template: string; body: string }[];
    expect(stored).toEqual([expect.objectContaining({ template: 'order.provider_review', body: `【OpenBeian】${SMS_TEMPLATES['order.provider_review'].text.replace('${order}', orderNumber)}` })]);
    expect(stored[0]!.body).toBe(`【OpenBeian】您的备案订单 ${orderNumber} 已提交，接入商将在 1 个工作日内完成初审。`);
  });

  it('retries only the subscriber that threw, never the others', async () => {
    const runs = subscribeMailAndSms(p(), 'test.flaky');
    let thrown = 0;
    p().ctx.outbox.on('test.flaky', 'test.flaky.ledger', async () => {
      thrown += 1;
      if (thrown <= 2) throw new Error('the ledger is locked');
    });
    const eventId = await publish(p(), 'test.flaky', 'ORD-2');
    await p().drain();
    const deliveries = () => p().ctx.db.selectFrom('outbox_deliveries').select(['subscriber', 'status', 'attempts', 'last_error']).where('event_id', '=', eventId).orderBy('seq').execute();
    expect(await deliveries()).toEqual([
      { subscriber: 'test.flaky.email', status: 'done', attempts: 1, last_error: null },
      { subscriber: 'test.flaky.sms', status: 'done', attempts: 1, last_error: null },
      { subscriber: 'test.flaky.ledger', status: 'pending', attempts: 1, last_error: 'the ledger is locked' },
    ]);
    const pending = await p().ctx.db.selectFrom('outbox').select(['processed_at', 'last_error']).where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(pending).toEqual({ processed_at: null, last_error: 'the ledger is locked' });

    await p().advance(1); // retried after 1 and 2 minutes
    expect(thrown).toBe(3);
    expect(runs).toEqual({ email: 1, sms: 1 });
    expect((await deliveries()).map((d) => [d.subscriber, d.status, d.attempts])).toEqual([
      ['test.flaky.email', 'done', 1],
      ['test.flaky.sms', 'done', 1],
      ['test.flaky.ledger', 'done', 3],
    ]);
    expect(smtp.inbox.items).toHaveLength(1);
    expect(sms.accepted.items).toHaveLength(1);
    expect((await p().ctx.db.selectFrom('outbox').select('processed_at').where('id', '=', eventId).executeTakeFirstOrThrow()).processed_at).not.toBeNull();
  });

  it('sends once when the same event is dispatched twice, and once per recipient', async () => {
    const runs = subscribeMailAndSms(p(), 'test.twice');
    const eventId = await publish(p(), 'test.twice', 'ORD-3');
    await p().drain();
    // As if a second dispatcher (or an operator replaying the event) handled it again.
    await p().ctx.db.updateTable('outbox').set({ fanned_out_at: null, processed_at: null }).where('id', '=', eventId).execute();
    await p().ctx.db.deleteFrom('outbox_deliveries').where('event_id', '=', eventId).execute();
    await p().drain();
    expect(runs).toEqual({ email: 2, sms: 2 });
    expect(smtp.inbox.items).toHaveLength(1);
    expect(sms.accepted.items).toHaveLength(1);
    expect(await messages(p())).toHaveLength(2);

    // The key is event + channel + recipient: a second address of the same event gets its own e-mail.
    await p().ctx.db.transaction().execute(async (tx) => {
      expect(await deliver(p().ctx, tx, { channel: 'email', to: 'second@company.test', template: 'test.twice', subject: 's', body: 'b', dedupeKey: `event:${eventId}` })).toBe(true);
      expect(await deliver(p().ctx, tx, { channel: 'email', to: ' Second@Company.test', template: 'test.twice', subject: 's', body: 'b', dedupeKey: `event:${eventId}` })).toBe(false);
    });
    await p().drain();
    expect(smtp.inbox.items.map((m) => m.to)).toEqual([[EMAIL], ['second@company.test']]);
  });

  it('writes the message with the change and sends it only after commit (a user’s registration e-mail)', async () => {
    const client = p().client();
    expect((await client.post('/api/v1/auth/register', { email: 'new@company.test', password: 'correct horse' })).statusCode).toBe(201);
    // The request committed the message; no gateway was called inside it.
    expect(smtp.inbox.items).toEqual([]);
    await p().drain();
    const welcome = await smtp.inbox.waitFor('the verification e-mail', (m) => m.to.includes('new@company.test'));
    expect(welcome.text).toContain('/verify-email?token=');
    expect(await messages(p())).toMatchObject([{ channel: 'email', status: 'sent', attempts: 1 }]);
  });

  it('reuses pooled SMTP connections and closes them at shutdown', async () => {
    subscribeMailAndSms(p(), 'test.pool');
    for (const order of ['ORD-4', 'ORD-5', 'ORD-6']) await publish(p(), 'test.pool', order);
    await p().drain();
    expect(smtp.inbox.items).toHaveLength(3);
    const opened = smtp.connections.items.filter((c) => c.kind === 'open');
    expect(opened).toHaveLength(1); // three e-mails, one pooled connection
    expect(smtp.connections.items.some((c) => c.kind === 'close')).toBe(false);
    await p().stop();
    platform = null;
    await smtp.connections.waitFor('the pooled connection to close', (c) => c.kind === 'close' && c.id === opened[0]!.id);
  });

  it('is refused by the gateway with a wrong key, gives up after eight attempts and audits it; a kind without a template fails at once', async () => {
    await p().stop();
    platform = await startTestPlatform(factory, gatewayEnv({ OPENBEIAN_SMS_KEY: 'not-the-gateway-key-0123', OPENBEIAN_SMS_TEMPLATES: 'test.notice=SMS_100' }));
    await p().ctx.db.transaction().execute(async (tx) => {
      await deliver(p().ctx, tx, { channel: 'sms', to: MOBILE, template: 'test.notice', body: '【OpenBeian】你好', dedupeKey: 'wrong-key' });
      await deliver(p().ctx, tx, { channel: 'sms', to: MOBILE, template: 'test.unmapped', body: '【OpenBeian】你好', dedupeKey: 'no-template' });
    });
    await p().drain();
    const [signed, unmapped] = await messages(p());
    expect(signed).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('SMS gateway answered 401') });
    expect(unmapped).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('no SMS template for kind test.unmapped') });
    expect(await auditActions(p(), unmapped!.id)).toEqual(['message.failed']);

    await p().advance(6);
    expect(sms.accepted.items).toEqual([]);
    expect(sms.refused).toHaveLength(8);
    expect(new Set(sms.refused.map((r) => r.reason))).toEqual(new Set(['bad signature']));
    expect((await messages(p()))[0]).toMatchObject({ status: 'failed', attempts: 8 });
    const actions = await auditActions(p(), signed!.id);
    expect(actions).toHaveLength(8);
    expect(actions.at(-1)).toBe('message.failed');
  });
});
