import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_CODE_PATTERN } from '../src/rules/index.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, staffClient, submitted, type Draft } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

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
