import { createHash, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { responsiblePersons } from '../../src/filing/responsible-persons.ts';
import { formatServiceNumber, formatSubjectNumber, registrableDomain, type ServiceKind } from '../../src/rules/index.ts';
import type { NationalQuery, NationalRecords, RegulatorEvent, RegulatorReason } from '../../src/regulator/port.ts';

/**
 * A stand-in for the filing authority's interface as a provider's gateway would expose it, speaking the protocol of
 * src/regulator/http-adapter.ts over real HTTP on 127.0.0.1. It keeps a registry of its own (plain values, in
 * memory), issues numbers from its own counter (serials from 900001, so they cannot be mistaken for the
 * simulator's), and moves a submission only when the test says so — as the 管局's staff and clock would.
 */
export type FakeRegulator = Awaited<ReturnType<typeof startFakeRegulator>>;

type Submission = {
  id: string;
  orderNumber: string;
  kind: string;
  province: string;
  draft: Record<string, unknown>;
  services: { index: number; filedNumber?: string }[];
  subjectNumber?: string;
  targetServices: string[];
  materials: { kind: string; sha256: string }[];
};
type Stored = { submission: Submission; regulatorRef: string; status: 'received' | 'sms_check' | 'review' | 'approved' | 'rejected'; codes: Map<string, string> };
type Row = { certificate: string; domain: string | null; subjectNumber: string | null; serviceNumber: string | null; leaderId: string | null; status: 'active' | 'cancelled' | 'pending' };

const KEY = 'fake-gateway-key';

export async function startFakeRegulator() {
  const submissions = new Map<string, Stored>();
  const accessChanges = new Map<string, { regulatorRef: string; body: unknown }>();
  const files = new Map<string, Buffer>();
  const registry: Row[] = [];
  const events: { seq: number; event: unknown }[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  const counters = new Map<string, number>();
  const failures: number[] = [];
  let refusal: RegulatorReason[] | null = null;
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const polls: (string | null)[] = [];

  const wake = () => {
    for (const waiter of [...waiters]) {
      if (waiter.test()) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  /** Resolves once `test` holds (checked now and after every request); fails after `ms` with `what`. */
  const until = (what: string, test: () => boolean, ms = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (test()) return resolve();
      const timer = setTimeout(() => reject(new Error(`fake regulator: still waiting for ${what}`)), ms);
      waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });

  const emit = (submissionId: string, body: Record<string, unknown>) => {
    const seq = events.length + 1;
    events.push({ seq, event: { id: `fake-${seq}`, submissionId, at: new Date().toISOString(), ...body } });
    return seq;
  };
  const certificateOf = (draft: Record<string, unknown>): string | null => {
    const certificate = (draft.subject as { certificate?: { type?: string; number?: string } } | undefined)?.certificate;
    return certificate?.type && certificate.number ? `${certificate.type}:${certificate.number.toUpperCase()}` : null;
  };
  const domainsOf = (draft: Record<string, unknown>): string[] =>
    ((draft.services as { domains?: { name?: string }[] }[] | undefined) ?? []).flatMap((s) => (s.domains ?? []).map((d) => (d.name ? registrableDomain(d.name) : null)).filter((d): d is string => Boolean(d)));
  const stored = (id: string): Stored => {
    const found = submissions.get(id);
    if (!found) throw new Error(`fake regulator: no submission ${id}`);
    return found;
  };

  function lookup(query: NationalQuery): NationalRecords {
    const certificate = query.certificate ? `${query.certificate.type}:${query.certificate.number.toUpperCase()}` : null;
    const own = certificate ? registry.filter((r) => r.certificate === certificate) : [];
    const filed = own.filter((r) => r.status !== 'pending');
    const active = filed.filter((r) => r.status === 'active');
    return {
      subject: filed.length
        ? { number: (active.length ? active : filed).find((r) => r.subjectNumber)?.subjectNumber ?? null, status: active.length ? 'active' : 'cancelled', services: active.map((r) => ({ number: r.serviceNumber, domain: r.domain })) }
        : null,
      orderInProgress: own.some((r) => r.status === 'pending'),
      domains: registry.filter((r) => r.status === 'active' && r.domain && (query.domains ?? []).includes(r.domain)).map((r) => ({ domain: r.domain!, subjectNumber: r.subjectNumber, sameSubject: r.certificate === certificate })),
      personIdsElsewhere: (query.personIds ?? []).filter((id) => registry.some((r) => r.status === 'active' && r.leaderId === id.toUpperCase() && r.certificate !== certificate)),
    };
  }

  function numbers(entry: Stored): { subject: string; services: { index: number; number: string }[] } {
    const { submission } = entry;
    const certificate = certificateOf(submission.draft)!;
    const own = registry.filter((r) => r.certificate === certificate && r.status !== 'pending');
    const active = own.filter((r) => r.status === 'active');
    let subject = submission.subjectNumber ?? active.find((r) => r.subjectNumber)?.subjectNumber;
    if (!subject) {
      const year = new Date().getFullYear();
      const next = counters.get(`${submission.province}:${year}`) ?? 900_001;
      counters.set(`${submission.province}:${year}`, next + 1);
      subject = formatSubjectNumber(submission.province, year, next);
    }
    if (submission.kind === 'cancel_subject' || submission.kind === 'cancel_service') {
      for (const row of active) if (submission.kind === 'cancel_subject' || submission.targetServices.includes(row.serviceNumber ?? '')) row.status = 'cancelled';
      return { subject, services: [] };
    }
    if (submission.kind === 'cancel_access') return { subject, services: [] };
    const leader = responsiblePersons(submission.draft).find((p) => p.path === 'subject.leader')?.idNumber ?? null;
    let seq = own.reduce((max, r) => Math.max(max, Number(/-(\d+)[AXK]?$/.exec(r.serviceNumber ?? '')?.[1] ?? 0)), 0);
    const services: { index: number; number: string }[] = [];
    const drafted = (submission.draft.services as { kind?: string; domains?: { name?: string }[]; filedNumber?: string }[] | undefined) ?? [];
    drafted.forEach((service, index) => {
      const domain = (service.domains ?? []).map((d) => (d.name ? registrableDomain(d.name) : null)).find(Boolean) ?? null;
      const known = active.find((r) => (service.filedNumber && r.serviceNumber === service.filedNumber) || (domain && r.domain === domain));
      if (known?.serviceNumber) return services.push({ index, number: known.serviceNumber });
      if (submission.kind.startsWith('change_')) return;
      seq += 1;
      const number = formatServiceNumber(subject, seq, (service.kind as ServiceKind | undefined) ?? 'website');
      registry.push({ certificate, domain, subjectNumber: subject, serviceNumber: number, leaderId: leader, status: 'active' });
      services.push({ index, number });
    });
    return { subject, services };
  }

  async function handle(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<number> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const send = (status: number, json?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(json === undefined ? '' : JSON.stringify(json));
      return status;
    };
    // The person's own page at MIIT (no key): type the code received by SMS.
    if (request.method === 'POST' && url.pathname === '/miit/sms-verify') {
      const { mobile, code } = JSON.parse(body.toString()) as { mobile: string; code: string };
      return send(confirmSms(mobile, code) ? 200 : 422);
    }
    if (request.headers.authorization !== `Bearer ${KEY}`) return send(401, { message: 'bad key' });
    const failure = failures.shift();
    if (failure) return send(failure, { message: 'maintenance window' });

    const files_ = /^\/files\/([0-9a-f]{64})$/.exec(url.pathname);
    if (request.method === 'PUT' && files_) {
      if (createHash('sha256').update(body).digest('hex') !== files_[1]) return send(400, { message: 'sha256 does not match' });
      files.set(files_[1]!, body);
      return send(201);
    }
    if (request.method === 'POST' && url.pathname === '/submissions') {
      const submission = JSON.parse(body.toString()) as Submission;
      const known = submissions.get(submission.id);
      if (known) return send(200, { regulatorRef: known.regulatorRef });
      if (refusal) {
        const reasons = refusal;
        refusal = null;
        return send(422, { message: 'refused', reasons });
      }
      const missing = submission.materials.filter((m) => !files.has(m.sha256));
      if (missing.length) return send(400, { message: `materials not uploaded: ${missing.map((m) => m.kind).join(', ')}` });
      const regulatorRef = `BJ-${String(submissions.size + 1).padStart(6, '0')}`;
      submissions.set(submission.id, { submission, regulatorRef, status: 'received', codes: new Map() });
      return send(202, { regulatorRef });
    }
    if (request.method === 'POST' && url.pathname === '/access-changes') {
      const change = JSON.parse(body.toString()) as { id: string };
      const known = accessChanges.get(change.id) ?? { regulatorRef: `AC-${String(accessChanges.size + 1).padStart(6, '0')}`, body: change };
      accessChanges.set(change.id, known);
      return send(202, { regulatorRef: known.regulatorRef });
    }
    if (request.method === 'GET' && url.pathname === '/events') {
      const after = Number(url.searchParams.get('after') ?? 0);
      polls.push(url.searchParams.get('after'));
      const page = events.filter((e) => e.seq > after).slice(0, 2);
      return send(200, { events: page.map((e) => e.event), cursor: page.length ? String(page.at(-1)!.seq) : url.searchParams.get('after') });
    }
    if (request.method === 'POST' && url.pathname === '/lookup') return send(200, lookup(JSON.parse(body.toString()) as NationalQuery));
    return send(404, { message: 'no such call' });
  }

  function confirmSms(mobile: string, code: string): boolean {
    const entry = [...submissions.values()].find((s) => s.status === 'sms_check' && s.codes.has(mobile));
    if (!entry || entry.codes.get(mobile) !== code) return false;
    entry.codes.delete(mobile);
    if (entry.codes.size === 0) {
      entry.status = 'review';
      emit(entry.submission.id, { type: 'sms_check_passed' });
    }
    return true;
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, response, Buffer.concat(chunks))
        .then((status) => requests.push({ method: request.method ?? '', path: new URL(request.url ?? '/', 'http://fake').pathname, status }))
        .catch(() => response.writeHead(500).end())
        .finally(wake);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    key: KEY,
    submissions,
    accessChanges,
    files,
    requests,
    /** The cursors the platform polled from, in order. */
    polls,
    /** Resolves when a submission (the n-th, counting from 1) has arrived. */
    received: (n = 1) => until(`submission ${n}`, () => submissions.size >= n).then(() => [...submissions.values()][n - 1]!.submission),
    /** Resolves once the platform has polled past event `seq`, i.e. has applied it. */
    polledPast: (seq: number) => until(`a poll past event ${seq}`, () => polls.some((after) => Number(after ?? 0) >= seq)),
    get lastEventSeq() {
      return events.length;
    },

    /** Intake: the registry check, then the SMS check (or straight to review for cancelling access). */
    intake(id: string): number {
      const entry = stored(id);
      const certificate = certificateOf(entry.submission.draft);
      const taken = domainsOf(entry.submission.draft).filter((domain) => registry.some((r) => r.status === 'active' && r.domain === domain && r.certificate !== certificate));
      if (taken.length && entry.submission.kind !== 'connect') {
        entry.status = 'rejected';
        return emit(id, { type: 'rejected', reasons: taken.map((domain) => ({ code: 'RECORD_EXISTS_AT_REGULATOR', note: `${domain} is filed under another certificate` })) });
      }
      if (entry.submission.kind === 'cancel_access') {
        entry.status = 'review';
        return emit(id, { type: 'under_review' });
      }
      entry.status = 'sms_check';
      for (const person of responsiblePersons(entry.submission.draft)) {
        if (person.mobile) entry.codes.set(person.mobile, String(randomInt(0, 1_000_000)).padStart(6, '0'));
      }
      return emit(id, { type: 'sms_check_started', expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString() });
    },
    /** The codes it texted, as the responsible persons would read them. */
    codes: (id: string) => [...stored(id).codes].map(([mobile, code]) => ({ mobile, code })),
    confirmSms,
    expireSms(id: string): number {
      const entry = stored(id);
      entry.status = 'rejected';
      return emit(id, { type: 'rejected', reasons: [{ code: 'SMS_VERIFICATION_TIMEOUT' }] });
    },
    /** The 管局 decides: approves with numbers from its registry, or rejects with the given reasons. */
    decide(id: string, rejection?: RegulatorReason[]): number {
      const entry = stored(id);
      if (rejection) {
        entry.status = 'rejected';
        return emit(id, { type: 'rejected', reasons: rejection });
      }
      entry.status = 'approved';
      return emit(id, { type: 'approved', numbers: numbers(entry) });
    },
    /** An event as the test writes it (to see what the platform does with a wrong one). */
    emitRaw: (submissionId: string, body: Record<string, unknown>) => emit(submissionId, body),
    fileElsewhere(domain: string, subjectNumber: string, certificate = 'business_license:91110000000000000X', leaderId: string | null = null): void {
      registry.push({ certificate, domain, subjectNumber, serviceNumber: `${subjectNumber}-1`, leaderId, status: 'active' });
    },
    /** The next `count` calls (files, submissions, events, look-ups) answer `status`. */
    failNext(count: number, status = 503): void {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    /** The outage is over: pending failures are dropped. */
    recover(): void {
      failures.length = 0;
    },
    refuseNext(reasons: RegulatorReason[]): void {
      refusal = reasons;
    },
    events: () => events.map((e) => e.event as RegulatorEvent),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
