import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegulatorRefusedError, RegulatorUnavailableError } from '../../src/regulator/errors.ts';
import type { Regulator, RegulatorEvent, RegulatorReason, RegulatorSubmission } from '../../src/regulator/port.ts';
import { REJECTION_REASON_CODES } from '../../src/rules/index.ts';
import { buildDraft } from './drafts.ts';

/**
 * What the contract suite needs from the world around an adapter: the regulator's side of each step (its intake, a
 * person typing the SMS code, the 管局's decision) and a way to see the progress the adapter reports. Every adapter
 * — the simulator, the HTTP gateway adapter, a provider's own — runs the same cases through its harness
 * (docs/regulator.md, "Testing your adapter").
 */
export type ContractHarness = {
  regulator: Regulator;
  /** The time to stamp a submission's approval with (the application clock where there is one). */
  now(): Date;
  /** Every event the adapter has reported so far, pushed to its sink or returned by poll(), oldest first. */
  events(): Promise<RegulatorEvent[]>;
  /** The regulator takes the submission in: checks its registry, then starts the SMS check (or rejects). */
  receive(submissionId: string): Promise<void>;
  /** The codes the regulator texted for a submission, as the responsible persons read them. */
  smsCodes(submission: RegulatorSubmission): Promise<{ mobile: string; code: string }[]>;
  /** A responsible person types a code where the regulator asks for it. */
  confirmSms(mobile: string, code: string): Promise<void>;
  /** 24 hours pass without every code confirmed. */
  expireSms(submissionId: string): Promise<void>;
  /** The 管局 decides a submission under review. */
  decide(submissionId: string): Promise<void>;
  /** Another subject's filing of this domain is in the national registry. */
  fileElsewhere(domain: string, subjectNumber: string): Promise<void>;
  /** Adapters that reach the regulator over a network: the next call fails with this HTTP status. */
  failNext?(status: number): void;
  /** Adapters whose regulator may refuse a submission outright: the next one is refused with these reasons. */
  refuseNext?(reasons: RegulatorReason[]): void;
  stop(): Promise<void>;
};

const MATERIAL = Buffer.from('a scanned business licence, as the contract suite sends it');

/** A submission as the platform would send it after the provider's approval. */
export function submission(harness: ContractHarness, overrides: Partial<RegulatorSubmission> = {}): RegulatorSubmission {
  const draft = overrides.draft ?? buildDraft();
  const services = Array.isArray(draft.services) ? draft.services : [];
  return {
    id: randomUUID(),
    orderId: randomUUID(),
    orderNumber: `20261123-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    kind: 'first_filing',
    province: '330000',
    draft,
    services: services.map((s: { filedNumber?: string }, index: number) => ({ index, ...(s.filedNumber ? { filedNumber: s.filedNumber } : {}) })),
    targetServices: [],
    materials: [
      {
        kind: 'subject_certificate',
        appliesTo: 'subject',
        issuedOn: null,
        sha256: createHash('sha256').update(MATERIAL).digest('hex'),
        format: 'jpg',
        bytes: MATERIAL.length,
        read: async () => MATERIAL,
      },
    ],
    faceChecks: [{ person: 'subject.leader', vendorRef: 'vendor-1', score: 0.98, at: harness.now().toISOString() }],
    approvedAt: harness.now().toISOString(),
    ...overrides,
  };
}

export function describeRegulatorContract(adapter: string, start: () => Promise<ContractHarness>): void {
  describe(`the regulator contract: ${adapter}`, () => {
    let harness: ContractHarness;
    beforeEach(async () => {
      harness = await start();
    });
    afterEach(async () => {
      await harness.stop();
    });

    const eventsOf = async (id: string) => (await harness.events()).filter((e) => e.submissionId === id);
    const typesOf = async (id: string) => (await eventsOf(id)).map((e) => e.type);

    /** Takes a submission through intake, the SMS check and the decision; returns its last event. */
    async function through(sent: RegulatorSubmission): Promise<RegulatorEvent> {
      await harness.regulator.submit(sent);
      await harness.receive(sent.id);
      if ((await typesOf(sent.id)).includes('sms_check_started')) {
        for (const { mobile, code } of await harness.smsCodes(sent)) await harness.confirmSms(mobile, code);
      }
      await harness.decide(sent.id);
      return (await eventsOf(sent.id)).at(-1)!;
    }

    async function filedFirst(): Promise<{ sent: RegulatorSubmission; subject: string }> {
      const sent = submission(harness);
      const last = await through(sent);
      if (last.type !== 'approved') throw new Error(`the first filing ended ${last.type}`);
      return { sent, subject: last.numbers.subject };
    }

    it('names itself and offers every call of the port, with a way to report progress', () => {
      const r = harness.regulator;
      expect(r.name).toMatch(/^[a-z0-9][a-z0-9._-]{0,39}$/);
      for (const method of [r.submit, r.changeAccess, r.lookup]) expect(typeof method).toBe('function');
      expect(typeof r.poll === 'function' || typeof r.start === 'function').toBe(true);
    });

    it('files a first filing: SMS check, review, then numbers the regulator issues', async () => {
      const sent = submission(harness);
      const receipt = await harness.regulator.submit(sent);
      expect(receipt.regulatorRef).toEqual(expect.any(String));
      expect(receipt.regulatorRef.length).toBeGreaterThan(0);

      await harness.receive(sent.id);
      expect(await typesOf(sent.id)).toEqual(['sms_check_started']);
      const codes = await harness.smsCodes(sent);
      expect(codes.map((c) => c.mobile)).toEqual(['13800000001']); // one text per responsible person's mobile
      for (const { mobile, code } of codes) await harness.confirmSms(mobile, code);
      expect(await typesOf(sent.id)).toEqual(['sms_check_started', 'sms_check_passed']);

      await harness.decide(sent.id);
      const events = await eventsOf(sent.id);
      expect(events.map((e) => e.type)).toEqual(['sms_check_started', 'sms_check_passed', 'approved']);
      const approved = events[2]!;
      if (approved.type !== 'approved') throw new Error('not approved');
      expect(approved.numbers.subject).toMatch(/^浙ICP备20\d{8}号$/);
      expect(approved.numbers.services).toEqual([{ index: 0, number: `${approved.numbers.subject}-1` }]);
      expect(new Set(events.map((e) => e.id)).size).toBe(3);
      for (const event of events) expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    });

    it('takes the same submission once, however often it is sent', async () => {
      const sent = submission(harness);
      const first = await harness.regulator.submit(sent);
      expect(await harness.regulator.submit(sent)).toEqual(first);
      await harness.receive(sent.id);
      expect(await typesOf(sent.id)).toEqual(['sms_check_started']);
    });

    it('answers look-ups from its registry once a subject is filed', async () => {
      const { subject } = await filedFirst();
      const draft = buildDraft();
      const own = await harness.regulator.lookup({ certificate: draft.subject.certificate, personIds: [draft.subject.leader.idNumber] });
      expect(own.subject).toEqual({ number: subject, status: 'active', services: [{ number: `${subject}-1`, domain: 'yunqi-demo.cn' }] });
      expect(own.orderInProgress).toBe(false);
      expect(own.personIdsElsewhere).toEqual([]); // leads this very subject

      const other = await harness.regulator.lookup({
        certificate: { type: 'business_license', number: '91330106MA2B3C4D6X' },
        domains: ['yunqi-demo.cn', 'never-filed.cn'],
        personIds: [draft.subject.leader.idNumber],
      });
      expect(other.subject).toBeNull();
      expect(other.domains).toEqual([{ domain: 'yunqi-demo.cn', subjectNumber: subject, sameSubject: false }]);
      expect(other.personIdsElsewhere).toEqual([draft.subject.leader.idNumber]);
    });

    it('numbers a new service under the filed subject after the ones it has', async () => {
      const { subject } = await filedFirst();
      const second = buildDraft({ domain: 'yunqi-demo2.cn' });
      const last = await through(submission(harness, { kind: 'new_service_subject_here', subjectNumber: subject, draft: second }));
      expect(last).toMatchObject({ type: 'approved', numbers: { subject, services: [{ index: 0, number: `${subject}-2` }] } });
    });

    it('keeps a service’s number through a change of that service', async () => {
      const { subject } = await filedFirst();
      const changed = buildDraft();
      changed.services[0]!.name = '云栖示例科技（新名称）';
      (changed.services[0] as Record<string, unknown>).filedNumber = `${subject}-1`;
      const last = await through(submission(harness, { kind: 'change_service', subjectNumber: subject, draft: changed }));
      expect(last).toMatchObject({ type: 'approved', numbers: { subject, services: [{ index: 0, number: `${subject}-1` }] } });
    });

    it('rejects with reasons from the catalogue (DESIGN §5.8)', async () => {
      await harness.fileElsewhere('yunqi-demo.cn', '沪ICP备2020000001号');
      const sent = submission(harness);
      await harness.regulator.submit(sent);
      await harness.receive(sent.id);
      const last = (await eventsOf(sent.id)).at(-1)!;
      if (last.type !== 'rejected') throw new Error(`expected a rejection, got ${last.type}`);
      expect(last.reasons.map((r) => r.code)).toContain('RECORD_EXISTS_AT_REGULATOR');
      for (const reason of last.reasons) expect(REJECTION_REASON_CODES).toContain(reason.code);
    });

    it('rejects an SMS check not confirmed within 24 hours', async () => {
      const sent = submission(harness);
      await harness.regulator.submit(sent);
      await harness.receive(sent.id);
      await harness.expireSms(sent.id);
      expect((await eventsOf(sent.id)).at(-1)).toMatchObject({ type: 'rejected', reasons: [{ code: 'SMS_VERIFICATION_TIMEOUT' }] });
    });

    it('cancels a filed service: approved without numbers, and gone from the registry', async () => {
      const { subject } = await filedFirst();
      const last = await through(submission(harness, { kind: 'cancel_service', subjectNumber: subject, targetServices: [`${subject}-1`] }));
      expect(last).toMatchObject({ type: 'approved', numbers: { subject, services: [] } });
      expect((await harness.regulator.lookup({ domains: ['yunqi-demo.cn'] })).domains).toEqual([]);
    });

    it('cancels access without an SMS check', async () => {
      const { subject } = await filedFirst();
      const sent = submission(harness, { kind: 'cancel_access', subjectNumber: subject, targetServices: [`${subject}-1`] });
      await harness.regulator.submit(sent);
      await harness.receive(sent.id);
      expect(await typesOf(sent.id)).toEqual(['under_review']);
      await harness.decide(sent.id);
      expect((await eventsOf(sent.id)).at(-1)).toMatchObject({ type: 'approved', numbers: { subject, services: [] } });
    });

    it('acknowledges an access change once, however often it is sent', async () => {
      const { subject } = await filedFirst();
      const change = { id: randomUUID(), action: 'revoke' as const, subjectNumber: subject, serviceNumbers: [`${subject}-1`], reason: 'shell site (SHELL_SITE)' };
      const first = await harness.regulator.changeAccess(change);
      expect(first.regulatorRef).toEqual(expect.any(String));
      expect(await harness.regulator.changeAccess(change)).toEqual(first);
    });

    it('reports an outage as RegulatorUnavailableError, so the platform tries again', async (context) => {
      if (!harness.failNext) return context.skip();
      const sent = submission(harness);
      harness.failNext(503);
      await expect(harness.regulator.submit(sent)).rejects.toBeInstanceOf(RegulatorUnavailableError);
      harness.failNext(503);
      await expect(harness.regulator.lookup({ domains: ['yunqi-demo.cn'] })).rejects.toBeInstanceOf(RegulatorUnavailableError);
      expect((await harness.regulator.submit(sent)).regulatorRef).toEqual(expect.any(String));
    });

    it('reports a refusal with its reasons as RegulatorRefusedError', async (context) => {
      if (!harness.refuseNext) return context.skip();
      harness.refuseNext([{ code: 'DATA_NOT_IN_REGISTRY', path: 'subject.certificate.number' }]);
      const refusal = await harness.regulator.submit(submission(harness)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RegulatorRefusedError);
      expect((refusal as RegulatorRefusedError).reasons).toEqual([{ code: 'DATA_NOT_IN_REGISTRY', path: 'subject.certificate.number' }]);
    });

    it('repeats events when polled from an earlier cursor, and never skips one', async (context) => {
      const poll = harness.regulator.poll?.bind(harness.regulator);
      if (!poll) return context.skip();
      await filedFirst();
      const drain = async (from: string | null) => {
        const pages: { events: RegulatorEvent[]; cursor: string | null }[] = [];
        for (let page = await poll(from); page.events.length > 0; page = await poll(page.cursor)) pages.push(page);
        return pages;
      };
      const pages = await drain(null);
      const ids = (list: { events: RegulatorEvent[] }[]) => list.flatMap((p) => p.events.map((e) => e.id));
      expect(pages.flatMap((p) => p.events.map((e) => e.type))).toEqual(['sms_check_started', 'sms_check_passed', 'approved']);
      // From the cursor after the first page: the rest, again; from the start: everything, again.
      expect(ids(await drain(pages[0]!.cursor))).toEqual(ids(pages.slice(1)));
      expect(ids(await drain(null))).toEqual(ids(pages));
    });
  });
}
