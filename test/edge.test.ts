import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startBackgroundLoop } from '../src/core/background.ts';
import { testDatabases } from './support/databases.ts';
import { changeFiling } from './support/enforcement.ts';
import { staffClient } from './support/journey.ts';
import { LUA_MODULES, fetchWithHost, freePort, hasNginxLua, pollUntil, startNginx, type Fetched } from './support/nginx.ts';
import { startTestPlatform } from './support/platform.ts';

const DEPLOY = join(import.meta.dirname, '..', 'deploy', 'nginx');
const SUBJECT = '浙ICP备2026012345号';
const BLOCK_TITLE = '网站暂时无法访问';

/**
 * The shipped edge (deploy/nginx: the http-level include and the Lua module) with its paths pointed into `dir`,
 * in front of a local site that nginx serves from `dir/www`.
 */
function edgeConfig(dir: string, platformPort: number, sitePort: number, statusPort: number): string {
  const include = readFileSync(join(DEPLOY, 'openbeian-edge.conf'), 'utf8')
    .replace('/etc/nginx/openbeian/?.lua', `${dir}/?.lua`)
    .replace('127.0.0.1:3000', `127.0.0.1:${platformPort}`)
    .replace('/etc/openbeian/edge.token', `${dir}/edge.token`)
    .replace('/var/lib/openbeian-edge', `${dir}/state`)
    // A tiny journal limit: the revocation and the approval below make the edge take fresh snapshots into its idle
    // dict and switch to it while it serves.
    .replace('wait = 25', 'wait = 5, journal_limit = 2')
    .replaceAll(' 320m;', ' 8m;')
    .replace('listen 127.0.0.1:9180;', `listen 127.0.0.1:${statusPort};`);
  writeFileSync(join(dir, 'openbeian-edge.conf'), include);
  const site = readFileSync(join(DEPLOY, 'site.conf'), 'utf8')
    .replace('listen 80 default_server;', `listen 127.0.0.1:${sitePort};`)
    .replace(/proxy_pass http:\/\/customer_sites;.*\n/, `root ${dir}/www; try_files /index.html =404;\n`)
    .replace(/proxy_set_header Host \$host;\n/, '');
  writeFileSync(join(dir, 'site.conf'), site);
  // Running as root (CI): workers would otherwise drop to "nobody", who cannot write the state directory here.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  return `${LUA_MODULES.map((file) => `load_module ${file};`).join('\n')}
${user}
daemon off; master_process on; worker_processes 2; error_log ${dir}/error.log notice; pid ${dir}/nginx.pid;
events { worker_connections 256; }
http {
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  include ${dir}/openbeian-edge.conf;
  include ${dir}/site.conf;
}
`;
}

describe.each(testDatabases())('the nginx + Lua edge on $kind', (factory) => {
  it.skipIf(!hasNginxLua())(
    'serves filed hosts, blocks the rest, follows a revocation and an approval within a second, and keeps its last set while the platform is down',
    async () => {
      const platform = await startTestPlatform(factory);
      const loop = startBackgroundLoop(platform.ctx);
      const dir = mkdtempSync(join(tmpdir(), 'openbeian-edge-'));
      let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
      let isPlatformUp = true;
      try {
        await changeFiling(platform, SUBJECT, { 'example.com': 'connected', '例子.中国': 'connected', 'revoked-site.cn': 'revoked' });
        const admin = await staffClient(platform, 'admin@example.com');
        const { token } = (await admin.post('/api/v1/admin/api-tokens', { name: 'edge under test', scopes: ['enforcement:read'] })).json();
        const platformPort = Number(new URL(await platform.app.listen({ host: '127.0.0.1', port: 0 })).port);

        for (const sub of ['www', 'tmp', 'state']) mkdirSync(join(dir, sub));
        chmodSync(dir, 0o755);
        writeFileSync(join(dir, 'www', 'index.html'), 'the customer site\n');
        writeFileSync(join(dir, 'edge.token'), `${token}\n`);
        copyFileSync(join(DEPLOY, 'openbeian_edge.lua'), join(dir, 'openbeian_edge.lua'));
        const [sitePort, statusPort] = [await freePort(), await freePort()];
        writeFileSync(join(dir, 'nginx.conf'), edgeConfig(dir, platformPort, sitePort, statusPort));
        nginx = await startNginx(dir, sitePort);

        const visit = (host: string) => fetchWithHost(sitePort, host);
        const status = async () => JSON.parse((await fetchWithHost(statusPort, 'localhost', '/openbeian-edge/status')).body) as { state: string; ageSeconds: number; names: number; lastError: string | null };
        const live = await pollUntil(status, (s) => s.state === 'live' && s.names === 2, 20_000);
        expect(live.value).toMatchObject({ state: 'live', ageSeconds: 0, names: 2 });

        // Filed → the site; unfiled, revoked, look-alike, IP → the block page.
        for (const host of ['www.example.com', 'example.com', 'a.b.example.com', 'WWW.EXAMPLE.COM', domainToASCII('www.例子.中国')]) {
          const answer = await visit(host);
          expect([answer.status, answer.body], host).toEqual([200, 'the customer site\n']);
        }
        for (const host of ['unfiled.cn', 'www.unfiled.cn', 'revoked-site.cn', 'badexample.com', 'example.com.evil.net', '192.0.2.1', 'localhost']) {
          const answer = await visit(host);
          expect(answer.status, host).toBe(403);
          expect(answer.body, host).toContain(BLOCK_TITLE);
        }
        const page = await visit('www.unfiled.cn');
        expect(page.body).toContain('www.unfiled.cn');
        expect(page.body).toContain('This site is not available');
        expect(page.headers['x-openbeian-edge-age']).toBe('0');

        // Revocation → the block page within a second; approval → the site within a second.
        await changeFiling(platform, SUBJECT, { 'example.com': 'revoked' }, 'active', { drain: false });
        const revoked = await pollUntil(() => visit('www.example.com'), (a: Fetched) => a.status === 403, 1000);
        expect(revoked.value.status).toBe(403);
        expect(revoked.value.body).toContain(BLOCK_TITLE);
        await changeFiling(platform, '浙ICP备2026000042号', { 'new-approval.cn': 'connected' }, 'active', { drain: false });
        const approved = await pollUntil(() => visit('shop.new-approval.cn'), (a: Fetched) => a.status === 200, 1000);
        expect(approved.value.status).toBe(200);

        // Those changes went past the journal limit: the edge loaded fresh snapshots into its idle dict and switched.
        expect(readFileSync(join(dir, 'error.log'), 'utf8').match(/openbeian edge: loaded \d+ names/g)?.length).toBeGreaterThan(1);

        // The platform stops: the edge keeps serving its last set and says it is stale.
        await loop.stop();
        await platform.stop();
        isPlatformUp = false;
        const stale = await pollUntil(status, (s) => s.state === 'stale', 10_000);
        expect(stale.value.state).toBe('stale');
        expect(stale.value.lastError).toEqual(expect.any(String));
        expect((await visit('shop.new-approval.cn')).status).toBe(200);
        expect((await visit('www.example.com')).status).toBe(403);
        const blocked = await visit('unfiled.cn');
        expect(blocked.status).toBe(403);
        expect(Number(blocked.headers['x-openbeian-edge-age'])).toBeGreaterThanOrEqual(0);

        // And an nginx restarted while the platform is down starts from what it wrote to its state directory.
        await nginx.stop();
        nginx = await startNginx(dir, sitePort);
        expect((await visit('shop.new-approval.cn')).status).toBe(200);
        expect((await visit(domainToASCII('www.例子.中国'))).status).toBe(200);
        expect((await visit('www.example.com')).status).toBe(403);
        expect((await visit('www.example.com')).body).toContain(BLOCK_TITLE);
        expect(await status()).toMatchObject({ state: 'stale', names: 2 });
      } finally {
        await nginx?.stop();
        if (isPlatformUp) {
          await loop.stop();
          await platform.stop();
        }
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
