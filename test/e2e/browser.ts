import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/accounts/index.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Test runs keep their screenshots out of git; UPDATE_SCREENSHOTS=1 refreshes the ones in docs/. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(process.cwd(), 'docs', 'screenshots')
  : join(process.cwd(), '.test-results', 'screenshots');

/** Debian's Chromium, never a downloaded one; the flags keep it off a network this machine does not have, in Chinese. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--lang=zh-CN',
      // Chromium's built-in test camera (a moving pattern), allowed without a prompt: the face step's webcam path.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

/**
 * Signs in through the login page, as a person does, and waits until the console has moved on: to `landing` when the
 * test checks where a role lands, else anywhere but /login. The password defaults to the demo accounts' one.
 */
export async function logIn(
  page: Page,
  base: string,
  email: string,
  password = DEMO_PASSWORD,
  landing: Parameters<Page['waitForURL']>[0] = (url) => !url.pathname.startsWith('/login'),
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(landing);
}

/**
 * The browser tests need the built console; build it once if this checkout has none. The build runs as a child
 * process the worker awaits: a synchronous build blocks the worker's event loop, and on a loaded machine (a build
 * takes over a minute there) vitest's worker-to-runner messages time out and fail the run. Workers that need it at
 * the same time take turns through a lock directory, so only one builds and the others find the build fresh.
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = join(process.cwd(), 'web', '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than ten minutes was left by a killed run.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (isBuildFresh()) return;
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (status !== 0) throw new Error('vite build failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isBuildFresh(): boolean {
  const built = join(process.cwd(), 'web', 'dist', 'index.html');
  return existsSync(built) && newestSource(join(process.cwd(), 'web', 'src')) < statSync(built).mtimeMs;
}

/** The console's sources: a build older than any of them is rebuilt, so the tests never drive stale code. */
function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      return stat.isDirectory() ? newestSource(path) : stat.mtimeMs;
    }),
  );
}
