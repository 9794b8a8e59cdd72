import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/accounts/index.ts';
import { testDatabases } from '../support/databases.ts';
import { buildDraft } from '../support/drafts.ts';
import { preparedOrder, registerVerified, submitted, verificationToken } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { axeViolations } from './axe.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';
import { facePhotoJpeg, idCardJpeg, licenceJpeg } from './documents.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };
const PASSWORD = 'correct horse';
const FILES = join(process.cwd(), 'node_modules', '.cache', 'e2e');

// Chromium comes from Debian (.ci/run installs it); without it there is nothing to drive, and the run says so.
const SKIPPED = 'skipped: /usr/bin/chromium is not installed (apt-get install chromium)';
if (!hasChromium) console.warn(`browser tests ${SKIPPED}`);
describe.skipIf(!hasChromium)(
  hasChromium ? 'the web console in Chromium' : `the web console in Chromium — ${SKIPPED}`,
  () => {
    let platform: TestPlatform;
    let browser: Browser;
    let base: string;
    const draft = buildDraft();
    const files = {
      licence: join(FILES, 'licence.jpg'),
      idCard: join(FILES, 'id-card.jpg'),
      face: join(FILES, 'face.jpg'),
      tiny: join(FILES, 'tiny.png'),
    };
    /** What the browser reported that a user would never want: CSP refusals and uncaught page errors. */
    const problems: string[] = [];

    beforeAll(async () => {
      await ensureWebBuild();
      mkdirSync(SCREENSHOTS, { recursive: true });
      mkdirSync(FILES, { recursive: true });
      writeFileSync(
        files.licence,
        await licenceJpeg(draft.subject.name, draft.subject.certificate.number, draft.subject.certificate.address),
      );
      writeFileSync(files.idCard, await idCardJpeg(draft.subject.leader.name, draft.subject.leader.idNumber));
      writeFileSync(files.face, await facePhotoJpeg());
      writeFileSync(files.tiny, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
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

    /** A fresh browser profile (its own cookies and storage), as one person on one device. */
    async function open(
      size = DESKTOP,
      options: { isMobile?: boolean } = {},
    ): Promise<{ page: Page; context: BrowserContext }> {
      const context = await browser.newContext({
        viewport: size,
        isMobile: options.isMobile,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text()))
          problems.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      return { page, context };
    }

    /** A screenshot of the whole page (a dialog: of the screen) once the network and the pre-check are quiet. */
    async function shot(page: Page, name: string, fullPage = true) {
      await page.waitForLoadState('networkidle');
      if (/\/(orders\/new|filings\/new|orders\/[^/]+\/edit)/.test(page.url()))
        await page.waitForSelector('[data-precheck="settled"]');
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
    }

    async function choose(page: Page, fieldId: string, text: string) {
      await page.click(`#${fieldId}`);
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }

    /** Types a date into the console's date picker and confirms it. */
    async function pickDate(page: Page, fieldId: string, date: string) {
      await page.click(`#${fieldId}`);
      await page.fill(`#${fieldId}`, date);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.inputValue(`#${fieldId}`)).toBe(date);
    }

    /** A new applicant (signed in through the API) with a draft order and nothing uploaded yet. */
    async function applicantWithDraft(email: string, overrides: Parameters<typeof buildDraft>[0]) {
      const owner = platform.client();
      await registerVerified(owner, email, PASSWORD);
      await owner.login(email, PASSWORD);
      const id = (await owner.post('/api/v1/orders', { draft: buildDraft(overrides) })).json().id as string;
      return { owner, id };
    }

    async function applicantWithOrder(
      email: string,
      overrides: Parameters<typeof buildDraft>[0],
      submit: boolean,
    ): Promise<string> {
      const owner = platform.client();
      await registerVerified(owner, email, PASSWORD);
      await owner.login(email, PASSWORD);
      const id = await preparedOrder(owner, buildDraft(overrides));
      if (submit) await submitted(owner, id);
      return id;
    }

    it('shows the public pages — home, FAQ, block page, query — at desktop and phone widths, in Chinese and English', async () => {
      for (const [size, suffix] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const { page, context } = await open(size, { isMobile: suffix === 'phone' });
        await page.goto(`${base}/`);
        await page.getByRole('heading', { name: 'ICP 备案，一次填对' }).waitFor();
        await page.getByText('网站开通后 30 日内须在全国互联网安全管理服务平台办理公安联网备案').waitFor();
        await shot(page, `home-${suffix}`);
        await page.goto(`${base}/faq`);
        await page.getByText('非经营性备案和经营性许可证有什么区别？').waitFor();
        await page.getByText('代办服务可以开发票、退款吗？').click();
        await page.getByText('服务确认开始后不支持退款').waitFor();
        await shot(page, `faq-${suffix}`);
        await page.goto(`${base}/blocked?host=unfiled-example.cn`);
        await page.getByText('unfiled-example.cn 暂时无法访问').waitFor();
        await page.getByText('已在其他接入商备案').waitFor();
        await shot(page, `blocked-${suffix}`);
        await page.goto(`${base}/query?q=nobody-filed-this.cn`);
        await page.getByText('没有找到备案信息').waitFor();
        await page.goto(`${base}/login`);
        await page.locator('#email').waitFor();
        await shot(page, `login-${suffix}`);
        await context.close();
      }
      // The English switch, remembered across pages.
      const { page, context } = await open();
      await page.goto(`${base}/`);
      await page.getByRole('button', { name: 'language / 语言' }).click();
      await page.getByRole('heading', { name: 'ICP filing, right the first time' }).waitFor();
      await page.goto(`${base}/faq`);
      await page.getByText('Non-commercial filing or commercial licence?').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await shot(page, 'faq-english-desktop');
      await page.goto(`${base}/no-such-page`);
      await page.getByText('Page not found').waitFor();
      await context.close();
    });

    it('puts the server’s field errors under the fields on the register page', async () => {
      const { page, context } = await open();
      await page.goto(`${base}/register`);
      await page.fill('#email', 'owner@example.com');
      // Longer than the API accepts: the browser lets it through, the server names the field.
      await page.fill('#password', 'x'.repeat(130));
      await page.click('button[type=submit]');
      const passwordItem = page.locator('.ant-form-item', { has: page.locator('#password') });
      await passwordItem.locator('.ant-form-item-explain-error').waitFor();
      expect(await passwordItem.locator('.ant-form-item-explain-error').textContent()).not.toBe('');
      await page.getByText('请求内容有误，请按提示修改').waitFor();
      await shot(page, 'register-error-desktop');
      await context.close();
    });

    it('walks register → wizard → upload → face → submit; reviewer approves; SMS check; numbers, footer and public query', async () => {
      const { page, context } = await open();
      await page.goto(`${base}/register`);
      await page.fill('#email', 'owner@example.com');
      await page.fill('#password', PASSWORD);
      await shot(page, 'register-desktop');
      await page.click('button[type=submit]');
      // The account works once the link in the e-mail is opened (in demo mode the mail is in the outbox).
      await page.getByText('请查收验证邮件').waitFor();
      const token = await verificationToken(platform.client(), 'owner@example.com');
      await page.goto(`${base}/verify-email?token=${encodeURIComponent(token)}`);
      await page.getByRole('button', { name: '验证邮箱' }).click();
      await page.getByText('已验证，请登录').waitFor();
      await logIn(page, base, 'owner@example.com', PASSWORD, /\/orders$/);
      await page.getByText('暂无进行中的订单').waitFor();

      await page.goto(`${base}/filings/new`);
      await choose(page, 'field-province', '浙江');
      await choose(page, 'field-subject-nature', '企业');
      await page.fill('#field-subject-name', draft.subject.name);
      await choose(page, 'field-subject-certificate-type', '营业执照');
      // A mistyped credit code is marked in place as the user types.
      await page.fill('#field-subject-certificate-number', '91330106MA2B3C4D5X');
      await page.waitForSelector('[data-finding="CREDIT_CODE_INVALID"]');
      await shot(page, 'wizard-finding-desktop');
      await page.fill('#field-subject-certificate-number', draft.subject.certificate.number);
      await page.waitForSelector('[data-finding="CREDIT_CODE_INVALID"]', { state: 'detached' });
      await page.fill('#field-subject-certificate-address', draft.subject.certificate.address);
      await page.fill('#field-subject-mailingAddress', draft.subject.mailingAddress);
      await page.fill('#field-subject-legalRepresentative', '张伟');
      // The kind appears as soon as it can be decided.
      await expect.poll(() => page.getByTestId('kind').textContent()).toBe('首次备案');
      await shot(page, 'wizard-subject-desktop');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL(/\/orders\/[0-9a-f-]+\/edit\?step=1/);
      const orderId = /orders\/([0-9a-f-]+)\/edit/.exec(page.url())![1]!;

      const leader = draft.subject.leader;
      await page.fill('#field-subject-leader-name', leader.name);
      await choose(page, 'field-subject-leader-idType', '居民身份证');
      await page.fill('#field-subject-leader-idNumber', leader.idNumber);
      await pickDate(page, 'field-subject-leader-idValidUntil', leader.idValidUntil);
      await page.fill('#field-subject-leader-mobile', leader.mobile);
      // The emergency phone must differ from the mobile: marked on the field.
      await page.fill('#field-subject-leader-emergencyPhone', leader.mobile);
      await page.waitForSelector('#field-subject-leader-emergencyPhone[aria-invalid="true"]');
      await page.fill('#field-subject-leader-emergencyPhone', leader.emergencyPhone);
      await page.fill('#field-subject-leader-email', leader.email);
      await shot(page, 'wizard-leader-desktop');
      await page.getByRole('button', { name: '下一步' }).click();

      const site = draft.services[0]!;
      await page.fill('#field-services-0--name', site.name);
      await page.fill('#field-services-0--domains-0--name', site.domains[0]!.name);
      await page.fill('#field-services-0--domains-0--holder', site.domains[0]!.holder);
      await pickDate(page, 'field-services-0--domains-0--realNameVerifiedOn', site.domains[0]!.realNameVerifiedOn);
      await pickDate(page, 'field-services-0--domains-0--expiresOn', site.domains[0]!.expiresOn);
      await page.fill('#field-services-0--access-serviceCode', site.access.serviceCode);
      await page.fill('#field-services-0--access-ips-0-', site.access.ips[0]!);
      await choose(page, 'field-services-0--contentTypes-0-', '企业信息');
      await shot(page, 'wizard-website-desktop');
      // The half-filled draft survives a reload.
      await page.getByText('已自动保存').waitFor();
      await page.reload();
      await expect.poll(() => page.inputValue('#field-services-0--domains-0--name')).toBe(site.domains[0]!.name);
      await page.getByRole('button', { name: '下一步' }).click();

      // Materials: the checklist from the pre-check; a file too small is refused in the browser first.
      await page.getByText('主体证件').first().waitFor();
      await page.setInputFiles('[data-material="subject_certificate:subject"]', files.tiny);
      await page.getByText('小于 200 KB').waitFor();
      await page.setInputFiles('[data-material="subject_certificate:subject"]', files.licence);
      await expect
        .poll(() => page.locator('.ant-tag-green', { hasText: '已提供' }).count(), { timeout: 20_000 })
        .toBe(1);
      await page.setInputFiles('[data-material="subject_leader_id:subject.leader"]', files.idCard);
      await expect
        .poll(() => page.locator('.ant-tag-green', { hasText: '已提供' }).count(), { timeout: 20_000 })
        .toBe(2);
      await page.getByText('2/2 已提供').waitFor();
      await shot(page, 'wizard-materials-desktop');
      await page.getByRole('button', { name: '下一步' }).click();

      await page.getByAltText('手机扫码继续办理的二维码').waitFor();
      await page.setInputFiles('[data-face="subject.leader"]', files.face);
      await page.getByTestId('face-ok-subject.leader').waitFor();
      await shot(page, 'wizard-face-desktop');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByText('预检通过，可以提交').waitFor();
      await shot(page, 'wizard-submit-desktop');
      // Submitting needs the truthfulness promise ticked (test/e2e/journey.test.ts walks the summary and promise).
      await page.getByTestId('promise-checkbox').click();
      await page.getByRole('button', { name: '提交备案' }).click();
      await page.waitForURL(new RegExp(`/orders/${orderId}$`));
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('接入商初审中');
      // Each step still ahead shows the workday it should be done by.
      await page.getByTestId('eta-regulator_review').waitFor();
      await shot(page, 'order-in-review-desktop');
      await page.goto(`${base}/orders`);
      await page.getByRole('link', { name: /^\d{8}-\d+$/ }).waitFor();
      await shot(page, 'orders-desktop');

      // The reviewer sees the data beside each material, and approves with the A key.
      const reviewer = await open();
      await logIn(reviewer.page, base, 'reviewer@example.com', 'openbeian-demo', /\/review$/);
      await reviewer.page.waitForSelector(`a[href="/review/${orderId}"]`);
      await shot(reviewer.page, 'review-queue-desktop');
      await reviewer.page.click(`a[href="/review/${orderId}"]`);
      await reviewer.page.getByTestId('evidence-subject_certificate').locator('img').waitFor();
      await reviewer.page
        .getByTestId('evidence-subject_certificate')
        .getByText(draft.subject.certificate.number)
        .waitFor();
      expect(await reviewer.page.getByTestId('shortcut-hint').textContent()).toContain('A 通过');
      await reviewer.page.getByRole('button', { name: '已接通' }).click();
      await reviewer.page.getByText(/已接通 ·/).waitFor();
      await shot(reviewer.page, 'review-order-desktop');
      await reviewer.page.keyboard.press('a');
      // Approving asks first; the confirm button has the focus, so Enter confirms.
      await reviewer.page.getByRole('dialog').waitFor();
      await reviewer.page.keyboard.press('Enter');
      await reviewer.page.waitForURL(/\/review$/);
      await reviewer.page.getByText('没有待初审的订单').waitFor();
      await reviewer.context.close();

      // The regulator texts a code; the applicant confirms it on the order page (the demo's simulated check).
      await platform.advance(24);
      // A day later the session has ended (two idle hours): log in again, as the applicant would.
      await logIn(page, base, 'owner@example.com', PASSWORD, /\/orders$/);
      await page.goto(`${base}/orders/${orderId}`);
      await page.getByText('请负责人在 24 小时内完成短信核验').waitFor();
      await shot(page, 'order-sms-desktop');
      await page.getByLabel(`${leader.mobile} 收到的验证码`).fill(await smsCode(platform, leader.mobile));
      await page.getByRole('button', { name: '核验' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('管局审核中');
      await platform.advance(24 * 25); // Zhejiang's 管局 takes about 15 workdays

      // Weeks later the session has expired: log in again, as the applicant would.
      await logIn(page, base, 'owner@example.com', PASSWORD, /\/orders$/);
      await page.goto(`${base}/orders/${orderId}`);
      await page.waitForSelector('[data-testid="subject-number"]');
      const subjectNumber = (await page.getByTestId('subject-number').textContent())!.trim();
      expect(subjectNumber).toMatch(/^浙ICP备2026\d{6}号$/);
      await shot(page, 'order-approved-desktop');
      await page.getByRole('button', { name: '查看备案信息与底部代码' }).click();
      await page.waitForSelector('[data-testid="footer-1"]');
      await expect(page.getByTestId('footer-1').textContent()).resolves.toContain('https://beian.miit.gov.cn/');
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await page.getByRole('button', { name: `复制 ${subjectNumber}-1 的底部代码` }).click();
      await page.getByText('已复制').waitFor();
      const clipboard = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(clipboard).toContain(`${subjectNumber}-1`);
      expect(clipboard).toContain('https://beian.miit.gov.cn/');
      await shot(page, 'filing-footer-desktop');
      await page.goto(`${base}/filings`);
      await page.getByRole('link', { name: subjectNumber }).waitFor();

      await page.goto(`${base}/query?q=www.${site.domains[0]!.name}`);
      await page.getByText(`${subjectNumber}-1`).waitFor();
      await shot(page, 'public-query-desktop');
      await context.close();

      // The applicant's pages at phone width too.
      const phone = await open(PHONE, { isMobile: true });
      await logIn(phone.page, base, 'owner@example.com', PASSWORD, /\/orders$/);
      await phone.page.getByText('暂无进行中的订单').waitFor();
      await phone.page.getByRole('tab', { name: '已完成' }).click();
      await phone.page
        .getByRole('link', { name: /^\d{8}-\d+$/ })
        .first()
        .waitFor();
      await shot(phone.page, 'orders-phone');
      await phone.page.goto(`${base}/orders/${orderId}`);
      await phone.page.waitForSelector('[data-testid="subject-number"]');
      await shot(phone.page, 'order-approved-phone');
      await phone.page.goto(`${base}/orders/new`);
      await phone.page.waitForSelector('#field-province');
      await shot(phone.page, 'wizard-subject-phone');
      await phone.page.goto(`${base}/query?q=www.${site.domains[0]!.name}`);
      await phone.page.getByText(`${subjectNumber}-1`).waitFor();
      await shot(phone.page, 'public-query-phone');
      await phone.page.goto(`${base}/filings/${encodeURIComponent(subjectNumber)}`);
      await phone.page.waitForSelector('[data-testid="footer-1"]');
      await shot(phone.page, 'filing-footer-phone');
      await phone.context.close();

      // Dashboards for the admin: the day's orders, the review SLA, the rates.
      const admin = await open();
      await logIn(admin.page, base, 'admin@example.com', 'openbeian-demo', /\/review$/);
      await admin.page.goto(`${base}/dashboard`);
      await admin.page.waitForSelector('svg[role=img]');
      await admin.page.getByText('初审按时完成').waitFor();
      await shot(admin.page, 'dashboard-desktop');
      await admin.page.setViewportSize(PHONE);
      await shot(admin.page, 'dashboard-phone');
      await admin.page.goto(`${base}/review`);
      await admin.page.getByText('初审工作台').first().waitFor();
      await shot(admin.page, 'review-queue-phone');
      await admin.context.close();
    }, 300_000);

    it('opens a website change from the filed record: the wizard names the filed number and keeps its domain', async () => {
      // owner@example.com holds the filing made by the journey test above.
      const { page, context } = await open();
      await logIn(page, base, 'owner@example.com', PASSWORD, /\/orders$/);
      await page.goto(`${base}/filings`);
      await page
        .getByRole('link', { name: /ICP备\d+号$/ })
        .first()
        .click();
      const serviceNumber = (await page.locator('td strong', { hasText: /号-1$/ }).first().textContent())!;
      await page
        .getByRole('button', { name: /变更 \/ 注销/ })
        .last()
        .click();
      await page.getByRole('menuitem', { name: '变更网站' }).click();
      await page.waitForURL(/\/orders\/[^/]+\/edit/);
      await page
        .getByRole('button', { name: /网站与应用/ })
        .first()
        .click();
      await page.getByTestId('filed-number-0').waitFor();
      expect(await page.getByTestId('filed-number-0').textContent()).toBe(serviceNumber);
      expect(await page.isDisabled('#field-services-0--domains-0--name')).toBe(true);
      expect(await page.getByRole('button', { name: '添加网站' }).count()).toBe(0);
      await shot(page, 'wizard-change-service-desktop');
      await context.close();
    });

    it('lets the reviewer walk the queue with J / K and reject with a reason on a field, which the applicant sees there', async () => {
      const rejectedId = await applicantWithOrder(
        'rejected@example.com',
        {
          creditBody: '91330106MA2B3C4F',
          domain: 'reject-demo.cn',
          leaderIdBody: '33010619800101003',
          mobile: '13600000007',
        },
        true,
      );
      const otherId = await applicantWithOrder(
        'second@example.com',
        {
          creditBody: '91330106MA2B3C4E',
          domain: 'second-demo.cn',
          leaderIdBody: '33010619800101004',
          mobile: '13600000008',
          name: '杭州第二示例网络有限公司',
        },
        true,
      );

      const reviewer = await open();
      await logIn(reviewer.page, base, 'reviewer@example.com', 'openbeian-demo', /\/review$/);
      await reviewer.page.goto(`${base}/review/${rejectedId}`);
      await reviewer.page.getByText('队列第 1 / 2 单').waitFor();
      await reviewer.page.keyboard.press('j');
      await reviewer.page.waitForURL(new RegExp(`/review/${otherId}$`));
      await reviewer.page.getByText('队列第 2 / 2 单').waitFor();
      await reviewer.page.keyboard.press('k');
      await reviewer.page.waitForURL(new RegExp(`/review/${rejectedId}$`));
      await reviewer.page.getByText('队列第 1 / 2 单').waitFor();
      await reviewer.page.keyboard.press('r');
      const dialog = reviewer.page.getByRole('dialog');
      await dialog.getByText('驳回订单').waitFor();
      await choose(reviewer.page, 'reason-0', '网站名称不符合要求');
      await choose(reviewer.page, 'path-0', '网站 1 · 网站名称');
      await reviewer.page.fill('#note-0', '请体现网站内容');
      await shot(reviewer.page, 'review-reject-dialog-desktop', false);
      await dialog.getByRole('button', { name: '驳回' }).click();
      // On to the next order in the queue.
      await reviewer.page.waitForURL(new RegExp(`/review/${otherId}$`));
      await reviewer.context.close();

      const { page, context } = await open();
      await logIn(page, base, 'rejected@example.com', PASSWORD, /\/orders$/);
      await page.goto(`${base}/orders/${rejectedId}`);
      await page.getByText('驳回原因').waitFor();
      await page.getByText('网站 1 · 网站名称').waitFor();
      await page.getByRole('link', { name: '去“网站与应用”修改' }).click();
      await page.waitForURL(/\/edit\?step=2$/);
      const finding = page.locator('[data-finding="SITE_NAME_UNACCEPTABLE"]');
      await finding.waitFor();
      expect(await finding.textContent()).toContain('请体现网站内容');
      await shot(page, 'wizard-rejected-field-desktop');
      // Apps are services too: adding one shows the App's own fields, checked like the rest.
      await page.getByRole('button', { name: '添加 App / 小程序' }).click();
      await page.fill('#field-services-1--name', '云栖示例助手');
      await page.fill('#field-services-1--app-packageName', 'not a package');
      await page.waitForSelector('[data-finding="APP_PACKAGE_INVALID"]');
      await page.fill('#field-services-1--app-packageName', 'cn.yunqi.helper');
      await page.waitForSelector('[data-finding="APP_PACKAGE_INVALID"]', { state: 'detached' });
      await shot(page, 'wizard-app-desktop');
      await context.close();
    }, 180_000);

    it('merges a draft changed in another window, and keeps typing made offline until the server is back', async () => {
      const { owner, id } = await applicantWithDraft('two-windows@example.com', {
        creditBody: '91330106MA2B3C4G',
        domain: 'merge-demo.cn',
        leaderIdBody: '33010619800101005',
        mobile: '13600000009',
      });

      const laptop = await open();
      await logIn(laptop.page, base, 'two-windows@example.com', PASSWORD, /\/orders$/);
      await laptop.page.goto(`${base}/orders/${id}/edit`);
      await laptop.page.waitForSelector('[data-precheck="settled"]');
      const desktop = await open();
      await logIn(desktop.page, base, 'two-windows@example.com', PASSWORD, /\/orders$/);
      await desktop.page.goto(`${base}/orders/${id}/edit`);
      await desktop.page.waitForSelector('[data-precheck="settled"]');

      await laptop.page.fill('#field-subject-mailingAddress', '浙江省杭州市西湖区文三路200号');
      await laptop.page.getByText('已自动保存').waitFor();
      // The other window still holds the old version: its save meets 412, reloads and merges.
      await desktop.page.fill('#field-subject-certificate-address', '浙江省杭州市西湖区文三路300号');
      await desktop.page.getByTestId('merge-notice').waitFor();
      await desktop.page.getByText('已自动保存').waitFor();
      expect(await desktop.page.inputValue('#field-subject-mailingAddress')).toBe('浙江省杭州市西湖区文三路200号');
      await shot(desktop.page, 'wizard-merged-desktop');
      // The wizard in English, findings included.
      await desktop.page.getByRole('button', { name: 'language / 语言' }).click();
      await desktop.page.getByText('Filing province').waitFor();
      await desktop.page.getByTestId('merge-notice').locator('.ant-alert-close-icon').click();
      await shot(desktop.page, 'wizard-english-desktop');
      const saved = (await owner.get(`/api/v1/orders/${id}`)).json().draft;
      expect(saved.subject.mailingAddress).toBe('浙江省杭州市西湖区文三路200号');
      expect(saved.subject.certificate.address).toBe('浙江省杭州市西湖区文三路300号');

      // Offline: the typing stays in this browser and is saved once the network is back.
      await laptop.context.setOffline(true);
      await laptop.page.reload().catch(() => undefined); // the reload itself fails offline; the page keeps running
      await laptop.context.setOffline(false);
      await laptop.page.goto(`${base}/orders/${id}/edit`);
      await laptop.page.waitForSelector('[data-precheck="settled"]');
      await laptop.context.setOffline(true);
      await laptop.page.fill('#field-subject-legalRepresentative', '李娜');
      await laptop.page.getByText('网络异常，已保存在本机').waitFor();
      const local = await laptop.page.evaluate(
        (key) =>
          (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(key),
        `openbeian.draft.${id}`,
      );
      expect(local).toContain('李娜');
      await laptop.context.setOffline(false);
      await laptop.page.getByText('已自动保存').waitFor({ timeout: 20_000 });
      expect((await owner.get(`/api/v1/orders/${id}`)).json().draft.subject.legalRepresentative).toBe('李娜');
      await laptop.context.close();
      await desktop.context.close();
    }, 180_000);

    it('opens the mobile hand-off page on a phone from the link', async () => {
      const owner = platform.client();
      await registerVerified(owner, 'phone@example.com', PASSWORD);
      await owner.login('phone@example.com', PASSWORD);
      const created = await owner.post('/api/v1/orders', {
        draft: buildDraft({
          creditBody: '91330106MA2B3C4H',
          domain: 'phone-demo.cn',
          leaderIdBody: '33010619900101002',
          mobile: '13700000009',
        }),
      });
      const link = (await owner.get(`/api/v1/orders/${created.json().id}/handoff`)).json();
      const { page, context } = await open(PHONE, { isMobile: true });
      await page.goto(`${base}/m/${link.token}`);
      await page.getByText('人脸核验（负责人本人）').waitFor();
      await page.setInputFiles('input[data-face="subject.leader"]', files.face);
      await page.locator('.ant-tag-green', { hasText: '已核验' }).waitFor();
      await page.setInputFiles('input[data-material="subject_certificate:subject"]', files.licence);
      await page.locator('.ant-tag-green', { hasText: '已提供' }).first().waitFor();
      await shot(page, 'mobile-handoff-phone');
      // Nothing wider than the phone: no sideways scrolling on the hand-off page.
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(PHONE.width);
      await page.goto(`${base}/m/not-a-valid-token-at-all-000000`);
      await page.getByText('链接不可用').waitFor();
      await context.close();
    });

    let webcamAttempts = 0;
    it('verifies a face with the computer’s camera in the wizard', async () => {
      // A retry (a camera slow to start on a loaded machine) registers its own account: the first one exists.
      const attempt = ++webcamAttempts;
      const email = attempt === 1 ? 'webcam@example.com' : `webcam-${attempt}@example.com`;
      const { owner, id } = await applicantWithDraft(email, {
        creditBody: attempt === 1 ? '91330106MA2B3C4J' : `91330106MA2B3W${String(attempt).padStart(2, '0')}`,
        domain: attempt === 1 ? 'webcam-demo.cn' : `webcam-${attempt}-demo.cn`,
        leaderIdBody: attempt === 1 ? '33010619800101007' : `33010619800103${String(attempt).padStart(3, '0')}`,
        mobile: attempt === 1 ? '13600000011' : `136000002${String(attempt).padStart(2, '0')}`,
      });
      const { page, context } = await open();
      await logIn(page, base, email, PASSWORD, /\/orders$/);
      await page.goto(`${base}/orders/${id}/edit?step=4`);
      await page.getByRole('button', { name: '电脑摄像头拍摄' }).click();
      const shoot = page.getByRole('button', { name: '拍照并核验' });
      await expect.poll(() => shoot.isEnabled()).toBe(true);
      await shoot.click();
      await page.getByTestId('face-ok-subject.leader').waitFor();
      const order = (await owner.get(`/api/v1/orders/${id}`)).json();
      expect(order.faceVerifications).toEqual([
        expect.objectContaining({ person: 'subject.leader', outcome: 'passed' }),
      ]);
      await context.close();
    });

    it('issues a filing service code on /resources, picks it in the wizard (saved in the draft), revokes another; the admin renews a resource', async () => {
      const { owner, id } = await applicantWithDraft('codes@example.com', {
        creditBody: '91330106MA2B3C4K',
        domain: 'codes-demo.cn',
        leaderIdBody: '33010619800101008',
        mobile: '13600000012',
      });
      // The provider's billing side (here the admin) registers the applicant's ECS; the test platform has no demo seed.
      const admin = platform.client();
      await admin.login('admin@example.com', 'openbeian-demo');
      const registered = await admin.post('/api/v1/resources', {
        email: 'codes@example.com',
        kind: 'ecs',
        label: 'codes-web-1',
        region: 'cn-hangzhou',
        isMainland: true,
        billing: 'subscription',
        paidMonths: 12,
        hasPublicBandwidth: true,
        publicIps: ['47.96.1.20'],
      });
      expect(registered.statusCode).toBe(201);
      // …and a pay-as-you-go one that expired yesterday, which cannot issue codes: the page says why.
      const day = 24 * 3600 * 1000;
      const payg = await admin.post('/api/v1/resources', {
        email: 'codes@example.com',
        kind: 'ecs',
        label: 'codes-web-2',
        region: 'cn-hangzhou',
        isMainland: true,
        billing: 'pay_as_you_go',
        paidMonths: 0,
        hasPublicBandwidth: true,
        publicIps: ['47.96.1.21'],
        expiresAt: new Date(platform.clock.now().getTime() - 2 * day).toISOString(),
      });
      expect(payg.json().eligibility.isEligible).toBe(false);
      expect(payg.json().eligibility.problems.map((p: { code: string }) => p.code)).toContain('RESOURCE_EXPIRED');

      const { page, context } = await open();
      await logIn(page, base, 'codes@example.com', PASSWORD, /\/orders$/);
      await page.getByRole('link', { name: '备案服务码', exact: true }).click();
      await page.waitForURL(/\/resources$/);
      await page.getByText('codes-web-1').waitFor();
      await page.getByText('可申请服务码').waitFor();
      await page.getByText('还没有申请备案服务码').waitFor();
      expect(await page.getByTestId('request-code-codes-web-2').isDisabled()).toBe(true);
      await page.getByText('该资源不符合备案条件').waitFor();
      await page.getByText(payg.json().eligibility.problems[0].zh).waitFor();
      // Its expiry date shows with 已过期; the subscription has none.
      await page.getByTestId('expiry-codes-web-2').getByText('已过期', { exact: true }).waitFor();
      await page.getByRole('row').filter({ hasText: 'codes-web-1' }).getByText('无到期日').waitFor();
      await page.getByTestId('request-code-codes-web-1').click();
      const codeCell = page.getByTestId('service-code').first();
      await codeCell.waitFor();
      const code = (await codeCell.textContent())!.trim();
      expect(code).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByText('未使用').waitFor();
      await page.getByText('已申请 1 / 5，剩余 4').waitFor();
      await shot(page, 'resources-desktop');
      // On a phone: one card per resource and per code, nothing wider than the screen.
      const phone = await open(PHONE, { isMobile: true });
      await logIn(phone.page, base, 'codes@example.com', PASSWORD, /\/orders$/);
      await phone.page.goto(`${base}/resources`);
      await phone.page.getByText(code).waitFor();
      expect(
        await phone.page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(PHONE.width);
      await shot(phone.page, 'resources-phone');
      await phone.context.close();

      // The wizard's services step: the picker beside the code input offers it with its IP; choosing fills the field.
      await page.goto(`${base}/orders/${id}/edit?step=2`);
      await page.waitForSelector('[data-precheck="settled"]');
      await page.getByRole('link', { name: '获取备案服务码' }).waitFor();
      await page.click('#field-services-0--access-serviceCode-pick');
      const option = page.locator(`.ant-select-item-option [data-code="${code}"]`);
      await option.getByText('47.96.1.20').waitFor();
      await shot(page, 'resources-wizard-picker-desktop', false);
      await option.click();
      await expect.poll(() => page.inputValue('#field-services-0--access-serviceCode')).toBe(code);
      await page.getByText('已自动保存').waitFor();
      await expect
        .poll(async () => (await owner.get(`/api/v1/orders/${id}`)).json().draft.services[0].access.serviceCode)
        .toBe(code);
      // The draft already named an IP, so it is left as it was.
      expect((await owner.get(`/api/v1/orders/${id}`)).json().draft.services[0].access.ips).toEqual(['47.96.1.10']);

      // Back on /resources: a second code, then revoked (confirmed first); its place returns to the resource.
      await page.goto(`${base}/resources`);
      await page.getByText('已申请 1 / 5，剩余 4').waitFor();
      await page.getByTestId('request-code-codes-web-1').click();
      await page.getByText('已申请 2 / 5，剩余 3').waitFor();
      await expect.poll(async () => (await page.getByTestId('service-code').allTextContents()).length).toBe(2);
      const second = (await page.getByTestId('service-code').allTextContents())
        .map((c) => c.trim())
        .find((c) => c !== code)!;
      expect(second).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByTestId(`revoke-${second}`).click();
      await page.getByText('未使用的服务码作废后，名额退回所属资源').waitFor();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '作废', exact: true }).click();
      await page.getByRole('row').filter({ hasText: second }).getByText('已作废', { exact: true }).waitFor();
      await page.getByText('已申请 1 / 5，剩余 4').waitFor();
      expect(await page.getByTestId(`revoke-${second}`).count()).toBe(0);
      await shot(page, 'resources-revoked-desktop');
      const codesNow = (await owner.get('/api/v1/service-codes')).json().items as {
        code: string;
        revokedAt: string | null;
      }[];
      expect(codesNow.find((c) => c.code === second)?.revokedAt).toBeTruthy();
      expect(codesNow.find((c) => c.code === code)?.revokedAt).toBeNull();
      await context.close();

      // The admin's /resources registers one more for the same customer from the console's form.
      const staff = await open();
      await logIn(staff.page, base, 'admin@example.com', 'openbeian-demo', /\/review$/);
      await staff.page.getByRole('link', { name: '资源登记' }).click();
      await staff.page.getByLabel('客户账号邮箱').fill('codes@example.com');
      await staff.page.getByLabel('实例').fill('codes-web-3');
      await staff.page.getByLabel('公网IP').fill('47.96.1.22');
      await staff.page.getByRole('button', { name: '登记资源' }).click();
      await staff.page.getByText('已登记 codes-web-3：可申请 5 个备案服务码').waitFor();
      await staff.page.getByRole('cell', { name: 'codes-web-3' }).waitFor();
      // 续费/变更: the expired pay-as-you-go one is renewed as a 12-month subscription, and can issue codes.
      const renewedRow = staff.page.getByRole('row').filter({ hasText: 'codes-web-2' });
      await renewedRow.getByText('已过期', { exact: true }).waitFor();
      await staff.page.getByTestId('edit-resource-codes-web-2').click();
      const dialog = staff.page.getByRole('dialog');
      await dialog.getByText('续费/变更：codes-web-2').waitFor();
      await staff.page.click('#edit_billing');
      await staff.page.locator('.ant-select-item-option:visible', { hasText: '包年包月' }).click();
      await dialog.getByLabel('已购月数（含续费）').fill('12');
      const until = new Date(platform.clock.now().getTime() + 365 * day + 8 * 3600 * 1000).toISOString().slice(0, 10);
      await pickDate(staff.page, 'edit_expiresOn', until);
      await shot(staff.page, 'resources-admin-renew-desktop', false);
      await dialog.getByRole('button', { name: '保存', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await renewedRow.getByText('可申请服务码').waitFor();
      await renewedRow.getByText(`${until} 到期`).waitFor();
      expect(await renewedRow.getByText('已过期', { exact: true }).count()).toBe(0);
      await staff.context.close();
      const mine = (await owner.get('/api/v1/resources')).json().items as {
        label: string;
        publicIps: string[];
        billing: string;
        paidMonths: number;
        eligibility: { isEligible: boolean };
      }[];
      expect(mine.find((r) => r.label === 'codes-web-3')?.publicIps).toEqual(['47.96.1.22']);
      expect(mine.find((r) => r.label === 'codes-web-2')).toMatchObject({
        billing: 'subscription',
        paidMonths: 12,
        publicIps: ['47.96.1.21'],
        eligibility: { isEligible: true },
      });
    }, 120_000);

    let a11yAttempts = 0;
    it('meets WCAG 2.1 A and AA on every main page, as axe-core judges it, at desktop and phone widths', async () => {
      // vitest's retry runs this again on the same platform: each attempt has its own account, company and leader
      // (the first attempt's submitted order holds its subject for its account, and its face checks count per person).
      const attempt = ++a11yAttempts;
      const email = `a11y-${attempt}@example.com`;
      const orderId = await applicantWithOrder(
        email,
        {
          creditBody: `91330106MA2B3A${String(attempt).padStart(2, '0')}`,
          domain: `a11y-${attempt}-demo.cn`,
          leaderIdBody: `33010619800102${String(attempt).padStart(3, '0')}`,
          mobile: `136000001${String(attempt).padStart(2, '0')}`,
        },
        true,
      );
      // /resources with something on it: an eligible ECS with a code issued, and a pay-as-you-go one with its reasons.
      const admin = platform.client();
      await admin.login('admin@example.com', 'openbeian-demo');
      const ecs = {
        email,
        kind: 'ecs',
        region: 'cn-hangzhou',
        isMainland: true,
        paidMonths: 12,
        hasPublicBandwidth: true,
      };
      const eligible = await admin.post('/api/v1/resources', {
        ...ecs,
        label: 'a11y-web-1',
        billing: 'subscription',
        publicIps: ['47.96.1.30'],
      });
      await admin.post('/api/v1/resources', {
        ...ecs,
        label: 'a11y-web-2',
        billing: 'pay_as_you_go',
        publicIps: ['47.96.1.31'],
      });
      const a11y = platform.client();
      await a11y.login(email, PASSWORD);
      expect((await a11y.post(`/api/v1/resources/${eligible.json().id}/service-codes`)).statusCode).toBe(201);
      const pages: { who?: [string, string?]; paths: string[] }[] = [
        {
          paths: [
            '/',
            '/faq',
            '/query?q=nobody-filed-this.cn',
            '/login',
            '/register',
            '/blocked?host=unfiled.cn',
            '/forgot',
            '/reset-password?token=not-a-real-token',
            '/verify-email?token=not-a-real-token',
            '/id-check',
          ],
        },
        {
          who: [email],
          paths: ['/orders', `/orders/${orderId}`, '/orders/new', '/filings', '/resources', '/account/password'],
        },
        { who: ['reviewer@example.com', 'openbeian-demo'], paths: ['/review', `/review/${orderId}`] },
        { who: ['admin@example.com', 'openbeian-demo'], paths: ['/dashboard', '/resources', '/privacy/reports', '/admin/api-tokens'] },
      ];
      const violations: string[] = [];
      for (const size of [DESKTOP, PHONE]) {
        for (const { who, paths } of pages) {
          const { page, context } = await open(size, { isMobile: size === PHONE });
          if (who) await logIn(page, base, who[0], who[1] ?? PASSWORD, /\/(orders|review)$/);
          for (const path of paths) {
            await page.goto(`${base}${path}`);
            await page.waitForLoadState('networkidle');
            if (/\/orders\/new/.test(path)) await page.waitForSelector('[data-precheck="settled"]');
            for (const v of await axeViolations(page)) violations.push(`${size.width}px ${path}: ${v}`);
          }
          await context.close();
        }
      }
      // Each violation names its page and width, so a failure on a loaded machine can be read from the log.
      expect(violations, violations.join('\n')).toEqual([]);
    }, 240_000);

    it('serves the console for client routes, JSON 404s under /api, long-cached assets, and no CSP or script errors', async () => {
      const api = await fetch(`${base}/api/v1/no-such-thing`);
      expect(api.status).toBe(404);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      const deep = await fetch(`${base}/orders/some-order/edit?step=2`);
      expect(deep.status).toBe(200);
      expect(deep.headers.get('content-type')).toContain('text/html');
      const html = await deep.text();
      expect(html).toContain('<div id="root"></div>');
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const script = await fetch(`${base}${asset}`);
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toContain('immutable');
      expect(problems).toEqual([]);
    });
  },
);

async function smsCode(platform: TestPlatform, mobile: string): Promise<string> {
  const outbox = await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`);
  const body = (outbox.json().items as { template: string; body: string }[]).find(
    (m) => m.template === 'regulator_sms_code',
  )!.body;
  return /核验码为 (\d{6})/.exec(body)![1]!;
}
