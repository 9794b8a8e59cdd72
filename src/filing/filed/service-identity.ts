import { registrableDomain } from '../../rules/index.ts';

/** The parts of a draft service that identify it against the filed services. */
export type DraftServiceIdentity = { kind?: unknown; name?: unknown; filedNumber?: unknown; domains?: unknown };

/** A row of filed_services as far as identity goes (`domain` is the registrable ASCII domain, null for Apps). */
export type FiledServiceRow = { number: string; seq: number; kind: string; domain: string | null; name?: string };

/** The registrable ASCII domain of the service's first domain, as recordFiling stores it; null without one. */
export function firstRegistrableDomain(service: DraftServiceIdentity): string | null {
  const domains = Array.isArray(service.domains) ? (service.domains as { name?: unknown }[]) : [];
  for (const d of domains) {
    const name = typeof d === 'object' && d !== null && typeof d.name === 'string' ? registrableDomain(d.name) : null;
    if (name) return name;
  }
  return null;
}

/**
 * Which filed service each service of a record draft (`filed_subjects.draft`) is, as service numbers (undefined
 * where none can be told). In order:
 *
 * 1. `filedNumber`, where the record already carries it (recordFiling writes it on every record service since it
 *    exists);
 * 2. a website's registrable domain: a domain is filed once per subject (the regulator keeps a known domain's
 *    number, and the pre-check refuses a new service whose domain is filed here);
 * 3. for records written before (1), the position: recordFiling numbers services in draft order — a first filing
 *    gives services[i] seq i + 1, and a new service here is appended both to the record and as the next seq — so
 *    the i-th service of such a record is seq i + 1, provided that row is of the same kind and has no domain (so
 *    a record that lost a service cannot shift an App onto another service's number);
 * 4. else the oldest unclaimed filed service of the same kind and name without a domain (an older record whose
 *    change re-filed an App under a new seq: the oldest is the number the App was first given).
 */
export function identifyRecordServices(services: readonly DraftServiceIdentity[], filed: readonly FiledServiceRow[]): (string | undefined)[] {
  const claimed = new Set<string>();
  const result: (string | undefined)[] = services.map(() => undefined);
  const claim = (i: number, row: FiledServiceRow | undefined): void => {
    if (!row || claimed.has(row.number)) return;
    claimed.add(row.number);
    result[i] = row.number;
  };
  services.forEach((s, i) => {
    if (typeof s.filedNumber === 'string') claim(i, filed.find((f) => f.number === s.filedNumber));
  });
  services.forEach((s, i) => {
    const domain = result[i] === undefined ? firstRegistrableDomain(s) : null;
    if (domain) claim(i, filed.find((f) => f.domain === domain && !claimed.has(f.number)));
  });
  const bySeq = [...filed].sort((a, b) => a.seq - b.seq);
  services.forEach((s, i) => {
    if (result[i] !== undefined || firstRegistrableDomain(s)) return;
    const atPosition = bySeq.find((f) => f.seq === i + 1);
    if (atPosition && atPosition.kind === s.kind && atPosition.domain === null) claim(i, atPosition);
  });
  services.forEach((s, i) => {
    if (result[i] !== undefined || firstRegistrableDomain(s)) return;
    claim(i, bySeq.find((f) => !claimed.has(f.number) && f.domain === null && f.kind === s.kind && f.name === s.name));
  });
  return result;
}
