import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChangesSince } from '../src/enforcement/index.ts';
import { testDatabases } from './support/databases.ts';
import { filedSubjectOf, OWNER, OWNER_MOBILE, sentWith } from './support/compliance.ts';
import { applicantClient, staffClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const SUBJECT = '浙ICP备2026077001号';
const SERVICE = `${SUBJECT}-1`;
const OTHER_SERVICE = `${SUBJECT}-2`;

type Incident = {
  id: string;
  action: 'record_only' | 'suspend' | 'close';
  rule: { id: string; source: string };
  suspension: { until: string; liftedAt: string | null; isActive: boolean } | null;
  serviceState: string;
  occurredAt: string;
};

describe.each(testDatabases())('content violations on $kind', (factory) => {
  let platform: TestPlatform;
  let compliance: TestClient;

  const check = async (host: string) => (await platform.client().get(`/api/v1/enforcement/check?host=${encodeURIComponent(host)}`)).statusCode;
  const record = async (kind: string, serviceNumber = SERVICE, note = '首页出现赌博广告，截图已存档'): Promise<Incident> => {
    const response = await compliance.post('/api/v1/compliance/incidents', { serviceNumber, kind, note });
    expect(response.statusCode, response.body).toBe(201);
    await platform.drain();
    return response.json() as Incident;
  };
  const ledger = async (query = `service=${encodeURIComponent(SERVICE)}`) => {
    const response = await compliance.get(`/api/v1/compliance/incidents?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Incident[]; nextCursor: string | null };
  };
  const audits = async (entityType: string, entityId?: string) => {
    let query = platform.ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'from_status', 'to_status']).where('entity_type', '=', entityType);
    if (entityId) query = query.where('entity_id', '=', entityId);
    return query.orderBy('id').execute();
  };

  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    await applicantClient(platform, OWNER);
    await filedSubjectOf(platform, OWNER, SUBJECT, ['shop-example.cn', 'blog-example.cn']);
    compliance = await staffClient(platform, 'compliance@example.com');
    expect(await check('www.shop-example.cn')).toBe(204);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('closes the site on the third violation within 24 hours: access revoked, enforcement 403, owner told, each step audited', async () => {
    expect((await record('violation')).action).toBe('record_only');
    await platform.advance(5);
    expect((await record('violation')).action).toBe('record_only');
    expect(await check('www.shop-example.cn')).toBe(204);
    await platform.advance(18); // 23 hours after the first (the exact 24-hour boundary is in the rule's unit test)
    const third = await record('violation');
    expect(third).toMatchObject({ action: 'close', serviceState: 'revoked', rule: { id: 'violations_3_in_24h' } });
    expect(third.rule.source).toContain('SPEC §8');
    expect(await check('www.shop-example.cn')).toBe(403);
    expect(await check('www.blog-example.cn')).toBe(204);

    expect((await audits('violation_incident')).map((a) => a.action)).toEqual(['recorded', 'recorded', 'recorded']);
    expect(await audits('filed_service', SERVICE)).toEqual([expect.objectContaining({ action: 'closed_for_violations', from_status: 'connected', to_status: 'revoked' })]);
    expect((await audits('filed_subject', SUBJECT)).some((a) => a.action === 'access.revoke')).toBe(true);
    const told = await sentWith(platform, 'compliance.access_revoked');
    expect(told.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(told.find((m) => m.channel === 'sms')).toMatchObject({ to: OWNER_MOBILE, body: expect.stringContaining('24 小时内出现 3 次及以上违规信息') });

    const after = await ledger();
    expect(after.items.map((i) => i.action)).toEqual(['close', 'record_only', 'record_only']);
    expect(after.items.every((i) => i.serviceState === 'revoked')).toBe(true);
  });

  it('decides simultaneous incidents one after the other: of three violations sent at once, exactly one closes the site', async () => {
    const sent = await Promise.all(
      [1, 2, 3].map((n) => compliance.post('/api/v1/compliance/incidents', { serviceNumber: SERVICE, kind: 'violation', note: `同时提交 ${n}` })),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(sent.map((r) => r.json().action as string).sort()).toEqual(['close', 'record_only', 'record_only']);
    await platform.drain();
    expect(await check('www.shop-example.cn')).toBe(403);
  });

  it('does not close when the third violation comes 25 hours after the first', async () => {
    await record('violation');
    await platform.advance(2);
    await record('violation');
    await platform.advance(23);
    const third = await record('violation');
    expect(third).toMatchObject({ action: 'record_only', serviceState: 'connected' });
    expect(await check('www.shop-example.cn')).toBe(204);
    expect(await sentWith(platform, 'compliance.access_revoked')).toEqual([]);
  });

  it('suspends the service for 12 hours when the owner cannot be reached: 403 meanwhile, 204 after, owner told both times', async () => {
    const incident = await record('owner_unreachable', SERVICE, '违规信息出现后 1 小时内拨打负责人电话 3 次均未接通');
    expect(incident).toMatchObject({ action: 'suspend', serviceState: 'suspended', suspension: { isActive: true, liftedAt: null } });
    expect(new Date(incident.suspension!.until).getTime() - new Date(incident.occurredAt).getTime()).toBe(12 * 3600_000);
    expect(await check('www.shop-example.cn')).toBe(403);
    expect(await check('shop-example.cn')).toBe(403);
    expect(await check('www.blog-example.cn')).toBe(204);
    // Edges follow the same change feed as the index.
    const feed = await readChangesSince(platform.ctx.db, 0, 1000);
    expect(!feed.isExpired && feed.changes.filter((c) => c.domain === 'shop-example.cn').at(-1)).toEqual({ domain: 'shop-example.cn', allowed: false });

    const suspended = await sentWith(platform, 'compliance.service_suspended');
    expect(suspended.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(suspended.find((m) => m.channel === 'sms')!.body).toContain('已暂停服务');
    const notices = await platform.ctx.db.selectFrom('in_app_notices').select('topic').execute();
    expect(notices.map((n) => n.topic)).toContain('compliance.service_suspended');

    const owner = platform.client();
    await owner.login(OWNER, 'correct horse');
    const servicesOf = async () => (await owner.get(`/api/v1/filings/${encodeURIComponent(SUBJECT)}`)).json().services as { number: string; accessState: string; suspendedUntil: string | null }[];
    expect((await servicesOf()).map((s) => [s.number, s.accessState, s.suspendedUntil])).toEqual([
      [SERVICE, 'connected', incident.suspension!.until],
      [OTHER_SERVICE, 'connected', null],
    ]);

    await platform.advance(11.9);
    expect(await check('www.shop-example.cn')).toBe(403);
    await platform.advance(0.1);
    expect(await check('www.shop-example.cn')).toBe(204);
    expect((await servicesOf())[0]!.suspendedUntil).toBeNull();
    expect((await sentWith(platform, 'compliance.suspension_lifted')).length).toBeGreaterThan(0);

    const [row] = (await ledger()).items;
    expect(row).toMatchObject({ action: 'suspend', serviceState: 'connected', suspension: { isActive: false, liftedAt: expect.any(String) } });
    expect((await audits('filed_service', SERVICE)).map((a) => [a.action, a.from_status, a.to_status])).toEqual([
      ['suspended', 'connected', 'suspended'],
      ['suspension_lifted', 'suspended', 'connected'],
    ]);
  });

  it('keeps the site off until the later of two overlapping suspensions ends, and tells the owner once it is back', async () => {
    await record('owner_unreachable');
    await platform.advance(6);
    const second = await record('owner_unreachable');
    expect(second.action).toBe('suspend');
    await platform.advance(6.1); // the first suspension is over, the second still runs
    expect(await check('www.shop-example.cn')).toBe(403);
    expect(await sentWith(platform, 'compliance.suspension_lifted')).toEqual([]);
    await platform.advance(6);
    expect(await check('www.shop-example.cn')).toBe(204);
    expect((await sentWith(platform, 'compliance.suspension_lifted')).length).toBeGreaterThan(0);
    expect((await audits('filed_service', SERVICE)).map((a) => [a.action, a.from_status, a.to_status])).toEqual([
      ['suspended', 'connected', 'suspended'],
      ['suspended', 'suspended', 'suspended'],
      ['suspension_lifted', 'suspended', 'suspended'],
      ['suspension_lifted', 'suspended', 'connected'],
    ]);
  });

  it('closes the site the third time the owner cannot be reached', async () => {
    expect((await record('owner_unreachable')).action).toBe('suspend');
    await platform.advance(13);
    expect(await check('www.shop-example.cn')).toBe(204);
    expect((await record('owner_unreachable')).action).toBe('suspend');
    await platform.advance(13);
    const third = await record('owner_unreachable');
    expect(third).toMatchObject({ action: 'close', serviceState: 'revoked', rule: { id: 'owner_unreachable_3_times' } });
    expect(await check('www.shop-example.cn')).toBe(403);
    // Closed stays closed: no suspension of it is left to lift, and nothing brings it back later.
    await platform.advance(24);
    expect(await check('www.shop-example.cn')).toBe(403);
  });

  it('closes the site at once for false contact data and for refusing to delete', async () => {
    expect(await record('false_contact', SERVICE, '负责人手机号为空号，邮箱退信')).toMatchObject({ action: 'close', rule: { id: 'false_contact' } });
    expect(await record('refused_deletion', OTHER_SERVICE, '电话告知后客户拒绝删除')).toMatchObject({ action: 'close', rule: { id: 'refused_deletion' } });
    expect(await check('www.shop-example.cn')).toBe(403);
    expect(await check('www.blog-example.cn')).toBe(403);
    expect((await audits('filed_service')).map((a) => a.action)).toEqual(['closed_for_violations', 'closed_for_violations']);
    // An incident on a site already closed is kept in the ledger, and changes nothing.
    expect(await record('violation')).toMatchObject({ action: 'record_only', rule: { id: 'service_not_connected' }, serviceState: 'revoked' });
  });

  it('refuses an unknown service or kind with 400 naming the field, and anyone but compliance and admin', async () => {
    const unknown = await compliance.post('/api/v1/compliance/incidents', { serviceNumber: '浙ICP备2099999999号-1', kind: 'violation', note: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0]).toMatchObject({ path: 'body.serviceNumber', message: { zh: expect.stringContaining('网站备案号'), en: expect.any(String) } });
    const badKind = await compliance.post('/api/v1/compliance/incidents', { serviceNumber: SERVICE, kind: 'spam', note: 'x' });
    expect(badKind.statusCode).toBe(400);
    expect(JSON.stringify(badKind.json().error.details)).toContain('kind');
    const unknownFilter = await compliance.get(`/api/v1/compliance/incidents?service=${encodeURIComponent('浙ICP备2099999999号-1')}`);
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().error.details.fields[0].path).toBe('query.service');
    const noNote = await compliance.post('/api/v1/compliance/incidents', { serviceNumber: SERVICE, kind: 'violation', note: ' ' });
    expect(noNote.statusCode).toBe(400);

    const owner = platform.client();
    await owner.login(OWNER, 'correct horse');
    expect((await owner.post('/api/v1/compliance/incidents', { serviceNumber: SERVICE, kind: 'violation', note: 'x' })).statusCode).toBe(403);
    expect((await owner.get('/api/v1/compliance/incidents')).statusCode).toBe(403);
    const admin = await staffClient(platform, 'admin@example.com');
    expect((await admin.post('/api/v1/compliance/incidents', { serviceNumber: SERVICE, kind: 'violation', note: '管理员记录' })).statusCode).toBe(201);
    expect(await audits('violation_incident')).toHaveLength(1);
  });

  it('records an incident once when the same Idempotency-Key is sent again, so a retry never counts towards closure', async () => {
    const body = { serviceNumber: SERVICE, kind: 'violation', note: '重复提交' };
    const headers = { 'idempotency-key': 'incident-retry-0001' };
    const first = await compliance.post('/api/v1/compliance/incidents', body, { headers });
    const again = await compliance.post('/api/v1/compliance/incidents', body, { headers });
    const third = await compliance.post('/api/v1/compliance/incidents', body, { headers });
    expect([first.statusCode, again.statusCode, third.statusCode]).toEqual([201, 201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(third.json()).toMatchObject({ id: first.json().id, action: 'record_only' });
    expect((await ledger()).items).toHaveLength(1);
    const elsewhere = await compliance.post('/api/v1/compliance/incidents', { ...body, serviceNumber: OTHER_SERVICE }, { headers });
    expect(elsewhere.statusCode).toBe(409);
    const badKey = await compliance.post('/api/v1/compliance/incidents', body, { headers: { 'idempotency-key': 'x' } });
    expect(badKey.statusCode).toBe(400);
  });

  it('pages the ledger newest first and filters it by service', async () => {
    for (let i = 0; i < 3; i += 1) {
      await record('violation', OTHER_SERVICE, `第 ${i + 1} 次`);
      await platform.advance(25);
    }
    await record('violation');
    const first = await ledger('limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await ledger(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(4);
    expect((await ledger()).items).toHaveLength(1);
    const rules = await compliance.get('/api/v1/compliance/incident-rules');
    expect(rules.json().items.map((r: { id: string }) => r.id)).toContain('owner_unreachable_suspend');
  });
});
