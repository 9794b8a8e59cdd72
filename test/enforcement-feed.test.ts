import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackgroundLoop } from '../src/core/background.ts';
import { testDatabases } from './support/databases.ts';
import { changeFiling } from './support/enforcement.ts';
import { staffClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const SUBJECT = '浙ICP备2026012345号';
const OTHER = '浙ICP备2026000042号';

describe.each(testDatabases())('machine tokens and the enforcement change feed on $kind', (factory) => {
  let platform: TestPlatform;
  let admin: TestClient;
  const bearer = (token: string, accept = 'text/plain') => ({ headers: { authorization: `Bearer ${token}`, accept } });

  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    await changeFiling(platform, SUBJECT, { 'example.com': 'connected', 'second.cn': 'connected' });
    admin = await staffClient(platform, 'admin@example.com');
  });
  afterEach(async () => {
    await platform.stop();
  });

  async function issueToken(name = 'edge-hz-1'): Promise<{ token: string; id: string }> {
    const issued = await admin.post('/api/v1/admin/api-tokens', { name, scopes: ['enforcement:read'] });
    expect(issued.statusCode).toBe(201);
    return { token: issued.json().token, id: issued.json().item.id };
  }

  it('lets an admin issue a token shown once, lists it without the secret, and audits issue and revocation', async () => {
    const issued = await admin.post('/api/v1/admin/api-tokens', { name: 'edge-hz-1', scopes: ['enforcement:read'], expiresInDays: 365 });
    expect(issued.statusCode).toBe(201);
    const { token, item } = issued.json();
    expect(token).toMatch(/^obt_[A-Za-z0-9_-]{43}$/);
    expect(item).toMatchObject({ name: 'edge-hz-1', scopes: ['enforcement:read'], status: 'active', hint: token.slice(0, 10), lastUsedAt: null });

    const list = await admin.get('/api/v1/admin/api-tokens');
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(token);

    const used = await platform.client().get('/api/v1/enforcement/allowlist?format=text', bearer(token));
    expect(used.statusCode).toBe(200);
    expect((await admin.get('/api/v1/admin/api-tokens')).json().items[0].lastUsedAt).not.toBeNull();

    const revoked = await admin.post(`/api/v1/admin/api-tokens/${item.id}/revoke`, { reason: 'edge retired' });
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    const refused = await platform.client().get('/api/v1/enforcement/allowlist?format=text', bearer(token, 'application/json'));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('TOKEN_INVALID');
    expect(refused.json().error.message.zh).toContain('令牌');

    const audit = await platform.ctx.db.selectFrom('audit_log').select(['action', 'to_status', 'reason']).where('entity_type', '=', 'api_token').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'issue', to_status: 'active', reason: null },
      { action: 'revoke', to_status: 'revoked', reason: 'edge retired' },
    ]);
    const stored = await platform.ctx.db.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
  });

  it('keeps tokens to admins and machines to their tokens', async () => {
    const compliance = await staffClient(platform, 'compliance@example.com');
    expect((await compliance.post('/api/v1/admin/api-tokens', { name: 'x', scopes: ['enforcement:read'] })).statusCode).toBe(403);
    expect((await compliance.get('/api/v1/admin/api-tokens')).statusCode).toBe(403);
    expect((await platform.client().get('/api/v1/admin/api-tokens')).statusCode).toBe(401);
    const bad = await admin.post('/api/v1/admin/api-tokens', { name: 'x', scopes: ['orders:write'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toMatch(/^body\.scopes/);

    for (const authorization of ['Bearer obt_not-a-real-token', 'Bearer nonsense', 'Basic dXNlcjpwYXNz']) {
      const response = await platform.client().get('/api/v1/enforcement/changes?since=0', { headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
    }
    // A staff session without a token still works for people.
    expect((await compliance.get('/api/v1/enforcement/changes?since=0')).statusCode).toBe(200);
  });

  it('gives an edge a snapshot with its cursor, then every change after it, in order', async () => {
    const { token } = await issueToken();
    const snapshot = await platform.client().get('/api/v1/enforcement/allowlist?format=text', bearer(token));
    expect(snapshot.body).toBe('example.com\nsecond.cn\n');
    const cursor = Number(snapshot.headers['x-openbeian-cursor']);
    expect(cursor).toBeGreaterThan(0);

    const idle = await platform.client().get(`/api/v1/enforcement/changes?since=${cursor}`, bearer(token));
    expect(idle.statusCode).toBe(200);
    expect(idle.body).toBe('');
    expect(idle.headers['x-openbeian-cursor']).toBe(String(cursor));

    await changeFiling(platform, SUBJECT, { 'example.com': 'revoked' });
    await changeFiling(platform, OTHER, { 'fresh.cn': 'connected' });
    const changes = await platform.client().get(`/api/v1/enforcement/changes?since=${cursor}`, bearer(token));
    const lines = changes.body.trim().split('\n');
    // The subject's event re-reads all its domains; what counts is the last word on each.
    expect(lines.filter((l) => l.endsWith('example.com')).at(-1)).toBe('-example.com');
    expect(lines.filter((l) => l.endsWith('second.cn')).at(-1)).toBe('+second.cn');
    expect(lines.at(-1)).toBe('+fresh.cn');
    const next = Number(changes.headers['x-openbeian-cursor']);
    expect(next).toBeGreaterThan(cursor);
    expect(changes.headers['x-openbeian-more']).toBe('0');

    const paged = await platform.client().get(`/api/v1/enforcement/changes?since=${cursor}&limit=1`, bearer(token, 'application/json'));
    expect(paged.json()).toMatchObject({ cursor: cursor + 1, hasMore: true, changes: [{ domain: expect.any(String), allowed: expect.any(Boolean) }] });

    // The allowlist now says the same as snapshot + changes.
    expect((await platform.client().get('/api/v1/enforcement/allowlist?format=text', bearer(token))).body).toBe('fresh.cn\nsecond.cn\n');

    // A cursor from the future (another or a restored database) cannot be continued.
    const expired = await platform.client().get(`/api/v1/enforcement/changes?since=${next + 100}`, bearer(token, 'application/json'));
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('CHANGE_CURSOR_EXPIRED');
  });

  it('answers a waiting long poll as soon as a change is handled, without waiting out its time', async () => {
    const { token } = await issueToken();
    const cursor = Number((await platform.client().get('/api/v1/enforcement/allowlist?format=text', bearer(token))).headers['x-openbeian-cursor']);
    const address = await platform.app.listen({ host: '127.0.0.1', port: 0 });
    const started = performance.now();
    const polled = fetch(`${address}/api/v1/enforcement/changes?since=${cursor}&wait=50`, { headers: { authorization: `Bearer ${token}` } });
    await changeFiling(platform, SUBJECT, { 'example.com': 'revoked' });
    const response = await polled;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('-example.com');
    // Far below the 50 s it was allowed to wait: it was woken, not timed out.
    expect(performance.now() - started).toBeLessThan(40_000);
  });

  it('dispatches an event as soon as it is committed, without waiting for the next poll', async () => {
    // A poll interval of an hour: only the wake-up can dispatch the event within the test.
    const loop = startBackgroundLoop(platform.ctx, 3600_000);
    try {
      await changeFiling(platform, OTHER, { 'woken.cn': 'connected' }, 'active', { drain: false });
      const check = () => platform.client().get('/api/v1/enforcement/check?host=www.woken.cn');
      const deadline = Date.now() + 20_000;
      while ((await check()).statusCode !== 204 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      expect((await check()).statusCode).toBe(204);
    } finally {
      await loop.stop();
    }
  });
});
