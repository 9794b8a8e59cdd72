import { expect } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/accounts/index.ts';
import { buildDraft } from './drafts.ts';
import { colourJpeg } from './images.ts';
import type { TestClient, TestPlatform } from './platform.ts';

export type Draft = ReturnType<typeof buildDraft>;

export async function applicantClient(platform: TestPlatform, email = 'owner@example.com', password = 'correct horse'): Promise<TestClient> {
  const client = platform.client();
  await registerVerified(client, email, password);
  expect((await client.login(email, password)).statusCode).toBe(200);
  return client;
}

/** The token of the newest registration link e-mailed to this address (demo outbox). */
export async function verificationToken(client: TestClient, email: string): Promise<string> {
  const outbox = await client.get(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`);
  const mail = (outbox.json().items as { template: string; body: string }[]).find((m) => m.template === 'account.email_verification_requested');
  const token = /verify-email\?token=([^\s]+)/.exec(mail?.body ?? '')?.[1];
  expect(token, `a verification link e-mailed to ${email}`).toBeDefined();
  return decodeURIComponent(token!);
}

/** Registers an applicant and opens the link of the verification e-mail, as its owner would. */
export async function registerVerified(client: TestClient, email: string, password = 'correct horse'): Promise<void> {
  const registered = await client.post('/api/v1/auth/register', { email, password });
  expect(registered.statusCode, registered.body).toBe(201);
  const verified = await client.post('/api/v1/auth/verify-email', { token: await verificationToken(client, email) });
  expect(verified.statusCode, verified.body).toBe(200);
}

export async function staffClient(platform: TestPlatform, email = 'reviewer@example.com'): Promise<TestClient> {
  await seedDemoAccounts(platform.ctx);
  const client = platform.client();
  expect((await client.login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  return client;
}

/** Creates the order, uploads both base materials and verifies the subject leader: ready to submit. */
export async function preparedOrder(client: TestClient, draft: Draft = buildDraft()): Promise<string> {
  const created = await client.post('/api/v1/orders', { draft });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  await withBaseMaterials(client, id);
  return id;
}

/** Uploads both base materials and verifies the subject leader on an existing order: ready to submit. */
export async function withBaseMaterials(client: TestClient, id: string): Promise<void> {
  const photo = await colourJpeg();
  for (const [kind, appliesTo] of [['subject_certificate', 'subject'], ['subject_leader_id', 'subject.leader']]) {
    const upload = await client.upload(`/api/v1/orders/${id}/materials`, { kind: kind!, appliesTo: appliesTo! }, { name: 'scan.jpg', type: 'image/jpeg', bytes: photo });
    expect(upload.statusCode, upload.body).toBe(201);
  }
  const face = await client.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name: 'face.jpg', type: 'image/jpeg', bytes: photo });
  expect(face.json().outcome).toBe('passed');
}

export async function submitted(client: TestClient, id: string, key = `submit-${id}`): Promise<void> {
  const response = await client.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': key } });
  expect(response.statusCode, response.body).toBe(200);
}

/** Reads the newest regulator code texted to a mobile from the demo outbox. */
export async function smsCodeFor(client: TestClient, mobile: string): Promise<string> {
  const outbox = await client.get(`/api/v1/dev/outbox?to=${mobile}`);
  const message = (outbox.json().items as { template: string; body: string }[]).find((m) => m.template === 'regulator_sms_code');
  const code = /核验码为 (\d{6})/.exec(message?.body ?? '')?.[1];
  expect(code, 'an SMS code in the outbox').toBeDefined();
  return code!;
}

export async function statusOf(client: TestClient, id: string): Promise<string> {
  return (await client.get(`/api/v1/orders/${id}`)).json().status as string;
}
