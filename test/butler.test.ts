import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../src/rules/index.ts';
import { testDatabases } from './support/databases.ts';
import { applicantClient, preparedOrder, staffClient, submitted } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

/** Beijing wall time of an ISO instant to the minute: "2026-11-30 09:50". */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const hoursUntil = (platform: TestPlatform, beijingTime: string) => (Date.parse(`${beijingTime}+08:00`) - platform.clock.now().getTime()) / 3600_000;

const REQUEST = { service: 'icp_filing', note: '公司官网首次备案，想请管家代办', contactMobile: '13700001111' };

type Outbox = { template: string; to: string; body: string; subject: string | null }[];
async function outbox(platform: TestPlatform, to: string): Promise<Outbox> {
  return (await platform.client().get(`/api/v1/dev/outbox?to=${encodeURIComponent(to)}&limit=200`)).json().items as Outbox;
}

async function auditCount(platform: TestPlatform, ticketId: string): Promise<number> {
  const rows = await platform.ctx.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'butler_ticket').where('entity_id', '=', ticketId).execute();
  return rows.length;
}

describe.each(testDatabases())('the butler service (资质管家) on $kind', (factory) => {
  let platform: TestPlatform;
  let owner: TestClient;
  let butler: TestClient;

  async function opened(client: TestClient = owner, body: Record<string, unknown> = REQUEST) {
    const response = await client.post('/api/v1/butler/tickets', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function act(client: TestClient, id: string, action: string, body: unknown = {}) {
    const response = await client.post(`/api/v1/butler/tickets/${id}/${action}`, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    return response.json();
  }

  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    owner = await applicantClient(platform);
    butler = await staffClient(platform, 'butler@example.com');
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('answers a Friday 17:20 request by Monday 9:50; when nobody calls, the clock runs out, shows first in the queue and the butlers are told', async () => {
    await platform.advance(hoursUntil(platform, '2026-11-27T17:20:00')); // Friday
    const ticket = await opened();
    expect(ticket).toMatchObject({ service: 'icp_filing', status: 'open', isRefundable: true, isOverdue: false, actions: ['close'], calendarWarning: null });
    expect(beijing(ticket.firstResponseDueAt)).toBe('2026-11-30 09:50');
    expect(beijing(ticket.now)).toBe('2026-11-27 17:20');
    expect(ticket.openedOutsideBusinessHours).toBe(false);

    // The customer is told when to expect the call; every butler is told there is someone to call.
    await platform.drain();
    const sms = (await outbox(platform, '13700001111')).find((m) => m.template === 'butler_ticket.opened');
    expect(sms?.body).toContain('11月30日 09:50');
    expect((await outbox(platform, 'butler@example.com')).map((m) => m.template)).toContain('butler_ticket.opened.butler');

    // A second, earlier-answered ticket from someone else, opened on Monday at 9:45.
    const other = await applicantClient(platform, 'other@example.com');
    await platform.advance(hoursUntil(platform, '2026-11-30T09:45:00'));
    const later = await opened(other, { ...REQUEST, contactMobile: '13700002222' });
    expect(beijing(later.firstResponseDueAt)).toBe('2026-11-30 10:15');

    // Monday 9:51: the first clock has run out.
    await platform.advance(hoursUntil(platform, '2026-11-30T09:51:00'));
    const queue = (await butler.get('/api/v1/butler/tickets')).json();
    expect(queue.items.map((t: { id: string }) => t.id)).toEqual([ticket.id, later.id]);
    expect(queue.items[0]).toMatchObject({ isOverdue: true, contactMobile: '137****1111', applicant: 'o***r@example.com' });
    expect(queue.items[0].clocks[0]).toMatchObject({ kind: 'first_response', isRunning: true, isOverdue: true });
    expect(queue.items[1].isOverdue).toBe(false);
    expect(beijing(queue.now)).toBe('2026-11-30 09:51');
    const expired = (await outbox(platform, 'butler@example.com')).filter((m) => m.template === 'butler_ticket.clock_expired.butler');
    expect(expired).toHaveLength(1);
    expect(expired[0]!.body).toContain(ticket.number);
    expect(expired[0]!.body).toContain('首次联系');

    // The butler calls: the clock stops, late, and the ticket leaves the top of the queue.
    const responded = await act(butler, ticket.id, 'respond', { note: '已电话沟通需求' });
    expect(responded).toMatchObject({ status: 'responded', contactMobile: '13700001111', isOverdue: false, actions: ['close'] });
    expect(responded.clocks[0]).toMatchObject({ isRunning: false, isOverdue: false, wasLate: true });
    expect(responded.timeline.map((e: { action: string }) => e.action)).toEqual(['open', 'clock_expired', 'transition']);
    expect((await butler.get('/api/v1/butler/tickets')).json().items.map((t: { id: string }) => t.id)).toEqual([later.id, ticket.id]);

    // Running out is reported once, however long it stays overdue.
    await platform.advance(24);
    expect((await outbox(platform, 'butler@example.com')).filter((m) => m.template === 'butler_ticket.clock_expired.butler')).toHaveLength(2);
  });

  it('opened at 9:00 on a workday is due at 10:00; a Saturday request waits for Monday', async () => {
    await platform.advance(hoursUntil(platform, '2026-11-24T09:00:00'));
    expect(beijing((await opened()).firstResponseDueAt)).toBe('2026-11-24 10:00');
    await platform.advance(hoursUntil(platform, '2026-11-28T15:00:00'));
    const weekend = await opened();
    expect(weekend.openedOutsideBusinessHours).toBe(true);
    expect(beijing(weekend.firstResponseDueAt)).toBe('2026-11-30 10:00');
  });

  it('confirms once, after saying there is no refund: the 3-workday materials clock starts; a second confirmation changes nothing', async () => {
    const ticket = await opened();
    expect((await owner.post(`/api/v1/butler/tickets/${ticket.id}/confirm`, { acknowledgeNoRefund: true })).json().error.code).toBe('INVALID_TRANSITION');
    await act(butler, ticket.id, 'respond');
    const offered = (await owner.get(`/api/v1/butler/tickets/${ticket.id}`)).json();
    expect(offered.actions).toEqual(['confirm', 'close']);
    expect(offered.noRefundNotice.zh).toContain('不予退款');

    // Not acknowledged: a field error, nothing changed.
    for (const body of [{}, { acknowledgeNoRefund: false }]) {
      const refused = await owner.post(`/api/v1/butler/tickets/${ticket.id}/confirm`, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.fields[0].path).toBe('body.acknowledgeNoRefund');
      expect(refused.json().error.details.fields[0].message.zh).toContain('不予退款');
    }
    expect((await owner.get(`/api/v1/butler/tickets/${ticket.id}`)).json().status).toBe('responded');
    // The butler cannot confirm for the customer.
    expect((await butler.post(`/api/v1/butler/tickets/${ticket.id}/confirm`, { acknowledgeNoRefund: true })).statusCode).toBe(403);

    // Monday 2026-11-23 10:00 + 3 workdays of business time = Thursday 10:00.
    const confirmed = await act(owner, ticket.id, 'confirm', { acknowledgeNoRefund: true });
    expect(confirmed).toMatchObject({ status: 'confirmed', isRefundable: false, actions: [] });
    expect(beijing(confirmed.materialsDueAt)).toBe('2026-11-26 10:00');
    expect(confirmed.clocks[1]).toMatchObject({ kind: 'materials', isRunning: true, isOverdue: false });
    const acknowledged = await platform.ctx.db
      .selectFrom('audit_log')
      .select(['data', 'actor_role'])
      .where('entity_id', '=', ticket.id)
      .where('to_status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    expect(acknowledged.actor_role).toBe('applicant');
    expect(acknowledged.data).toMatchObject({ acknowledgeNoRefund: true, noRefundNotice: { zh: offered.noRefundNotice.zh } });

    const before = await auditCount(platform, ticket.id);
    const twice = await owner.post(`/api/v1/butler/tickets/${ticket.id}/confirm`, { acknowledgeNoRefund: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'TICKET_ALREADY_CONFIRMED', message: { zh: expect.stringContaining('不予退款') } });
    const after = (await owner.get(`/api/v1/butler/tickets/${ticket.id}`)).json();
    expect(after.version).toBe(confirmed.version);
    expect(after.materialsDueAt).toBe(confirmed.materialsDueAt);
    expect(await auditCount(platform, ticket.id)).toBe(before);

    // Once confirmed the customer can no longer withdraw; the butler still can end it.
    expect((await owner.post(`/api/v1/butler/tickets/${ticket.id}/close`, { reason: '不想办了' })).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('runs the materials clock out over a weekend, then walks to "accepted by the authority", telling the owner each step', async () => {
    const ticket = await opened();
    await act(butler, ticket.id, 'respond');
    await platform.advance(hoursUntil(platform, '2026-11-26T16:00:00')); // Thursday
    const confirmed = await act(owner, ticket.id, 'confirm', { acknowledgeNoRefund: true });
    // Thursday 16:00 + 24 business hours: Friday, Monday, Tuesday 16:00.
    expect(beijing(confirmed.materialsDueAt)).toBe('2026-12-01 16:00');

    await platform.advance(hoursUntil(platform, '2026-12-01T16:30:00'));
    // A week later, on the application clock: the sessions have ended.
    await butler.login('butler@example.com', 'openbeian-demo');
    await owner.login('owner@example.com', 'correct horse');
    const late = (await butler.get(`/api/v1/butler/tickets/${ticket.id}`)).json();
    expect(late).toMatchObject({ isOverdue: true, actions: ['submit', 'close'] });
    expect(late.clocks[1]).toMatchObject({ kind: 'materials', isOverdue: true });
    const told = (await outbox(platform, 'butler@example.com')).filter((m) => m.template === 'butler_ticket.clock_expired.butler');
    expect(told.map((m) => m.body).join()).toContain('材料准备');

    const submitted = await act(butler, ticket.id, 'submit', { note: '材料已上传并提交管局' });
    expect(submitted.clocks[1]).toMatchObject({ isRunning: false, wasLate: true });
    const accepted = await act(butler, ticket.id, 'accept', { note: '管局已受理' });
    expect(accepted).toMatchObject({ status: 'accepted', actions: [] });
    expect((await butler.post(`/api/v1/butler/tickets/${ticket.id}/close`, { reason: 'x' })).json().error.code).toBe('INVALID_TRANSITION');

    await platform.drain();
    const toOwner = (await outbox(platform, 'owner@example.com')).map((m) => m.template);
    for (const step of ['opened', 'responded', 'confirmed', 'submitted', 'accepted']) expect(toOwner).toContain(`butler_ticket.${step}`);
    const sms = (await outbox(platform, '13700001111')).map((m) => m.template);
    expect(sms).toEqual(expect.arrayContaining(['butler_ticket.opened', 'butler_ticket.confirmed', 'butler_ticket.accepted']));
    const timeline = (await owner.get(`/api/v1/butler/tickets/${ticket.id}`)).json().timeline as { action: string; to: string | null; actorRole: string }[];
    expect(timeline.filter((e) => e.action === 'transition').map((e) => `${e.actorRole}:${e.to}`)).toEqual([
      'butler:responded',
      'applicant:confirmed',
      'butler:submitted',
      'butler:accepted',
    ]);
  });

  it('takes invoice requests for a confirmed service, naming the entity invoiced and the invoicing entity', async () => {
    const ticket = await opened();
    const taxNumber = `91330106MA2B3C4D1${creditCodeCheckChar('91330106MA2B3C4D1')}`;
    const wrongCheck = `91330106MA2B3C4D1${creditCodeCheckChar('91330106MA2B3C4D1') === '0' ? '1' : '0'}`;
    const invoice = { entityName: '杭州云栖示例科技有限公司', taxNumber, email: 'finance@yunqi-demo.cn' };
    const early = await owner.post(`/api/v1/butler/tickets/${ticket.id}/invoice-requests`, invoice);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TICKET_NOT_CONFIRMED');
    await act(butler, ticket.id, 'respond');
    await act(owner, ticket.id, 'confirm', { acknowledgeNoRefund: true });

    const badTax = await owner.post(`/api/v1/butler/tickets/${ticket.id}/invoice-requests`, { ...invoice, taxNumber: wrongCheck });
    expect(badTax.statusCode).toBe(400);
    expect(badTax.json().error.details.fields[0]).toMatchObject({ path: 'body.taxNumber', message: { zh: expect.stringContaining('纳税人识别号') } });
    const badEmail = await owner.post(`/api/v1/butler/tickets/${ticket.id}/invoice-requests`, { ...invoice, email: 'finance' });
    expect(badEmail.json().error.details.fields[0].path).toBe('body.email');
    expect((await butler.post(`/api/v1/butler/tickets/${ticket.id}/invoice-requests`, invoice)).statusCode).toBe(403);

    // Typed in lower case with spaces, kept as the code it is.
    const requested = await owner.post(`/api/v1/butler/tickets/${ticket.id}/invoice-requests`, { ...invoice, taxNumber: ` ${taxNumber.toLowerCase()}` });
    expect(requested.statusCode, requested.body).toBe(201);
    // Billing issues it under the provider's invoicing entity (开票主体), which the request keeps and the customer is told.
    const issuer = '开源备案演示知识产权服务有限公司';
    expect(requested.json()).toMatchObject({ invoicingEntity: issuer, entityName: invoice.entityName, taxNumber, email: invoice.email });
    const seen = (await butler.get(`/api/v1/butler/tickets/${ticket.id}`)).json();
    expect(seen.invoicingEntity).toBe(issuer);
    expect(seen.invoiceRequests).toEqual([expect.objectContaining({ invoicingEntity: issuer, entityName: invoice.entityName, taxNumber, email: invoice.email })]);
    expect(seen.timeline.map((e: { action: string }) => e.action)).toContain('invoice_request');
    await platform.drain();
    expect((await outbox(platform, 'owner@example.com')).find((m) => m.template === 'butler_ticket.invoice_requested')?.body).toContain(`开票主体：${issuer}`);
    expect((await outbox(platform, 'butler@example.com')).map((m) => m.template)).toContain('butler_ticket.invoice_requested.butler');
  });

  it('refuses bad requests with a field error and changes nothing', async () => {
    const unknown = await owner.post('/api/v1/butler/tickets', { ...REQUEST, service: 'website_design' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].path).toBe('body.service');
    for (const mobile of ['12345', '23800001111', '1380000111a']) {
      const bad = await owner.post('/api/v1/butler/tickets', { ...REQUEST, contactMobile: mobile });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields[0]).toMatchObject({ path: 'body.contactMobile', message: { zh: expect.stringContaining('手机号'), en: expect.stringContaining('mobile') } });
    }
    const ispOnOther = await owner.post('/api/v1/butler/tickets', { ...REQUEST, isp: { scope: 'provincial', registeredCapitalCny: 2_000_000 } });
    expect(ispOnOther.json().error.details.fields[0].path).toBe('body.isp');
    expect((await owner.get('/api/v1/butler/tickets')).json().total).toBe(0);

    // Staff other than customers do not open tickets; anonymous callers are asked to log in.
    expect((await butler.post('/api/v1/butler/tickets', REQUEST)).statusCode).toBe(403);
    expect((await platform.client().post('/api/v1/butler/tickets', REQUEST)).statusCode).toBe(401);

    // Another customer's ticket does not exist for you, and cannot be moved.
    const ticket = await opened();
    const stranger = await applicantClient(platform, 'stranger@example.com');
    const peek = await stranger.get(`/api/v1/butler/tickets/${ticket.id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json().error.details.fields[0].path).toBe('params.id');
    expect((await stranger.post(`/api/v1/butler/tickets/${ticket.id}/close`, { reason: '试试' })).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/butler/tickets')).json().items).toEqual([]);
    // The applicant cannot do the butler's part.
    expect((await owner.post(`/api/v1/butler/tickets/${ticket.id}/respond`)).statusCode).toBe(403);
    expect((await owner.get(`/api/v1/butler/tickets/${ticket.id}`)).json()).toMatchObject({ status: 'open', version: 1 });

    // While it is still free the customer may withdraw it.
    const withdrawn = await act(owner, ticket.id, 'close', { reason: '已自行办理' });
    expect(withdrawn).toMatchObject({ status: 'closed', closeReason: '已自行办理', isOverdue: false });
    expect(withdrawn.clocks[0].isRunning).toBe(false);
  });

  it('shows the butler its tickets and what they need, never the applicants’ filings', async () => {
    // Submitted, so staff whose work it is may read it (drafts stay the applicant's own).
    const orderId = await preparedOrder(owner);
    await submitted(owner, orderId);
    const ticket = await opened();
    const viewed = () => platform.ctx.db.selectFrom('audit_log').select(['actor_role', 'data']).where('entity_id', '=', ticket.id).where('action', '=', 'personal_data_viewed').execute();
    expect(await viewed()).toEqual([]);
    const seen = (await butler.get(`/api/v1/butler/tickets/${ticket.id}`)).json();
    expect(seen.contactMobile).toBe('13700001111');
    // The butler's look is audited, the owner's own is not, and neither is history on the ticket.
    expect(await viewed()).toEqual([{ actor_role: 'butler', data: { fields: ['contactMobile', 'invoiceRequests.email'] } }]);
    await owner.get(`/api/v1/butler/tickets/${ticket.id}`);
    expect(await viewed()).toHaveLength(1);
    expect(seen.timeline.map((event: { action: string }) => event.action)).not.toContain('personal_data_viewed');
    expect((await butler.get(`/api/v1/orders/${orderId}`)).statusCode).toBe(404);
    expect((await butler.get('/api/v1/orders')).json().items).toEqual([]);
    // A reviewer still reads submitted orders, and is no butler.
    const reviewer = await staffClient(platform, 'reviewer@example.com');
    expect((await reviewer.get(`/api/v1/orders/${orderId}`)).statusCode).toBe(200);
    expect((await reviewer.get(`/api/v1/butler/tickets/${ticket.id}`)).statusCode).toBe(404);
  });
});

describe.each(testDatabases())('butler clocks across the Spring Festival on $kind', (factory) => {
  let platform: TestPlatform;
  afterEach(async () => {
    await platform.stop();
  });

  it('a request made during the holiday waits for the first workday after it', async () => {
    platform = await startTestPlatform(factory, {}, { start: new Date('2026-02-17T11:00:00+08:00') }); // 初一
    const owner = await applicantClient(platform);
    const butler = await staffClient(platform, 'butler@example.com');
    const ticket = (await owner.post('/api/v1/butler/tickets', REQUEST)).json();
    expect(ticket.openedOutsideBusinessHours).toBe(true);
    expect(beijing(ticket.firstResponseDueAt)).toBe('2026-02-24 10:00');
    await platform.advance(hoursUntil(platform, '2026-02-24T09:59:00'));
    await butler.login('butler@example.com', 'openbeian-demo');
    expect((await butler.get(`/api/v1/butler/tickets/${ticket.id}`)).json().isOverdue).toBe(false);
    await platform.advance(hoursUntil(platform, '2026-02-24T10:01:00'));
    expect((await butler.get(`/api/v1/butler/tickets/${ticket.id}`)).json().isOverdue).toBe(true);
  });
});

describe.each(testDatabases())('butler clocks in a year without holiday data on $kind', (factory) => {
  let platform: TestPlatform;
  afterEach(async () => {
    await platform.stop();
  });

  it('still promises a time, counting weekends only, and says the holidays are not known yet', async () => {
    // Friday 4 January 2030, 17:20: the State Council has not published 2030's holidays in this data.
    platform = await startTestPlatform(factory, {}, { start: new Date('2030-01-04T17:20:00+08:00') });
    const owner = await applicantClient(platform);
    const ticket = (await owner.post('/api/v1/butler/tickets', REQUEST)).json();
    expect(beijing(ticket.firstResponseDueAt)).toBe('2030-01-07 09:50');
    expect(ticket.calendarWarning.zh).toContain('2030年的节假日安排尚未公布');
    expect(ticket.calendarWarning.en).toContain('2030');
    // Once the clock has stopped there is no promise left to qualify.
    const butler = await staffClient(platform, 'butler@example.com');
    expect((await butler.post(`/api/v1/butler/tickets/${ticket.id}/respond`, {})).json().calendarWarning).toBeNull();
  });
});

describe.each(testDatabases())('ISP licence consulting on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('answers anyone whether the capital is enough, with the requirements to have ready', async () => {
    const anyone = platform.client();
    const nationwide = await anyone.post('/api/v1/isp-licence/eligibility', { scope: 'nationwide', registeredCapitalCny: 5_000_000 });
    expect(nationwide.statusCode).toBe(200);
    expect(nationwide.json()).toMatchObject({ eligible: false, minimumCny: 10_000_000 });
    expect(nationwide.json().reasons.map((r: { code: string }) => r.code)).toEqual(['CAPITAL_BELOW_MINIMUM', 'PROVINCIAL_POSSIBLE']);
    expect(nationwide.json().checklist.length).toBeGreaterThanOrEqual(8);
    const provincial = (await anyone.post('/api/v1/isp-licence/eligibility', { scope: 'provincial', registeredCapitalCny: 1_000_000 })).json();
    expect(provincial).toMatchObject({ eligible: true, reasons: [] });
    const bad = await anyone.post('/api/v1/isp-licence/eligibility', { scope: 'worldwide', registeredCapitalCny: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.registeredCapitalCny', 'body.scope']);
  });

  it('tracks the checklist per applicant on an ISP ticket: done or not, who ticked it and when', async () => {
    const owner = await applicantClient(platform);
    const butler = await staffClient(platform, 'butler@example.com');
    const ticket = (
      await owner.post('/api/v1/butler/tickets', { ...REQUEST, service: 'isp_licence', note: '申请省网ISP', isp: { scope: 'provincial', registeredCapitalCny: 2_000_000 } })
    ).json();
    expect(ticket.isp).toEqual({ scope: 'provincial', registeredCapitalCny: 2_000_000, eligible: true });
    expect(ticket.checklist.every((item: { done: boolean }) => !item.done)).toBe(true);
    expect(ticket.checklist.map((item: { key: string }) => item.key)).toContain('evaluation_security_system');

    await platform.advance(1);
    const ticked = (await owner.put(`/api/v1/butler/tickets/${ticket.id}/checklist/registered_capital`, { done: true })).json();
    const item = ticked.checklist.find((i: { key: string }) => i.key === 'registered_capital');
    expect(item).toMatchObject({ done: true, tickedBy: { role: 'applicant', name: 'o***r@example.com' } });
    expect(beijing(item.tickedAt)).toBe('2026-11-23 11:00');
    const byButler = (await butler.put(`/api/v1/butler/tickets/${ticket.id}/checklist/access_agreement`, { done: true })).json();
    expect(byButler.checklist.find((i: { key: string }) => i.key === 'access_agreement').tickedBy).toEqual({ role: 'butler', name: '资质管家' });
    const unticked = (await butler.put(`/api/v1/butler/tickets/${ticket.id}/checklist/access_agreement`, { done: false })).json();
    expect(unticked.checklist.find((i: { key: string }) => i.key === 'access_agreement')).toMatchObject({ done: false, tickedBy: { role: 'butler' } });
    expect(unticked.timeline.filter((e: { action: string }) => e.action === 'checklist').map((e: { subject: string; done: boolean }) => `${e.subject}:${e.done}`)).toEqual([
      'registered_capital:true',
      'access_agreement:true',
      'access_agreement:false',
    ]);

    const unknown = await owner.put(`/api/v1/butler/tickets/${ticket.id}/checklist/no_such_item`, { done: true });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details.fields[0].path).toBe('params.key');
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.put(`/api/v1/butler/tickets/${ticket.id}/checklist/registered_capital`, { done: false })).statusCode).toBe(404);

    // The same refund rule: confirmed once, then not refundable.
    await butler.post(`/api/v1/butler/tickets/${ticket.id}/respond`);
    const confirmed = (await owner.post(`/api/v1/butler/tickets/${ticket.id}/confirm`, { acknowledgeNoRefund: true })).json();
    expect(confirmed).toMatchObject({ status: 'confirmed', isRefundable: false });
    expect((await owner.post(`/api/v1/butler/tickets/${ticket.id}/confirm`, { acknowledgeNoRefund: true })).json().error.code).toBe('TICKET_ALREADY_CONFIRMED');
  });
});
