import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPrecheckCommand } from '../src/cli/precheck.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

/** Five different mistakes a first-time filer makes, each in its own field. */
function draftWithFiveMistakes() {
  const draft = buildDraft();
  draft.subject.certificate.number = '91330106MA2B3C4D5X'; // wrong check character
  draft.subject.leader.mobile = '1380000'; // too short
  draft.subject.leader.emergencyPhone = draft.subject.leader.mobile; // same as own mobile
  draft.services[0]!.domains[0]!.name = 'yunqi-demo.invalidtld'; // not an approved TLD
  draft.services[0]!.domains[0]!.expiresOn = '2026-12-01'; // expires in days
  return draft;
}

describe.each(testDatabases())('pre-check over HTTP on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('needs no login and points each of five mistakes at its field', async () => {
    const response = await platform.client().post('/api/v1/precheck', draftWithFiveMistakes());
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.ok).toBe(false);
    expect(body.province).toEqual({ code: '330000', name: '浙江省', icpPrefix: '浙' });
    const errors = (body.findings as { code: string; severity: string; path: string; message: { zh: string; en: string } }[]).filter((f) => f.severity === 'error');
    const byPath = Object.fromEntries(errors.map((f) => [f.path, f.code]));
    expect(byPath).toMatchObject({
      'subject.certificate.number': 'CREDIT_CODE_INVALID',
      'subject.leader.mobile': 'MOBILE_INVALID',
      'services[0].domains[0].name': 'DOMAIN_TLD_NOT_APPROVED',
      'services[0].domains[0].expiresOn': 'DOMAIN_EXPIRES_TOO_SOON',
    });
    expect(errors.some((f) => f.path === 'subject.leader.emergencyPhone')).toBe(true);
    for (const finding of errors) expect(finding.message.zh.length).toBeGreaterThan(4);
  });

  it('answers malformed drafts with findings, never an error status', async () => {
    for (const body of [null, [], 'text', { province: 42, services: 'many' }]) {
      const response = await platform.app.inject({ method: 'POST', url: '/api/v1/precheck', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect(response.statusCode, JSON.stringify(body)).toBe(200);
      expect(response.json().ok).toBe(false);
      expect(response.json().findings.length).toBeGreaterThan(0);
    }
  });

  it('is rate-limited per address', async () => {
    const client = platform.client();
    let last = 0;
    for (let i = 0; i < 121; i += 1) last = (await client.request('POST', '/api/v1/precheck', {}, { remoteAddress: '10.1.2.3' })).statusCode;
    expect(last).toBe(429);
    expect((await client.request('POST', '/api/v1/precheck', {}, { remoteAddress: '10.1.2.4' })).statusCode).toBe(200);
  });
});

describe('openbeian precheck FILE.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openbeian-precheck-'));
  const run = async (args: string[]) => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = await runPrecheckCommand(args);
    const printed = { stdout: out.mock.calls.map((c) => String(c[0])).join('\n'), stderr: err.mock.calls.map((c) => String(c[0])).join('\n') };
    out.mockRestore();
    err.mockRestore();
    return { code, ...printed };
  };

  it('prints the findings and exits 1 for a draft with errors', async () => {
    const file = join(dir, 'draft.json');
    writeFileSync(file, JSON.stringify(draftWithFiveMistakes()));
    const result = await run([file]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { code: string }) => f.code)).toContain('CREDIT_CODE_INVALID');
  });

  it('exits 2 with a clear message for a missing file or broken JSON', async () => {
    expect((await run([join(dir, 'nope.json')])).stderr).toContain('cannot read');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "province": ');
    const result = await run([broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not JSON');
  });
});
