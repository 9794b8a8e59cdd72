import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { keyWeakness } from './key-strength.ts';
import ipaddr from 'ipaddr.js';
// The finding codes are plain data with no imports: read here so a misspelt code stops the start.
import { FINDING_CODES } from '../compliance/codes.ts';
// The SMS kinds are plain data with no imports: production checks each has a template code.
import { SMS_TEMPLATES } from '../notify/sms-templates.ts';

/**
 * All settings, parsed once at boot from the environment. A wrong value stops the start with a message
 * that names the variable; nothing else in the code reads process.env.
 */
const modeSchema = z.enum(['demo', 'production', 'test']);

const hexKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OPENBEIAN_MODE: modeSchema.default('demo'),
  OPENBEIAN_DATA_DIR: z.string().min(1).default('./data'),
  /** Where uploaded files are kept: `local` (OPENBEIAN_DATA_DIR/files) or `s3` (an S3-compatible bucket, OPENBEIAN_S3_*). */
  OPENBEIAN_STORAGE: z.enum(['local', 's3']).default('local'),
  /** Current field-encryption key, hex. Demo/test fall back to a fixed, clearly-labelled development key. */
  OPENBEIAN_ENCRYPTION_KEY: hexKey.optional(),
  OPENBEIAN_ENCRYPTION_KEY_ID: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1–32 of a-z, 0-9, -').default('k1'),
  /** Older keys still needed to read data written before a rotation: "id:hex,id:hex". */
  OPENBEIAN_ENCRYPTION_OLD_KEYS: z
    .string()
    .regex(/^([a-z0-9-]{1,32}:[0-9a-fA-F]{64})(,[a-z0-9-]{1,32}:[0-9a-fA-F]{64})*$/, 'must be id:hex pairs separated by commas')
    .optional(),
  OPENBEIAN_SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** Submit checks each service code against the codes really issued (SPEC §5.2). Default: on in production only. */
  OPENBEIAN_REQUIRE_SERVICE_CODES: z.enum(['true', 'false']).optional(),
  OPENBEIAN_MAIL: z.enum(['outbox', 'smtp']).default('outbox'),
  OPENBEIAN_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  OPENBEIAN_MAIL_FROM: z.string().email().default('noreply@openbeian.local'),
  OPENBEIAN_SMS: z.enum(['outbox', 'http', 'signed']).default('outbox'),
  OPENBEIAN_SMS_URL: z.string().url().optional(),
  OPENBEIAN_SMS_KEY: z.string().optional(),
  OPENBEIAN_FACE_VERIFIER: z.enum(['demo', 'http']).default('demo'),
  OPENBEIAN_FACE_URL: z.string().url().optional(),
  OPENBEIAN_FACE_KEY: z.string().optional(),
  /** Base of links sent out; defaults to where this process listens, http://localhost:<PORT>. */
  OPENBEIAN_PUBLIC_URL: z.string().url().optional(),
  /** The regulator adapter: `simulator` (demo/test only), `http` (the gateway protocol), or a module path. */
  OPENBEIAN_REGULATOR: z.string().trim().min(1).default('simulator'),
  /** How often the platform asks a polled adapter for progress. */
  OPENBEIAN_REGULATOR_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated); others' headers are ignored. */
  OPENBEIAN_TRUST_PROXY: z.string().regex(/^[0-9a-fA-F.:/,\s]+$/, 'must be addresses or CIDRs separated by commas').default('127.0.0.1,::1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** JSON file with the provider's own facts (police filing guide, provider documents); demo facts outside production. */
  OPENBEIAN_PROVIDER_FACTS: z.string().min(1).optional(),
  /** CJK font for provider documents: a .ttf/.otf/.ttc path, with `#PostScriptName` for a collection. */
  OPENBEIAN_PDF_FONT: z.string().min(1).optional(),
  /** Rectification workdays per finding code, e.g. "SHELL_SITE=5,DOMAIN_EXPIRED=10"; codes left out keep their default. */
  OPENBEIAN_RECTIFICATION_WORKDAYS: z
    .string()
    .trim()
    .regex(/^([A-Z_]+=\d{1,3})(\s*,\s*[A-Z_]+=\d{1,3})*$/, 'must be CODE=workdays pairs separated by commas, e.g. SHELL_SITE=5,DOMAIN_EXPIRED=10')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The resolver the shell-site sweep asks, `host:port` (IPv6 as `[addr]:port`); unset: the system's first nameserver. */
  OPENBEIAN_DNS_RESOLVER: z
    .string()
    .trim()
    .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, 'must be host:port, e.g. 127.0.0.1:53 or [::1]:53')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** CIDRs of the provider's mainland servers; a connected domain resolving outside them is a shell site (SHELL_SITE). */
  OPENBEIAN_ACCESS_CIDRS: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/, 'must be CIDRs separated by commas, e.g. 203.0.113.0/24,2001:db8::/32')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Base URL of the RDAP service the registrar sweep asks (e.g. https://rdap.example.cn/); optional. */
  OPENBEIAN_RDAP_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /**
   * Services a compliance sweep checks per batch (one job, one transaction); the cursor moves after each. Unset:
   * each kind's own (DNS 10 000, footer and registrar 500: each kind's checker.ts).
   */
  OPENBEIAN_SWEEP_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).optional().or(z.literal('').transform(() => undefined)),
  /** How long the DNS sweep waits for one answer, and how often it asks before the look-up counts as failed. */
  OPENBEIAN_DNS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
  OPENBEIAN_DNS_TRIES: z.coerce.number().int().min(1).max(5).default(2),
  /**
   * Test and demo only: where the footer sweep connects instead of resolving, curl --connect-to style:
   * `host[:port]=127.0.0.1:port,…`, host `*` for any; refused in production.
   */
  OPENBEIAN_SWEEP_CONNECT_TO: z
    .string()
    .trim()
    .regex(
      /^([A-Za-z0-9.*-]+(:\d{1,5})?=[A-Za-z0-9.-]+:\d{1,5})(\s*,\s*[A-Za-z0-9.*-]+(:\d{1,5})?=[A-Za-z0-9.-]+:\d{1,5})*$/,
      'must be host[:port]=connect-host:port pairs separated by commas, e.g. www.example.cn:443=127.0.0.1:8443,*=127.0.0.1:8080',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The provider receives registrar feed files (`openbeian registrar-feed import`): the registrar sweep reads them. */
  OPENBEIAN_REGISTRAR_FEED: z.enum(['true', 'false']).default('false'),
  /** Delivery (issue 10): pooled SMTP connections and the timeout of each SMTP step (connect, greeting, idle socket). */
  OPENBEIAN_SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(3),
  OPENBEIAN_SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** `OPENBEIAN_SMS=signed`: the key's id sent with each request, the 签名 the provider registered, and the templates. */
  OPENBEIAN_SMS_KEY_ID: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 of A-Z, a-z, 0-9, _ . -').optional(),
  OPENBEIAN_SMS_SIGN_NAME: z.string().trim().min(2).max(20).optional(),
  /** Message kind → approved template code: "kind=CODE,kind=CODE" (`*` for every other kind), or the path of a JSON file. */
  OPENBEIAN_SMS_TEMPLATES: z.string().trim().min(1).optional(),
  /** Key of the keyed hashes used for look-ups (certificate numbers, ID numbers, mobiles), hex; apart from the encryption key. */
  OPENBEIAN_LOOKUP_KEY: hexKey.optional(),
  OPENBEIAN_LOOKUP_KEY_ID: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1–32 of a-z, 0-9, -').default('l1'),
  /** Older look-up keys still needed until `openbeian rotate-keys` has re-hashed every row: "id:hex,id:hex". */
  OPENBEIAN_LOOKUP_OLD_KEYS: z
    .string()
    .regex(/^([a-z0-9-]{1,32}:[0-9a-fA-F]{64})(,[a-z0-9-]{1,32}:[0-9a-fA-F]{64})*$/, 'must be id:hex pairs separated by commas')
    .optional(),
  /** Audit-chain keys of removed encryption keys ("id:hex", as `openbeian rotate-keys --audit-key ID` prints them). */
  OPENBEIAN_AUDIT_OLD_KEYS: z
    .string()
    .regex(/^([a-z0-9-]{1,32}:[0-9a-fA-F]{64})(,[a-z0-9-]{1,32}:[0-9a-fA-F]{64})*$/, 'must be id:hex pairs separated by commas')
    .optional(),
  /** `off`: this process serves HTTP only (no outbox, jobs, message sending or regulator polling); others do that. */
  OPENBEIAN_BACKGROUND: z.enum(['on', 'off']).default('on'),
  /** OPENBEIAN_STORAGE=s3 (issue 10): the service's address (unset: AWS by region), the bucket, a key prefix, credentials. */
  OPENBEIAN_S3_ENDPOINT: z
    .string()
    .trim()
    .url('must be the http(s):// address of the S3-compatible service, e.g. https://oss-cn-hangzhou.aliyuncs.com')
    .regex(/^https?:\/\/[^\s/?#]+\/?$/, 'must be the http(s):// address of the S3-compatible service, without a path, e.g. https://oss-cn-hangzhou.aliyuncs.com')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OPENBEIAN_S3_REGION: z.string().trim().regex(/^[a-z0-9-]{1,64}$/, 'must be a region name such as us-east-1 or cn-hangzhou').default('us-east-1'),
  OPENBEIAN_S3_BUCKET: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 of a-z, 0-9, . and -, starting and ending with a letter or digit')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OPENBEIAN_S3_PREFIX: z
    .string()
    .trim()
    .regex(/^\/?([A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]*$/, 'must be path segments of A-Z, a-z, 0-9, _ . - separated by /, e.g. openbeian/prod')
    .refine((prefix) => !prefix.split('/').some((segment) => segment === '.' || segment === '..'), 'must not contain . or .. segments')
    .default(''),
  OPENBEIAN_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  OPENBEIAN_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  OPENBEIAN_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
});

export type Mode = z.infer<typeof modeSchema>;

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  mode: Mode;
  isDevMode: boolean;
  dataDir: string;
  /** Where uploaded files are kept (src/materials/storage); `s3` carries its credentials, never logged. */
  storage: { adapter: 'local' } | ({ adapter: 's3' } & S3Settings);
  encryption: { currentKeyId: string; keys: Record<string, Buffer> };
  seedDemo: boolean;
  /** Submit requires every service code to be one issued here, owned by the applicant and free (SPEC §5.2). */
  requireServiceCodes: boolean;
  mail: { adapter: 'outbox' | 'smtp'; smtpUrl?: string; from: string; poolSize: number; timeoutMs: number };
  sms: {
    adapter: 'outbox' | 'http' | 'signed';
    url?: string;
    key?: string;
    /** `signed` only: the key id, the signature name (签名) and message kind → template code (`*`: any other kind). */
    keyId?: string;
    signName?: string;
    templates: Record<string, string>;
  };
  face: { adapter: 'demo' | 'http'; url?: string; key?: string };
  publicUrl: string;
  /** `settings`: every other OPENBEIAN_REGULATOR_* variable, without the prefix, for the adapter. */
  regulator: { adapter: string; pollSeconds: number; settings: Record<string, string> };
  trustProxy: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Path of the provider facts file; absent: demo facts outside production, none in production (src/aftercare). */
  providerFactsFile: string | undefined;
  pdfFont: string | undefined;
  /** Rectification workdays the provider set per finding code (others: src/compliance/codes.ts). */
  compliance: {
    rectificationWorkdays: Record<string, number>;
    /** Where the shell-site sweep resolves; absent: the system resolver. */
    dnsResolver: { host: string; port: number } | undefined;
    /** The provider's access networks as written (CIDR strings); empty: the DNS sweep is not configured. */
    accessCidrs: string[];
    rdapUrl: string | undefined;
    /** Unset: each sweep kind's own batch size. */
    sweepBatchSize: number | undefined;
    dnsTimeoutMs: number;
    dnsTries: number;
  };
  /** The footer and registrar checkers (src/compliance/sweeps/footer, registrar). */
  sweepChecks: {
    /** Test and demo only: `host` or `host:port` (or `*`, `*:port`) → where to connect instead. */
    connectTo: Record<string, { host: string; port: number }>;
    /** Registrar feed files are imported here: the registrar sweep is configured even without RDAP. */
    registrarFeed: boolean;
  };
  /** The look-up-hash keys (current and old), apart from the encryption keys. */
  lookup: { currentKeyId: string; keys: Record<string, Buffer> };
  /** Audit-chain keys (already derived) of encryption keys no longer configured, so old audit rows still verify. */
  auditOldKeys: Record<string, Buffer>;
  /** This process runs the background work (outbox, jobs, message sender, regulator polling); false: HTTP only. */
  background: boolean;
};

/** Publicly known; only ever used outside production, which refuses to start without a real key. */
const DEVELOPMENT_KEY = '6f70656e626569616e2d646576656c6f706d656e742d6b65792d6e6f742d7365';
/** Publicly known too ("openbeian-development-lookup-key" in hex); production refuses it. */
const DEVELOPMENT_LOOKUP_KEY = '6f70656e626569616e2d646576656c6f706d656e742d6c6f6f6b75702d6b6579';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  // Every problem is listed at once: a wrong value is reported, and the checks below still run on the others.
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  const problem = (variable: string, text: string) => {
    if (!invalid.has(variable)) problems.push(`${variable}: ${text}`);
  };
  const e = parsed.success ? parsed.data : readEachValid(env);
  const isProduction = e.OPENBEIAN_MODE === 'production';
  const seedDemo = e.OPENBEIAN_SEED_DEMO ? e.OPENBEIAN_SEED_DEMO === 'true' : e.OPENBEIAN_MODE === 'demo';

  if (isProduction && !e.OPENBEIAN_ENCRYPTION_KEY) {
    problem('OPENBEIAN_ENCRYPTION_KEY', 'required in production mode (64 hex characters)');
  }
  if (isProduction && seedDemo) {
    problem('OPENBEIAN_SEED_DEMO', 'demo accounts are not allowed in production mode');
  }
  if (e.OPENBEIAN_MAIL === 'smtp' && !e.OPENBEIAN_SMTP_URL) {
    problem('OPENBEIAN_SMTP_URL', 'required when OPENBEIAN_MAIL=smtp');
  }
  if ((e.OPENBEIAN_SMS === 'http' || e.OPENBEIAN_SMS === 'signed') && !e.OPENBEIAN_SMS_URL) {
    problem('OPENBEIAN_SMS_URL', `required when OPENBEIAN_SMS=${e.OPENBEIAN_SMS}`);
  }
  const smsTemplates = parseSmsTemplates(e.OPENBEIAN_SMS_TEMPLATES, (text) => problem('OPENBEIAN_SMS_TEMPLATES', text));
  if (e.OPENBEIAN_SMS === 'signed') {
    for (const variable of ['OPENBEIAN_SMS_KEY', 'OPENBEIAN_SMS_KEY_ID', 'OPENBEIAN_SMS_SIGN_NAME', 'OPENBEIAN_SMS_TEMPLATES'] as const) {
      if (!e[variable]) problem(variable, 'required when OPENBEIAN_SMS=signed');
    }
    if (e.OPENBEIAN_SMS_KEY && e.OPENBEIAN_SMS_KEY.length < 16) problem('OPENBEIAN_SMS_KEY', 'must be at least 16 characters when OPENBEIAN_SMS=signed');
  }
  if (e.OPENBEIAN_FACE_VERIFIER === 'http' && (!e.OPENBEIAN_FACE_URL || !e.OPENBEIAN_FACE_KEY)) {
    problem('OPENBEIAN_FACE_URL / OPENBEIAN_FACE_KEY', 'both required when OPENBEIAN_FACE_VERIFIER=http');
  }
  if (e.OPENBEIAN_STORAGE === 's3') {
    for (const variable of ['OPENBEIAN_S3_BUCKET', 'OPENBEIAN_S3_ACCESS_KEY_ID', 'OPENBEIAN_S3_SECRET_ACCESS_KEY'] as const) {
      if (!e[variable]) problem(variable, 'required when OPENBEIAN_STORAGE=s3');
    }
  }
  const rectificationWorkdays = parseWorkdays(e.OPENBEIAN_RECTIFICATION_WORKDAYS, (text) => problem('OPENBEIAN_RECTIFICATION_WORKDAYS', text));
  if (isProduction) productionProblems(e, problem);
  if (isProduction && e.OPENBEIAN_SMS === 'signed' && e.OPENBEIAN_SMS_TEMPLATES) unmappedSmsKinds(smsTemplates, problem);
  for (const cidr of e.OPENBEIAN_ACCESS_CIDRS?.split(',').map((part) => part.trim()).filter(Boolean) ?? []) {
    if (!ipaddr.isValidCIDR(cidr)) problem('OPENBEIAN_ACCESS_CIDRS', `${cidr} is not a CIDR (address/prefix length), e.g. 203.0.113.0/24`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const keys: Record<string, Buffer> = {};
  for (const pair of e.OPENBEIAN_ENCRYPTION_OLD_KEYS?.split(',') ?? []) {
    const [id, hex] = pair.split(':') as [string, string];
    keys[id] = Buffer.from(hex, 'hex');
  }
  keys[e.OPENBEIAN_ENCRYPTION_KEY_ID] = Buffer.from(e.OPENBEIAN_ENCRYPTION_KEY ?? DEVELOPMENT_KEY, 'hex');
  const lookupKeys = parseKeyPairs(e.OPENBEIAN_LOOKUP_OLD_KEYS);
  lookupKeys[e.OPENBEIAN_LOOKUP_KEY_ID] = Buffer.from(e.OPENBEIAN_LOOKUP_KEY ?? DEVELOPMENT_LOOKUP_KEY, 'hex');

  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    mode: e.OPENBEIAN_MODE,
    isDevMode: e.OPENBEIAN_MODE !== 'production',
    dataDir: e.OPENBEIAN_DATA_DIR,
    storage: storageOf(e),
    encryption: { currentKeyId: e.OPENBEIAN_ENCRYPTION_KEY_ID, keys },
    seedDemo,
    requireServiceCodes: e.OPENBEIAN_REQUIRE_SERVICE_CODES ? e.OPENBEIAN_REQUIRE_SERVICE_CODES === 'true' : isProduction,
    mail: { adapter: e.OPENBEIAN_MAIL, smtpUrl: e.OPENBEIAN_SMTP_URL, from: e.OPENBEIAN_MAIL_FROM, poolSize: e.OPENBEIAN_SMTP_POOL_SIZE, timeoutMs: e.OPENBEIAN_SMTP_TIMEOUT_MS },
    sms: { adapter: e.OPENBEIAN_SMS, url: e.OPENBEIAN_SMS_URL, key: e.OPENBEIAN_SMS_KEY, keyId: e.OPENBEIAN_SMS_KEY_ID, signName: e.OPENBEIAN_SMS_SIGN_NAME, templates: smsTemplates },
    face: { adapter: e.OPENBEIAN_FACE_VERIFIER, url: e.OPENBEIAN_FACE_URL, key: e.OPENBEIAN_FACE_KEY },
    publicUrl: (e.OPENBEIAN_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    regulator: { adapter: e.OPENBEIAN_REGULATOR, pollSeconds: e.OPENBEIAN_REGULATOR_POLL_SECONDS, settings: regulatorSettings(env) },
    trustProxy: e.OPENBEIAN_TRUST_PROXY.split(',').map((part) => part.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    providerFactsFile: e.OPENBEIAN_PROVIDER_FACTS,
    pdfFont: e.OPENBEIAN_PDF_FONT,
    compliance: {
      rectificationWorkdays,
      dnsResolver: parseResolver(e.OPENBEIAN_DNS_RESOLVER),
      accessCidrs: e.OPENBEIAN_ACCESS_CIDRS?.split(',').map((part) => part.trim()).filter(Boolean) ?? [],
      rdapUrl: e.OPENBEIAN_RDAP_URL,
      sweepBatchSize: e.OPENBEIAN_SWEEP_BATCH_SIZE,
      dnsTimeoutMs: e.OPENBEIAN_DNS_TIMEOUT_MS,
      dnsTries: e.OPENBEIAN_DNS_TRIES,
    },
    sweepChecks: {
      connectTo: parseConnectTo(e.OPENBEIAN_SWEEP_CONNECT_TO),
      registrarFeed: e.OPENBEIAN_REGISTRAR_FEED === 'true',
    },
    lookup: { currentKeyId: e.OPENBEIAN_LOOKUP_KEY_ID, keys: lookupKeys },
    auditOldKeys: parseKeyPairs(e.OPENBEIAN_AUDIT_OLD_KEYS),
    background: e.OPENBEIAN_BACKGROUND === 'on',
  };
}

export type S3Settings = {
  /** Unset: AWS itself, by region. Any S3-compatible service otherwise (Aliyun OSS, Tencent COS, MinIO, Ceph RGW …). */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Empty, or ending in `/`: keys are `<prefix>files/ab/cd/<address>`. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`: most self-hosted stores need it. */
  forcePathStyle: boolean;
};

function storageOf(e: Env): Config['storage'] {
  if (e.OPENBEIAN_STORAGE === 'local') return { adapter: 'local' };
  const prefix = e.OPENBEIAN_S3_PREFIX.replace(/^\/+|\/+$/g, '');
  return {
    adapter: 's3',
    endpoint: e.OPENBEIAN_S3_ENDPOINT?.replace(/\/+$/, ''),
    region: e.OPENBEIAN_S3_REGION,
    bucket: e.OPENBEIAN_S3_BUCKET!,
    prefix: prefix ? `${prefix}/` : '',
    accessKeyId: e.OPENBEIAN_S3_ACCESS_KEY_ID!,
    secretAccessKey: e.OPENBEIAN_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.OPENBEIAN_S3_FORCE_PATH_STYLE === 'true',
  };
}

/** `a.example.cn:443=127.0.0.1:8443,*=127.0.0.1:8080` → `{ 'a.example.cn:443': {…}, '*': {…} }`. */
function parseConnectTo(value: string | undefined): Record<string, { host: string; port: number }> {
  const map: Record<string, { host: string; port: number }> = {};
  for (const pair of value?.split(',') ?? []) {
    const [from, to] = pair.trim().split('=') as [string, string];
    const [host, port] = to.split(':') as [string, string];
    map[from.toLowerCase()] = { host, port: Number(port) };
  }
  return map;
}

/** "id:hex,id:hex" (already checked by the schema) → keys by id. */
function parseKeyPairs(value: string | undefined): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  for (const pair of value?.split(',') ?? []) {
    const [id, hex] = pair.split(':') as [string, string];
    keys[id] = Buffer.from(hex, 'hex');
  }
  return keys;
}

function parseWorkdays(value: string | undefined, problem: (text: string) => void): Record<string, number> {
  const workdays: Record<string, number> = {};
  for (const pair of value?.split(',') ?? []) {
    const [code, days] = pair.trim().split('=') as [string, string];
    if (!Object.hasOwn(FINDING_CODES, code)) problem(`unknown finding code ${code}; known: ${Object.keys(FINDING_CODES).join(', ')}`);
    else if (Number(days) < 1 || Number(days) > 365) problem(`${code}: workdays must be 1–365`);
    else workdays[code] = Number(days);
  }
  return workdays;
}

/** `host:port`, `[v6]:port` or a bare host (port 53). */
function parseResolver(value: string | undefined): { host: string; port: number } | undefined {
  if (!value) return undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? 53) };
  const [host, port] = value.split(':') as [string, string | undefined];
  return { host, port: Number(port ?? 53) };
}

type Env = z.infer<typeof envSchema>;

/** With some values wrong: each valid one as given, the others at their default (their problem is already listed). */
function readEachValid(env: Record<string, string | undefined>): Env {
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(envSchema.shape)) {
    const own = schema.safeParse(env[key]);
    const fallback = own.success ? own : schema.safeParse(undefined);
    values[key] = fallback.success ? fallback.data : undefined;
  }
  return values as Env;
}

/**
 * What production refuses (issue 10): anything that is a stand-in for the real thing, or that leaves personal data
 * readable by anyone who has read this file.
 */
function productionProblems(e: Env, problem: (variable: string, text: string) => void): void {
  if (e.OPENBEIAN_REGULATOR === 'simulator') {
    problem('OPENBEIAN_REGULATOR', 'the simulator is for demo and test mode; name the adapter of your link to the regulator (`http` or a module path, see docs/regulator.md)');
  }
  if (e.OPENBEIAN_FACE_VERIFIER === 'demo') {
    problem('OPENBEIAN_FACE_VERIFIER', 'the demo verifier passes any photo; set `http` with OPENBEIAN_FACE_URL and OPENBEIAN_FACE_KEY of your face-verification vendor');
  }
  if (e.OPENBEIAN_SMS === 'outbox') {
    problem('OPENBEIAN_SMS', 'the outbox only records texts, nobody receives them; set `signed` (or `http`) with OPENBEIAN_SMS_URL of your SMS gateway');
  }
  if (e.OPENBEIAN_MAIL === 'outbox') {
    problem('OPENBEIAN_MAIL', 'the outbox only records e-mail, nobody receives it; set `smtp` with OPENBEIAN_SMTP_URL');
  }
  if (!e.DATABASE_URL) {
    problem('DATABASE_URL', 'required in production mode; the embedded PGlite is for demo and test (one process, no backups)');
  }
  const key = e.OPENBEIAN_ENCRYPTION_KEY;
  if (key && key.toLowerCase() === DEVELOPMENT_KEY) {
    problem('OPENBEIAN_ENCRYPTION_KEY', 'is the development key published in src/core/config.ts; generate one with `openssl rand -hex 32`');
  } else if (key) {
    const weakness = keyWeakness(key);
    if (weakness) problem('OPENBEIAN_ENCRYPTION_KEY', `does not look random (${weakness}); generate one with \`openssl rand -hex 32\``);
  }
  lookupKeyProblems(e, problem);
  if (!e.OPENBEIAN_PUBLIC_URL) {
    problem('OPENBEIAN_PUBLIC_URL', 'required in production mode: the https:// address customers reach (links in SMS and e-mail point there)');
  } else if (new URL(e.OPENBEIAN_PUBLIC_URL).protocol !== 'https:') {
    problem('OPENBEIAN_PUBLIC_URL', 'must be an https:// address in production mode (links carry sign-in tokens; the session cookie must be Secure)');
  }
  if (e.OPENBEIAN_SWEEP_CONNECT_TO) {
    problem('OPENBEIAN_SWEEP_CONNECT_TO', 'is for tests and demos: it sends the footer sweep to other servers than the sites\' own; unset it');
  }
  if (e.OPENBEIAN_STORAGE === 's3' && e.OPENBEIAN_S3_ENDPOINT && isPlainHttpElsewhere(e.OPENBEIAN_S3_ENDPOINT)) {
    problem('OPENBEIAN_S3_ENDPOINT', 'must be https:// in production mode unless the store runs on this host (127.0.0.1, ::1, localhost): the request signature and the sealed files would cross the network in the clear');
  }
}

/** An http:// address whose host is not this machine's loopback. */
function isPlainHttpElsewhere(address: string): boolean {
  const url = new URL(address);
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  return !(ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback');
}

/** The look-up key (issue 10, key rotation): required, not the published one, random, and not the encryption key. */
function lookupKeyProblems(e: Env, problem: (variable: string, text: string) => void): void {
  const key = e.OPENBEIAN_LOOKUP_KEY?.toLowerCase();
  if (!key) {
    problem('OPENBEIAN_LOOKUP_KEY', 'required in production mode (64 hex characters, apart from the encryption key); generate one with `openssl rand -hex 32`');
  } else if (key === DEVELOPMENT_LOOKUP_KEY || key === DEVELOPMENT_KEY) {
    problem('OPENBEIAN_LOOKUP_KEY', 'is a development key published in src/core/config.ts; generate one with `openssl rand -hex 32`');
  } else if (key === e.OPENBEIAN_ENCRYPTION_KEY?.toLowerCase()) {
    problem('OPENBEIAN_LOOKUP_KEY', 'must differ from OPENBEIAN_ENCRYPTION_KEY, so each can be rotated on its own; generate one with `openssl rand -hex 32`');
  } else {
    const weakness = keyWeakness(key);
    if (weakness) problem('OPENBEIAN_LOOKUP_KEY', `does not look random (${weakness}); generate one with \`openssl rand -hex 32\``);
  }
}

/**
 * Production with a signed gateway: every kind the platform texts (src/notify/sms-templates.ts) needs an approved
 * template code, else that message would fail at the first send instead of at the start.
 */
function unmappedSmsKinds(templates: Record<string, string>, problem: (variable: string, text: string) => void): void {
  if (Object.hasOwn(templates, '*')) return;
  const missing = Object.keys(SMS_TEMPLATES).filter((kind) => !Object.hasOwn(templates, kind));
  if (missing.length > 0) problem('OPENBEIAN_SMS_TEMPLATES', `no template code for ${missing.join(', ')}; register them (docs/sms-templates.md) and add kind=CODE for each, or *=CODE`);
}

/** The platform's own OPENBEIAN_REGULATOR* variables; every other one belongs to the adapter. */
const PLATFORM_REGULATOR_VARIABLES = new Set(['OPENBEIAN_REGULATOR', 'OPENBEIAN_REGULATOR_POLL_SECONDS']);

function regulatorSettings(env: Record<string, string | undefined>): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('OPENBEIAN_REGULATOR_') && !PLATFORM_REGULATOR_VARIABLES.has(name) && value !== undefined) {
      settings[name.slice('OPENBEIAN_REGULATOR_'.length)] = value;
    }
  }
  return settings;
}

const TEMPLATE_KIND = /^(\*|[a-z][a-z0-9_.-]{0,99})$/;
const TEMPLATE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * OPENBEIAN_SMS_TEMPLATES: "kind=CODE,kind=CODE" or the path of a JSON file {"kind": "CODE"}. The kind is the message
 * template name (`order.approved`, `regulator_sms_code` …); `*` answers for every kind not listed.
 */
function parseSmsTemplates(value: string | undefined, problem: (text: string) => void): Record<string, string> {
  if (!value) return {};
  let entries: [string, unknown][];
  if (value.includes('=')) {
    entries = value.split(',').map((pair) => {
      const [kind = '', code = ''] = pair.split('=').map((part) => part.trim());
      return [kind, code];
    });
  } else {
    try {
      const parsed: unknown = JSON.parse(readFileSync(value, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object of kind → template code');
      entries = Object.entries(parsed);
    } catch (error) {
      problem(`must be kind=CODE pairs separated by commas, or a JSON file of them; reading ${value}: ${error instanceof Error ? error.message : String(error)}`);
      return {};
    }
  }
  const templates: Record<string, string> = {};
  for (const [kind, code] of entries) {
    if (!TEMPLATE_KIND.test(kind)) problem(`bad message kind "${kind}" (e.g. order.approved, or * for any other)`);
    else if (typeof code !== 'string' || !TEMPLATE_CODE.test(code)) problem(`${kind}: bad template code "${String(code)}" (1–64 of A-Z, a-z, 0-9, _ . -)`);
    else if (Object.hasOwn(templates, kind)) problem(`${kind} is given twice`);
    else templates[kind] = code;
  }
  return templates;
}
