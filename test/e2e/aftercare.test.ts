import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/accounts/index.ts';
import { shanghaiDate } from '../../src/core/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { buildDraft } from '../support/drafts.ts';
import { preparedOrder, registerVerified, smsCodeFor, submitted, type Draft } from '../support/journey.ts';
import { readPdf, squashed } from '../support/pdf.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from '../support/platform.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };
const OWNER = 'police-owner@example.com';
const PASSWORD = 'correct horse';

const SKIPPED = 'skipped: /usr/bin/chromium is not installed (apt-get install chromium)';
describe.skipIf(!hasChromium)(hasChromium ? 'after approval in the console' : `after approval in the console — ${SKIPPED}`, () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  let owner: TestClient;
  let subject: string;
  const draft: Draft = buildDraft();
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await startTestPlatform(testDatabases()[0]!);
    await seedDemoAccounts(platform.ctx);
    // An approved filing, made through the API as the walkthrough does, on a server of this provider in Hangzhou.
    owner = platform.client();
    await registerVerified(owner, OWNER, PASSWORD);
    await owner.login(OWNER, PASSWORD);
    const admin = platform.client();
    await admin.login('admin@example.com', 'openbeian-demo');
    await admin.post('/api/v1/resources', { email: OWNER, kind: 'ecs', label: 'web-1', region: 'cn-hangzhou', isMainland: true, billing: 'subscription', paidMonths: 12, hasPublicBandwidth: true, publicIps: ['47.96.1.10'] });
    const reviewer = platform.client();
    await reviewer.login('reviewer@example.com', 'openbeian-demo');
    const id = await preparedOrder(owner, draft);
    await submitted(owner, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    await owner.post('/api/v1/sim/regulator/sms-verify', { mobile: draft.subject.leader.mobile, code: await smsCodeFor(owner, draft.subject.leader.mobile) });
    await platform.advance(24 * 25);
    await owner.login(OWNER, PASSWORD);
    subject = (await owner.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function open(size = DESKTOP): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({
      viewport: size,
      isMobile: size === PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && problems.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    await logIn(page, base, OWNER, PASSWORD, /\/orders$/);
    return { page, context };
  }

  it('an approved owner opens the police guide from the filing, copies its values, records the launch date', async () => {
    const { page, context } = await open();
    await page.goto(`${base}/filings/${encodeURIComponent(subject)}`);
    await page.getByRole('link', { name: '平台填写指引' }).click();
    await page.waitForURL(/\/services\/1\/police$/);
    await page.getByTestId('police-status').getByText('未登记开通日期').waitFor();

    // Each value is there with where it came from, and its copy button puts exactly the value on the clipboard.
    const provider = page.locator('[data-field="accessProviderName"]');
    await expect.poll(() => provider.locator('[data-value]').textContent()).toBe('开源备案演示云计算有限公司');
    await expect.poll(() => provider.textContent()).toContain('来源：接入商信息（演示数据）');
    await page.getByRole('button', { name: '复制“服务器所在地网安部门代码”' }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe('330100000000');
    await page.getByRole('button', { name: '复制“服务器存放物理地址”' }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe('浙江省杭州市余杭区演示数据中心');

    // A launch date in the future is refused under the field; today's starts the clock.
    const today = shanghaiDate(platform.clock.now());
    const tomorrow = shanghaiDate(new Date(platform.clock.now().getTime() + 24 * 3600_000));
    await pickDate(page, 'police-launched-on', tomorrow);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(`网站开通日期不能晚于今天（${today}）`).waitFor();
    await pickDate(page, 'police-launched-on', today);
    await page.fill('#police-number', '1101050205325');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('公安备案号应为14位数字，当前为13位').waitFor();
    await page.fill('#police-number', '');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('police-status').getByText('办理中').waitFor();
    await expect.poll(() => page.getByTestId('police-clock').textContent()).toContain('剩余 30 天');
    await page.getByText('第20天').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'aftercare-police-guide-desktop.png'), fullPage: true, animations: 'disabled' });

    // The police number, once approved: the footer then carries both numbers.
    await page.fill('#police-number', '33010602012345');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('police-status').getByText('已登记公安备案号').waitFor();
    await expect.poll(() => page.getByTestId('police-footer').textContent()).toContain('beian.mps.gov.cn/#/query/webSearch?code=33010602012345');
    await expect.poll(() => page.getByTestId('police-footer').textContent()).toContain('浙公网安备33010602012345号');
    // From when the footer sweep looks for it: 30 days after it was recorded.
    await expect.poll(() => page.getByTestId('police-footer-checked-from').textContent()).toMatch(/^合规巡检自 .+ 起检查网站首页是否展示公安备案号/);

    // The same page in English: the labels, the level with its number, the sweep's date.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: /^Police filing · / }).waitFor();
    await page.getByText('Site level: 3 三级').waitFor();
    await expect.poll(() => page.getByTestId('police-footer-checked-from').textContent()).toMatch(/^From .+ the compliance sweep checks that the home page shows the police number/);
    await page.getByRole('button', { name: /中文/ }).click();
    await context.close();

    const phone = await open(PHONE);
    await phone.page.goto(`${base}/filings/${encodeURIComponent(subject)}/services/1/police`);
    await phone.page.locator('[data-field="wanganCode"]').waitFor();
    const overflow = await phone.page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.page.screenshot({ path: join(SCREENSHOTS, 'aftercare-police-guide-phone.png'), fullPage: true, animations: 'disabled' });
    await phone.context.close();
  }, 120_000);

  it('downloads an authorisation letter from the filed record, filled from what is on record', async () => {
    const { page, context } = await open();
    await page.goto(`${base}/filings/${encodeURIComponent(subject)}`);
    const button = page.getByRole('link', { name: '下载主体负责人授权书（PDF）' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('主体负责人授权书.pdf');
    const pdf = await readPdf(readFileSync((await download.path())!));
    const text = squashed(pdf.text);
    expect(text).toContain('主体负责人授权书');
    expect(text).toContain(`主体备案号${subject}`);
    expect(text).toContain(draft.subject.name);
    expect(text).toContain(draft.subject.leader.idNumber);
    expect(pdf.inkShare).toBeGreaterThan(0.01);
    await context.close();
  }, 120_000);

  it('offers the letter in the wizard’s materials step where the pre-check asks for it, filled from the draft', async () => {
    // Jiangsu lets an authorised person lead the subject, with a letter from the legal representative.
    const other = platform.client();
    await registerVerified(other, 'jiangsu@example.com', PASSWORD);
    await other.login('jiangsu@example.com', PASSWORD);
    const jiangsu = buildDraft({ creditBody: '91320100MA1X2Y3Z', name: '南京示例科技有限公司', domain: 'nanjing-demo.cn', leaderIdBody: '32010619850312003', mobile: '13500000005' });
    jiangsu.province = '320000';
    jiangsu.subject.legalRepresentative = '王强';
    const id = (await other.post('/api/v1/orders', { draft: jiangsu })).json().id as string;

    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    await logIn(page, base, 'jiangsu@example.com', PASSWORD, /\/orders$/);
    await page.goto(`${base}/orders/${id}/edit?step=3`);
    const button = page.locator('[data-document="subject_leader_authorization"]');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const text = squashed((await readPdf(readFileSync((await download.path())!))).text);
    expect(text).toContain('致：江苏省通信管理局');
    expect(text).toContain('南京示例科技有限公司');
    expect(text).toContain('王强');
    expect(text).toContain(`兹授权${jiangsu.subject.leader.name}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'aftercare-materials-letter-desktop.png'), fullPage: false, animations: 'disabled' });
    await context.close();
  }, 120_000);

  it('checks a commercial licence application in the form and offers the change-service order', async () => {
    const { page, context } = await open();
    await page.goto(`${base}/filings/${encodeURIComponent(subject)}/commercial-licence`);
    await page.click('#licence-province');
    await page.keyboard.type('北京');
    await page.keyboard.press('Enter');
    await page.fill('#licence-contractIps', '47.96.1.10');
    await page.fill('#licence-resolvingIps', '47.96.1.10');
    await page.fill('#licence-reportedIps', '47.96.1.11');
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByTestId('licence-result').getByText('有需要处理的问题').waitFor();
    await page.locator('[data-code="IPS_NOT_IDENTICAL"]').waitFor();
    await page.locator('[data-code="SERVER_OUTSIDE_PROVINCE"]').first().waitFor();
    await page.getByRole('button', { name: '通过“变更网站”修改报备IP' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'aftercare-licence-desktop.png'), fullPage: true, animations: 'disabled' });
    await context.close();
  }, 120_000);

  it('meets WCAG 2.1 A and AA on the new pages at desktop and phone widths, with no CSP or script errors', async () => {
    const violations: string[] = [];
    for (const size of [DESKTOP, PHONE]) {
      const { page, context } = await open(size);
      for (const path of [`/filings/${encodeURIComponent(subject)}/services/1/police`, `/filings/${encodeURIComponent(subject)}/commercial-licence`, `/filings/${encodeURIComponent(subject)}`]) {
        await page.goto(`${base}${path}`);
        await page.waitForLoadState('networkidle');
        for (const v of await axeViolations(page)) violations.push(`${size.width}px ${path}: ${v}`);
      }
      await context.close();
    }
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

/** Types a date into the console's date picker and confirms it. */
async function pickDate(page: Page, id: string, date: string) {
  await page.click(`#${id}`);
  await page.fill(`#${id}`, date);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.inputValue(`#${id}`)).toBe(date);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE};undefined`);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[]; any: { message: string }[] }[] }[];
  };
  return result.violations.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')} — ${v.nodes[0]?.any[0]?.message ?? ''}`);
}
