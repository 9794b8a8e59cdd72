// The gateway adapter (OPENBEIAN_REGULATOR=http): the platform speaks this small JSON protocol to a gateway the
// provider runs in front of its link to the 部级系统 / 省管局 interface, in whatever language that link needs. The
// same pattern as the face verifier: keep the platform generic, put the regulator's own format in the gateway.
//
// Settings: OPENBEIAN_REGULATOR_URL (base, https:// in production), OPENBEIAN_REGULATOR_KEY (bearer key),
// OPENBEIAN_REGULATOR_TIMEOUT_MS (default 15000). Every request carries `Authorization: Bearer <key>`.
//
//   PUT  {url}/files/{sha256}      the bytes of one material (application/octet-stream); 2xx = stored. Sent before
//                                   the submission that names it; idempotent (content-addressed).
//   POST {url}/submissions         a RegulatorSubmission as JSON (materials without bytes) → 2xx {regulatorRef}.
//                                   The same id again → the first answer. 422 {message, reasons:[{code,path?,note?}]}
//                                   = refused (the applicant must change something).
//   POST {url}/access-changes      an AccessChange → 2xx {regulatorRef}; idempotent on id; 422 as above.
//   GET  {url}/events?after=CURSOR → 200 {events: RegulatorEvent[], cursor: string|null}, oldest first; `after`
//                                   is left out on the first call. Events repeat if asked again, never skip.
//   POST {url}/lookup              a NationalQuery → 200 NationalRecords (POST: ID numbers never go in a URL).
//
// Any other status, a network error or a timeout → RegulatorUnavailableError (the platform retries).
import { z } from 'zod';
import { RegulatorRefusedError, RegulatorUnavailableError } from './errors.ts';
import type { NationalRecords, PollResult, Regulator, RegulatorSetup, SubmitReceipt } from './port.ts';

const receiptSchema = z.object({ regulatorRef: z.string().min(1).max(200) });
const refusalSchema = z.object({
  message: z.string().max(2000).optional(),
  reasons: z.array(z.object({ code: z.string().min(1).max(100), path: z.string().max(300).optional(), note: z.string().max(2000).optional() })).min(1),
});
const pageSchema = z.object({ events: z.array(z.unknown()).max(10_000), cursor: z.string().max(500).nullable() });
const nationalSchema = z.object({
  subject: z
    .object({
      number: z.string().nullable(),
      status: z.enum(['active', 'cancelled']),
      services: z.array(z.object({ number: z.string().nullable(), domain: z.string().nullable() })),
    })
    .nullable(),
  orderInProgress: z.boolean(),
  domains: z.array(z.object({ domain: z.string(), subjectNumber: z.string().nullable(), sameSubject: z.boolean() })),
  personIdsElsewhere: z.array(z.string()),
}) satisfies z.ZodType<NationalRecords>;

export function createHttpRegulator(setup: RegulatorSetup): Regulator {
  const base = (setup.settings.URL ?? '').replace(/\/+$/, '');
  const key = setup.settings.KEY ?? '';
  const timeoutMs = Number(setup.settings.TIMEOUT_MS ?? 15_000);
  if (!/^https?:\/\//.test(base)) throw new Error('OPENBEIAN_REGULATOR_URL must be the gateway’s http(s):// address');
  if (setup.mode === 'production' && !base.startsWith('https://') && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(`${base}/`)) {
    throw new Error('OPENBEIAN_REGULATOR_URL must be https:// in production (or a gateway on this host)');
  }
  if (!key) throw new Error('OPENBEIAN_REGULATOR_KEY is required');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 300_000) throw new Error('OPENBEIAN_REGULATOR_TIMEOUT_MS must be 100–300000');

  async function call(method: string, path: string, body?: { json?: unknown; bytes?: Buffer }): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          accept: 'application/json',
          ...(body?.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(body?.bytes ? { 'content-type': 'application/octet-stream' } : {}),
        },
        body: body?.json !== undefined ? JSON.stringify(body.json) : body?.bytes ? new Uint8Array(body.bytes) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error', // never resend personal data and the key to wherever a redirect points
      });
    } catch (error) {
      throw new RegulatorUnavailableError(`${method} ${path}: ${isTimeout(error) ? `no answer within ${timeoutMs} ms` : 'network error'}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  /** A 2xx answer of the expected shape; a 422 refusal where the call may be refused; anything else: unavailable. */
  function expect<T>(what: string, answer: { status: number; json: unknown }, schema: z.ZodType<T>, mayRefuse = false): T {
    if (mayRefuse && answer.status === 422) {
      const refusal = refusalSchema.safeParse(answer.json);
      if (refusal.success) throw new RegulatorRefusedError(refusal.data.message ?? 'refused by the regulator', refusal.data.reasons);
    }
    if (answer.status < 200 || answer.status > 299) throw new RegulatorUnavailableError(`${what}: the gateway answered ${answer.status}`);
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) throw new RegulatorUnavailableError(`${what}: the gateway's answer is not of the agreed shape`);
    return parsed.data;
  }

  return {
    name: 'http',

    async submit(submission): Promise<SubmitReceipt> {
      for (const material of submission.materials) {
        const stored = await call('PUT', `/files/${material.sha256}`, { bytes: await material.read() });
        if (stored.status < 200 || stored.status > 299) throw new RegulatorUnavailableError(`storing a material: the gateway answered ${stored.status}`);
      }
      const { materials, ...rest } = submission;
      const json = { ...rest, materials: materials.map(({ read: _read, ...meta }) => meta) };
      return expect('submitting', await call('POST', '/submissions', { json }), receiptSchema, true);
    },

    async changeAccess(change) {
      return expect('changing access', await call('POST', '/access-changes', { json: change }), receiptSchema, true);
    },

    async poll(cursor): Promise<PollResult> {
      const page = expect('polling', await call('GET', `/events${cursor === null ? '' : `?after=${encodeURIComponent(cursor)}`}`), pageSchema);
      return { events: page.events as PollResult['events'], cursor: page.cursor };
    },

    async lookup(query) {
      return expect('looking up the registry', await call('POST', '/lookup', { json: query }), nationalSchema);
    },
  };
}

/** So the module can also be named by path in OPENBEIAN_REGULATOR, like a provider's own. */
export const createRegulator = createHttpRegulator;

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
