// The service codes of a draft against the codes really issued (SPEC §5.2): run at submit when the provider
// requires issued codes. Pure: the caller looks the codes up and passes them in.

import type { Bilingual, FilingKind, Finding } from './draft.ts';
import { isServiceCode } from './check-services.ts';
import { isResourceExpired } from './resource-eligibility.ts';
import { isCancelKind, isNewServiceKind } from './context.ts';
import { makeFinding } from './findings.ts';
import { readDraft } from './shape.ts';

export type IssuedServiceCode = {
  /** Lower case. */
  code: string;
  ownerId: string;
  isRevoked: boolean;
  /** The resource it was issued from, as people name it. */
  resource: Bilingual;
  ips: readonly string[];
  /** The last day of the resource's paid term (YYYY-MM-DD, Asia/Shanghai), if one is recorded. */
  resourceExpiresOn?: string | null;
  /** The order it is bound to, if any; `isFiled` once that order is approved (the code then serves a filed service). */
  boundOrder: { id: string; number: string; isFiled: boolean } | null;
};

export type ServiceCodeCheck = {
  draft: unknown;
  ownerId: string;
  orderId: string;
  kind: FilingKind | null;
  /** Issued codes found for the draft's codes, by lower-case code. */
  issued: ReadonlyMap<string, IssuedServiceCode>;
  /** Today (YYYY-MM-DD, Asia/Shanghai) on the application clock; without it resource expiry is not judged. */
  today?: string;
};

/** Lower-case, trimmed service codes of a draft that look like codes: what the caller should look up. */
export function draftServiceCodes(draft: unknown): string[] {
  const view = readDraft(draft, []);
  const codes = (view.services ?? []).map((svc) => svc?.access?.serviceCode?.trim().toLowerCase()).filter((c): c is string => c !== undefined && isServiceCode(c));
  return [...new Set(codes)];
}

const sameIp = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Findings for codes that do not exist, belong to someone else, are revoked, come from a resource past its expiry
 * or are used by another order, and for IPs not on the code's resource; `toBind` lists the codes this order may take. A code bound to an approved order is
 * the filed service's own: a change order may carry it on, a new service may not.
 */
export function serviceCodeFindings(input: ServiceCodeCheck): { findings: Finding[]; toBind: string[] } {
  const kind = input.kind ?? 'first_filing';
  const findings: Finding[] = [];
  const toBind: string[] = [];
  if (isCancelKind(kind)) return { findings, toBind };
  const needsOwnCode = isNewServiceKind(kind) || kind === 'connect';
  const view = readDraft(input.draft, []);
  (view.services ?? []).forEach((svc, i) => {
    const path = `services[${i}].access`;
    const raw = svc?.access?.serviceCode;
    if (raw === undefined) {
      if (needsOwnCode) findings.push(makeFinding('SERVICE_CODE_MISSING', `${path}.serviceCode`, {}, { severity: 'error' }));
      return;
    }
    const code = raw.trim().toLowerCase();
    if (!isServiceCode(code)) return; // SERVICE_CODE_INVALID comes from the pre-check
    const issued = input.issued.get(code);
    const codePath = `${path}.serviceCode`;
    if (!issued) return void findings.push(makeFinding('SERVICE_CODE_UNKNOWN', codePath, { value: raw }));
    if (issued.ownerId !== input.ownerId) return void findings.push(makeFinding('SERVICE_CODE_NOT_YOURS', codePath, { value: raw }));
    if (issued.isRevoked) return void findings.push(makeFinding('SERVICE_CODE_REVOKED', codePath, { value: raw }));
    if (input.today !== undefined && isResourceExpired(issued.resourceExpiresOn, input.today)) {
      return void findings.push(makeFinding('SERVICE_CODE_RESOURCE_EXPIRED', codePath, { value: raw, resource: issued.resource, date: issued.resourceExpiresOn! }));
    }
    const bound = issued.boundOrder;
    if (bound && bound.id !== input.orderId && (!bound.isFiled || needsOwnCode)) {
      findings.push(makeFinding('SERVICE_CODE_IN_USE', codePath, { value: raw, order: bound.number }));
    } else if (!bound || bound.id === input.orderId) {
      toBind.push(code);
    }
    svc?.access?.ips?.forEach((ip, j) => {
      if (typeof ip !== 'string' || issued.ips.some((own) => sameIp(own, ip))) return;
      findings.push(makeFinding('SERVICE_IP_NOT_ON_RESOURCE', `${path}.ips[${j}]`, { value: ip, resource: issued.resource, ips: issued.ips.join(', ') || '—' }));
    });
  });
  return { findings, toBind: [...new Set(toBind)] };
}
