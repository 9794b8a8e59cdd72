import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/accounts/index.ts';
import { testDatabases } from '../support/databases.ts';
import { buildDraft, withIdCheck } from '../support/drafts.ts';
import { preparedOrder, registerVerified, smsCodeFor, submitted, withBaseMaterials } from '../support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from '../support/platform.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser } from './browser.ts';
import { idCardJpeg, licenceJpeg } from './documents.ts';

// Issue 12: the applicant's journey without dead ends, walked in Chromium as a new user would.
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };
const PASSWORD = 'correct horse';
const FILES = join(process.cwd(), 'node_modules', '.cache', 'e2e-journey');

const SKIPPED = 'skipped: /usr/bin/chromium is not installed (apt-get install chromium)';
describe.skipIf(!hasChromium)(
  hasChromium ? 'the applicant’s journey in Chromium' : `the applicant’s journey in Chromium — ${SKIPPED}`,
  () => {
    let platform: TestPlatform;
    let browser: Browser;
    let base: string;
    const draft = buildDraft();
    const files = { licence: join(FILES, 'licence.jpg'), idCard: join(FILES, 'id-card.jpg') };
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

    async function open(size = DESKTOP, options: { isMobile?: boolean } = {}): Promise<{ page: Page; context: BrowserContext }> {
      const context = await browser.newContext({ viewport: size, isMobile: options.isMobile, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      return { page, context };
    }

    async function shot(page: Page, name: string, fullPage = true) {
      await page.waitForLoadState('networkidle');
      if (/\/(orders\/new|filings\/new|orders\/[^/]+\/edit)/.test(page.url())) await page.waitForSelector('[data-precheck="settled"]');
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
    }

    async function choose(page: Page, fieldId: string, text: string) {
      await page.click(`#${fieldId}`);
      await page.keyboard.type(text);
      // Enter picks the active option: wait until the list, filtered by what was typed, offers the one meant (on a
      // loaded machine Enter could otherwise land on the option active before the filter ran).
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: text }).waitFor();
      await page.keyboard.press('Enter');
    }

    async function pickDate(page: Page, fieldId: string, date: string) {
      await page.click(`#${fieldId}`);
      await page.fill(`#${fieldId}`, date);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.inputValue(`#${fieldId}`)).toBe(date);
    }

    /** An account registered through the API, signed in through the login page. */
    async function signedIn(page: Page, email: string, next?: string): Promise<TestClient> {
      const client = platform.client();
      await registerVerified(client, email, PASSWORD);
      await client.login(email, PASSWORD);
      await page.goto(`${base}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      await page.fill('#email', email);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((url) => url.pathname + url.search === (next ?? '/orders'));
      return client;
    }

    async function smsCodeOf(mobile: string): Promise<string> {
      const outbox = await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`);
      const body = (outbox.json().items as { template: string; body: string }[]).find((m) => m.template === 'regulator_sms_code')!.body;
      return /核验码为 (\d{6})/.exec(body)![1]!;
    }

    /** Waits until what was typed last is saved on the server (not merely kept in the browser). */
    async function saved(page: Page) {
      await page.getByText('已自动保存').waitFor();
      expect(await page.getByTestId('save-refused').count()).toBe(0);
    }

    async function settled(page: Page) {
      await page.waitForSelector('[data-precheck="settled"]');
    }

    /** 下一步 on a step with errors: nothing moves on, the errors are listed at the top, the list is scrolled to. */
    async function nextIsBlocked(page: Page, codes: string[]) {
      const url = page.url();
      await settled(page);
      await page.getByRole('button', { name: '下一步' }).click();
      const blocked = page.getByTestId('step-blocked');
      await blocked.waitFor();
      for (const code of codes) expect(await page.locator(`[data-finding="${code}"]`).count(), code).toBeGreaterThan(0);
      expect(page.url()).toBe(url);
      expect(await blocked.isVisible()).toBe(true);
      // Scrolled to smoothly: from the foot of a long step it takes a moment to arrive.
      await expect.poll(async () => (await blocked.boundingBox())!.y).toBeGreaterThanOrEqual(0);
      expect((await blocked.boundingBox())!.y).toBeLessThan(DESKTOP.height);
    }

    async function next(page: Page, step: number) {
      await settled(page);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL(new RegExp(`step=${step}$`));
      // The URL changes before React has drawn the new step: a click in between would still belong to the old one.
      await expect.poll(async () => (await stepClasses(page))[step]).toMatch(/process|error/);
    }

    const stepClasses = (page: Page) =>
      page.locator('.ant-steps-item').evaluateAll((items) =>
        items.map((item) => (/ant-steps-item-(finish|error|wait|process)/.exec(item.className) ?? [])[1]),
      );

    it('blocks 下一步 on an empty first step without creating an order; saves a typo on every field of every step, and its correction', async () => {
      const { page, context } = await open();
      const client = await signedIn(page, 'typos@example.com');
      await page.goto(`${base}/filings/new`);
      await settled(page);
      await nextIsBlocked(page, []);
      expect((await client.get('/api/v1/orders')).json().total).toBe(0);
      // No certificate at all is said under 证件类型, and the list's link goes there.
      const certificateType = page.locator('.ant-form-item', { has: page.locator('#field-subject-certificate-type') });
      expect(await certificateType.locator('[data-finding]').textContent()).toContain('请填写主体证件');
      await page.getByTestId('step-blocked').getByRole('link', { name: '主体证件' }).click();
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('field-subject-certificate-type');

      // Step 1, typed with mistakes: another province than the credit code's, and a wrong check digit.
      const right = draft.subject;
      const typoCode = right.certificate.number.slice(0, 17) + (right.certificate.number.endsWith('Y') ? 'X' : 'Y');
      await choose(page, 'field-province', '江苏');
      await choose(page, 'field-subject-nature', '企业');
      await page.fill('#field-subject-name', '杭州云栖示例科技有限');
      await choose(page, 'field-subject-certificate-type', '营业执照');
      await page.fill('#field-subject-certificate-number', typoCode);
      await page.fill('#field-subject-certificate-address', '浙江');
      await page.fill('#field-subject-mailingAddress', '江苏省南京市玄武区中山路1号');
      await page.fill('#field-subject-legalRepresentative', '张');
      await nextIsBlocked(page, ['CREDIT_CODE_INVALID']);
      await shot(page, 'wizard-blocked-desktop');
      expect((await client.get('/api/v1/orders')).json().total).toBe(0);
      // With the code right, its region shows the province was the mistake.
      await page.fill('#field-subject-certificate-number', right.certificate.number);
      await nextIsBlocked(page, ['CROSS_PROVINCE']);
      await choose(page, 'field-province', '浙江');
      await page.fill('#field-subject-name', right.name);
      await page.fill('#field-subject-certificate-address', right.certificate.address);
      await page.fill('#field-subject-mailingAddress', right.mailingAddress);
      await page.fill('#field-subject-legalRepresentative', right.legalRepresentative);
      await next(page, 1);
      const id = /orders\/([0-9a-f-]+)\/edit/.exec(page.url())![1]!;
      // Nothing after step 1 is ticked yet: with no leader there is no face check missing, but none was done either.
      await settled(page);
      await expect.poll(() => stepClasses(page)).toEqual(['finish', 'process', 'wait', 'wait', 'wait', 'wait']);

      // The issue's blocker: back on step 1 a saved typo in the credit code, then its correction, both save.
      await page.getByRole('button', { name: '上一步' }).click();
      await page.fill('#field-subject-certificate-number', typoCode);
      await saved(page);
      expect((await client.get(`/api/v1/orders/${id}`)).json().draft.subject.certificate.number).toBe(typoCode);
      await nextIsBlocked(page, ['CREDIT_CODE_INVALID']);
      await page.fill('#field-subject-certificate-number', right.certificate.number);
      await saved(page);
      await next(page, 1);

      // Step 2: every field wrong, saved as typed, then put right.
      const leader = right.leader;
      await page.fill('#field-subject-leader-name', '张');
      await choose(page, 'field-subject-leader-idType', '居民身份证');
      await page.fill('#field-subject-leader-idNumber', leader.idNumber.slice(0, 17) + (leader.idNumber.endsWith('1') ? '2' : '1'));
      await pickDate(page, 'field-subject-leader-idValidUntil', '2020-01-01');
      await page.fill('#field-subject-leader-mobile', '1380000001');
      await page.fill('#field-subject-leader-emergencyPhone', '12345');
      await page.fill('#field-subject-leader-email', 'zhangwei@yunqi-demo');
      await saved(page);
      await nextIsBlocked(page, ['LEADER_NOT_LEGAL_REP', 'ID_NUMBER_INVALID', 'ID_EXPIRES_TOO_SOON', 'MOBILE_INVALID', 'PHONE_INVALID', 'EMAIL_INVALID']);
      await page.fill('#field-subject-leader-name', leader.name);
      await page.fill('#field-subject-leader-idNumber', leader.idNumber);
      await pickDate(page, 'field-subject-leader-idValidUntil', leader.idValidUntil);
      await page.fill('#field-subject-leader-mobile', leader.mobile);
      await page.fill('#field-subject-leader-emergencyPhone', leader.emergencyPhone);
      await page.fill('#field-subject-leader-email', leader.email);
      await saved(page);
      await next(page, 2);

      // Step 3: the website, every field wrong, then right.
      const site = draft.services[0]!;
      const domain = site.domains[0]!;
      await page.fill('#field-services-0--name', '官网');
      await page.fill('#field-services-0--domains-0--name', 'yunqi-demo,cn');
      await page.fill('#field-services-0--domains-0--holder', '杭州云栖示例科技有限');
      await pickDate(page, 'field-services-0--domains-0--realNameVerifiedOn', '2027-10-01');
      await pickDate(page, 'field-services-0--domains-0--expiresOn', '2026-10-15');
      await page.fill('#field-services-0--access-serviceCode', site.access.serviceCode.slice(0, -1));
      await page.fill('#field-services-0--access-ips-0-', '47.96.1');
      await saved(page);
      await nextIsBlocked(page, ['SITE_NAME_TOO_SHORT', 'DOMAIN_INVALID', 'SERVICE_CODE_INVALID', 'IP_INVALID']);
      await page.fill('#field-services-0--name', site.name);
      await page.fill('#field-services-0--domains-0--name', domain.name);
      await page.fill('#field-services-0--domains-0--holder', domain.holder);
      await saved(page);
      // The domain is readable now: its expiry in the past is said as such.
      await page.locator('[data-finding="DOMAIN_EXPIRES_TOO_SOON"]').first().waitFor();
      await expect.poll(() => page.locator('[data-finding="DOMAIN_EXPIRES_TOO_SOON"]').first().textContent()).toContain('已于2026-10-15过期');
      await pickDate(page, 'field-services-0--domains-0--realNameVerifiedOn', domain.realNameVerifiedOn);
      await pickDate(page, 'field-services-0--domains-0--expiresOn', domain.expiresOn);
      await page.fill('#field-services-0--access-serviceCode', site.access.serviceCode);
      await page.fill('#field-services-0--access-ips-0-', site.access.ips[0]!);
      await choose(page, 'field-services-0--contentTypes-0-', '企业信息');
      await saved(page);
      await next(page, 3);

      // The first three steps are done and ticked; the materials step is not, until the uploads are there.
      await settled(page);
      await expect.poll(() => stepClasses(page)).toEqual(['finish', 'finish', 'finish', 'process', 'wait', 'wait']);
      await nextIsBlocked(page, []);
      expect(await page.getByTestId('step-blocked').textContent()).toContain('缺少材料');
      const saved_ = (await client.get(`/api/v1/orders/${id}`)).json().draft;
      expect(saved_.subject.leader.mobile).toBe(leader.mobile);
      expect(saved_.services[0].domains[0].expiresOn).toBe(domain.expiresOn);
      await context.close();
    }, 300_000);

    it('saves a typo and its correction on the fields the walk above leaves out: the certificate’s validity, a home page, a site’s own leader, an App', async () => {
      const { page, context } = await open();
      const client = await signedIn(page, 'more-typos@example.com');
      const id = (await client.post('/api/v1/orders', { draft: buildDraft({ creditBody: '91330106MA2B3C4K', domain: 'more-typos-demo.cn' }) })).json().id as string;
      const draftOf = async () => (await client.get(`/api/v1/orders/${id}`)).json().draft;

      // Step 1: the certificate's validity, typed as a date long past.
      await page.goto(`${base}/orders/${id}/edit?step=0`);
      await settled(page);
      await pickDate(page, 'field-subject-certificate-validUntil', '2020-01-01');
      await saved(page);
      expect((await draftOf()).subject.certificate.validUntil).toBe('2020-01-01');
      await nextIsBlocked(page, ['CERTIFICATE_EXPIRES_TOO_SOON']);
      await pickDate(page, 'field-subject-certificate-validUntil', '2040-12-31');
      await saved(page);
      await next(page, 1);
      await next(page, 2);

      // Step 3: a home page, the website's own leader and an App, each with typos.
      const siteLeaderId = withIdCheck('33010619920202005');
      await page.fill('#field-services-0--homepage', 'htps//www.more-typos-demo.cn');
      await page.getByText('网站负责人与主体负责人为同一人').click();
      await page.fill('#field-services-0--leader-name', '李娜');
      await page.fill('#field-services-0--leader-idNumber', siteLeaderId.slice(0, 17) + (siteLeaderId.endsWith('1') ? '2' : '1'));
      await pickDate(page, 'field-services-0--leader-idValidUntil', '2036-02-02');
      await page.fill('#field-services-0--leader-mobile', '1370000000');
      await page.fill('#field-services-0--leader-emergencyPhone', '13600000004');
      await page.fill('#field-services-0--leader-email', 'lina@more-typos-demo');
      await page.getByRole('button', { name: '添加 App / 小程序' }).click();
      await page.fill('#field-services-1--name', '云栖示例助手');
      await choose(page, 'field-services-1--app-platforms', 'Android');
      await page.keyboard.press('Escape');
      await page.fill('#field-services-1--app-packageName', 'not a package');
      await page.fill('#field-services-1--app-signatureMd5', 'xyz');
      await page.fill('#field-services-1--access-serviceCode', '32a43232-a888-48e8-b9ec-00888be8123');
      await page.fill('#field-services-1--access-ips-0-', '47.96.1.300');
      await saved(page);
      const typed = (await draftOf()).services;
      expect(typed[0].homepage).toBe('htps//www.more-typos-demo.cn');
      expect(typed[0].leader).toMatchObject({ name: '李娜', mobile: '1370000000', email: 'lina@more-typos-demo' });
      expect(typed[1]).toMatchObject({ kind: 'app', app: { platforms: ['android'], packageName: 'not a package', signatureMd5: 'xyz' } });
      await nextIsBlocked(page, ['ID_NUMBER_INVALID', 'MOBILE_INVALID', 'EMAIL_INVALID', 'APP_PACKAGE_INVALID', 'APP_SIGNATURE_INVALID', 'SERVICE_CODE_INVALID', 'IP_INVALID']);

      await page.fill('#field-services-0--homepage', 'https://www.more-typos-demo.cn/');
      await page.fill('#field-services-0--leader-idNumber', siteLeaderId);
      await page.fill('#field-services-0--leader-mobile', '13700000003');
      await page.fill('#field-services-0--leader-email', 'lina@more-typos-demo.cn');
      await page.fill('#field-services-1--app-packageName', 'cn.yunqi.helper');
      await page.fill('#field-services-1--app-signatureMd5', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
      await page.fill('#field-services-1--access-serviceCode', '32a43232-a888-48e8-b9ec-00888be81235');
      await page.fill('#field-services-1--access-ips-0-', '47.96.1.12');
      await saved(page);
      const corrected = (await draftOf()).services;
      expect(corrected[0].homepage).toBe('https://www.more-typos-demo.cn/');
      expect(corrected[0].leader).toMatchObject({ idNumber: siteLeaderId, mobile: '13700000003', email: 'lina@more-typos-demo.cn' });
      expect(corrected[1].app).toMatchObject({ packageName: 'cn.yunqi.helper', signatureMd5: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
      expect(corrected[1].access).toEqual({ serviceCode: '32a43232-a888-48e8-b9ec-00888be81235', ips: ['47.96.1.12'] });
      await next(page, 3);
      await context.close();
    }, 240_000);

    it('shows a refused save at its field and in a banner, never as a network failure, without retrying; the fix saves', async () => {
      const { page, context } = await open();
      // The page's timers run on a clock the test can move: "no retry loop" is checked without waiting for real.
      await page.clock.install();
      const client = await signedIn(page, 'refused@example.com');
      const id = (await client.post('/api/v1/orders', { draft: buildDraft({ creditBody: '91330106MA2B3C4H', domain: 'refused-demo.cn' }) })).json().id as string;
      await page.goto(`${base}/orders/${id}/edit`);
      await settled(page);
      let puts = 0;
      page.on('request', (request) => {
        if (request.method() === 'PUT' && request.url().endsWith(`/api/v1/orders/${id}`)) puts += 1;
      });
      // A whole page pasted into one field: the server keeps at most 2,000 characters in a field.
      await page.fill('#field-subject-mailingAddress', '浙江省杭州市'.repeat(400));
      await page.getByTestId('save-refused').waitFor();
      const item = page.locator('.ant-form-item', { has: page.locator('#field-subject-mailingAddress') });
      await expect.poll(() => item.locator('.ant-form-item-explain').textContent()).toContain('最多 2000 个字符');
      expect(await page.getByTestId('save-refused-banner').textContent()).toContain('通信地址');
      expect(await page.getByText('网络异常').count()).toBe(0);
      await shot(page, 'wizard-save-refused-desktop');
      const refusedPuts = puts;
      // Not retried in a loop: a minute later nothing more was sent; only the user's next edit saves again.
      await page.clock.runFor(60_000);
      expect(puts).toBe(refusedPuts);
      await page.fill('#field-subject-mailingAddress', '浙江省杭州市西湖区文三路100号');
      await saved(page);
      expect(await page.getByTestId('save-refused-banner').count()).toBe(0);
      expect((await client.get(`/api/v1/orders/${id}`)).json().draft.subject.mailingAddress).toBe('浙江省杭州市西湖区文三路100号');
      await context.close();
    }, 180_000);

    it('takes the uploads before the materials step is ticked', async () => {
      const { page, context } = await open();
      const client = await signedIn(page, 'uploads@example.com');
      const id = (await client.post('/api/v1/orders', { draft: buildDraft({ creditBody: '91330106MA2B3C4J', domain: 'uploads-demo.cn' }) })).json().id as string;
      await page.goto(`${base}/orders/${id}/edit?step=5`);
      await settled(page);
      // The submit page ticks nothing that is not done: no materials, no face check.
      await expect.poll(() => stepClasses(page)).toEqual(['finish', 'finish', 'finish', 'error', 'error', 'process']);
      await withBaseMaterials(client, id);
      await page.reload();
      await settled(page);
      await expect.poll(() => stepClasses(page)).toEqual(['finish', 'finish', 'finish', 'finish', 'finish', 'process']);
      await context.close();
    }, 120_000);

    it('honours ?next= at login, and after the session ends mid-form brings the user back to the page with what they typed', async () => {
      const { page, context } = await open();
      const client = await signedIn(page, 'return@example.com', '/resources');
      expect(new URL(page.url()).pathname).toBe('/resources');
      // Another site is never followed.
      await context.clearCookies();
      await page.goto(`${base}/login?next=${encodeURIComponent('//evil.example/')}`);
      await page.fill('#email', 'return@example.com');
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((url) => url.pathname === '/orders');

      const id = (await client.post('/api/v1/orders', { draft: buildDraft({ creditBody: '91330106MA2B3C4G', domain: 'return-demo.cn' }) })).json().id as string;
      await page.goto(`${base}/orders/${id}/edit?step=1`);
      await settled(page);
      // A week later the session has ended on the server; the next save finds out.
      await platform.advance(24 * 8);
      await page.fill('#field-subject-leader-email', 'zhang.wei@return-demo.cn');
      await page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/orders/${id}/edit?step=1`);
      await page.getByText('登录已过期').first().waitFor();
      await shot(page, 'login-expired-desktop');
      await page.fill('#email', 'return@example.com');
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((url) => url.pathname + url.search === `/orders/${id}/edit?step=1`);
      await expect.poll(() => page.inputValue('#field-subject-leader-email')).toBe('zhang.wei@return-demo.cn');
      await saved(page);
      await client.login('return@example.com', PASSWORD);
      expect((await client.get(`/api/v1/orders/${id}`)).json().draft.subject.leader.email).toBe('zhang.wei@return-demo.cn');
      await context.close();
    }, 180_000);

    it('shows the full summary and the promise before submitting, what was filed afterwards, and the SMS deadline and tries', async () => {
      const { page, context } = await open();
      const client = await signedIn(page, 'summary@example.com');
      const filing = buildDraft({ creditBody: '91330106MA2B3C4F', domain: 'summary-demo.cn', mobile: '13700000007' });
      const id = (await client.post('/api/v1/orders', { draft: filing })).json().id as string;
      await withBaseMaterials(client, id);
      await page.goto(`${base}/orders/${id}/edit?step=5`);
      await settled(page);
      const summary = page.getByTestId('filing-summary');
      await summary.waitFor();
      const text = (await summary.textContent())!;
      expect(text).toContain(filing.subject.name);
      expect(text).toContain(filing.subject.certificate.number);
      expect(text).toContain('summary-demo.cn');
      expect(text).toContain(filing.services[0]!.domains[0]!.registrar); // every filed field, not only the main ones
      expect(text).toContain(`实名认证日期${filing.services[0]!.domains[0]!.realNameVerifiedOn}`);
      expect(text).toContain('13700000007'); // the number that will get the SMS, whole, to be checked
      expect(text).not.toContain(filing.subject.leader.idNumber); // ID numbers masked
      expect(text).toContain(`${filing.subject.leader.idNumber.slice(0, 3)}***********${filing.subject.leader.idNumber.slice(-4)}`);
      expect(await page.locator('[data-testid="step-states"] [data-state="done"]').count()).toBe(5);
      const submit = page.getByRole('button', { name: '提交备案' });
      expect(await submit.isDisabled()).toBe(true);
      await page.getByTestId('promise').getByText('真实、准确、完整').waitFor();
      await page.getByTestId('promise-checkbox').click();
      await shot(page, 'wizard-submit-promise-desktop');
      await submit.click();
      await page.waitForURL((url) => url.pathname === `/orders/${id}`);
      const filed = page.getByTestId('filed-summary');
      await filed.waitFor();
      expect(await page.getByTestId('promise-made').textContent()).toContain('已于');
      const filedText = (await filed.textContent())!;
      expect(filedText).toContain('summary-demo.cn');
      expect(filedText).toContain('137****0007');
      expect(filedText).not.toContain('13700000007');

      // Approved by the provider, texted by the regulator: the deadline in the browser's time, the tries left.
      const reviewer = platform.client();
      await reviewer.login('reviewer@example.com', 'openbeian-demo');
      expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
      await platform.advance(24);
      // A day later the applicant's session has ended (2 idle hours): log in again, back to the order.
      await page.goto(`${base}/login?next=${encodeURIComponent(`/orders/${id}`)}`);
      await page.fill('#email', 'summary@example.com');
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((url) => url.pathname === `/orders/${id}`);
      const deadline = page.getByTestId('sms-deadline');
      await deadline.waitFor();
      expect(await deadline.textContent()).toMatch(/截止时间：.*\d{1,2}:\d{2}/);
      const timeline = await page.locator('.ant-timeline').textContent();
      expect(timeline!.match(/短信核验/g)?.length).toBe(1);
      const code = await smsCodeOf('13700000007');
      await page.getByLabel('13700000007 收到的验证码').fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: '核验' }).click();
      await page.getByText('还可尝试 4 次').first().waitFor();
      await shot(page, 'order-sms-wrong-code-desktop');
      await context.close();
    }, 240_000);

    it('on a phone: a menu on public pages and in the console that covers no breadcrumb, filed services as cards, the organisation query explained', async () => {
      // A filed subject for the account, through the API (review, SMS, the 管局's time).
      const owner = platform.client();
      await registerVerified(owner, 'phone@example.com', PASSWORD);
      await owner.login('phone@example.com', PASSWORD);
      const filing = buildDraft({ creditBody: '91330106MA2B3C4D1', domain: 'phone-demo.cn', mobile: '13600000006', leaderIdBody: '33010619900101004' });
      const id = await preparedOrder(owner, filing);
      await submitted(owner, id);
      const reviewer = platform.client();
      await reviewer.login('reviewer@example.com', 'openbeian-demo');
      expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
      await platform.advance(24);
      await owner.post('/api/v1/sim/regulator/sms-verify', { mobile: '13600000006', code: await smsCodeFor(owner, '13600000006') });
      await platform.advance(24 * 25);
      await owner.login('phone@example.com', PASSWORD);
      const subjectNumber = (await owner.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;

      const { page, context } = await open(PHONE, { isMobile: true });
      await page.goto(`${base}/`);
      await page.getByTestId('phone-menu-toggle').click();
      await page.locator('#phone-menu').getByRole('link', { name: '备案查询' }).click();
      await page.waitForURL((url) => url.pathname === '/query');
      await page.getByText('主办单位', { exact: true }).click();
      expect(await page.getByTestId('unit-hint').textContent()).toContain('至少 4 个字');
      await page.getByRole('searchbox').fill('杭州云栖');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByText(`${subjectNumber}-1`).waitFor();
      await shot(page, 'public-query-unit-phone');

      await page.getByTestId('phone-menu-toggle').click();
      await page.locator('#phone-menu').getByRole('link', { name: '登录' }).click();
      await page.fill('#email', 'phone@example.com');
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL((url) => url.pathname === '/orders');
      await page.goto(`${base}/filings/${encodeURIComponent(subjectNumber)}`);
      await page.getByTestId('filed-services-cards').waitFor();
      const toggle = (await page.getByTestId('phone-menu-toggle').boundingBox())!;
      const crumb = (await page.locator('.ant-breadcrumb').boundingBox())!;
      const overlaps = toggle.x < crumb.x + crumb.width && crumb.x < toggle.x + toggle.width && toggle.y < crumb.y + crumb.height && crumb.y < toggle.y + toggle.height;
      expect(overlaps).toBe(false);
      // Nothing scrolls sideways at 375 px.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'filing-services-phone');
      await page.getByTestId('phone-menu-toggle').click();
      await page.locator('#phone-menu').getByRole('link', { name: '我的备案订单' }).waitFor();
      await shot(page, 'console-menu-phone', false);
      await context.close();
    }, 240_000);

    it('raised no script errors on any page walked above', () => {
      expect(problems).toEqual([]);
    });
  },
);
