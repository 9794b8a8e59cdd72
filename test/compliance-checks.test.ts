import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importRegistrarFeed } from '../src/compliance/index.ts';
import type { SweepChecker, SweepTarget } from '../src/compliance/sweeps/checker.ts';
import { createFooterChecker, footerCheckerFactory } from '../src/compliance/sweeps/footer/checker.ts';
import { createRegistrarChecker, registrarCheckerFactory } from '../src/compliance/sweeps/registrar/checker.ts';
import { createFeedRegistrarData } from '../src/compliance/sweeps/registrar/feed-store.ts';
import { createRdapRegistrarData } from '../src/compliance/sweeps/registrar/rdap.ts';
import { SWEEP_CHECKERS } from '../src/compliance/sweeps/registry.ts';
import { VirtualClock } from '../src/core/clock.ts';
import { ConfigError, loadConfig } from '../src/core/config.ts';
import type { AppContext } from '../src/core/context.ts';
import type { CheckedDomain } from '../src/compliance/findings/record-sweep-observations.ts';
import { testDatabases, type TestDatabaseFactory } from './support/databases.ts';
import { hostOf, refusedPort, startLocalSites } from './support/local-sites.ts';
import { startTestPlatform, TEST_START, type TestPlatform } from './support/platform.ts';

const HOLDER = '杭州示例科技有限公司';
const ZJ = { province: '330000', subjectNumber: '浙ICP备2026000001号', serviceNumber: '浙ICP备2026000001号-1' };
const GD = { province: '440000', subjectNumber: '粤ICP备2026000002号', serviceNumber: '粤ICP备2026000002号-1' };
const POLICE = '44030502000001';

const zhejiang = (domain: string): SweepTarget => ({ domain, ...ZJ, holderName: HOLDER, policeNumber: null });
const guangdong = (domain: string, policeNumber: string | null = POLICE): SweepTarget => ({ domain, ...GD, holderName: HOLDER, policeNumber });

const codesOf = (checked: CheckedDomain | undefined) => (checked?.outcome === 'checked' ? checked.observations.map((observation) => observation.code) : checked);
const evidenceOf = (checked: CheckedDomain | undefined, code: string) => (checked?.outcome === 'checked' ? checked.observations.find((observation) => observation.code === code)?.evidence : undefined);
const linked = (number: string) => `<a href="https://beian.miit.gov.cn/" target="_blank">${number}</a>`;
const page = (footer: string, head = '<meta charset="utf-8">') => `<!doctype html><html><head>${head}<title>示例</title></head><body><main><h1>欢迎光临</h1><script>var n = "${GD.subjectNumber}";</script></main><footer>${footer}</footer></body></html>`;
const gbk = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });

describe('footer checker against local HTTP and HTTPS sites', () => {
  let sites: Awaited<ReturnType<typeof startLocalSites>>;
  let checker: SweepChecker;
  const endless = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    sites = await startLocalSites((request, response, scheme) => {
      const html = (body: string | Buffer, type = 'text/html; charset=utf-8', status = 200) => {
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      };
      switch (hostOf(request)) {
        case 'gd.example.cn':
          return html(page(`© 2026 深圳示例 ${linked(GD.subjectNumber)} 粤公网安备 ${POLICE}号`));
        case 'zj.example.cn':
          return html(page(`备案号：${linked('浙ＩＣＰ备 2026000001 号－1')}`));
        case 'gbk.example.cn':
          return html(gbk(page(`版权所有 ${linked(ZJ.serviceNumber)}`, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'text/html');
        case 'gbk-unlinked.example.cn':
          return html(gbk(page(`杭州示例科技 版权所有 ${ZJ.serviceNumber}`, '')), 'text/html; charset=GBK');
        case 'nonumber.example.cn':
          return html(page(`© 2026 杭州示例科技 <a href="https://beian.miit.gov.cn/">备案信息</a>`));
        case 'notlinked.example.cn':
          return html(page(`${ZJ.serviceNumber} <a href="https://www.miit.gov.cn/">工信部</a>`));
        case 'nopolice.example.cn':
          return html(page(linked(GD.subjectNumber)));
        case 'httponly.example.cn':
          return html(page(linked(ZJ.serviceNumber)));
        case 'default-vhost.example.cn':
          return scheme === 'https' ? html('<html><body><h1>404 Not Found</h1><hr>nginx</body></html>', 'text/html', 404) : html(page(linked(ZJ.serviceNumber)));
        case 'forbidden.example.cn':
          return html('<html><body><h1>403 Forbidden</h1></body></html>', 'text/html', 403);
        case 'redirect.example.cn':
          if (scheme === 'https') {
            response.writeHead(301, { location: 'http://redirect.example.cn/step' });
            return response.end();
          }
          if (request.url === '/step') {
            response.writeHead(302, { location: '/final' });
            return response.end();
          }
          return html(page(ZJ.serviceNumber));
        case 'inward.example.cn':
          response.writeHead(302, { location: `http://127.0.0.1:${sites.httpPort}/` });
          return response.end();
        case 'loop.example.cn':
          response.writeHead(302, { location: `/again${Math.random()}` });
          return response.end();
        case 'big.example.cn': {
          response.writeHead(200, { 'content-type': 'text/html' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          for (let sent = 0; sent < 5 * 1024 * 1024; sent += chunk.length) response.write(chunk);
          return response.end(page(linked(ZJ.serviceNumber)));
        }
        case 'endless.example.cn': {
          response.writeHead(200, { 'content-type': 'text/html' });
          const timer = setInterval(() => response.write('<p>还有更多</p>'), 20);
          endless.add(timer);
          response.on('close', () => clearInterval(timer));
          return undefined;
        }
        case 'down.example.cn':
          return html('Service Unavailable', 'text/plain', 503);
        default:
          return html('not here', 'text/plain', 404);
      }
    });
    const refused = await refusedPort();
    const config = loadConfig({
      OPENBEIAN_MODE: 'test',
      OPENBEIAN_SWEEP_CONNECT_TO: `refused.example.cn=127.0.0.1:${refused},httponly.example.cn:443=127.0.0.1:${refused},*:443=127.0.0.1:${sites.httpsPort},*:80=127.0.0.1:${sites.httpPort}`,
    });
    checker = createFooterChecker({ connectTo: config.sweepChecks.connectTo, limits: { maxRedirects: 5, maxBytes: 2 * 1024 * 1024, timeLimitMs: 4000 } });
  });

  afterAll(async () => {
    for (const timer of endless) clearInterval(timer);
    await checker.close?.();
    await sites.close();
  });

  const check = (target: SweepTarget) => checker.check(target, new AbortController().signal);

  it('passes right footers: Guangdong with the subject number and police number, Zhejiang with the service number, a GBK page, HTTP when HTTPS is refused', async () => {
    const results = await Promise.all([check(guangdong('gd.example.cn')), check(zhejiang('zj.example.cn')), check(zhejiang('gbk.example.cn')), check(zhejiang('httponly.example.cn'))]);
    for (const result of results) expect(result).toMatchObject({ outcome: 'checked', observations: [] });
    expect(results[0]).toMatchObject({ domain: 'gd.example.cn', subjectNumber: GD.subjectNumber, serviceNumber: GD.serviceNumber });
  });

  it('gives HTTP its chance when HTTPS answers only a 4xx, and judges the 4xx page when HTTP has nothing better', async () => {
    expect(await check(zhejiang('default-vhost.example.cn'))).toMatchObject({ outcome: 'checked', observations: [] });
    const forbidden = await check(zhejiang('forbidden.example.cn'));
    expect(codesOf(forbidden)).toEqual(['FOOTER_NUMBER_MISSING', 'FOOTER_NOT_LINKED']);
    expect(evidenceOf(forbidden, 'FOOTER_NUMBER_MISSING')).toMatchObject({ url: 'https://forbidden.example.cn/', status: 403, snippet: '403 Forbidden' });
  });

  it('judges Guangdong and Zhejiang differently: the subject number alone is not enough outside Guangdong', async () => {
    // gd.example.cn shows 粤ICP备2026000002号: right for a Guangdong subject, missing the service number for Zhejiang.
    expect(codesOf(await check({ ...zhejiang('gd.example.cn'), subjectNumber: GD.subjectNumber, serviceNumber: GD.serviceNumber }))).toEqual(['FOOTER_NUMBER_MISSING']);
  });

  it('finds each broken footer, with the URL, status, snippet seen and what was expected', async () => {
    const [noNumber, notLinked, noPolice, gbkUnlinked] = await Promise.all([
      check(zhejiang('nonumber.example.cn')),
      check(zhejiang('notlinked.example.cn')),
      check(guangdong('nopolice.example.cn')),
      check(zhejiang('gbk-unlinked.example.cn')),
    ]);
    expect(codesOf(noNumber)).toEqual(['FOOTER_NUMBER_MISSING']);
    expect(evidenceOf(noNumber, 'FOOTER_NUMBER_MISSING')).toMatchObject({ url: 'https://nonumber.example.cn/', status: 200, snippet: '© 2026 杭州示例科技 备案信息', expected: ZJ.serviceNumber });
    expect(codesOf(notLinked)).toEqual(['FOOTER_NOT_LINKED']);
    expect(evidenceOf(notLinked, 'FOOTER_NOT_LINKED')).toMatchObject({ url: 'https://notlinked.example.cn/', status: 200, snippet: `${ZJ.serviceNumber} 工信部` });
    expect(codesOf(noPolice)).toEqual(['FOOTER_POLICE_NUMBER_MISSING']);
    expect(evidenceOf(noPolice, 'FOOTER_POLICE_NUMBER_MISSING')).toMatchObject({ expected: POLICE, snippet: GD.subjectNumber });
    expect(codesOf(gbkUnlinked)).toEqual(['FOOTER_NOT_LINKED']);
    expect(evidenceOf(gbkUnlinked, 'FOOTER_NOT_LINKED')).toMatchObject({ snippet: `杭州示例科技 版权所有 ${ZJ.serviceNumber}`, charset: 'gb18030' });
  });

  it('follows a redirect chain across schemes and says where it ended', async () => {
    const result = await check(zhejiang('redirect.example.cn'));
    expect(codesOf(result)).toEqual(['FOOTER_NOT_LINKED']);
    expect(evidenceOf(result, 'FOOTER_NOT_LINKED')).toMatchObject({
      url: 'http://redirect.example.cn/final',
      status: 200,
      redirects: [
        { url: 'https://redirect.example.cn/', status: 301 },
        { url: 'http://redirect.example.cn/step', status: 302 },
      ],
    });
  });

  it('does not check, and finds nothing, for a 5 MB page, a page that never ends, a redirect loop or a stopped sweep', async () => {
    const stopped = new AbortController();
    stopped.abort();
    const [big, never, loop, aborted] = await Promise.all([
      check(zhejiang('big.example.cn')),
      check(zhejiang('endless.example.cn')),
      check(zhejiang('loop.example.cn')),
      checker.check(zhejiang('zj.example.cn'), stopped.signal),
    ]);
    expect(big).toMatchObject({ outcome: 'failed', error: expect.stringContaining('larger than 2097152 bytes') });
    expect(never).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no complete answer within 4 s') });
    expect(loop).toMatchObject({ outcome: 'failed', error: expect.stringContaining('more than 5 redirects') });
    expect(aborted).toMatchObject({ outcome: 'failed', error: expect.stringContaining('the sweep was stopped') });
  });

  it('reports a site that refuses both schemes, or answers 5xx, as unreachable with each scheme’s error', async () => {
    const [refused, down] = await Promise.all([check(zhejiang('refused.example.cn')), check(zhejiang('down.example.cn'))]);
    expect(codesOf(refused)).toEqual(['SITE_UNREACHABLE']);
    expect(evidenceOf(refused, 'SITE_UNREACHABLE')).toMatchObject({
      url: 'http://refused.example.cn/',
      status: null,
      attempts: [
        { url: 'https://refused.example.cn/', status: null, error: expect.stringContaining('ECONNREFUSED') },
        { url: 'http://refused.example.cn/', status: null, error: expect.stringContaining('ECONNREFUSED') },
      ],
    });
    expect(evidenceOf(down, 'SITE_UNREACHABLE')).toMatchObject({
      url: 'http://down.example.cn/',
      status: 503,
      snippet: 'Service Unavailable',
      attempts: [{ status: 503, error: 'HTTP 503' }, { status: 503, error: 'HTTP 503' }],
    });
  });

  it('does not fetch from a domain that resolves, or redirects, to a loopback or private address: the site counts as unreachable', async () => {
    const direct = createFooterChecker({ limits: { maxRedirects: 5, maxBytes: 2 * 1024 * 1024, timeLimitMs: 4000 } });
    try {
      const inward = await check(zhejiang('inward.example.cn'));
      expect(evidenceOf(inward, 'SITE_UNREACHABLE')).toMatchObject({
        attempts: [{ error: 'ENOTPUBLIC: 127.0.0.1 is not a public address' }, { error: 'ENOTPUBLIC: 127.0.0.1 is not a public address' }],
      });
      const result = await direct.check(zhejiang('localhost'), new AbortController().signal);
      expect(codesOf(result)).toEqual(['SITE_UNREACHABLE']);
      expect(evidenceOf(result, 'SITE_UNREACHABLE')).toMatchObject({
        attempts: [{ url: 'https://localhost/', error: expect.stringMatching(/^ENOTPUBLIC: localhost resolves to .*127\.0\.0\.1.*not a public address/) }, { url: 'http://localhost/' }],
      });
    } finally {
      await direct.close?.();
    }
  });

  it('does not check a target whose province it cannot place, and never throws', async () => {
    expect(await check({ ...zhejiang('zj.example.cn'), province: '', subjectNumber: 'nonsense' })).toMatchObject({ outcome: 'failed', error: expect.stringContaining('unknown province') });
  });
});

describe('settings of the checkers', () => {
  it('reads OPENBEIAN_SWEEP_CONNECT_TO in test mode, names it when malformed, and production refuses it', () => {
    expect(loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_SWEEP_CONNECT_TO: 'A.example.cn:443=127.0.0.1:8443, *=127.0.0.1:8080' }).sweepChecks.connectTo).toEqual({
      'a.example.cn:443': { host: '127.0.0.1', port: 8443 },
      '*': { host: '127.0.0.1', port: 8080 },
    });
    expect(() => loadConfig({ OPENBEIAN_MODE: 'test', OPENBEIAN_SWEEP_CONNECT_TO: 'a.example.cn->127.0.0.1' })).toThrow(/OPENBEIAN_SWEEP_CONNECT_TO: must be host\[:port\]=connect-host:port/);
    try {
      loadConfig({ OPENBEIAN_MODE: 'production', OPENBEIAN_SWEEP_CONNECT_TO: '*=127.0.0.1:8080' });
      expect.unreachable('production must refuse OPENBEIAN_SWEEP_CONNECT_TO');
    } catch (error) {
      expect((error as ConfigError).problems.some((problem) => problem.startsWith('OPENBEIAN_SWEEP_CONNECT_TO: is for tests and demos'))).toBe(true);
    }
  });

  it('registers both checkers; the registrar one is not configured without a feed or an RDAP service', async () => {
    const ctxWith = (env: Record<string, string>) => ({ config: loadConfig({ OPENBEIAN_MODE: 'test', ...env }), clock: new VirtualClock(undefined, TEST_START) }) as unknown as AppContext;
    expect(SWEEP_CHECKERS.footer).toBe(footerCheckerFactory);
    expect(SWEEP_CHECKERS.registrar).toBe(registrarCheckerFactory);
    const footer = footerCheckerFactory(ctxWith({}));
    expect(footer).toMatchObject({ kind: 'footer', concurrency: 16 });
    await footer?.close?.();
    expect(registrarCheckerFactory(ctxWith({}))).toBeNull();
    for (const env of [{ OPENBEIAN_RDAP_URL: 'http://127.0.0.1:9/rdap/' }, { OPENBEIAN_REGISTRAR_FEED: 'true' }] as Record<string, string>[]) {
      const registrar = registrarCheckerFactory(ctxWith(env));
      expect(registrar).toMatchObject({ kind: 'registrar' });
      await registrar?.close?.();
    }
  });
});

/** A local RDAP server (RFC 9083 answers) with a domain for each case. */
async function startRdap(): Promise<{ url: string; asked: string[]; close(): Promise<void> }> {
  const asked: string[] = [];
  const domain = (name: string, expires: string, holder: string, realName?: 'verified' | 'unverified') => ({
    objectClassName: 'domain',
    ldhName: name,
    events: [
      { eventAction: 'registration', eventDate: '2020-01-01T00:00:00Z' },
      { eventAction: 'expiration', eventDate: expires },
    ],
    entities: [
      { objectClassName: 'entity', roles: ['registrar'], vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', '示例注册商有限公司']]] },
      { objectClassName: 'entity', roles: ['registrant'], vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', holder]]] },
    ],
    remarks: realName ? [{ title: 'Real-name verification', description: [realName] }] : [],
  });
  const answers: Record<string, object> = {
    'good.cn': domain('good.cn', '2027-06-01T00:00:00Z', '杭州示例科技 有限公司', 'verified'),
    'soon.cn': domain('soon.cn', '2026-11-25T16:00:00Z', HOLDER, 'verified'),
    'expired.cn': domain('expired.cn', '2026-11-01T00:00:00Z', HOLDER, 'verified'),
    'other.cn': domain('other.cn', '2027-06-01T00:00:00Z', '宁波别家网络有限公司', 'verified'),
    'person.cn': domain('person.cn', '2027-06-01T00:00:00Z', '张三丰'),
    'unverified.cn': domain('unverified.cn', '2027-06-01T00:00:00Z', HOLDER, 'unverified'),
    'redacted.cn': domain('redacted.cn', '2027-06-01T00:00:00Z', 'REDACTED FOR PRIVACY'),
  };
  const server: Server = createServer((request, response) => {
    const name = decodeURIComponent(/^\/rdap\/domain\/(.+)$/.exec(request.url ?? '')?.[1] ?? '');
    asked.push(name);
    if (name === 'limited.cn') {
      response.writeHead(429, { 'retry-after': '30', 'content-type': 'application/rdap+json' });
      return response.end('{"errorCode":429,"title":"Too Many Requests"}');
    }
    if (name === 'broken.cn') {
      response.writeHead(502);
      return response.end('Bad Gateway');
    }
    const answer = answers[name];
    response.writeHead(answer ? 200 : 404, { 'content-type': 'application/rdap+json' });
    response.end(JSON.stringify(answer ?? { errorCode: 404, title: 'Not Found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rdap/`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('registrar checker against a local RDAP server', () => {
  let rdap: Awaited<ReturnType<typeof startRdap>>;
  let clock: VirtualClock;
  let checker: SweepChecker;

  beforeAll(async () => {
    rdap = await startRdap();
  });
  afterAll(() => rdap.close());
  beforeEach(() => {
    clock = new VirtualClock(undefined, TEST_START);
    checker = createRegistrarChecker({ sources: [createRdapRegistrarData({ baseUrl: rdap.url })], clock });
  });
  afterEach(() => checker.close?.());

  const check = (domain: string) => checker.check(zhejiang(domain), new AbortController().signal);

  it('finds nothing wrong with a current, verified domain of the subject, asked by its registered name', async () => {
    expect(await check('www.good.cn')).toMatchObject({ outcome: 'checked', observations: [] });
    expect(rdap.asked).toContain('good.cn');
  });

  it('finds an expired domain, another holder (a person masked) and a domain not real-name verified, with evidence', async () => {
    const [expired, other, person, unverified, redacted] = await Promise.all(['expired.cn', 'other.cn', 'person.cn', 'unverified.cn', 'redacted.cn'].map(check));
    expect(codesOf(expired)).toEqual(['DOMAIN_EXPIRED']);
    expect(evidenceOf(expired, 'DOMAIN_EXPIRED')).toMatchObject({ registeredDomain: 'expired.cn', expiresAt: '2026-11-01T00:00:00.000Z', source: { kind: 'rdap', url: `${rdap.url}domain/expired.cn` } });
    expect(codesOf(other)).toEqual(['DOMAIN_HOLDER_CHANGED']);
    expect(evidenceOf(other, 'DOMAIN_HOLDER_CHANGED')).toMatchObject({ holder: '宁波别家网络有限公司', filedHolder: HOLDER });
    expect(codesOf(person)).toEqual(['DOMAIN_HOLDER_CHANGED']);
    expect(evidenceOf(person, 'DOMAIN_HOLDER_CHANGED')).toMatchObject({ holder: '张**', realNameVerified: null });
    expect(codesOf(unverified)).toEqual(['DOMAIN_NOT_REAL_NAME']);
    expect(codesOf(redacted)).toEqual([]);
  });

  it('sees a domain expire as the clock passes its expiry', async () => {
    expect(codesOf(await check('soon.cn'))).toEqual([]);
    clock.advance(3 * 24 * 3600_000);
    expect(codesOf(await check('soon.cn'))).toEqual(['DOMAIN_EXPIRED']);
  });

  it('does not check a domain on 429, 5xx or 404, and says why', async () => {
    const [limited, broken, missing] = await Promise.all(['limited.cn', 'broken.cn', 'missing.cn'].map(check));
    expect(limited).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/429 Too Many Requests \(Retry-After: 30\)/) });
    expect(broken).toMatchObject({ outcome: 'failed', error: expect.stringContaining('HTTP 502') });
    expect(missing).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no registrar record for missing.cn') });
  });
});

describe.each(testDatabases())('registrar feed import and the checker reading it on $kind', (factory: TestDatabaseFactory) => {
  let platform: TestPlatform;
  let rdap: Awaited<ReturnType<typeof startRdap>>;
  let dir: string;

  beforeEach(async () => {
    platform = await startTestPlatform(factory, { OPENBEIAN_REGISTRAR_FEED: 'true' });
    rdap = await startRdap();
    dir = mkdtempSync(join(tmpdir(), 'openbeian-feed-'));
  });
  afterEach(async () => {
    await platform.stop();
    await rdap.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good rows of a CSV file, reports each broken row by line, and the checker uses the feed before RDAP', async () => {
    const csv = join(dir, 'registrar.csv');
    writeFileSync(
      csv,
      [
        'domain,holder,realNameVerified,expiresOn',
        `feed-good.cn,${HOLDER},true,2027-03-01`,
        `feed-expired.cn,${HOLDER},true,2026-11-20`,
        `not a domain,${HOLDER},true,2027-01-01`,
        'feed-person.cn,张三丰,是,2027-01-01',
        `feed-bad-date.cn,${HOLDER},true,2027-02-30`,
        `feed-maybe.cn,${HOLDER},maybe,2027-01-01`,
        'feed-short.cn,only-two-columns',
        `feed-unverified.cn,"${HOLDER}",false,2027-01-01`,
        'good.cn,宁波别家网络有限公司,true,2027-06-01',
        `feed-month.cn,${HOLDER},true,2027-13-01`,
        '',
      ].join('\n'),
    );
    const result = await importRegistrarFeed(platform.ctx, { file: csv });
    expect(result.imported).toBe(5);
    expect(result.skipped.map((row) => row.line)).toEqual([4, 6, 7, 8, 11]);
    expect(result.skipped[0]!.problem).toContain('domain: not a domain name');
    expect(result.skipped[1]!.problem).toContain('expiresOn: must be a date YYYY-MM-DD');
    expect(result.skipped[2]!.problem).toContain('realNameVerified: "maybe" is not true or false');
    expect(result.skipped[3]!.problem).toContain('not a CSV row');
    expect(result.skipped[4]!.problem).toContain('expiresOn: must be a date YYYY-MM-DD');

    const stored = await platform.ctx.db.selectFrom('registrar_feed_records').select(['domain', 'holder_enc']).where('domain', '=', 'feed-person.cn').executeTakeFirstOrThrow();
    expect(stored.holder_enc).not.toContain('张');

    const feed = createFeedRegistrarData(platform.ctx.db, platform.ctx.cipher);
    const checker = createRegistrarChecker({ sources: [feed, createRdapRegistrarData({ baseUrl: rdap.url })], clock: platform.ctx.clock });
    const signal = new AbortController().signal;
    const check = (domain: string) => checker.check(zhejiang(domain), signal);
    try {
      expect(await check('www.feed-good.cn')).toMatchObject({ outcome: 'checked', observations: [] });
      const expired = await check('feed-expired.cn');
      expect(codesOf(expired)).toEqual(['DOMAIN_EXPIRED']);
      expect(evidenceOf(expired, 'DOMAIN_EXPIRED')).toMatchObject({ source: { kind: 'feed', file: 'registrar.csv', line: 3 }, expiresAt: '2026-11-20T16:00:00.000Z' });
      expect(evidenceOf(await check('feed-person.cn'), 'DOMAIN_HOLDER_CHANGED')).toMatchObject({ holder: '张**', realNameVerified: true });
      expect(codesOf(await check('feed-unverified.cn'))).toEqual(['DOMAIN_NOT_REAL_NAME']);
      // The feed says good.cn changed hands; RDAP (which would say otherwise) is not asked.
      expect(codesOf(await check('good.cn'))).toEqual(['DOMAIN_HOLDER_CHANGED']);
      expect(rdap.asked).not.toContain('good.cn');
      // Not in the feed: RDAP answers.
      expect(evidenceOf(await check('expired.cn'), 'DOMAIN_EXPIRED')).toMatchObject({ source: { kind: 'rdap' } });
    } finally {
      await checker.close?.();
    }
  });

  it('imports JSON Lines the same way, and a later file replaces what an earlier one said', async () => {
    const jsonl = join(dir, 'registrar.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ domain: 'feed-expired.cn', holder: HOLDER, realNameVerified: true, expiresOn: '2026-11-20' }),
        '{"domain": "broken.cn", ',
        '[{"domain": "array.cn"}]',
        JSON.stringify({ domain: 'no-holder.cn', realNameVerified: false, expiresOn: '2027-01-01' }),
      ].join('\n'),
    );
    const first = await importRegistrarFeed(platform.ctx, { file: jsonl });
    expect(first).toMatchObject({ file: 'registrar.jsonl', imported: 1 });
    expect(first.skipped).toEqual([
      { line: 2, problem: 'not JSON / 不是 JSON' },
      { line: 3, problem: expect.stringContaining('one object per line') },
      { line: 4, problem: 'holder: required / 必填' },
    ]);
    const checker = createRegistrarChecker({ sources: [createFeedRegistrarData(platform.ctx.db, platform.ctx.cipher)], clock: platform.ctx.clock });
    expect(codesOf(await checker.check(zhejiang('feed-expired.cn'), new AbortController().signal))).toEqual(['DOMAIN_EXPIRED']);

    writeFileSync(jsonl, JSON.stringify({ domain: 'feed-expired.cn', holder: HOLDER, realNameVerified: '1', expiresOn: '2027-11-20' }));
    expect(await importRegistrarFeed(platform.ctx, { file: jsonl })).toMatchObject({ imported: 1, skipped: [] });
    expect(await checker.check(zhejiang('feed-expired.cn'), new AbortController().signal)).toMatchObject({ outcome: 'checked', observations: [] });
  });
});
