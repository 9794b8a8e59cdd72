// Shapes of the API's answers the console reads (DESIGN §5). Most routes declare no response schema yet, so these
// are written from the contracts; the filing draft and the pre-check are the shared contract types themselves.
export type { FilingDraft, FilingKind, MaterialKind, PrecheckResult } from '../../../src/rules/draft.ts';
import type { PrecheckResult } from '../../../src/rules/draft.ts';
import type { Bilingual, Finding } from './client.ts';

export type Role = 'applicant' | 'reviewer' | 'compliance' | 'butler' | 'admin';
export type User = { id: string; email: string; role: Role; displayName: string | null };
export type Health = { status: 'ok'; mode: string; database: string; time: string };

export type OrderSummary = {
  id: string;
  number: string;
  kind: string | null;
  status: string;
  step: Bilingual | null;
  province: string | null;
  subjectName: string | null;
  domain: string | null;
  filingNumber: string | null;
  createdAt: string;
};

export type Material = {
  id: string;
  kind: string;
  appliesTo: string | null;
  issuedOn: string | null;
  file: { format: string; bytes: number; width?: number; height?: number; colour?: string };
  findings: Finding[];
};

export type Reason = { code: string; path?: string; note?: string; message: Bilingual; fix: Bilingual };
export type SupplementItem = { kind?: string; path?: string; note: string };
export type TimelineEntry = { at: string; status: string; actor: string; note: string | null; label: Bilingual };

export type OrderView = {
  id: string;
  /** Set while the applicant lets the provider's staff see the draft before submitting it. */
  helpRequestedAt?: string | null;
  /** How the viewer sees the draft: 'masked' hides ID numbers, mobiles and e-mails (staff outside their work). */
  access?: 'owner' | 'full' | 'masked';
  maskedFields?: string[];
  number: string;
  kind: string | null;
  status: string;
  statusLabel: Bilingual;
  version: number;
  draft: Record<string, unknown>;
  precheck: PrecheckResult;
  materials: Material[];
  faceVerifications: { person: string; outcome: string; at: string }[];
  calls: { person: string; outcome: string; note: string | null; at: string }[];
  timeline: TimelineEntry[];
  rejectReasons: Reason[];
  supplementItems: SupplementItem[];
  /** Field by field, what changed since the order was last sent back (null when it never was). */
  changesSinceDecision: ChangesSinceDecision | null;
  numbers?: { subject: string; services: { number: string; name: string; domain: string | null; kind: string }[] };
  eta?: {
    at: string;
    regulatorWorkdays: number;
    isApproximate: boolean;
    /** Why the estimate is approximate: the holiday calendar of a year it runs into is not published yet. */
    calendarWarning?: Bilingual;
    steps: { status: string; expectedBy: string }[];
  };
  slaDueAt: string | null;
  createdAt: string;
  /** The truthfulness promise: its wording, and when it was last made with a submission. */
  promise: {
    version: string;
    title: Bilingual;
    text: Bilingual;
    lastMade: { at: string; version: string; isExplicit: boolean } | null;
  };
  /** While the regulator's SMS check runs: the deadline (ISO instant) and each texted mobile's state. */
  sms?: {
    sentAt: string;
    deadline: string;
    mobiles: { mobile: string; isConfirmed: boolean; attemptsLeft: number }[];
  } | null;
};

/** What PUT /api/v1/orders/{id} answers. */
export type SavedOrder = { id: string; version: number; kind: string | null; status: string };

export type QueueItem = {
  id: string;
  number: string;
  kind: string | null;
  province: string | null;
  subjectName: string | null;
  domains: string[];
  version: number;
  submittedAt: string | null;
  slaDueAt: string | null;
  isOverdue: boolean;
  claimedBy: string | null;
};

export type PublicFiling = {
  domain: string;
  unitName: string;
  natureName: string;
  mainLicence: string;
  serviceLicence: string;
  serviceName: string;
  leaderName?: string;
  homeUrl: string;
  limitAccess: string;
  contentTypeName: string;
  updateRecordTime: string;
};

export type FiledSubjectSummary = {
  number: string;
  name: string;
  province: string;
  status: string;
  approvedAt: string;
};
export type FiledService = {
  number: string;
  seq: number;
  kind: string;
  name: string;
  domain: string | null;
  domains: string[];
  homeUrl: string | null;
  accessState: string;
  /** While a content-violation suspension holds the site off. */
  suspendedUntil?: string | null;
  approvedAt: string;
};
export type FiledSubject = {
  number: string;
  province: string;
  name: string;
  nature: string;
  /** What is on record now (a change_subject shows here once approved); the mobile comes masked. */
  mailingAddress?: string | null;
  leader?: { name: string | null; mobile: string | null } | null;
  status: string;
  approvedAt: string;
  footerRule?: { shows: 'subject_number' | 'service_number'; copyrightLine: boolean; source: string };
  services: FiledService[];
  history: { at: string; kind: string; orderId: string | null; summary: string | null }[];
};
export type Footer = { html: string; serviceNumber: string; rule?: unknown };

export type Handoff = { url: string; token: string; expiresAt: string; qrSvgUrl: string; qrPngUrl?: string };
export type HandoffView = {
  orderNumber: string;
  persons: { path: string; name: string; isVerified: boolean }[];
  materials: PrecheckResult['materials'];
  uploaded: { kind: string; appliesTo: string | null }[];
};

export type FaceResult = {
  id: string;
  person: string;
  outcome: 'passed' | 'failed' | 'error';
  reason: string | null;
  at: string;
};
export type SmsResult = { outcome: string; message: Bilingual };

export type Stats = {
  since?: string;
  byStatus: { status: string; count: number }[];
  byProvince: { province: string | null; name: string | null; count: number }[];
  byDay: { day: string; count: number }[];
  reviewSla: { met: number; missed: number; overdueNow: number };
  providerReview: { decided: number; approvalRate: number | null };
  regulator: { decided: number; approvalRate: number | null };
  topRejectionReasons: { code: string; count: number; title: Bilingual }[];
};

/** A resource bought here (`GET /api/v1/resources`) and whether it can issue filing service codes (SPEC §5.2). */
export type ResourceView = {
  id: string;
  kind: string;
  kindName: Bilingual;
  label: string;
  region: string;
  isMainland: boolean;
  billing: 'subscription' | 'pay_as_you_go';
  paidMonths: number;
  hasPublicBandwidth: boolean;
  publicIps: string[];
  createdAt: string;
  /** The last day it serves is this instant's date in Beijing; null when it does not expire. */
  expiresAt: string | null;
  eligibility: { isEligible: boolean; codes: number; problems: ({ code: string } & Bilingual)[] };
  codesIssued: number;
  codesRemaining: number;
};

/** A filing service code (`GET /api/v1/service-codes`) with its resource, IPs and the order it is bound to. */
export type ServiceCodeView = {
  code: string;
  issuedAt: string;
  revokedAt: string | null;
  resource: { id: string; kind: string; label: string; name: Bilingual; region: string };
  ips: string[];
  boundOrder: { id: string; number: string; status: string; boundAt: string | null } | null;
};

export type IssuedServiceCode = {
  code: string;
  resourceId: string;
  ips: string[];
  issuedAt: string;
  codesRemaining: number;
};

export type ListPage<T> = { items: T[]; total: number; page: number; pageSize: number };

export type DecisionReason = { code?: string; kind?: string; path?: string; note?: string; message?: Bilingual };

export type ChangesSinceDecision = {
  decision: {
    outcome: 'provider_rejected' | 'regulator_rejected' | 'supplement_requested';
    version: number;
    decidedAt: string;
    reasons: DecisionReason[];
  };
  /** Personal values (ID numbers, mobiles) come masked for this reader. */
  isMasked: boolean;
  fields: {
    path: string;
    change: 'added' | 'removed' | 'changed';
    before: string | null;
    after: string | null;
    personal?: 'id_number' | 'mobile' | 'email';
    /** Indexes of the reasons that name this field. */
    reasons: number[];
  }[];
  materials: { kind: string; appliesTo: string | null; change: 'added' | 'replaced'; at: string; reasons: number[] }[];
  answers: { reason: number; paths: string[]; materials: string[]; isAnswered: boolean }[];
};
