import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExportAllowlist } from '../src/cli/export-allowlist.ts';
import { loadConfig } from '../src/core/config.ts';
import { ALLOWLIST_FORMATS, exportAllowlist, renderAllowlist } from '../src/enforcement/index.ts';
import { testDatabases } from './support/databases.ts';
import { changeFiling } from './support/enforcement.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

function collect(): { sink: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe.each(testDatabases())('streamed allowlist exports on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    await changeFiling(platform, '浙ICP备2026012345号', { 'zeta.cn': 'connected', 'alpha.com': 'connected', 'shared.net': 'connected', 'gone.cn': 'revoked' });
    // A second subject holding one of the same domains: listed once.
    await changeFiling(platform, '浙ICP备2026000042号', { 'shared.net': 'connected', 'beta.com.cn': 'connected' });
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('writes every format sorted and without repeats, with the cursor of its snapshot', async () => {
    const sorted = ['alpha.com', 'beta.com.cn', 'shared.net', 'zeta.cn'];
    for (const format of ALLOWLIST_FORMATS) {
      const { sink, text } = collect();
      const snapshot = await exportAllowlist(platform.ctx.database, format, sink, { withCount: true });
      expect(text(), format).toBe(renderAllowlist(sorted, format));
      expect(snapshot.count).toBe(4);
      expect(snapshot.cursor).toBeGreaterThan(0);
    }
  });

  it.runIf(factory.kind === 'postgres')('writes the file for cron through a temporary file (openbeian export-allowlist)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openbeian-export-'));
    try {
      const out = join(dir, 'allow.map');
      const config = loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', DATABASE_URL: platform.ctx.database.pool.options.connectionString!, OPENBEIAN_DATA_DIR: dir });
      expect(await runExportAllowlist(config, ['--format', 'haproxy-map', '--out', out])).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe('alpha.com 1\nbeta.com.cn 1\nshared.net 1\nzeta.cn 1\n');
      expect(existsSync(`${out}.tmp`)).toBe(false);
      expect(await runExportAllowlist(config, ['--format', 'csv'])).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
