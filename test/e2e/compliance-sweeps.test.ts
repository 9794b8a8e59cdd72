import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundLoop } from '../../src/core/background.ts';
import { testDatabases } from '../support/databases.ts';
import { OWNER, filedSubjectOf } from '../support/compliance.ts';
import { applicantClient, staffClient } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { startUnbound, type RunningUnbound } from '../support/unbound.ts';
import { axeViolations } from './axe.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const SUBJECT = '浙ICP备2026061234号';

describe.skipIf(!hasChromium)('a DNS sweep from the compliance console in Chromium', () => {
  let platform: TestPlatform;
  let dns: RunningUnbound;
  let browser: Browser;
  let loop: { stop(): Promise<void> };
  let base: string;

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    // yunqi-shop.cn's www. points abroad: a shell site; the other two are served from the access network.
    dns = await startUnbound({
      'yunqi-demo.cn': { a: ['47.96.0.10'] },
      'www.yunqi-demo.cn': { a: ['47.96.0.10'] },
      'yunqi-shop.cn': { a: ['47.96.0.11'] },
      'www.yunqi-shop.cn': { a: ['203.0.113.9'] },
      'yunqi-blog.cn': { a: ['47.96.0.12'] },
    });
    platform = await startTestPlatform(testDatabases()[0]!, { OPENBEIAN_DNS_RESOLVER: dns.address, OPENBEIAN_ACCESS_CIDRS: '47.96.0.0/16', OPENBEIAN_SWEEP_BATCH_SIZE: '1' });
    await applicantClient(platform, OWNER);
    await staffClient(platform, 'compliance@example.com');
    await filedSubjectOf(platform, OWNER, SUBJECT, ['yunqi-demo.cn', 'yunqi-shop.cn', 'yunqi-blog.cn']);
    // The sweep's batches run in the background, as in a served platform.
    loop = startBackgroundLoop(platform.ctx, 200);
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await loop?.stop();
    await platform?.stop();
    await dns?.stop();
  });

  it('starts a DNS sweep, watches the bar reach 100 %, opens the finding, revokes access; the check then answers 403', async () => {
    expect((await fetch(`${base}/api/v1/enforcement/check?host=www.yunqi-shop.cn`)).status).toBe(204);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, base, 'compliance@example.com');

    await page.getByRole('link', { name: '合规巡检' }).click();
    await page.waitForURL(`${base}/compliance/sweeps`);
    // Kinds this install cannot run say which setting they lack.
    await page.getByText('未配置：需设置').first().or(page.getByText('此版本未提供该巡检').first()).waitFor();
    await page.getByRole('button', { name: /开始巡检 · 空壳网站/ }).click();
    const row = page.getByRole('row', { name: /空壳网站（DNS 解析）/ });
    await row.getByText('已完成').waitFor();
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await row.innerText()).toContain('3 / 3');
    expect(await row.innerText()).toContain('新发现 1，已整改 0，查询失败 0');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'compliance-sweeps.png'), fullPage: true, animations: 'disabled' });

    await row.getByRole('link', { name: '查看问题' }).click();
    const finding = page.getByRole('row', { name: /yunqi-shop\.cn/ });
    await finding.waitFor();
    expect(await finding.innerText()).toContain('203.0.113.9');
    await finding.getByRole('button', { name: '取消接入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').fill('www 解析到境外服务器，空壳网站');
    await dialog.getByRole('button', { name: '取消接入' }).click();
    await page.getByText('已处理').waitFor();

    await platform.drain();
    expect((await fetch(`${base}/api/v1/enforcement/check?host=www.yunqi-shop.cn`)).status).toBe(403);
    expect((await fetch(`${base}/api/v1/enforcement/check?host=www.yunqi-demo.cn`)).status).toBe(204);
    await context.close();
  }, 300_000);
});
