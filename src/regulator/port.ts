// The regulator port (DESIGN §5.12): how the platform talks to the filing authority — the 部级系统 and the
// provincial 管局 behind it. The platform submits orders and access changes, learns their progress, and looks up
// the national registry; it never makes up a filing number. An adapter implements this interface: the built-in
// simulator (demo and test mode), the HTTP gateway adapter (./http-adapter.ts), or a provider's own module named
// by OPENBEIAN_REGULATOR. docs/regulator.md explains how to write one; test/regulator-contract.test.ts checks it.
//
// This file is types only: it is imported by src/core/context.ts and must not import any context.

import type { FilingKind, RejectionReasonCode } from '../rules/index.ts';

export interface Regulator {
  /** Short, stable name: it keys the events table and the poll cursor ("simulator", "http", "zj-gateway" …). */
  readonly name: string;

  /**
   * Called once the platform can take progress: an adapter that is told about progress (a webhook, a message
   * queue, or its own timers) keeps `sink` and hands every event to it. Adapters that are only polled may ignore it.
   */
  start?(sink: ProgressSink): Promise<void> | void;
  /** Called on shutdown: stop timers, close connections. */
  stop?(): Promise<void> | void;

  /**
   * Sends an order of any kind, cancellations included. Idempotent on `submission.id`: sending the same id again
   * (the platform retries after a timeout) returns the first receipt and files nothing twice. Throws
   * RegulatorUnavailableError when it may work later (the platform retries with backoff) and
   * RegulatorRefusedError when the regulator will not take this submission as it is (the order goes back to the
   * applicant as `regulator_rejected` with the error's reasons).
   */
  submit(submission: RegulatorSubmission): Promise<SubmitReceipt>;

  /**
   * A change of access the provider makes outside any order, e.g. 取消接入 after a violation. Idempotent on
   * `change.id`; the same errors as `submit`.
   */
  changeAccess(change: AccessChange): Promise<SubmitReceipt>;

  /**
   * Progress since `cursor` (null: from the beginning of what the adapter still holds), oldest first, and the
   * cursor to ask from next time. The platform calls it on a timer when it exists. The same event may come twice
   * (the platform applies each event id once); an event must never be skipped.
   */
  poll?(cursor: string | null): Promise<PollResult>;

  /** The national registry: what is filed under a certificate, a domain, a person — at any provider. */
  lookup(query: NationalQuery): Promise<NationalRecords>;

  /**
   * Only where the platform itself relays the SMS check (the simulator in demo mode). Against the real regulator
   * the responsible person confirms the code on MIIT's page, and the adapter reports `sms_check_passed`.
   */
  readonly sms?: SmsCheck;
}

/** What the platform gives an adapter module at boot (a provider's module: `export function createRegulator`). */
export type RegulatorSetup = {
  /** Every OPENBEIAN_REGULATOR_* variable but the platform's own, without the prefix: URL, KEY, APP_ID … */
  settings: Readonly<Record<string, string>>;
  mode: 'demo' | 'test' | 'production';
  /** pino-compatible; never log personal data (ID numbers, mobiles) */
  logger: RegulatorLogger;
  /** The application clock; an adapter stamps events with it. */
  now(): Date;
};

export type RegulatorFactory = (setup: RegulatorSetup) => Regulator | Promise<Regulator>;

export type RegulatorLogger = {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
};

/** Where pushed progress goes. Resolves once every event is applied (or known to be a duplicate). */
export type ProgressSink = (events: readonly RegulatorEvent[]) => Promise<void>;

export type PollResult = { events: RegulatorEvent[]; cursor: string | null };

export type SubmitReceipt = {
  /** The regulator's own reference for the submission (its 受理号 or message id), kept for support calls. */
  regulatorRef: string;
};

export type SubmittedService = {
  /** Position in `draft.services`: numbers in the `approved` event refer to it. */
  index: number;
  /** The service's filed number, when the order changes or cancels a service already on record. */
  filedNumber?: string;
};

export type SubmittedMaterial = {
  kind: string;
  appliesTo: string | null;
  issuedOn: string | null;
  /** Of the stored (metadata-stripped) image. */
  sha256: string;
  format: string;
  bytes: number;
  /** The image bytes, decrypted; read only when they are sent. */
  read(): Promise<Buffer>;
};

export type RegulatorSubmission = {
  /** Unique per order and order version; the same id is sent again on a retry. */
  id: string;
  orderId: string;
  /** The platform's order number (shown to the applicant). */
  orderNumber: string;
  kind: FilingKind;
  /** GB/T 2260 code of the filing province: the 管局 that decides. */
  province: string;
  /** The whole FilingDraft (DESIGN §5.1), personal data in clear: send it only over an encrypted channel. */
  draft: Record<string, unknown>;
  services: SubmittedService[];
  /** The subject's filed number, for an order on an existing filing (changes, cancellations, new services). */
  subjectNumber?: string;
  /** The services a cancellation or access change is about (their filed numbers). */
  targetServices: string[];
  materials: SubmittedMaterial[];
  /** Face checks of the responsible persons, as the vendor reported them. */
  faceChecks: { person: string; vendorRef: string | null; score: number | null; at: string }[];
  /** When the provider's reviewer approved it. */
  approvedAt: string;
};

export type AccessChange = {
  /** Unique per change; the same id is sent again on a retry. */
  id: string;
  action: 'revoke';
  subjectNumber: string;
  serviceNumbers: string[];
  reason: string;
};

/** Every event names the submission it is about and has an id unique within the adapter. */
type EventBase = { id: string; submissionId: string; at: string };

export type RegulatorEvent = EventBase &
  (
    | { type: 'sms_check_started'; expiresAt?: string }
    | { type: 'sms_check_passed' }
    /** Received for review without an SMS check (cancelling access needs none). */
    | { type: 'under_review' }
    | { type: 'approved'; numbers: IssuedNumbers }
    | { type: 'rejected'; reasons: RegulatorReason[] }
  );

export type RegulatorEventType = RegulatorEvent['type'];

/**
 * Numbers from the regulator: the subject's, and one per service it filed or kept, by the service's position
 * in the submission. Cancellations carry the subject number and no services.
 */
export type IssuedNumbers = { subject: string; services: { index: number; number: string }[] };

/** A reason code of the catalogue (DESIGN §5.8); anything else reaches the applicant as OTHER with the note. */
export type RegulatorReason = { code: RejectionReasonCode | (string & {}); path?: string; note?: string };

export type NationalQuery = {
  certificate?: { type: string; number: string };
  /** Registrable domains, lower-case ASCII. */
  domains?: readonly string[];
  /** ID numbers of responsible persons. */
  personIds?: readonly string[];
};

export type NationalRecords = {
  /** The certificate's subject as the registry holds it; null when it was never filed. */
  subject: null | {
    number: string | null;
    status: 'active' | 'cancelled';
    /** Its services still filed (domain null for Apps and mini-programs). */
    services: { number: string | null; domain: string | null }[];
  };
  /** An order for the certificate is in progress at some provider. */
  orderInProgress: boolean;
  /** Which of the asked domains are filed, and under which subject. */
  domains: { domain: string; subjectNumber: string | null; sameSubject: boolean }[];
  /** Which of the asked ID numbers lead a filed subject other than the certificate's. */
  personIdsElsewhere: string[];
};

export type SmsVerifyResult =
  | { outcome: 'confirmed'; orderNumber: string; remaining: number }
  | { outcome: 'wrong_code'; attemptsLeft: number }
  | { outcome: 'locked' | 'expired' | 'unknown' };

export type SmsCheck = {
  /** A responsible person types the code they received. */
  verify(input: { mobile: string; code: string }): Promise<SmsVerifyResult>;
  /** A new code to the same mobile; the 24-hour window does not restart. */
  resend(input: { mobile: string }): Promise<{ sent: boolean }>;
};
