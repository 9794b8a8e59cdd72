import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/core/audit.ts';
import { recordSweepObservations } from '../../src/compliance/index.ts';
import { testDatabases } from '../support/databases.ts';
import { OWNER, filedSubjectOf } from '../support/compliance.ts';
import { applicantClient, staffClient } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { axeViolations } from './axe.ts';
import { ensureWebBuild, hasChromium, launchBrowser, logIn } from './browser.ts';

const SUBJECT = '浙ICP备2026051234号';

describe.skipIf(!hasChromium)('the compliance console in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await ensureWebBuild();
    platform = await startTestPlatform(testDatabases()[0]!);
    await applicantClient(platform, OWNER);
    await staffClient(platform, 'compliance@example.com');
    await filedSubjectOf(platform, OWNER, SUBJECT, ['yunqi-demo.cn', 'yunqi-shop.cn']);
    await platform.ctx.db.transaction().execute((tx) =>
      recordSweepObservations(tx, platform.ctx.clock.now(), SYSTEM_ACTOR, { kind: 'dns', id: null }, [
        { domain: 'yunqi-demo.cn', subjectNumber: SUBJECT, serviceNumber: `${SUBJECT}-1`, outcome: 'checked', observations: [{ code: 'SHELL_SITE', evidence: { answers: ['203.0.113.9'] } }] },
      ]),
    );
    await platform.drain();
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function loggedIn(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    await logIn(page, base, email, password);
    return page;
  }

  it('shows the owner the finding, lets the officer revoke the shell site from the queue, and the check then answers 403', async () => {
    const owner = await loggedIn(OWNER, 'correct horse');
    await owner.goto(`${base}/filings/${encodeURIComponent(SUBJECT)}`);
    const card = owner.getByTestId('owner-findings');
    await card.getByText('空壳网站').first().waitFor();
    expect(await card.innerText()).toContain('请于');
    expect(await card.innerText()).toContain('203.0.113.9');
    await owner.context().close();

    const officer = await loggedIn('compliance@example.com', 'openbeian-demo');
    await officer.goto(`${base}/compliance/findings`);
    const row = officer.getByRole('row', { name: /yunqi-demo\.cn/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('待整改');
    expect(await axeViolations(officer)).toEqual([]);
    await row.getByRole('button', { name: '取消接入' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.locator('textarea').fill('空壳网站，客户确认已迁走');
    await dialog.getByRole('button', { name: '取消接入' }).click();
    await officer.getByText('已处理').waitFor();

    await platform.drain();
    const check = await fetch(`${base}/api/v1/enforcement/check?host=www.yunqi-demo.cn`);
    expect(check.status).toBe(403);

    // The filing's compliance history shows the finding revoked and the revocation.
    await officer.goto(`${base}/compliance/filings/${encodeURIComponent(SUBJECT)}`);
    await officer.getByText('空壳网站，客户确认已迁走').first().waitFor();
    expect(await officer.locator('body').innerText()).toContain('已取消接入');
    await officer.context().close();

    // The owner finds both notices in the console inbox, beside the SMS and e-mail.
    const back = await loggedIn(OWNER, 'correct horse');
    await back.goto(`${base}/notices`);
    await back.getByText('网站已被取消接入').waitFor();
    expect(await back.locator('body').innerText()).toContain('合规核查：空壳网站');
    expect(await axeViolations(back)).toEqual([]);
    await back.context().close();
  }, 240_000);
});
