import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/accounts/index.ts';
import { testDatabases } from '../support/databases.ts';
import { buildDraft } from '../support/drafts.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };

// "Which filings use my ID?" as a person would use it: no account, an ID number and a mobile, the SMS code, the list,
// a misuse report; then the compliance officer answers it from the queue.
describe.skipIf(!hasChromium)('which filings use my ID? in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  let subjectNumber: string;
  const { idNumber, mobile } = buildDraft().subject.leader;

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await startTestPlatform(testDatabases()[0]!);
    await seedDemoAccounts(platform.ctx);
    // A subject filed all the way to numbers, through the API.
    const owner = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(owner);
    await submitted(owner, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    await owner.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(owner, mobile) });
    await platform.advance(24 * 25);
    expect(await statusOf(owner, id)).toBe('approved');
    subjectNumber = (await owner.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function codeFor(): Promise<string> {
    const items = (await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`)).json().items as { template: string; body: string }[];
    return /验证码 (\d{6})/.exec(items.find((m) => m.template === 'privacy.id_check_code')!.body)![1]!;
  }

  async function checkMyId(page: Page) {
    await page.goto(`${base}/id-check`);
    await page.getByLabel('证件号码').fill(idNumber);
    await page.getByLabel('手机号').fill(mobile);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('如该证件号码与手机号在本平台有备案记录').waitFor();
    await page.getByLabel('短信验证码').fill(await codeFor());
    await page.getByRole('button', { name: '查看结果' }).click();
    await page.getByText(subjectNumber, { exact: true }).waitFor();
  }

  it('shows a person the filings using their ID after the SMS code, at desktop and phone widths, and takes a misuse report', async () => {
    for (const [size, suffix] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const context = await browser.newContext({ viewport: size, isMobile: size === PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      await checkMyId(page);
      expect(await page.getByText('主体负责人').count()).toBeGreaterThan(0);
      expect(await page.getByText('yunqi-demo.cn').count()).toBeGreaterThan(0);
      expect(await page.content()).not.toContain(idNumber);
      await page.screenshot({ path: join(SCREENSHOTS, `id-check-results-${suffix}.png`), fullPage: true });
      if (size === DESKTOP) {
        await page.getByRole('button', { name: '反映冒用' }).first().click();
        await page.getByLabel('情况说明').fill('我从未办理过这个备案，请核查');
        await page.getByRole('button', { name: '提交' }).click();
        await page.getByText(/已受理，编号 MR-/).waitFor();
      }
      await context.close();
    }

    // The compliance officer sees the report with its clock and answers it; the answer is texted to the person.
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await logIn(page, base, 'compliance@example.com', DEMO_PASSWORD);
    await page.goto(`${base}/privacy/reports`);
    await page.getByText('我从未办理过这个备案，请核查').waitFor();
    expect(await page.getByText('待答复').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'misuse-reports-desktop.png'), fullPage: true });
    await page.getByLabel(/^答复 MR-/).fill('已核实，已联系备案主体处理');
    await page.getByRole('button', { name: '答复' }).click();
    await page.getByText('已答复').waitFor();
    await context.close();
    const texts = (await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`)).json().items as { template: string }[];
    expect(texts.map((m) => m.template)).toContain('privacy.misuse_answered');
  }, 240_000);
});
