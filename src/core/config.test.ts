import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const KEY = 'a'.repeat(64);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts in demo mode on port 3000 with the embedded database when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, mode: 'demo', databaseUrl: undefined, dataDir: './data', seedDemo: true });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ OPENBEIAN_MODE: 'staging' }, 'OPENBEIAN_MODE'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ OPENBEIAN_ENCRYPTION_KEY: 'short' }, 'OPENBEIAN_ENCRYPTION_KEY'],
    [{ OPENBEIAN_MAIL: 'smtp' }, 'OPENBEIAN_SMTP_URL'],
    [{ OPENBEIAN_FACE_VERIFIER: 'http' }, 'OPENBEIAN_FACE_URL'],
  ])('names the variable when %o is wrong', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.some((p) => p.startsWith(variable))).toBe(true);
  });

  it('refuses production without an encryption key', () => {
    expect(problemsOf({ OPENBEIAN_MODE: 'production' })).toEqual([
      'OPENBEIAN_ENCRYPTION_KEY: required in production mode (64 hex characters)',
    ]);
  });

  it('refuses production with demo accounts', () => {
    const problems = problemsOf({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: KEY, OPENBEIAN_SEED_DEMO: 'true' });
    expect(problems).toEqual(['OPENBEIAN_SEED_DEMO: demo accounts are not allowed in production mode']);
  });

  it('starts production with a key, no dev tools and no demo accounts', () => {
    const config = loadConfig({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: KEY });
    expect(config.isDevMode).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.encryption.keys.k1).toEqual(Buffer.from(KEY, 'hex'));
  });

  it('requires issued service codes in production only, unless told otherwise', () => {
    expect(loadConfig({}).requireServiceCodes).toBe(false);
    expect(loadConfig({ OPENBEIAN_MODE: 'test' }).requireServiceCodes).toBe(false);
    expect(loadConfig({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: KEY }).requireServiceCodes).toBe(true);
    expect(loadConfig({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: KEY, OPENBEIAN_REQUIRE_SERVICE_CODES: 'false' }).requireServiceCodes).toBe(false);
    expect(loadConfig({ OPENBEIAN_REQUIRE_SERVICE_CODES: 'true' }).requireServiceCodes).toBe(true);
    expect(problemsOf({ OPENBEIAN_REQUIRE_SERVICE_CODES: 'yes' }).some((p) => p.startsWith('OPENBEIAN_REQUIRE_SERVICE_CODES'))).toBe(true);
  });

  it('keeps old keys for reading rotated data', () => {
    const config = loadConfig({ OPENBEIAN_ENCRYPTION_KEY: KEY, OPENBEIAN_ENCRYPTION_KEY_ID: 'k2', OPENBEIAN_ENCRYPTION_OLD_KEYS: `k1:${'b'.repeat(64)}` });
    expect(Object.keys(config.encryption.keys).sort()).toEqual(['k1', 'k2']);
    expect(config.encryption.currentKeyId).toBe('k2');
  });

  it('sends links to where it listens unless told a public address', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', OPENBEIAN_PUBLIC_URL: 'https://beian.example.com/' }).publicUrl).toBe('https://beian.example.com');
  });
});
