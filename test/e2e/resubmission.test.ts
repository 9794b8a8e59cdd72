import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { applicantClient, preparedOrder, staffClient, submitted } from '../support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from '../support/platform.ts';
import { axeViolations } from './axe.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };

describe.skipIf(!hasChromium)('what changed on resubmission, in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  let applicant: TestClient;
  let orderId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await startTestPlatform(testDatabases()[0]!);
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();

    // Filed, rejected for three reasons, two of them fixed, resubmitted.
    applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    orderId = await preparedOrder(applicant);
    await submitted(applicant, orderId);
    const rejected = await reviewer.post(`/api/v1/review/${orderId}/reject`, {
      reasons: [
        { code: 'SITE_NAME_UNACCEPTABLE', note: '网站名称不能只是“官网”' },
        { code: 'ADDRESS_NOT_IN_PROVINCE', path: 'subject.mailingAddress' },
        { code: 'PHONE_PROBLEM', path: 'subject.leader.mobile' },
      ],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const view = (await applicant.get(`/api/v1/orders/${orderId}`)).json();
    const draft = structuredClone(view.draft);
    draft.services[0].name = '云栖示例科技资料站';
    draft.subject.mailingAddress = '浙江省杭州市西湖区文三路200号';
    expect((await applicant.put(`/api/v1/orders/${orderId}`, { draft }, { headers: { 'if-match': String(view.version) } })).statusCode).toBe(200);
    await submitted(applicant, orderId, 'resubmitted-in-e2e');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function signedIn(email: string, password: string, size = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport: size, isMobile: size === PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await logIn(page, base, email, password, /\/(orders|review)$/);
    return page;
  }

  it('shows the reviewer each changed field against the rejected version, the fields they named marked, and the reason left open', async () => {
    for (const size of [DESKTOP, PHONE]) {
      const page = await signedIn('reviewer@example.com', 'openbeian-demo', size);
      await page.goto(`${base}/review/${orderId}`);
      const card = page.getByTestId('changes-since-decision');
      await card.waitFor();
      await expect.poll(() => card.locator('.ant-card-head-title').textContent()).toBe('自驳回以来的修改');

      const nameRow = card.locator('[data-path="services[0].name"]');
      await expect.poll(() => nameRow.getAttribute('data-named')).toBe('true');
      const nameText = await nameRow.textContent();
      expect(nameText).toContain('网站 1 · 网站名称');
      expect(nameText).toContain('原因 1');
      expect(nameText).toContain('云栖示例科技官网');
      expect(nameText).toContain('云栖示例科技资料站');
      expect(await card.locator('[data-path="subject.mailingAddress"]').textContent()).toContain('原因 2');
      // The old value is struck through, as a diff shows it.
      expect(await nameRow.locator('del').textContent()).toBe('云栖示例科技官网');

      const open = card.locator('[data-reason="2"]');
      expect(await open.getAttribute('data-answered')).toBe('false');
      expect(await open.textContent()).toContain('尚未修改');
      expect(await card.locator('[data-reason="0"]').getAttribute('data-answered')).toBe('true');

      await page.waitForLoadState('networkidle');
      const suffix = size === PHONE ? 'phone' : 'desktop';
      await page.screenshot({ path: join(SCREENSHOTS, `review-changes-${suffix}.png`), fullPage: true, animations: 'disabled' });
      expect(await axeViolations(page)).toEqual([]);
      if (size === PHONE) {
        // Nothing scrolls the page sideways on a phone: the table scrolls inside its card.
        const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
        expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
      }
      await page.context().close();
    }
  }, 180_000);

  it('shows the applicant which reason each change answers, and which one has no change yet', async () => {
    const page = await signedIn('owner@example.com', 'correct horse');
    await page.goto(`${base}/orders/${orderId}`);
    const card = page.getByTestId('changes-for-applicant');
    await card.waitFor();
    expect(await card.textContent()).toContain('2/3 条意见已有对应修改');
    expect(await card.locator('[data-reason="1"]').textContent()).toContain('浙江省杭州市西湖区文三路100号 → 浙江省杭州市西湖区文三路200号');
    expect(await card.locator('[data-reason="2"]').getAttribute('data-answered')).toBe('false');
    // Resubmitted and in review again: the old reasons are not shown as if it were rejected now.
    expect(await page.getByTestId('reject-reasons').count()).toBe(0);
    expect(await page.getByText('驳回原因').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SCREENSHOTS, 'order-changes-desktop.png'), fullPage: true, animations: 'disabled' });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
