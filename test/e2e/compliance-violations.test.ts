import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/accounts/index.ts';
import { filedSubjectOf, OWNER } from '../support/compliance.ts';
import { testDatabases } from '../support/databases.ts';
import { applicantClient } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { axeViolations } from './axe.ts';
import { ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const SUBJECT = '浙ICP备2026077002号';

describe.skipIf(!hasChromium)('the violation ledger in the compliance console (Chromium)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await ensureWebBuild();
    platform = await startTestPlatform(testDatabases()[0]!);
    await seedDemoAccounts(platform.ctx);
    await applicantClient(platform, OWNER);
    await filedSubjectOf(platform, OWNER, SUBJECT, ['ledger-example.cn']);
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('records an incident in the modal and shows the suspension it caused, there and in the filing\'s history; the site is blocked', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await logIn(page, base, 'compliance@example.com');
    await page.getByRole('link', { name: '违规处理台账' }).click();
    await page.waitForURL(/\/compliance\/violations$/);
    await page.getByText('暂无数据').first().waitFor();

    await page.getByRole('button', { name: '记录违规事件' }).click();
    await page.fill('#serviceNumber', `${SUBJECT}-1`);
    await page.locator('#kind').click();
    await page.locator('.ant-select-item-option', { hasText: '1 小时内无法联系负责人' }).click();
    await page.fill('#note', '违规信息出现后 1 小时内三次致电负责人未接通');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.ant-modal').getByRole('button', { name: '记录' }).click();

    const row = page.getByRole('row', { name: new RegExp(`${SUBJECT}-1`) });
    await expect.poll(async () => (await row.innerText()).includes('暂停服务'), { timeout: 30_000 }).toBe(true);
    expect(await row.innerText()).toContain('暂停中');
    expect(await row.innerText()).toContain('暂停至');
    expect(await axeViolations(page)).toEqual([]);

    await platform.drain();
    expect((await fetch(`${base}/api/v1/enforcement/check?host=www.ledger-example.cn`)).status).toBe(403);

    // The filing's compliance history lists the incident too.
    await page.goto(`${base}/compliance/filings/${encodeURIComponent(SUBJECT)}`);
    const card = page.locator('.ant-card', { hasText: '违规事件' });
    await expect.poll(async () => (await card.innerText()).includes('三次致电负责人未接通'), { timeout: 30_000 }).toBe(true);
    expect(await card.innerText()).toContain('暂停服务');
    await context.close();
  }, 240_000);
});
