import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.ts';
import { openPostgres } from '../src/core/db/database.ts';
import { ConnectedDomains, allowlistChunks, renderAllowlist } from '../src/enforcement/index.ts';
import { createPlatform } from '../src/platform.ts';
import { testDatabases } from './support/databases.ts';
import { changeFiling } from './support/enforcement.ts';
import { staffClient } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const SUBJECT = '浙ICP备2026012345号';

describe.each(testDatabases())('enforcement on $kind', (factory) => {
  let platform: TestPlatform;
  const check = (host: string, headers: Record<string, string> = {}) => platform.client().get(`/api/v1/enforcement/check?host=${encodeURIComponent(host)}`, { headers });
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    await changeFiling(platform, SUBJECT, { 'example.com': 'connected', '例子.中国': 'connected', 'revoked-site.cn': 'revoked' });
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('allows any host of a filed, connected registrable domain: sub-domains, ports, trailing dots, upper case, IDN', async () => {
    for (const host of ['www.example.com', 'example.com', 'WWW.EXAMPLE.COM', 'shop.example.com:8443', 'www.example.com.', 'a.b.c.example.com', '例子.中国', 'www.例子.中国', domainToASCII('www.例子.中国'), 'WWW.例子.中国:80']) {
      const response = await check(host);
      expect(response.statusCode, host).toBe(204);
      expect(response.body).toBe('');
    }
  });

  it('blocks unfiled, revoked and look-alike hosts, IP addresses and garbage with 403, never 500', async () => {
    for (const host of ['unfiled.cn', 'www.unfiled.cn', 'badexample.com', 'example.com.evil.net', 'revoked-site.cn', '192.0.2.1', '192.0.2.1:80', '[2001:db8::1]:443', '2001:db8::1', 'localhost', '<script>', 'a'.repeat(400), 'com', '..', ' ']) {
      const response = await check(host, { accept: 'application/json' });
      expect(response.statusCode, host).toBe(403);
      expect(response.json()).toMatchObject({ allowed: false, reason: { zh: expect.any(String), en: expect.any(String) }, how: { zh: expect.any(String), en: expect.any(String) } });
    }
    const nothing = await platform.client().get('/api/v1/enforcement/check', { headers: { accept: 'application/json' } });
    expect(nothing.statusCode).toBe(403);
    expect(nothing.json().code).toBe('missing');
  });

  it('reads the host from X-Original-Host, as nginx auth_request sends it', async () => {
    const client = platform.client();
    expect((await client.get('/api/v1/enforcement/check', { headers: { 'x-original-host': 'www.example.com' } })).statusCode).toBe(204);
    expect((await client.get('/api/v1/enforcement/check', { headers: { 'x-original-host': 'www.unfiled.cn' } })).statusCode).toBe(403);
  });

  it('answers a JSON notice to Accept: application/json, no body otherwise, and the block page from its own address', async () => {
    const bare = await check('www.unfiled.cn', { accept: 'text/html,application/xhtml+xml' });
    expect(bare.statusCode).toBe(403);
    expect(bare.body).toBe('');
    expect(bare.headers['cache-control']).toBe('no-store');

    const json = await check('www.unfiled.cn', { accept: 'application/json' });
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(json.json()).toMatchObject({ allowed: false, host: 'www.unfiled.cn', domain: 'unfiled.cn', code: 'not_connected' });
    expect(json.json().reason.zh).toContain('unfiled.cn');
    expect(json.json().how.zh).toContain('接入备案');

    const blockPage = (host: string) => platform.client().get(`/api/v1/enforcement/block-page?host=${encodeURIComponent(host)}`);
    const html = await blockPage('www.<b>evil</b>.cn');
    expect(html.statusCode).toBe(403);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).not.toContain('<b>evil</b>');
    const page = await blockPage('www.unfiled.cn');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('网站暂时无法访问');
    expect(page.body).toContain('接入备案');
    expect(page.body).toContain('This site is not available');
    expect(page.body).toContain('www.unfiled.cn');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('follows revocations, approvals and cancellations as soon as their events are dispatched', async () => {
    expect((await check('www.example.com')).statusCode).toBe(204);
    await changeFiling(platform, SUBJECT, { 'example.com': 'revoked' });
    expect((await check('www.example.com')).statusCode).toBe(403);

    expect((await check('www.new-approval.cn')).statusCode).toBe(403);
    await changeFiling(platform, '浙ICP备2026000042号', { 'new-approval.cn': 'connected' });
    expect((await check('www.new-approval.cn')).statusCode).toBe(204);

    // Cancelling the subject takes every one of its domains, even those the event does not name.
    await changeFiling(platform, SUBJECT, {}, 'cancelled');
    expect((await check('例子.中国')).statusCode).toBe(403);
    expect((await check('www.new-approval.cn')).statusCode).toBe(204);
  });

  it('loads the connected domains from the database at start-up', async () => {
    const fresh = new ConnectedDomains(platform.ctx.database, platform.ctx.logger);
    await fresh.ready();
    expect(fresh.size).toBe(2);
    expect(fresh.has('example.com') && fresh.has(domainToASCII('例子.中国'))).toBe(true);
  });

  it('exports the allowlist to compliance staff as nginx map, haproxy list and text, sorted', async () => {
    const anonymous = await platform.client().get('/api/v1/enforcement/allowlist?format=nginx');
    expect(anonymous.statusCode).toBe(401);
    const compliance = await staffClient(platform, 'compliance@example.com');
    const idn = domainToASCII('例子.中国');
    const expected = ['example.com', idn].sort();

    const nginx = await compliance.get('/api/v1/enforcement/allowlist?format=nginx');
    expect(nginx.statusCode).toBe(200);
    expect(nginx.headers['content-type']).toMatch(/^text\/plain/);
    expect(nginx.body).toBe(expected.map((d) => `.${d} 1;\n`).join(''));
    expect((await compliance.get('/api/v1/enforcement/allowlist?format=haproxy')).body).toBe(expected.map((d) => `.${d}\n`).join(''));
    const text = await compliance.get('/api/v1/enforcement/allowlist?format=text');
    expect(text.body).toBe(expected.map((d) => `${d}\n`).join(''));
    expect(text.headers['x-allowlist-count']).toBe('2');

    const unchanged = await compliance.get('/api/v1/enforcement/allowlist?format=text', { headers: { 'if-none-match': String(text.headers.etag) } });
    expect(unchanged.statusCode).toBe(304);
    await changeFiling(platform, '浙ICP备2026000042号', { 'zzz.cn': 'connected' });
    const changed = await compliance.get('/api/v1/enforcement/allowlist?format=text', { headers: { 'if-none-match': String(text.headers.etag) } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body.trim().split('\n')).toEqual([...expected, 'zzz.cn'].sort());
    expect((await compliance.get('/api/v1/enforcement/allowlist?format=csv')).statusCode).toBe(400);

    // Large lists stream in slices; the slices add up to the whole.
    const many = ['a.cn', 'b.cn', 'c.cn', 'd.cn', 'e.cn'];
    expect([...allowlistChunks(many, 'nginx', 2)].join('')).toBe(renderAllowlist(many, 'nginx'));

    const reviewer = await staffClient(platform, 'reviewer@example.com');
    expect((await reviewer.get('/api/v1/enforcement/allowlist')).statusCode).toBe(403);
  });

  it.runIf(factory.kind === 'postgres')('tells other processes through NOTIFY: a second platform on the same database follows within a second', async () => {
    const url = platform.ctx.database.pool.options.connectionString!;
    const database = await openPostgres(url, 3);
    // The second process reads the same (virtual) time as the first, never today's date.
    const other = await createPlatform(loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', OPENBEIAN_DATA_DIR: platform.dataDir }), { database, clock: platform.clock, background: false });
    try {
      const otherCheck = async (host: string) => (await other.app.inject({ method: 'GET', url: `/api/v1/enforcement/check?host=${host}` })).statusCode;
      expect(await otherCheck('www.example.com')).toBe(204);
      // This process dispatches the events; the other one only hears about them.
      await changeFiling(platform, SUBJECT, { 'example.com': 'revoked' });
      await changeFiling(platform, '浙ICP备2026000042号', { 'second.cn': 'connected' });
      const deadline = Date.now() + 1000;
      while (Date.now() < deadline && ((await otherCheck('www.example.com')) !== 403 || (await otherCheck('second.cn')) !== 204)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await otherCheck('www.example.com')).toBe(403);
      expect(await otherCheck('second.cn')).toBe(204);
    } finally {
      await other.stop();
    }
  });

  it.skipIf(!hasNginx())('guards a real nginx with auth_request and with the exported map', async () => {
    const address = await platform.app.listen({ host: '127.0.0.1', port: 0 });
    const compliance = await staffClient(platform, 'compliance@example.com');
    const map = (await compliance.get('/api/v1/enforcement/allowlist?format=nginx')).body;
    const results = await runNginxAuthRequest(new URL(address).port, map, ['www.example.com', 'unfiled.cn', 'revoked-site.cn', domainToASCII('www.例子.中国')]);
    expect(results).toEqual({
      'www.example.com': { authRequest: 200, map: 200, blockPage: false },
      'unfiled.cn': { authRequest: 403, map: 403, blockPage: true },
      'revoked-site.cn': { authRequest: 403, map: 403, blockPage: true },
      [domainToASCII('www.例子.中国')]: { authRequest: 200, map: 200, blockPage: false },
      smuggled: { authRequest: 403, map: 0, blockPage: true },
    });
  });
});

// ---- a real nginx in front of the platform (skipped where nginx is not installed: apt-get install nginx-light) ----

function hasNginx(): boolean {
  return spawnSync('nginx', ['-v']).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function fetchWithHost(port: number, host: string, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

/** The set-up docs/enforcement.md recommends: auth_request with the block page on 403, and the exported map. */
function nginxConfig(dir: string, appPort: string, authPort: number, mapPort: number): string {
  return `daemon off; master_process off; error_log ${dir}/error.log warn; pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  upstream openbeian { server 127.0.0.1:${appPort}; }
  map $host $openbeian_filed { hostnames; default 0; include ${dir}/allow.map; }
  server {
    listen 127.0.0.1:${authPort};
    location / { auth_request /_openbeian_check; error_page 403 = @openbeian_blocked; root ${dir}/www; try_files /index.html =404; }
    location = /_openbeian_check {
      internal; proxy_pass http://openbeian/api/v1/enforcement/check;
      proxy_pass_request_body off; proxy_set_header Content-Length ""; proxy_set_header Cookie ""; proxy_set_header X-Original-Host $host;
    }
    location @openbeian_blocked { rewrite ^ /api/v1/enforcement/block-page?host=$host? break; proxy_set_header Cookie ""; proxy_pass http://openbeian; }
  }
  server {
    listen 127.0.0.1:${mapPort};
    location / { if ($openbeian_filed = 0) { return 403; } root ${dir}/www; try_files /index.html =404; }
  }
}
`;
}

async function runNginxAuthRequest(appPort: string, allowMap: string, hosts: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'openbeian-nginx-'));
  mkdirSync(join(dir, 'www'));
  mkdirSync(join(dir, 'tmp'));
  writeFileSync(join(dir, 'www', 'index.html'), 'the site\n');
  writeFileSync(join(dir, 'allow.map'), allowMap);
  const [authPort, mapPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, appPort, authPort, mapPort));
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  try {
    for (let attempt = 0; ; attempt += 1) {
      const isUp = await fetchWithHost(authPort, 'probe.invalid').then(() => true, () => false);
      if (isUp) break;
      if (attempt > 100) throw new Error('nginx did not start');
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const results: Record<string, { authRequest: number; map: number; blockPage: boolean }> = {};
    for (const host of hosts) {
      const guarded = await fetchWithHost(authPort, host);
      results[host] = { authRequest: guarded.status, map: (await fetchWithHost(mapPort, host)).status, blockPage: guarded.body.includes('网站暂时无法访问') };
    }
    // The visitor's own query string never reaches the check: a host= of a filed domain does not open another.
    const smuggled = await fetchWithHost(authPort, 'unfiled.cn', `/?host=${hosts[0]}`);
    return { ...results, smuggled: { authRequest: smuggled.status, map: 0, blockPage: smuggled.body.includes('网站暂时无法访问') } };
  } finally {
    nginx.kill('SIGTERM');
    await new Promise((resolve) => nginx.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
