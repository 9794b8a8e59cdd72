import { timeLimited } from '../../../core/time-limit.ts';
import type * as Undici from 'undici';
import { lazyModule } from '../../../core/lazy-module.ts';
import type { RegistrarData, RegistrarLookup, RegistrationRecord } from './port.ts';

const undici = lazyModule<typeof Undici>('undici');

export type RdapOptions = { baseUrl: string; timeLimitMs?: number; connections?: number };

/**
 * The RDAP adapter (RFC 9083): `GET {base}domain/{name}`. The expiry is the `expiration` event, the holder the
 * registrant entity's vCard `org` (else `fn`), a redacted name counts as not said. RDAP has no standard member for
 * China's real-name verification: a remark titled "real-name" / 实名 is read (verified / 已实名 vs unverified /
 * 未实名); without one the state is not said. 404 is not found; 429 and 5xx are failures with the reason.
 */
export function createRdapRegistrarData(options: RdapOptions): RegistrarData {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  const { Agent, request } = undici();
  const agent = new Agent({ connections: options.connections ?? 8, headersTimeout: timeLimitMs, bodyTimeout: timeLimitMs });
  return {
    name: 'rdap',
    async lookup(domain, signal) {
      const url = `${base}domain/${encodeURIComponent(domain)}`;
      const { signal: limited, clear } = timeLimited(signal, timeLimitMs);
      try {
        const response = await request(url, { dispatcher: agent, signal: limited, headers: { accept: 'application/rdap+json, application/json' } });
        const text = await response.body.text();
        if (response.statusCode === 404) return { kind: 'not-found', detail: `${url} answered 404` };
        if (response.statusCode === 429) {
          const retryAfter = response.headers['retry-after'];
          return { kind: 'failed', reason: `${url} answered 429 Too Many Requests${typeof retryAfter === 'string' ? ` (Retry-After: ${retryAfter})` : ''}` };
        }
        if (response.statusCode !== 200) return { kind: 'failed', reason: `${url} answered HTTP ${response.statusCode}` };
        return parseRdapDomain(url, text);
      } catch (error) {
        if (signal.aborted) return { kind: 'failed', reason: 'the sweep was stopped' };
        if (limited.aborted) return { kind: 'failed', reason: `${url}: no answer within ${timeLimitMs / 1000} s` };
        const { code, message } = error as { code?: string; message?: string };
        return { kind: 'failed', reason: `${url}: ${[code, message].filter(Boolean).join(': ')}` };
      } finally {
        clear();
      }
    },
    close: () => agent.destroy(),
  };
}

type RdapEntity = { roles?: string[]; vcardArray?: [string, [string, unknown, string, unknown][]]; entities?: RdapEntity[] };
type RdapDomain = {
  objectClassName?: string;
  events?: { eventAction?: string; eventDate?: string }[];
  entities?: RdapEntity[];
  remarks?: { title?: string; description?: string[] }[];
};

/** The parts of an RDAP domain answer the registrar rules read. */
export function parseRdapDomain(url: string, text: string): RegistrarLookup {
  let body: RdapDomain;
  try {
    body = JSON.parse(text) as RdapDomain;
  } catch {
    return { kind: 'failed', reason: `${url} did not answer JSON` };
  }
  if (typeof body !== 'object' || body === null) return { kind: 'failed', reason: `${url} did not answer an RDAP domain object` };
  const expiration = body.events?.find((event) => event.eventAction === 'expiration')?.eventDate;
  const expiresAt = expiration ? new Date(expiration) : null;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) return { kind: 'failed', reason: `${url}: expiration event date ${JSON.stringify(expiration)} is not a date` };
  const record: RegistrationRecord = { holder: registrantName(body.entities ?? []), realNameVerified: realNameState(body.remarks ?? []), expiresAt, source: { kind: 'rdap', url } };
  return { kind: 'found', record };
}

function registrantName(entities: RdapEntity[]): string | null {
  const registrant = findRegistrant(entities);
  const properties = registrant?.vcardArray?.[1] ?? [];
  const value = (name: string) => {
    const found = properties.find((property) => property[0] === name)?.[3];
    const text = Array.isArray(found) ? found.filter(Boolean).join(' ') : typeof found === 'string' ? found : '';
    return text.trim() && !/redacted|privacy|withheld|隐私|保密/i.test(text) ? text.trim() : null;
  };
  return value('org') ?? value('fn');
}

function findRegistrant(entities: RdapEntity[]): RdapEntity | undefined {
  for (const entity of entities) {
    if (entity.roles?.includes('registrant')) return entity;
    const nested = findRegistrant(entity.entities ?? []);
    if (nested) return nested;
  }
  return undefined;
}

function realNameState(remarks: { title?: string; description?: string[] }[]): boolean | null {
  const remark = remarks.find((entry) => /real.?name|实名/i.test(entry.title ?? ''));
  if (!remark) return null;
  const description = (remark.description ?? []).join(' ');
  if (/unverified|not verified|未实名|未认证|未通过/i.test(description)) return false;
  if (/verified|已实名|已认证|通过/i.test(description)) return true;
  return null;
}
