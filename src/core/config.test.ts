import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { SAFE_PRODUCTION_ENV as SAFE_PRODUCTION } from './safe-production-env.ts';
import { SMS_TEMPLATES } from '../notify/sms-templates.ts';

const KEY = SAFE_PRODUCTION.OPENBEIAN_ENCRYPTION_KEY;

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
    const { OPENBEIAN_ENCRYPTION_KEY: _key, ...withoutKey } = SAFE_PRODUCTION;
    expect(problemsOf(withoutKey)).toEqual(['OPENBEIAN_ENCRYPTION_KEY: required in production mode (64 hex characters)']);
  });

  it('refuses production with demo accounts', () => {
    const problems = problemsOf({ ...SAFE_PRODUCTION, OPENBEIAN_SEED_DEMO: 'true' });
    expect(problems).toEqual(['OPENBEIAN_SEED_DEMO: demo accounts are not allowed in production mode']);
  });

  it('starts production with real vendors, a strong key, no dev tools and no demo accounts', () => {
    const config = loadConfig(SAFE_PRODUCTION);
    expect(config.isDevMode).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.encryption.keys.k1).toEqual(Buffer.from(KEY, 'hex'));
    expect(config.regulator).toEqual({ adapter: 'http', pollSeconds: 30, settings: { URL: 'https://regulator-gateway.internal', KEY: 'gateway-key' } });
  });

  it('lists every unsafe production setting at once, each with its variable', () => {
    const problems = problemsOf({ OPENBEIAN_MODE: 'production', OPENBEIAN_ENCRYPTION_KEY: '0'.repeat(64) });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'OPENBEIAN_REGULATOR',
      'OPENBEIAN_FACE_VERIFIER',
      'OPENBEIAN_SMS',
      'OPENBEIAN_MAIL',
      'DATABASE_URL',
      'OPENBEIAN_ENCRYPTION_KEY',
      'OPENBEIAN_LOOKUP_KEY',
      'OPENBEIAN_PUBLIC_URL',
    ]);
    expect(problems.join('\n')).toMatch(/simulator is for demo and test mode/);
    expect(problems.join('\n')).toMatch(/demo verifier passes any photo/);
  });

  it('lists a malformed value together with the unsafe ones', () => {
    const problems = problemsOf({ ...SAFE_PRODUCTION, PORT: 'eighty', OPENBEIAN_SMS: 'outbox', OPENBEIAN_PUBLIC_URL: 'http://beian.provider.example' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['OPENBEIAN_PUBLIC_URL', 'OPENBEIAN_SMS', 'PORT']);
  });

  it('names a wrong value once, not again as unsafe', () => {
    expect(problemsOf({ ...SAFE_PRODUCTION, OPENBEIAN_FACE_VERIFIER: 'vendor' }).filter((p) => p.startsWith('OPENBEIAN_FACE_VERIFIER'))).toHaveLength(1);
  });

  it.each([
    ['the development key published in config.ts', '6f70656e626569616e2d646576656c6f706d656e742d6b65792d6e6f742d7365', /development key/],
    ['all zeros', '0'.repeat(64), /repeats a 1-character pattern/],
    ['a repeated pattern', 'deadbeef'.repeat(8), /repeats a 8-character pattern/],
    ['a counting sequence', '0123456789abcdef'.repeat(4), /repeats/],
    ['two halves of one digit each', '1'.repeat(32) + '2'.repeat(32), /bits each/],
    ['text written as hex', Buffer.from('correct horse battery staple!!!!').toString('hex'), /different bytes|text written as hex/],
  ])('refuses %s as the production encryption key', (_what, key, reason) => {
    const problems = problemsOf({ ...SAFE_PRODUCTION, OPENBEIAN_ENCRYPTION_KEY: key });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OPENBEIAN_ENCRYPTION_KEY: /);
    expect(problems[0]).toMatch(reason);
  });

  it('accepts random keys in production', () => {
    for (const key of [KEY, 'b7e3904c2d5f18a6e0c94b3d7f12a85e6c0d4f9b31a7e25c8d06f4b9a3e17c52']) {
      expect(problemsOf({ ...SAFE_PRODUCTION, OPENBEIAN_ENCRYPTION_KEY: key })).toEqual([]);
    }
  });

  it('allows the simulator, the demo vendors and the embedded database outside production', () => {
    for (const mode of ['demo', 'test']) {
      const config = loadConfig({ OPENBEIAN_MODE: mode });
      expect(config.regulator.adapter).toBe('simulator');
      expect(config.face.adapter).toBe('demo');
    }
  });

  it('gives the adapter its own OPENBEIAN_REGULATOR_* settings, and the platform its poll interval', () => {
    const config = loadConfig({ OPENBEIAN_REGULATOR: './zj-link.js', OPENBEIAN_REGULATOR_POLL_SECONDS: '5', OPENBEIAN_REGULATOR_APP_ID: 'zj-1', OPENBEIAN_REGULATOR_CERT: '/etc/zj.pem' });
    expect(config.regulator).toEqual({ adapter: './zj-link.js', pollSeconds: 5, settings: { APP_ID: 'zj-1', CERT: '/etc/zj.pem' } });
    expect(problemsOf({ OPENBEIAN_REGULATOR_POLL_SECONDS: '0' }).some((p) => p.startsWith('OPENBEIAN_REGULATOR_POLL_SECONDS'))).toBe(true);
  });

  it('requires issued service codes in production only, unless told otherwise', () => {
    expect(loadConfig({}).requireServiceCodes).toBe(false);
    expect(loadConfig({ OPENBEIAN_MODE: 'test' }).requireServiceCodes).toBe(false);
    expect(loadConfig(SAFE_PRODUCTION).requireServiceCodes).toBe(true);
    expect(loadConfig({ ...SAFE_PRODUCTION, OPENBEIAN_REQUIRE_SERVICE_CODES: 'false' }).requireServiceCodes).toBe(false);
    expect(loadConfig({ OPENBEIAN_REQUIRE_SERVICE_CODES: 'true' }).requireServiceCodes).toBe(true);
    expect(problemsOf({ OPENBEIAN_REQUIRE_SERVICE_CODES: 'yes' }).some((p) => p.startsWith('OPENBEIAN_REQUIRE_SERVICE_CODES'))).toBe(true);
  });

  it('reads the compliance sweep settings: resolver with or without a port, access networks, RDAP', () => {
    const config = loadConfig({ OPENBEIAN_DNS_RESOLVER: '127.0.0.1:5353', OPENBEIAN_ACCESS_CIDRS: '203.0.113.0/24, 2001:db8::/32', OPENBEIAN_RDAP_URL: 'http://127.0.0.1:9/rdap/' });
    expect(config.compliance.dnsResolver).toEqual({ host: '127.0.0.1', port: 5353 });
    expect(config.compliance.accessCidrs).toEqual(['203.0.113.0/24', '2001:db8::/32']);
    expect(config.compliance.rdapUrl).toBe('http://127.0.0.1:9/rdap/');
    expect(loadConfig({ OPENBEIAN_DNS_RESOLVER: '[::1]:53' }).compliance.dnsResolver).toEqual({ host: '::1', port: 53 });
    expect(loadConfig({ OPENBEIAN_DNS_RESOLVER: 'ns.example.cn' }).compliance.dnsResolver).toEqual({ host: 'ns.example.cn', port: 53 });
    expect(loadConfig({}).compliance.accessCidrs).toEqual([]);
    expect(() => loadConfig({ OPENBEIAN_ACCESS_CIDRS: 'everything' })).toThrow(/OPENBEIAN_ACCESS_CIDRS/);
  });

  it('refuses access networks that look like CIDRs but are not, and reads the sweep runner and DNS time-out settings', () => {
    expect(() => loadConfig({ OPENBEIAN_ACCESS_CIDRS: '47.96.0.0/16,999.1.1.0/24' })).toThrow('OPENBEIAN_ACCESS_CIDRS: 999.1.1.0/24 is not a CIDR');
    expect(() => loadConfig({ OPENBEIAN_ACCESS_CIDRS: '10.0.0.0/33' })).toThrow('10.0.0.0/33 is not a CIDR');
    expect(() => loadConfig({ OPENBEIAN_ACCESS_CIDRS: '47.96.0.1' })).toThrow('47.96.0.1 is not a CIDR');
    expect(loadConfig({}).compliance).toMatchObject({ sweepBatchSize: undefined, dnsTimeoutMs: 2000, dnsTries: 2 });
    expect(loadConfig({ OPENBEIAN_SWEEP_BATCH_SIZE: '50', OPENBEIAN_DNS_TIMEOUT_MS: '300', OPENBEIAN_DNS_TRIES: '1' }).compliance).toMatchObject({ sweepBatchSize: 50, dnsTimeoutMs: 300, dnsTries: 1 });
    expect(() => loadConfig({ OPENBEIAN_SWEEP_BATCH_SIZE: '0' })).toThrow(/OPENBEIAN_SWEEP_BATCH_SIZE/);
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

  // Delivery (issue 10): pooled SMTP and the signed SMS gateway.
  it('pools SMTP with a timeout, 3 connections and 10 s unless told', () => {
    expect(loadConfig({}).mail).toMatchObject({ poolSize: 3, timeoutMs: 10_000 });
    expect(loadConfig({ OPENBEIAN_SMTP_POOL_SIZE: '5', OPENBEIAN_SMTP_TIMEOUT_MS: '2500' }).mail).toMatchObject({ poolSize: 5, timeoutMs: 2500 });
    expect(problemsOf({ OPENBEIAN_SMTP_POOL_SIZE: '0', OPENBEIAN_SMTP_TIMEOUT_MS: 'soon' }).map((p) => p.split(':')[0])).toEqual(['OPENBEIAN_SMTP_POOL_SIZE', 'OPENBEIAN_SMTP_TIMEOUT_MS']);
  });

  const SIGNED = { OPENBEIAN_SMS: 'signed', OPENBEIAN_SMS_URL: 'https://sms.example.cn/send', OPENBEIAN_SMS_KEY: 'k'.repeat(32), OPENBEIAN_SMS_KEY_ID: 'ob-1', OPENBEIAN_SMS_SIGN_NAME: '某某云' };

  it('reads the SMS templates as kind=CODE pairs or a JSON file, with * for the rest', async () => {
    expect(loadConfig({ ...SIGNED, OPENBEIAN_SMS_TEMPLATES: 'order.approved=SMS_1, *=SMS_0' }).sms).toMatchObject({ adapter: 'signed', keyId: 'ob-1', signName: '某某云', templates: { 'order.approved': 'SMS_1', '*': 'SMS_0' } });
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'sms-templates-')), 'templates.json');
    writeFileSync(file, JSON.stringify({ 'order.approved': 'SMS_1', regulator_sms_code: 'SMS_2' }));
    expect(loadConfig({ ...SIGNED, OPENBEIAN_SMS_TEMPLATES: file }).sms.templates).toEqual({ 'order.approved': 'SMS_1', regulator_sms_code: 'SMS_2' });
  });

  it.each([
    ['order.approved=', 'bad template code'],
    ['Order Approved=SMS_1', 'bad message kind'],
    ['order.approved=SMS_1,order.approved=SMS_2', 'given twice'],
    ['/nowhere/templates.json', 'reading /nowhere/templates.json'],
  ])('refuses the templates %s, naming the variable', (templates, text) => {
    const problems = problemsOf({ ...SIGNED, OPENBEIAN_SMS_TEMPLATES: templates });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OPENBEIAN_SMS_TEMPLATES: /);
    expect(problems[0]).toContain(text);
  });

  it('needs the key, its id, the 签名 and the templates for a signed gateway, and takes it in production', () => {
    expect(problemsOf({ OPENBEIAN_SMS: 'signed' }).map((p) => p.split(':')[0])).toEqual(['OPENBEIAN_SMS_URL', 'OPENBEIAN_SMS_KEY', 'OPENBEIAN_SMS_KEY_ID', 'OPENBEIAN_SMS_SIGN_NAME', 'OPENBEIAN_SMS_TEMPLATES']);
    expect(problemsOf({ ...SIGNED, OPENBEIAN_SMS_KEY: 'short', OPENBEIAN_SMS_TEMPLATES: '*=SMS_0' })).toEqual(['OPENBEIAN_SMS_KEY: must be at least 16 characters when OPENBEIAN_SMS=signed']);
    expect(problemsOf({ ...SAFE_PRODUCTION, ...SIGNED, OPENBEIAN_SMS_TEMPLATES: '*=SMS_0' })).toEqual([]);
  });

  it('refuses production with a signed gateway while a kind the platform texts has no template code, naming them', () => {
    const all = Object.keys(SMS_TEMPLATES).map((kind, i) => `${kind}=SMS_${i}`);
    expect(problemsOf({ ...SAFE_PRODUCTION, ...SIGNED, OPENBEIAN_SMS_TEMPLATES: all.join(',') })).toEqual([]);
    const [problem, ...others] = problemsOf({ ...SAFE_PRODUCTION, ...SIGNED, OPENBEIAN_SMS_TEMPLATES: all.filter((pair) => !pair.startsWith('order.approved=') && !pair.startsWith('filing.claim_code=')).join(',') });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^OPENBEIAN_SMS_TEMPLATES: no template code for order\.approved, filing\.claim_code;/);
    // Outside production a missing kind only fails that message when it is sent.
    expect(problemsOf({ ...SIGNED, OPENBEIAN_SMS_TEMPLATES: 'order.approved=SMS_1' })).toEqual([]);
  });

  // Key rotation (issue 10): a separate, versioned look-up key.
  it('uses a labelled development look-up key outside production, apart from the encryption key', () => {
    const config = loadConfig({});
    expect(config.lookup.currentKeyId).toBe('l1');
    expect(config.lookup.keys.l1!.toString('utf8')).toBe('openbeian-development-lookup-key');
    expect(config.lookup.keys.l1).not.toEqual(config.encryption.keys.k1);
  });

  it('keeps old look-up keys and audit-chain keys beside the current one', () => {
    const config = loadConfig({ OPENBEIAN_LOOKUP_KEY: SAFE_PRODUCTION.OPENBEIAN_LOOKUP_KEY, OPENBEIAN_LOOKUP_KEY_ID: 'l2', OPENBEIAN_LOOKUP_OLD_KEYS: `l1:${'c'.repeat(64)}`, OPENBEIAN_AUDIT_OLD_KEYS: `k0:${'d'.repeat(64)}` });
    expect(config.lookup.currentKeyId).toBe('l2');
    expect(Object.keys(config.lookup.keys).sort()).toEqual(['l1', 'l2']);
    expect(config.auditOldKeys.k0).toEqual(Buffer.from('d'.repeat(64), 'hex'));
    expect(problemsOf({ OPENBEIAN_LOOKUP_OLD_KEYS: 'l1' })).toEqual([expect.stringMatching(/^OPENBEIAN_LOOKUP_OLD_KEYS: must be id:hex pairs/)]);
  });

  it.each([
    ['missing', undefined, /required in production mode/],
    ['the development look-up key', Buffer.from('openbeian-development-lookup-key').toString('hex'), /development key/],
    ['the same as the encryption key', KEY, /must differ from OPENBEIAN_ENCRYPTION_KEY/],
    ['all zeros', '0'.repeat(64), /repeats a 1-character pattern/],
  ])('refuses a production look-up key that is %s', (_what, key, reason) => {
    const { OPENBEIAN_LOOKUP_KEY: _safe, ...rest } = SAFE_PRODUCTION;
    const problems = problemsOf(key === undefined ? rest : { ...rest, OPENBEIAN_LOOKUP_KEY: key });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OPENBEIAN_LOOKUP_KEY: /);
    expect(problems[0]).toMatch(reason);
  });

  it('runs the background work unless OPENBEIAN_BACKGROUND=off (an HTTP-only process), in production too', () => {
    expect(loadConfig({}).background).toBe(true);
    expect(loadConfig({ OPENBEIAN_BACKGROUND: 'off' }).background).toBe(false);
    expect(loadConfig({ ...SAFE_PRODUCTION, OPENBEIAN_BACKGROUND: 'off' }).background).toBe(false);
    expect(problemsOf({ OPENBEIAN_BACKGROUND: 'no' })).toEqual([expect.stringMatching(/^OPENBEIAN_BACKGROUND: /)]);
  });

  // File storage (issue 10): the data dir, or an S3-compatible bucket shared by every process.
  const S3 = { OPENBEIAN_STORAGE: 's3', OPENBEIAN_S3_BUCKET: 'openbeian-files', OPENBEIAN_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', OPENBEIAN_S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG' };

  it('keeps files on the local disk unless told s3, and reads the S3 settings', () => {
    expect(loadConfig({}).storage).toEqual({ adapter: 'local' });
    expect(loadConfig({ ...S3, OPENBEIAN_S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com/', OPENBEIAN_S3_PREFIX: '/openbeian/prod/', OPENBEIAN_S3_FORCE_PATH_STYLE: 'true' }).storage).toEqual({
      adapter: 's3',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'us-east-1',
      bucket: 'openbeian-files',
      prefix: 'openbeian/prod/',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...S3, OPENBEIAN_S3_REGION: 'cn-hangzhou' }).storage).toMatchObject({ endpoint: undefined, region: 'cn-hangzhou', prefix: '', forcePathStyle: false });
  });

  it('names the bucket and each credential missing for s3, and each malformed S3 setting', () => {
    expect(problemsOf({ OPENBEIAN_STORAGE: 's3' })).toEqual([
      'OPENBEIAN_S3_BUCKET: required when OPENBEIAN_STORAGE=s3',
      'OPENBEIAN_S3_ACCESS_KEY_ID: required when OPENBEIAN_STORAGE=s3',
      'OPENBEIAN_S3_SECRET_ACCESS_KEY: required when OPENBEIAN_STORAGE=s3',
    ]);
    expect(problemsOf({ OPENBEIAN_STORAGE: 'nfs' }).map((p) => p.split(':')[0])).toEqual(['OPENBEIAN_STORAGE']);
    const malformed = problemsOf({ ...S3, OPENBEIAN_S3_BUCKET: 'My_Bucket', OPENBEIAN_S3_PREFIX: 'a/../b', OPENBEIAN_S3_ENDPOINT: 'https://s3.example/bucket', OPENBEIAN_S3_FORCE_PATH_STYLE: 'yes' });
    expect(malformed.map((p) => p.split(':')[0]).sort()).toEqual(['OPENBEIAN_S3_BUCKET', 'OPENBEIAN_S3_ENDPOINT', 'OPENBEIAN_S3_FORCE_PATH_STYLE', 'OPENBEIAN_S3_PREFIX']);
  });

  it('refuses, in production, an S3 endpoint over plain http to another host', () => {
    const production = { ...SAFE_PRODUCTION, ...S3 };
    expect(problemsOf({ ...production, OPENBEIAN_S3_ENDPOINT: 'http://minio.internal:9000' })).toEqual([expect.stringMatching(/^OPENBEIAN_S3_ENDPOINT: must be https:\/\/ in production mode/)]);
    expect(problemsOf({ ...production, OPENBEIAN_S3_ENDPOINT: 'http://10.0.0.8:9000' })).toHaveLength(1);
    for (const endpoint of ['https://minio.internal:9000', 'http://127.0.0.1:9000', 'http://[::1]:9000', 'http://localhost:9000', undefined]) {
      expect(problemsOf({ ...production, ...(endpoint ? { OPENBEIAN_S3_ENDPOINT: endpoint } : {}) }), String(endpoint)).toEqual([]);
    }
    // Outside production a test or demo store over http is fine.
    expect(problemsOf({ ...S3, OPENBEIAN_S3_ENDPOINT: 'http://minio.internal:9000' })).toEqual([]);
  });
});
