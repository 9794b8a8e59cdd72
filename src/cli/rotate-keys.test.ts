import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditChainKeyOf } from '../core/audit.ts';
import { loadConfig } from '../core/config.ts';
import { runRotateKeys } from './rotate-keys.ts';

// The command: its arguments and its output; the rotation itself is tested through HTTP in test/key-rotation.test.ts.
describe('openbeian rotate-keys', () => {
  const old = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const ENV = { OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', OPENBEIAN_ENCRYPTION_KEY_ID: 'k2', OPENBEIAN_ENCRYPTION_OLD_KEYS: `k1:${old}` };
  const config = loadConfig(ENV);
  afterEach(() => vi.restoreAllMocks());

  it('prints the audit-chain key of an old encryption key, for OPENBEIAN_AUDIT_OLD_KEYS, and never the key itself', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    expect(await runRotateKeys(config, ['--audit-key', 'k1'])).toBe(0);
    expect(printed).toEqual([`k1:${auditChainKeyOf(Buffer.from(old, 'hex')).toString('hex')}`]);
    expect(printed[0]).not.toContain(old);
  });

  it.each([
    [['--audit-key', 'k9'], /configured encryption key \(k1, k2\)/],
    [['--batch-size', '0'], /whole number from 1/],
    [['--max-batches'], /whole number from 1/],
    [['--now'], /unknown option --now/],
  ])('refuses %j with a message and exit code 2', async (args, message) => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await runRotateKeys(config, args)).toBe(2);
    expect(errors.join('\n')).toMatch(message);
  });

  it('on a fresh install prints each table as done/total and says there is nothing under old keys', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-rotate-'));
    try {
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
      expect(await runRotateKeys(loadConfig({ ...ENV, OPENBEIAN_DATA_DIR: dataDir }), ['--batch-size', '10'])).toBe(0);
      expect(printed).toContain('orders: 0/0');
      expect(printed).toContain('rotate-keys: every sealed column and stored file is under k2: k1 can be removed from OPENBEIAN_ENCRYPTION_OLD_KEYS');
      expect(printed).toContain('rotate-keys: every look-up hash is under l1');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
