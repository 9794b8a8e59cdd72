import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { VirtualClock } from '../../src/core/clock.ts';
import { loadConfig } from '../../src/core/config.ts';
import { advanceVirtualClock, drainBackgroundWork } from '../../src/core/context.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import type { TestDatabaseFactory } from './databases.ts';
import { multipart } from './images.ts';

/** Monday 2026-11-23 10:00 in Shanghai: a working day inside business hours. */
export const TEST_START = new Date('2026-11-23T02:00:00Z');

export type TestPlatform = Platform & {
  clock: VirtualClock;
  dataDir: string;
  /**
   * A client that keeps its own cookies, like one browser. Sessions end after 2 idle hours (30 minutes for staff) on
   * the virtual clock, so by default a client whose session ended logs in again and retries, as its user would after
   * a day away; `{ relogin: false }` shows the 401 instead.
   */
  client(options?: { relogin?: boolean }): TestClient;
  drain(): Promise<void>;
  /** Moves the virtual clock and runs whatever fell due, as the background loop would. */
  advance(hours: number): Promise<void>;
};

/**
 * `start` sets the virtual clock elsewhere than TEST_START (it only moves forward), e.g. before a holiday.
 * `frozen` stops the clock from moving with real time, for tests that count what happens within a second (rate
 * limits) and must not depend on how fast a loaded machine runs them.
 */
export async function startTestPlatform(factory: TestDatabaseFactory, env: Record<string, string> = {}, options: { start?: Date; frozen?: boolean } = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-test-'));
  const config = loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', OPENBEIAN_DATA_DIR: dataDir, ...env });
  const frozenAt = new Date(0);
  const clock = new VirtualClock(options.frozen ? { now: () => frozenAt } : undefined, options.start ?? TEST_START);
  const database = await factory.open();
  const platform = await createPlatform(config, { database, clock, background: false });
  return {
    ...platform,
    clock,
    dataDir,
    client: (options) => new TestClient(platform, options?.relogin ?? true),
    drain: () => drainBackgroundWork(platform.ctx),
    advance: async (hours: number) => {
      await advanceVirtualClock(platform.ctx, hours * 3600_000);
    },
    async stop() {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type RequestOptions = { headers?: Record<string, string>; remoteAddress?: string };

export class TestClient {
  private cookies = new Map<string, string>();
  private credentials: { email: string; password: string } | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly isReloginOn = true,
  ) {}

  async request(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const response = await this.send(method, url, body, options);
    if (url === '/api/v1/auth/logout') this.credentials = null;
    const isSessionOver = response.statusCode === 401 && this.credentials && this.isReloginOn && url !== '/api/v1/auth/login';
    if (!isSessionOver || !response.body.includes('"UNAUTHENTICATED"')) return response;
    const { email, password } = this.credentials!;
    const again = await this.send('POST', '/api/v1/auth/login', { email, password }, {});
    return again.statusCode === 200 ? this.send(method, url, body, options) : response;
  }

  private async send(method: string, url: string, body: unknown, options: RequestOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.platform.app.inject({
      method: method as 'GET',
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: { ...(cookie ? { cookie } : {}), ...options.headers },
      remoteAddress: options.remoteAddress,
    });
    // As a browser would: a cookie goes when it is emptied or its lifetime is over on the wall clock.
    for (const set of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const isOver = set.maxAge !== undefined ? set.maxAge <= 0 : set.expires !== undefined && set.expires.getTime() < Date.now();
      if (set.value === '' || isOver) this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    return response;
  }

  get = (url: string, options?: RequestOptions) => this.request('GET', url, undefined, options);
  post = (url: string, body?: unknown, options?: RequestOptions) => this.request('POST', url, body ?? {}, options);
  put = (url: string, body?: unknown, options?: RequestOptions) => this.request('PUT', url, body, options);

  /** Multipart upload of one file plus text fields, as a browser form would send it. */
  async upload(url: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }): Promise<LightMyRequestResponse> {
    const form = multipart(fields, file);
    return this.request('POST', url, form.body, { headers: { 'content-type': form.contentType } });
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/v1/auth/login', { email, password });
    if (response.statusCode === 200) this.credentials = { email, password };
    return response;
  }

  get hasSession(): boolean {
    return this.cookies.has('ob_session');
  }
}
