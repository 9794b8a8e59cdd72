import { domainToASCII } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueEvent } from '../src/core/outbox.ts';
import { SharedTokenBucket } from '../src/http/rate-limit.ts';
import { testDatabases } from './support/databases.ts';
import { TEST_START, startTestPlatform, type TestPlatform } from './support/platform.ts';

type ServiceSeed = { domain?: string | null; domains?: string[]; name?: string; kind?: string; accessState?: 'connected' | 'revoked' | 'cancelled'; leaderName?: string; contentTypes?: string[] };
type SubjectSeed = { number: string; name: string; nature?: string; status?: 'active' | 'cancelled' };

/** Writes a filed subject and its services as the filing context does on approval, event included. */
async function fileSubject(platform: TestPlatform, subject: SubjectSeed, services: ServiceSeed[]): Promise<void> {
  // A fixed instant (the virtual clock keeps ticking) so updateRecordTime can be asserted exactly.
  const now = TEST_START;
  await platform.ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('filed_subjects')
      .values({ number: subject.number, province: '330000', user_id: null, subject_key: `key-${subject.number}`, leader_key: 'leader', name: subject.name, nature: subject.nature ?? 'enterprise', draft: '', status: subject.status ?? 'active', approved_at: now, updated_at: now })
      .execute();
    for (const [i, s] of services.entries()) {
      const domain = s.domain === undefined ? null : s.domain && domainToASCII(s.domain);
      await tx
        .insertInto('filed_services')
        .values({
          number: `${subject.number}-${i + 1}`,
          subject_number: subject.number,
          seq: i + 1,
          kind: s.kind ?? 'website',
          name: s.name ?? `网站${i + 1}`,
          domain,
          domains: s.domains ?? (domain ? [domain] : []),
          home_url: domain ? `https://www.${domain}` : null,
          content_types: s.contentTypes ?? ['企业信息'],
          leader_name: s.leaderName ?? '李娜',
          access_state: s.accessState ?? 'connected',
          approved_at: now,
          updated_at: now,
        })
        .execute();
    }
    const domains = services.map((s) => (s.domain ? domainToASCII(s.domain) : '')).filter(Boolean);
    await enqueueEvent(tx, now, { topic: 'filing.services_changed', aggregateType: 'filing', aggregateId: subject.number, payload: { subjectNumber: subject.number, domains } });
  });
  await platform.drain();
}

const COMPANY = { number: '浙ICP备2026012345号', name: '杭州云栖示例科技有限公司（西湖分公司）' };

describe.each(testDatabases())('public filing query on $kind', (factory) => {
  let platform: TestPlatform;
  const search = (query: string, remoteAddress?: string) => platform.client().get(`/api/v1/public/filings?${query}`, { remoteAddress });
  beforeEach(async () => {
    platform = await startTestPlatform(factory, {}, { frozen: true });
    await fileSubject(platform, COMPANY, [
      { domain: 'yunqi-demo.cn', name: '云栖示例官网', contentTypes: ['企业信息', '新闻'] },
      { domain: '例子.中国', name: '例子中文站' },
      { domain: null, kind: 'app', name: '云栖示例App' },
      { domain: 'old-yunqi.com', name: '旧站', accessState: 'cancelled' },
    ]);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('finds a filing by its domain, shaped as the national query shows it, without logging in', async () => {
    const response = await search('domain=yunqi-demo.cn');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      total: 1,
      items: [
        {
          domain: 'yunqi-demo.cn',
          unitName: COMPANY.name,
          natureName: '企业',
          mainLicence: '浙ICP备2026012345号',
          serviceLicence: '浙ICP备2026012345号-1',
          serviceName: '云栖示例官网',
          leaderName: '李娜',
          homeUrl: 'https://www.yunqi-demo.cn',
          limitAccess: '否',
          contentTypeName: '企业信息、新闻',
          // TEST_START is 02:00 UTC: ten o'clock in Shanghai.
          updateRecordTime: '2026-11-23 10:00:00',
        },
      ],
    });
  });

  it('finds the registrable domain from a sub-domain, upper case, a URL or an IDN in either form', async () => {
    for (const query of ['www.yunqi-demo.cn', 'WWW.YUNQI-DEMO.CN', 'https://shop.yunqi-demo.cn/path?q=1', 'yunqi-demo.cn.']) {
      const response = await search(`domain=${encodeURIComponent(query)}`);
      expect(response.statusCode, query).toBe(200);
      expect(response.json().items.map((i: { serviceLicence: string }) => i.serviceLicence), query).toEqual(['浙ICP备2026012345号-1']);
    }
    for (const query of ['www.例子.中国', domainToASCII('例子.中国'), '例子。中国']) {
      const response = await search(`domain=${encodeURIComponent(query)}`);
      expect(response.json().items, query).toMatchObject([{ domain: '例子.中国', serviceLicence: '浙ICP备2026012345号-2' }]);
    }
    expect((await search('domain=not-filed.com')).json()).toEqual({ items: [], total: 0 });
  });

  it('finds all listed services by the subject number and one by its service number; cancelled services are not listed', async () => {
    const all = (await search(`number=${encodeURIComponent(COMPANY.number)}`)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((i: { serviceLicence: string }) => i.serviceLicence)).toEqual(['浙ICP备2026012345号-1', '浙ICP备2026012345号-2', '浙ICP备2026012345号-3']);
    expect(all.items[2]).toMatchObject({ domain: null, serviceName: '云栖示例App', homeUrl: null });

    const one = (await search(`number=${encodeURIComponent(' 浙ICP备2026012345号-2 ')}`)).json();
    expect(one.items).toMatchObject([{ domain: '例子.中国', serviceName: '例子中文站' }]);
    expect((await search(`number=${encodeURIComponent('浙ICP备2026012345号-4')}`)).json().total).toBe(0);
    expect((await search('domain=old-yunqi.com')).json().total).toBe(0);
  });

  it('finds an organisation by its full name or its start, brackets typed either way, but never a person by name', async () => {
    await fileSubject(platform, { number: '浙ICP备2026000007号', name: '王小明', nature: 'individual' }, [{ domain: 'xiaoming.me', leaderName: '王小明' }]);
    const byName = (await search(`unit=${encodeURIComponent(COMPANY.name)}`)).json();
    expect(byName.total).toBe(3);
    const halfWidth = (await search(`unit=${encodeURIComponent('杭州云栖示例科技有限公司(西湖分公司)')}`)).json();
    expect(halfWidth.total).toBe(3);
    // The start of a name, from four characters, finds it too (issue 12); shorter is only ever a full name.
    expect((await search(`unit=${encodeURIComponent('杭州云栖示例科技')}`)).json().total).toBe(3);
    expect((await search(`unit=${encodeURIComponent('杭州云栖')}`)).json().total).toBe(3);
    expect((await search(`unit=${encodeURIComponent('杭州云')}`)).json().total).toBe(0);
    expect((await search(`unit=${encodeURIComponent('杭州云栖%')}`)).json().total).toBe(0); // % is a character, not a wildcard

    expect((await search(`unit=${encodeURIComponent('王小明')}`)).json()).toEqual({ items: [], total: 0 });
    const person = (await search('domain=xiaoming.me')).json().items[0];
    expect(person).toMatchObject({ unitName: '王小明', natureName: '个人', serviceLicence: '浙ICP备2026000007号-1' });
    expect(person).not.toHaveProperty('leaderName');
  });

  it('marks revoked access with limitAccess 是 and hides a cancelled subject', async () => {
    await fileSubject(platform, { number: '浙ICP备2026000100号', name: '某某网络有限公司', nature: 'enterprise' }, [{ domain: 'revoked.cn', accessState: 'revoked' }]);
    await fileSubject(platform, { number: '浙ICP备2026000200号', name: '已注销有限公司', status: 'cancelled' }, [{ domain: 'gone.cn' }]);
    expect((await search('domain=revoked.cn')).json().items).toMatchObject([{ limitAccess: '是', unitName: '某某网络有限公司' }]);
    expect((await search('domain=gone.cn')).json().total).toBe(0);
    expect((await search(`number=${encodeURIComponent('浙ICP备2026000200号')}`)).json().total).toBe(0);
    expect((await search(`unit=${encodeURIComponent('已注销有限公司')}`)).json().total).toBe(0);
  });

  it('answers bad input with 400 naming the field in Chinese and English, never 500', async () => {
    const cases: [string, string][] = [
      ['', 'query.domain'],
      ['domain=', 'query.domain'],
      ['domain=%20%20', 'query.domain'],
      [`domain=${'x'.repeat(300)}`, 'query.domain'],
      [`domain=${encodeURIComponent('<script>alert(1)</script>')}`, 'query.domain'],
      ['domain=192.168.1.1', 'query.domain'],
      ['domain=com', 'query.domain'],
      ['domain=http%3A%2F%2F%5B', 'query.domain'],
      ['number=12345', 'query.number'],
      [`number=${'浙'.repeat(300)}`, 'query.number'],
      ['unit=', 'query.unit'],
      ['unit=a', 'query.unit'],
      [`unit=${'公司'.repeat(200)}`, 'query.unit'],
      ['domain=example.com&unit=%E6%9F%90%E5%85%AC%E5%8F%B8', 'query.unit'],
    ];
    for (const [query, path] of cases) {
      const response = await search(query);
      expect(response.statusCode, query).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.fields[0].path, query).toBe(path);
      expect(error.details.fields[0].message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.details.fields[0].message.en).toMatch(/[a-z]/);
    }
    // A commercial licence number is well-formed but is not a filing record kept here.
    expect((await search(`number=${encodeURIComponent('浙B2-20080101')}`)).json()).toEqual({ items: [], total: 0 });
  });

  it('limits each address to 60 queries a minute with 429 and Retry-After, refilling over time', async () => {
    // The clock is frozen for this file: only advance() earns tokens, however slowly the machine runs.
    let allowed = 0;
    let limited = await search('domain=yunqi-demo.cn', '203.0.113.7');
    while (limited.statusCode === 200 && allowed < 100) {
      allowed += 1;
      limited = await search('domain=yunqi-demo.cn', '203.0.113.7');
    }
    expect(allowed).toBe(60);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: { zh: expect.any(String), en: expect.any(String) } });
    // Bad requests count too, so junk cannot be sprayed for free.
    expect((await search('domain=', '203.0.113.7')).statusCode).toBe(429);

    expect((await search('domain=yunqi-demo.cn', '198.51.100.9')).statusCode).toBe(200);
    platform.clock.advance(1000);
    expect((await search('domain=yunqi-demo.cn', '203.0.113.7')).statusCode).toBe(200);
    expect((await search('domain=yunqi-demo.cn', '203.0.113.7')).statusCode).toBe(429);
  });

  it('shares each address\'s bucket between processes: what one platform gave, the other does not give again', async () => {
    // A second platform's limiter on the same database, as a second process behind the load balancer has.
    const other = new SharedTokenBucket(platform.ctx, 'public-query.address', 60, 60);
    for (let i = 0; i < 40; i++) expect((await search('domain=yunqi-demo.cn', '203.0.113.8')).statusCode).toBe(200);
    let taken = 0;
    while (taken < 100 && (await other.take('203.0.113.8').then(() => true, () => false))) taken += 1;
    expect(taken).toBe(20);
    expect((await search('domain=yunqi-demo.cn', '203.0.113.8')).statusCode).toBe(429);
    // Refill is counted from the last request whichever process took it: a second later, one each, in turn.
    platform.clock.advance(1000);
    await other.take('203.0.113.8');
    expect((await search('domain=yunqi-demo.cn', '203.0.113.8')).statusCode).toBe(429);
    await expect(other.take('203.0.113.8')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
