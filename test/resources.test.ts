import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_CODE_PATTERN } from '../src/rules/index.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { DEMO_PASSWORD } from '../src/accounts/index.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted, type Draft } from './support/journey.ts';
import { TEST_START, startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

/** An ECS that meets SPEC §5.2: mainland, 3 months paid, public bandwidth. */
const ECS = {
  kind: 'ecs',
  label: 'web-1',
  region: 'cn-hangzhou',
  isMainland: true,
  billing: 'subscription',
  paidMonths: 3,
  hasPublicBandwidth: true,
  publicIps: ['47.96.1.10'],
};

type Finding = { code: string; path: string; message: { zh: string; en: string } };

const withAccess = (draft: Draft, serviceCode: string | undefined, ips = ['47.96.1.10']): Draft => ({
  ...draft,
  services: [{ ...draft.services[0]!, access: serviceCode === undefined ? { ips } : { serviceCode, ips } } as Draft['services'][number]],
});

async function findingsOf(client: TestClient, orderId: string): Promise<Finding[]> {
  const response = await client.post(`/api/v1/orders/${orderId}/submit`);
  expect(response.statusCode, response.body).toBe(422);
  expect(response.json().error.code).toBe('PRECHECK_FAILED');
  return response.json().error.details.findings as Finding[];
}

/** PATCH with a JSON body (the test client has no shorthand for it). */
const patch = (client: TestClient, url: string, body: unknown) => client.request('PATCH', url, body);

/** Saves a new draft on an order the way the console does (If-Match). */
async function saveDraft(client: TestClient, orderId: string, draft: Draft): Promise<void> {
  const version = (await client.get(`/api/v1/orders/${orderId}`)).json().version as number;
  const saved = await client.put(`/api/v1/orders/${orderId}`, { draft }, { headers: { 'if-match': String(version) } });
  expect(saved.statusCode, saved.body).toBe(200);
}

describe.each(testDatabases())('resources and service codes on $kind', (factory) => {
  let platform: TestPlatform;
  let admin: TestClient;
  let applicant: TestClient;

  async function registered(body: Record<string, unknown>, email = 'owner@example.com') {
    const response = await admin.post('/api/v1/resources', { ...body, email });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function issued(client: TestClient, resourceId: string): Promise<string> {
    const response = await client.post(`/api/v1/resources/${resourceId}/service-codes`);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().code as string;
  }

  beforeEach(async () => {
    platform = await startTestPlatform(factory, { OPENBEIAN_REQUIRE_SERVICE_CODES: 'true' });
    applicant = await applicantClient(platform);
    admin = await staffClient(platform, 'admin@example.com');
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('registers an ECS for a customer, issues its 5 codes and refuses the 6th', async () => {
    expect((await applicant.post('/api/v1/resources', { ...ECS, email: 'owner@example.com' })).statusCode).toBe(403);
    const unknownOwner = await admin.post('/api/v1/resources', { ...ECS, email: 'nobody@example.com' });
    expect(unknownOwner.statusCode).toBe(404);
    expect(unknownOwner.json().error.details.fields[0].path).toBe('body.email');

    const resource = await registered(ECS);
    expect(resource).toMatchObject({ kind: 'ecs', label: 'web-1', publicIps: ['47.96.1.10'], eligibility: { isEligible: true, codes: 5, problems: [] }, codesRemaining: 5 });

    const codes: string[] = [];
    for (let n = 0; n < 5; n++) {
      const response = await applicant.post(`/api/v1/resources/${resource.id}/service-codes`);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ resourceId: resource.id, ips: ['47.96.1.10'], codesRemaining: 4 - n });
      expect(response.json().code).toMatch(SERVICE_CODE_PATTERN);
      codes.push(response.json().code as string);
    }
    expect(new Set(codes).size).toBe(5);
    const sixth = await applicant.post(`/api/v1/resources/${resource.id}/service-codes`);
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error).toMatchObject({ code: 'SERVICE_CODES_USED_UP', details: { allowed: 5, issued: 5 } });
    expect(sixth.json().error.message.zh).toMatch(/\p{Script=Han}/u);

    const mine = (await applicant.get('/api/v1/resources')).json();
    expect(mine).toMatchObject({ total: 1, items: [{ id: resource.id, codesIssued: 5, codesRemaining: 0 }] });
    const held = (await applicant.get('/api/v1/service-codes')).json();
    expect(held.total).toBe(5);
    expect(held.items[0]).toMatchObject({ ips: ['47.96.1.10'], resource: { id: resource.id, label: 'web-1' }, boundOrder: null });

    // Staff see every account's resources, a page at a time.
    await registered({ ...ECS, label: 'web-2' });
    const page = (await admin.get('/api/v1/resources?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const audit = await platform.ctx.db.selectFrom('audit_log').select(['action']).where('entity_type', 'in', ['resource', 'service_code']).execute();
    expect(audit.filter((a) => a.action === 'issue')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'register')).toHaveLength(2);
  });

  it('refuses codes from a 2-month pay-as-you-go ECS, with its reasons naming the resource', async () => {
    const resource = await registered({ ...ECS, label: 'payg-box', billing: 'pay_as_you_go', paidMonths: 2, hasPublicBandwidth: false });
    expect(resource.eligibility.isEligible).toBe(false);
    expect(resource.codesRemaining).toBe(0);
    const refused = await applicant.post(`/api/v1/resources/${resource.id}/service-codes`);
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('RESOURCE_NOT_ELIGIBLE');
    expect(error.details.resource).toMatchObject({ id: resource.id, label: 'payg-box' });
    expect(error.details.problems.map((p: { code: string }) => p.code)).toEqual(['RESOURCE_PAY_AS_YOU_GO', 'RESOURCE_NO_PUBLIC_BANDWIDTH']);
    for (const problem of error.details.problems as { zh: string; en: string }[]) {
      expect(problem.zh).toContain('“payg-box”');
      expect(problem.en).toContain('"payg-box"');
    }
  });

  it('keeps a resource from other applicants: they neither see it nor take codes from it', async () => {
    const resource = await registered(ECS);
    const other = await applicantClient(platform, 'other@example.com');
    expect((await other.get('/api/v1/resources')).json()).toMatchObject({ total: 0, items: [] });
    const stolen = await other.post(`/api/v1/resources/${resource.id}/service-codes`);
    expect(stolen.statusCode).toBe(404);
    expect((await admin.post(`/api/v1/resources/${resource.id}/service-codes`)).statusCode).toBe(403);
    expect((await other.get('/api/v1/service-codes')).json().total).toBe(0);
  });

  it('checks service codes at submit, binds the right one, and frees it when the order is abandoned', async () => {
    const resource = await registered(ECS);
    const code = await issued(applicant, resource.id);
    const other = await applicantClient(platform, 'other@example.com');
    const othersResource = await registered({ ...ECS, label: 'theirs', publicIps: ['47.96.2.20'] }, 'other@example.com');
    const othersCode = await issued(other, othersResource.id);

    const draft = buildDraft();
    const id = await preparedOrder(applicant, withAccess(draft, '9f1c2d3e-0000-4000-8000-000000000001'));
    const unknown = await findingsOf(applicant, id);
    expect(unknown.map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_CODE_UNKNOWN@services[0].access.serviceCode']);
    expect(unknown[0]!.message.zh).toMatch(/申请服务码/);

    await saveDraft(applicant, id, withAccess(draft, othersCode, ['47.96.2.20']));
    expect((await findingsOf(applicant, id)).map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_CODE_NOT_YOURS@services[0].access.serviceCode']);

    await saveDraft(applicant, id, withAccess(draft, code, ['47.96.1.11']));
    const wrongIp = await findingsOf(applicant, id);
    expect(wrongIp.map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_IP_NOT_ON_RESOURCE@services[0].access.ips[0]']);
    expect(wrongIp[0]!.message.en).toContain('47.96.1.10');

    await saveDraft(applicant, id, withAccess(draft, code.toUpperCase()));
    await submitted(applicant, id);
    const number = (await applicant.get(`/api/v1/orders/${id}`)).json().number as string;
    const bound = (await applicant.get('/api/v1/service-codes')).json().items as { code: string; boundOrder: unknown }[];
    expect(bound.find((c) => c.code === code)?.boundOrder).toMatchObject({ id, number, status: 'provider_review' });

    // While that order is in flight the code serves no other order. (One account files one subject, so the
    // other order here is one the pre-check refuses anyway: it has no certificate yet.)
    const { certificate: _certificate, ...subjectWithout } = draft.subject;
    const second = await applicant.post('/api/v1/orders', { draft: { ...withAccess(draft, code), subject: subjectWithout } });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json().id as string;
    const inUse = (await findingsOf(applicant, secondId)).filter((f) => f.code.startsWith('SERVICE_'));
    expect(inUse.map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_CODE_IN_USE@services[0].access.serviceCode']);
    expect(inUse[0]!.message.zh).toContain(number);

    // The reviewer sends the first back; the applicant abandons it; the code is free again.
    const reviewer = await staffClient(platform);
    expect((await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'OTHER', note: '演示' }] })).statusCode).toBe(200);
    expect((await applicant.post(`/api/v1/orders/${id}/abandon`)).statusCode).toBe(200);
    const freed = (await applicant.get('/api/v1/service-codes')).json().items as { code: string; boundOrder: unknown }[];
    expect(freed.find((c) => c.code === code)?.boundOrder).toBeNull();
    expect((await findingsOf(applicant, secondId)).filter((f) => f.code.startsWith('SERVICE_'))).toEqual([]);

    // And a new order for the subject takes it.
    const third = await preparedOrder(applicant, withAccess(draft, code));
    await submitted(applicant, third);
    const rebound = (await applicant.get('/api/v1/service-codes')).json().items as { code: string; boundOrder: { id: string } | null }[];
    expect(rebound.find((c) => c.code === code)?.boundOrder?.id).toBe(third);
    const actions = await platform.ctx.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'service_code').where('entity_id', '=', code).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['issue', 'bind', 'release', 'bind']);
  });

  it('frees the code of an order that expires after 45 days without activity', async () => {
    const resource = await registered(ECS);
    const code = await issued(applicant, resource.id);
    const id = await preparedOrder(applicant, withAccess(buildDraft(), code));
    await submitted(applicant, id);
    const reviewer = await staffClient(platform);
    expect((await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'OTHER', note: '演示' }] })).statusCode).toBe(200);
    await platform.drain();
    await platform.advance(24 * 46);
    expect(await platform.ctx.db.selectFrom('orders').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    const row = await platform.ctx.db.selectFrom('service_codes').select(['bound_order_id']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.bound_order_id).toBeNull();
    const release = await platform.ctx.db.selectFrom('audit_log').select(['reason']).where('entity_id', '=', code).where('action', '=', 'release').executeTakeFirst();
    expect(release?.reason).toBe('order expired');
  });

  /** Logs everyone in again after the virtual clock has moved past their sessions. */
  async function loggedInAgain(...clients: [TestClient, string, string][]): Promise<void> {
    for (const [client, email, password] of clients) expect((await client.login(email, password)).statusCode).toBe(200);
  }

  type CodeView = { code: string; revokedAt: string | null; boundOrder: { id: string; status: string } | null };
  const codeIn = async (client: TestClient, code: string) => ((await client.get('/api/v1/service-codes')).json().items as CodeView[]).find((c) => c.code === code);
  const resourceIn = async (client: TestClient, id: string) => ((await client.get('/api/v1/resources')).json().items as { id: string; codesIssued: number; codesRemaining: number; eligibility: { problems: { code: string }[] } }[]).find((r) => r.id === id);

  it('records a renewal: a 2-month ECS is refused, PATCHed to 12 months it issues codes; only an admin may PATCH, audited', async () => {
    const resource = await registered({ ...ECS, paidMonths: 2 });
    expect(resource.eligibility.problems.map((p: { code: string }) => p.code)).toEqual(['RESOURCE_TERM_TOO_SHORT']);
    expect((await applicant.post(`/api/v1/resources/${resource.id}/service-codes`)).json().error.code).toBe('RESOURCE_NOT_ELIGIBLE');

    const byApplicant = await patch(applicant, `/api/v1/resources/${resource.id}`, { paidMonths: 12 });
    expect(byApplicant.statusCode).toBe(403);
    expect((await patch(admin, '/api/v1/resources/00000000-0000-4000-8000-000000000000', { paidMonths: 12 })).statusCode).toBe(404);
    const renewed = await patch(admin, `/api/v1/resources/${resource.id}`, { paidMonths: 12 });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({
      id: resource.id,
      label: 'web-1',
      paidMonths: 12,
      publicIps: ['47.96.1.10'],
      billing: 'subscription',
      eligibility: { isEligible: true, codes: 5, problems: [] },
      codesIssued: 0,
      codesRemaining: 5,
    });
    const code = await issued(applicant, resource.id);

    // The owner cannot be moved to another account here.
    await applicantClient(platform, 'other@example.com');
    const moved = await patch(admin, `/api/v1/resources/${resource.id}`, { email: 'other@example.com' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details.fields[0].path).toBe('body.email');
    expect(moved.json().error.details.fields[0].message.zh).toContain('owner@example.com');
    expect((await patch(admin, `/api/v1/resources/${resource.id}`, { email: 'OWNER@example.com', label: 'web-1b' })).statusCode).toBe(200);

    // A switch to pay-as-you-go makes it ineligible again; the code already issued stays issued.
    const payg = (await patch(admin, `/api/v1/resources/${resource.id}`, { billing: 'pay_as_you_go', publicIps: ['47.96.1.10', '47.96.1.11'] })).json();
    expect(payg).toMatchObject({ label: 'web-1b', eligibility: { isEligible: false, codes: 0 }, codesIssued: 1, codesRemaining: 0, publicIps: ['47.96.1.10', '47.96.1.11'] });
    expect(payg.eligibility.problems.map((p: { code: string }) => p.code)).toEqual(['RESOURCE_PAY_AS_YOU_GO']);
    expect(await codeIn(applicant, code)).toMatchObject({ revokedAt: null });

    const audit = await platform.ctx.db.selectFrom('audit_log').select(['action', 'actor_role', 'data']).where('entity_type', '=', 'resource').where('entity_id', '=', resource.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['register', 'update', 'update', 'update']);
    expect(audit[1]).toMatchObject({ actor_role: 'admin', data: { changed: ['paidMonths'], before: { paidMonths: 2 }, after: { paidMonths: 12 }, wasEligible: false, isEligible: true } });
    expect(audit[3]!.data).toMatchObject({ changed: ['billing', 'publicIps'], before: { billing: 'subscription' }, after: { billing: 'pay_as_you_go' } });
  });

  it('stops issuing codes once the resource expires, refuses a draft using its code at submit, and a renewal lifts both', async () => {
    // The clock starts on 2026-11-23 (Asia/Shanghai); the resource serves through 2026-11-25.
    expect(TEST_START.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    const resource = await registered({ ...ECS, label: 'short-lived', expiresAt: '2026-11-25T23:59:59+08:00' });
    expect(resource).toMatchObject({ eligibility: { isEligible: true }, expiresAt: '2026-11-25T15:59:59.000Z' });
    const code = await issued(applicant, resource.id);
    const id = await preparedOrder(applicant, withAccess(buildDraft(), code));

    await platform.advance(24 * 3); // 2026-11-26, 10:00 in Shanghai
    await loggedInAgain([applicant, 'owner@example.com', 'correct horse'], [admin, 'admin@example.com', DEMO_PASSWORD]);
    const listed = await resourceIn(applicant, resource.id);
    expect(listed).toMatchObject({ codesIssued: 1, codesRemaining: 0 });
    expect(listed!.eligibility.problems.map((p) => p.code)).toEqual(['RESOURCE_EXPIRED']);

    const refused = await applicant.post(`/api/v1/resources/${resource.id}/service-codes`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'RESOURCE_NOT_ELIGIBLE', details: { resource: { id: resource.id } } });
    const [problem] = refused.json().error.details.problems as { code: string; zh: string; en: string }[];
    expect(problem).toMatchObject({ code: 'RESOURCE_EXPIRED' });
    expect(problem!.zh).toContain('“short-lived”已于2026-11-25到期');
    expect(problem!.en).toContain('"short-lived" expired on 2026-11-25');

    const findings = await findingsOf(applicant, id);
    expect(findings.map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_CODE_RESOURCE_EXPIRED@services[0].access.serviceCode']);
    expect(findings[0]!.message.zh).toContain('2026-11-25');
    expect(findings[0]!.message.zh).toContain('续费');
    expect(findings[0]!.message.en).toContain('renew');
    expect((await codeIn(applicant, code))?.boundOrder).toBeNull();

    // The billing system records the renewal: codes issue again and the draft goes through.
    const renewed = await patch(admin, `/api/v1/resources/${resource.id}`, { paidMonths: 15, expiresAt: '2027-02-25T23:59:59+08:00' });
    expect(renewed.json()).toMatchObject({ eligibility: { isEligible: true, problems: [] }, codesRemaining: 4 });
    await submitted(applicant, id);
    expect((await codeIn(applicant, code))?.boundOrder).toMatchObject({ id, status: 'provider_review' });
  });

  it('revokes codes: the owner an unused one (its place goes back), an admin one bound to an order in flight', async () => {
    const resource = await registered(ECS);
    const unused = await issued(applicant, resource.id);
    const bound = await issued(applicant, resource.id);
    expect(await resourceIn(applicant, resource.id)).toMatchObject({ codesIssued: 2, codesRemaining: 3 });

    const other = await applicantClient(platform, 'other@example.com');
    expect((await other.post(`/api/v1/service-codes/${unused}/revoke`)).statusCode).toBe(404);
    const reviewer = await staffClient(platform);
    expect((await reviewer.post(`/api/v1/service-codes/${unused}/revoke`)).statusCode).toBe(403);

    const revoked = await applicant.post(`/api/v1/service-codes/${unused.toUpperCase()}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ code: unused, revokedAt: expect.any(String), boundOrder: null, resource: { id: resource.id } });
    expect((await codeIn(applicant, unused))?.revokedAt).toBe(revoked.json().revokedAt);
    // A revoked code serves no filing, so it no longer counts against the resource.
    expect(await resourceIn(applicant, resource.id)).toMatchObject({ codesIssued: 1, codesRemaining: 4 });
    const again = await applicant.post(`/api/v1/service-codes/${unused}/revoke`);
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);

    // A code bound to an order in flight: not the owner's to revoke, but an admin's.
    const draft = buildDraft();
    const id = await preparedOrder(applicant, withAccess(draft, bound));
    await submitted(applicant, id);
    const refused = await applicant.post(`/api/v1/service-codes/${bound}/revoke`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'bound_to_order_in_flight', order: { id } } });
    expect(refused.json().error.details.fields[0].message.zh).toContain('放弃');
    const byAdmin = await admin.post(`/api/v1/service-codes/${bound}/revoke`, { reason: '客户退订 / refunded' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ code: bound, revokedAt: expect.any(String), boundOrder: { id, status: 'provider_review' } });

    // The reviewer sends it back; its next submit says the code was revoked.
    expect((await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'OTHER', note: '演示' }] })).statusCode).toBe(200);
    const findings = await findingsOf(applicant, id);
    expect(findings.map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_CODE_REVOKED@services[0].access.serviceCode']);

    const audit = await platform.ctx.db.selectFrom('audit_log').select(['entity_id', 'action', 'actor_role', 'reason', 'data']).where('entity_type', '=', 'service_code').where('action', '=', 'revoke').orderBy('id').execute();
    expect(audit).toMatchObject([
      { entity_id: unused, actor_role: 'applicant', reason: 'revoked by its owner', data: { boundOrder: null } },
      { entity_id: bound, actor_role: 'admin', reason: '客户退订 / refunded', data: { boundOrder: { id, status: 'provider_review' } } },
    ]);
  });

  it('keeps a code bound to an approved filing from its owner (409); an admin may still revoke it', async () => {
    const resource = await registered(ECS);
    const code = await issued(applicant, resource.id);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant, withAccess(buildDraft(), code));
    await submitted(applicant, id);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
    await platform.advance(24);
    const mobile = buildDraft().subject.leader.mobile;
    await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(applicant, mobile) });
    await platform.advance(24 * 25);
    await loggedInAgain([applicant, 'owner@example.com', 'correct horse'], [admin, 'admin@example.com', DEMO_PASSWORD]);
    expect(await statusOf(applicant, id)).toBe('approved');

    const refused = await applicant.post(`/api/v1/service-codes/${code}/revoke`);
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'bound_to_filed_order', order: { id, status: 'approved' } } });
    expect(error.message.zh).toMatch(/\p{Script=Han}/u);
    expect(error.details.fields[0].message.zh).toContain('已备案');
    expect(error.details.fields[0].message.en).toContain('filed');
    expect((await codeIn(applicant, code))?.revokedAt).toBeNull();

    const byAdmin = await admin.post(`/api/v1/service-codes/${code}/revoke`);
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ revokedAt: expect.any(String), boundOrder: { id, status: 'approved' } });
  });

  it('refuses a submit without a service code when codes are required', async () => {
    const id = await preparedOrder(applicant, withAccess(buildDraft(), undefined));
    const findings = await findingsOf(applicant, id);
    expect(findings.map((f) => `${f.code}@${f.path}`)).toEqual(['SERVICE_CODE_MISSING@services[0].access.serviceCode']);
  });
});

describe.each(testDatabases())('service codes not required on $kind (the default outside production)', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('submits a draft with a made-up code', async () => {
    expect(platform.ctx.config.requireServiceCodes).toBe(false);
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant, buildDraft());
    await submitted(applicant, id);
    expect(await platform.ctx.db.selectFrom('service_codes').select('code').execute()).toEqual([]);
  });
});

describe.each(testDatabases())('the demo seed on $kind', (factory) => {
  it('gives the demo applicant an eligible ECS on the walkthrough’s IP', async () => {
    const platform = await startTestPlatform(factory, { OPENBEIAN_MODE: 'demo' });
    try {
      const applicant = platform.client();
      expect((await applicant.login('applicant@example.com', 'openbeian-demo')).statusCode).toBe(200);
      const resources = (await applicant.get('/api/v1/resources')).json();
      expect(resources).toMatchObject({ total: 1, items: [{ kind: 'ecs', publicIps: ['47.96.1.10'], eligibility: { isEligible: true }, codesRemaining: 5 }] });
      const issued = await applicant.post(`/api/v1/resources/${resources.items[0].id}/service-codes`);
      expect(issued.statusCode).toBe(201);
    } finally {
      await platform.stop();
    }
  });
});
