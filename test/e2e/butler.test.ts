import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/accounts/index.ts';
import { testDatabases } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { registerVerified } from '../support/journey.ts';
import { axeViolations } from './axe.ts';
import { SCREENSHOTS, ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };
const PASSWORD = 'correct horse';
const BUTLER = ['butler@example.com', 'openbeian-demo'] as const;

const SKIPPED = 'skipped: /usr/bin/chromium is not installed (apt-get install chromium)';
if (!hasChromium) console.warn(`butler browser tests ${SKIPPED}`);
describe.skipIf(!hasChromium)(
  hasChromium ? 'the butler service in Chromium' : `the butler service in Chromium — ${SKIPPED}`,
  () => {
    let platform: TestPlatform;
    let browser: Browser;
    let base: string;
    let ticketId = '';
    const problems: string[] = [];

    beforeAll(async () => {
      await ensureWebBuild();
      mkdirSync(SCREENSHOTS, { recursive: true });
      platform = await startTestPlatform(testDatabases()[0]!);
      await seedDemoAccounts(platform.ctx);
      await registerVerified(platform.client(), 'walker@example.com', PASSWORD);
      // Friday 2026-11-27 at 18:05 in Beijing: business hours are over until Monday.
      await platform.advance((Date.parse('2026-11-27T18:05:00+08:00') - platform.clock.now().getTime()) / 3_600_000);
      await platform.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
      browser = await launchBrowser();
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await platform?.stop();
    });

    async function open(size = DESKTOP): Promise<{ page: Page; context: BrowserContext }> {
      // The browser's own clock stays today's: only the server's (virtual) clock says it is Friday evening.
      const context = await browser.newContext({ viewport: size, isMobile: size === PHONE, locale: 'zh-CN', timezoneId: 'Europe/Berlin' });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
      });
      return { page, context };
    }

    it('opens a request on Friday evening and says when the butler will call: the next workday, with a countdown on the server’s clock', async () => {
      const { page, context } = await open();
      await logIn(page, base, 'walker@example.com', PASSWORD, /\/orders$/);
      await page.getByRole('link', { name: '资质管家' }).click();
      await page.waitForURL(/\/butler$/);

      // A number that is no mobile is refused under its field before anything is sent.
      await page.fill('#note', '公司官网首次备案，想请管家代办');
      await page.fill('#contactMobile', '2380000');
      await page.click('button[type=submit]');
      await expect.poll(() => page.locator('#contactMobile_help').textContent()).toContain('11 位手机号');
      await page.fill('#contactMobile', '137 0000 1111');
      await page.click('button[type=submit]');
      await page.waitForURL(/\/butler\/tickets\//);
      ticketId = page.url().split('/').at(-1)!;

      const words = page.getByTestId('response-words');
      await expect.poll(() => words.textContent()).toBe('下一个工作日（11月30日周一）10:00 前回电');
      // Friday 18:05 → Monday 10:00 is 2 days 15 h 55 min, whatever the browser's own date is.
      await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/剩余 2 天 15:5\d:\d\d/);
      await expect.poll(() => page.textContent('main')).toContain('当前为非工作时间');
      await page.screenshot({ path: join(SCREENSHOTS, 'butler-ticket-open.png'), fullPage: true, animations: 'disabled' });

      await page.getByRole('button', { name: /English/ }).click();
      await expect.poll(() => words.textContent()).toBe('We will call you on the next workday (Mon 30 Nov) before 10:00');
      await page.getByRole('button', { name: /中文/ }).click();
      await context.close();

      // On a phone the same words, and nothing wider than the screen.
      const phone = await open(PHONE);
      await logIn(phone.page, base, 'walker@example.com', PASSWORD, /\/orders$/);
      await phone.page.goto(`${base}/butler/tickets/${ticketId}`);
      await expect.poll(() => phone.page.getByTestId('response-words').textContent()).toContain('10:00 前回电');
      expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await phone.page.screenshot({ path: join(SCREENSHOTS, 'butler-ticket-phone.png'), fullPage: true, animations: 'disabled' });
      await phone.context.close();
    }, 180_000);

    it('lands the butler on its queue, where it answers the request; the customer then confirms after the no-refund notice', async () => {
      const { page, context } = await open();
      await logIn(page, base, ...BUTLER, /\/butler$/);
      const row = page.locator('tr', { hasText: '137****1111' });
      await expect.poll(() => row.getByTestId('clock-tag').textContent()).toMatch(/^剩余 2 天/);
      await page.screenshot({ path: join(SCREENSHOTS, 'butler-queue.png'), fullPage: true, animations: 'disabled' });
      await row.getByTestId('ticket-respond').click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('13700001111');
      await dialog.locator('textarea').fill('已电话沟通，客户需要首次备案代办');
      await dialog.getByRole('button', { name: '已联系客户' }).click();
      await expect.poll(() => row.textContent()).toContain('待客户确认服务');
      await expect.poll(() => row.textContent()).toContain('首次联系：已完成');
      await context.close();

      const customer = await open();
      await logIn(customer.page, base, 'walker@example.com', PASSWORD, /\/orders$/);
      await customer.page.goto(`${base}/butler/tickets/${ticketId}`);
      await expect.poll(() => customer.page.getByTestId('no-refund-notice').textContent()).toContain('不予退款');
      await customer.page.getByTestId('ticket-confirm').click();
      const confirm = customer.page.getByRole('dialog');
      await confirm.getByRole('button', { name: /确认服务/ }).click();
      await expect.poll(() => confirm.textContent()).toContain('请先勾选同意');
      await customer.page.getByTestId('agree-no-refund').check();
      await confirm.getByRole('button', { name: /确认服务/ }).click();
      await expect.poll(() => customer.page.textContent('main')).toContain('已确认，不予退款');
      await expect.poll(() => customer.page.textContent('main')).toContain('前完成材料收集、加工与上传');
      await customer.context.close();
    }, 180_000);

    it('meets WCAG 2.1 A and AA on the butler pages, at desktop and phone widths', async () => {
      const pages: { who?: readonly [string, string]; paths: string[] }[] = [
        { paths: ['/isp-licence'] },
        { who: ['walker@example.com', PASSWORD], paths: ['/butler', `/butler/tickets/${ticketId}`, '/isp-licence'] },
        { who: BUTLER, paths: ['/butler', `/butler/tickets/${ticketId}`] },
      ];
      const violations: string[] = [];
      for (const size of [DESKTOP, PHONE]) {
        for (const { who, paths } of pages) {
          const { page, context } = await open(size);
          if (who) await logIn(page, base, who[0], who[1], /\/(orders|butler)$/);
          for (const path of paths) {
            await page.goto(`${base}${path}`);
            await page.waitForLoadState('networkidle');
            if (path === '/isp-licence') {
              await page.fill('#capitalWan', '500');
              await page.click('input[value=nationwide]');
              await page.click('button[type=submit]');
              await page.waitForSelector('[role=status]');
            }
            for (const v of await axeViolations(page)) violations.push(`${size.width}px ${path}: ${v}`);
          }
          await context.close();
        }
      }
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    }, 240_000);
  },
);
