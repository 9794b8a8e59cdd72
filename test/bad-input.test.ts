import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { applicantClient, preparedOrder, staffClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';
import { multipart } from './support/images.ts';

type Operation = { method: string; path: string };

/** Bodies a careless or hostile client sends: nothing, the wrong JSON type, wrong field types, deep nesting. */
const BAD_BODIES: unknown[] = [
  undefined,
  {},
  [],
  'text',
  42,
  null,
  { draft: 'x', email: 1, password: [], items: 'x', reasons: {}, code: null, mobile: {}, hours: 'soon', kind: 7 },
  { draft: { province: 123, subject: [], services: 'x' }, items: [{ path: 5 }], reasons: [{ code: 1, path: {} }] },
  { draft: { province: '330000', services: [{ kind: 'website', domains: [{ name: {} }] }] }, services: [null] },
  JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60)),
];

/** Bodies that are not JSON at all, sent with a JSON content type. */
const UNREADABLE_BODIES = ['{"draft":', '{"a":1}}', '\u0000', '   '];

/** Broken uploads: fields of the wrong kind, no file, an empty file, text posing as an image, a bare boundary. */
function badUploads(): { body: Buffer; contentType: string }[] {
  const text = { name: 'scan.jpg', type: 'image/jpeg', bytes: Buffer.from('not an image at all') };
  const boundary = '----openbeian-broken';
  return [
    multipart({ kind: 'no_such_kind', appliesTo: 'subject', person: 'nobody' }, text),
    multipart({ kind: 'subject_certificate', appliesTo: 'x'.repeat(5000), issuedOn: 'yesterday', person: '[]' }, text),
    multipart({ kind: 'subject_certificate', person: 'subject.leader' }, { ...text, bytes: Buffer.alloc(0) }),
    multipart({}, { name: '', type: 'application/octet-stream', bytes: Buffer.from([0xff, 0xd8, 0xff]) }),
    {
      body: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nsubject_certificate\r\n--${boundary}--\r\n`,
      ),
      contentType: `multipart/form-data; boundary=${boundary}`,
    },
    { body: Buffer.from('garbage without any boundary'), contentType: `multipart/form-data; boundary=${boundary}` },
    { body: Buffer.from('x'), contentType: 'multipart/form-data' },
  ];
}

/** Queries with wrong types, out-of-range numbers, control characters and a very long value. */
const BAD_QUERIES = [
  '',
  '?page=-1&pageSize=abc&status=nope&tab=x&province=99',
  '?domain=%00&host=..&q=%E4&number=ICP&unit=',
  `?domain=${'a'.repeat(5000)}.cn&service=abc&format=exe&to=${'9'.repeat(300)}&days=x`,
];

/** Values for a path parameter: malformed, well-formed but unknown, and encoded oddities. */
const BAD_PARAMS = ['not-an-id', '00000000-0000-0000-0000-000000000000', '%E4%B8%AD%00', 'x'.repeat(600)];

describe('bad input never reaches a 500', () => {
  let platform: TestPlatform;
  let operations: Operation[];
  let clients: [string, TestClient][];
  let orderId: string;

  beforeAll(async () => {
    platform = await startTestPlatform(testDatabases()[0]!);
    const applicant = await applicantClient(platform);
    orderId = await preparedOrder(applicant);
    clients = [
      ['anonymous', platform.client()],
      ['applicant', applicant],
      ['reviewer', await staffClient(platform)],
      ['admin', await staffClient(platform, 'admin@example.com')],
    ];
    const paths = (await platform.client().get('/api/v1/openapi.json')).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    // Logging out would end the identities the loop relies on; it takes no input anyway.
    operations = Object.entries(paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })))
      .filter((op) => op.path !== '/api/v1/auth/logout');
  });
  afterAll(async () => {
    await platform.stop();
  });

  /** Every concrete URL to try for an operation: each bad parameter value, and the real order where `{id}` fits. */
  function urlsFor(op: Operation): string[] {
    if (!op.path.includes('{')) return [op.path];
    const values = op.path.startsWith('/api/v1/orders/') ? [...BAD_PARAMS, orderId] : BAD_PARAMS;
    return values.map((value) => op.path.replace(/\{[^}]+\}/g, value));
  }

  it('answers every documented operation, for every role, with a 4xx that explains itself in Chinese and English', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const op of operations) {
      for (const [who, client] of clients) {
        for (const url of urlsFor(op)) {
          const send = (body: unknown) =>
            client.request(op.method, url, body === undefined ? undefined : JSON.stringify(body), {
              headers: { 'content-type': 'application/json' },
            });
          const attempts: [string, () => ReturnType<typeof send>][] =
            op.method === 'GET'
              ? BAD_QUERIES.map((query, n) => [`query ${n}`, () => client.request('GET', url + query)])
              : [
                  ...BAD_BODIES.map((body, n): [string, () => ReturnType<typeof send>] => [
                    `body ${n}`,
                    () => send(body),
                  ]),
                  ...badUploads().map((upload, n): [string, () => ReturnType<typeof send>] => [
                    `upload ${n}`,
                    () =>
                      client.request(op.method, url, upload.body, { headers: { 'content-type': upload.contentType } }),
                  ]),
                  ...UNREADABLE_BODIES.map((raw, n): [string, () => ReturnType<typeof send>] => [
                    `unreadable ${n}`,
                    () => client.request(op.method, url, raw, { headers: { 'content-type': 'application/json' } }),
                  ]),
                ];
          for (const [variant, attempt] of attempts) {
            tried++;
            const response = await attempt();
            const label = `${who} ${op.method} ${url.slice(0, 60)} (${variant}) → ${response.statusCode}`;
            if (response.statusCode >= 500) {
              failures.push(`${label}: ${response.body.slice(0, 200)}`);
              continue;
            }
            if (response.statusCode < 400) continue;
            // The enforcement check answers a blocked host with 403 (no body), and the block page with its HTML, by design (DESIGN §5.5).
            if (['/api/v1/enforcement/check', '/api/v1/enforcement/block-page'].includes(op.path) && response.statusCode === 403) continue;
            if (!String(response.headers['content-type']).includes('json')) {
              failures.push(`${label}: answered ${String(response.headers['content-type'])}, not a JSON error`);
              continue;
            }
            const error = response.json().error as
              | { code?: string; message?: { zh?: string; en?: string }; details?: { fields?: { path: string }[] } }
              | undefined;
            if (!error?.code || !/\p{Script=Han}/u.test(error.message?.zh ?? '') || !error.message?.en)
              failures.push(`${label}: no bilingual error: ${response.body.slice(0, 200)}`);
            else if (error.code === 'VALIDATION_FAILED' && !error.details?.fields?.[0]?.path)
              failures.push(`${label}: validation error names no field`);
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // Thousands of requests, more with every documented operation: 10 s on an idle machine, a minute or more on a busy one.
  }, 240_000);
});
