import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/accounts/index.ts';
import { testDatabases } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const SIZES = [
  { width: 1366, height: 900 },
  { width: 375, height: 812 },
];

describe.skipIf(!hasChromium)('machine tokens in the admin console (Chromium)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await ensureWebBuild();
    platform = await startTestPlatform(testDatabases()[0]!);
    await seedDemoAccounts(platform.ctx);
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lets an admin issue a token, shown once, that the allowlist accepts, and revoke it, at desktop and phone widths', async () => {
    for (const [at, size] of SIZES.entries()) {
      const context = await browser.newContext({ viewport: size, isMobile: size.width < 500, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      await logIn(page, base, 'admin@example.com', 'openbeian-demo', /\/review$/);
      await page.goto(`${base}/admin/api-tokens`);
      await page.locator('#name').waitFor();

      const name = `edge-${at + 1}`;
      await page.fill('#name', name);
      await page.getByRole('button', { name: '签发' }).click();
      const shown = page.getByTestId('issued-token');
      await shown.waitFor();
      const token = (await shown.innerText()).trim();
      expect(token).toMatch(/^obt_/);
      await page.getByText('关闭本页后无法再次查看').waitFor();

      const allowlist = () => fetch(`${base}/api/v1/enforcement/allowlist?format=text`, { headers: { authorization: `Bearer ${token}` } });
      expect((await allowlist()).status).toBe(200);
      // The list shows the token's start only, and when it was last used.
      const row = page.getByRole('row', { name: new RegExp(name) });
      await expect.poll(async () => (await row.innerText()).includes('有效'), { timeout: 30_000 }).toBe(true);
      expect(await page.locator('table').innerText()).not.toContain(token);

      await row.getByRole('button', { name: '吊销' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
      await expect.poll(async () => (await row.innerText()).includes('已吊销'), { timeout: 30_000 }).toBe(true);
      expect((await allowlist()).status).toBe(401);
      await context.close();
    }
  }, 240_000);
});
