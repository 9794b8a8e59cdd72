// What changed between the draft a reviewer (or the 管局) sent back and the draft as it is now, field by field,
// and which of the reasons given each change answers. Pure: the filing context loads the two drafts, the reasons
// and the uploads, and masks personal values for roles that see them masked.

import type { Bilingual } from './draft.ts';

/** A reason the order went back for: a rejection reason (code, path?) or a supplement item (kind?, path?, note). */
export type DecisionReason = { code?: string; kind?: string; path?: string; note?: string; message?: Bilingual };

/** Personal values are masked for roles that see masked data: which masking applies to a field. */
export type PersonalKind = 'id_number' | 'mobile' | 'email';

export type FieldChange = {
  /** Draft path, as the pre-check names fields: "services[0].domains[0].holder". */
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** Display values (lists joined with ", "); null where the field was or is empty. */
  before: string | null;
  after: string | null;
  personal?: PersonalKind;
  /** Indexes into the decision's reasons that name this field. */
  reasons: number[];
};

export type MaterialUpload = { kind: string; appliesTo: string | null; change: 'added' | 'replaced'; at: string };
export type MaterialChange = MaterialUpload & { reasons: number[] };

export type ReasonAnswer = {
  reason: number;
  /** Changed fields and uploads that answer it. */
  paths: string[];
  materials: string[];
  /** False: nothing the reason names has changed since the decision. */
  isAnswered: boolean;
};

export type DecisionDiff = { fields: FieldChange[]; materials: MaterialChange[]; answers: ReasonAnswer[] };

type Leaf = string | null;

/** Lists of plain values (IPs, content types) are one field; lists of objects (services, domains) are walked. */
function flatten(value: unknown, path: string, into: Map<string, Leaf>): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const shown = value.filter((v) => v !== null && v !== undefined && v !== '').map(String);
      if (shown.length > 0) into.set(path, shown.join(', '));
      return;
    }
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, into));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) flatten(child, path ? `${path}.${key}` : key, into);
    return;
  }
  into.set(path, String(value));
}

// Uploads are compared on their own; a material list declared inside the draft is not what a reviewer judged.
const IGNORED = /^(materials|submittedOn|account)(\[|\.|$)/;

const ID_TYPES = new Set(['resident_id', 'hk_macau_permit', 'taiwan_permit', 'hmt_residence_permit', 'passport', 'foreign_permanent_residence']);

function personalKind(path: string, draftsCertificateIsId: boolean): PersonalKind | undefined {
  if (/(^|\.)idNumber$/.test(path)) return 'id_number';
  if (/(^|\.)(mobile|emergencyPhone)$/.test(path)) return 'mobile';
  // A person's e-mail (a leader's); access.ts masks it in the draft, so the change is masked too.
  if (/leader\.email$/.test(path)) return 'email';
  if (path === 'subject.certificate.number' && draftsCertificateIsId) return 'id_number';
  return undefined;
}

function certificateIsId(draft: unknown): boolean {
  const type = (draft as { subject?: { certificate?: { type?: unknown } } } | null)?.subject?.certificate?.type;
  return typeof type === 'string' && ID_TYPES.has(type);
}

/** Fields a reason without a path usually concerns (rules/reasons.ts catalogue), as path patterns. */
const FIELDS_BY_REASON_CODE: Readonly<Record<string, readonly RegExp[]>> = {
  DOMAIN_NOT_IN_REGISTRAR_DB: [/^services\[\d+\]\.domains/],
  DOMAIN_NOT_REAL_NAME: [/^services\[\d+\]\.domains/],
  REGISTRANT_CERT_TYPE_MISMATCH: [/^services\[\d+\]\.domains/],
  DOMAIN_OWNER_WRONG: [/^services\[\d+\]\.domains/],
  DOMAIN_NOT_IN_REGULATOR_DB: [/^services\[\d+\]\.domains/],
  // The 管局 holds a record of this subject or domain under another certificate: the certificate or the domain answers.
  RECORD_EXISTS_AT_REGULATOR: [/^subject\.certificate/, /^services\[\d+\]\.domains/],
  SITE_NAME_UNACCEPTABLE: [/^services\[\d+\]\.name$/],
  SITE_CONTENT_UNACCEPTABLE: [/^services\[\d+\]\.(name|contentTypes|preApprovals)$/],
  PRE_APPROVAL_UNACCEPTABLE: [/^services\[\d+\]\.preApprovals$/],
  CROSS_PROVINCE: [/^province$/, /^subject\.certificate/],
  ADDRESS_NOT_IN_PROVINCE: [/^subject\.certificate\.address$/, /^subject\.mailingAddress$/],
  CERTIFICATE_UNACCEPTABLE: [/^subject\.certificate/],
  LEADER_NOT_LEGAL_REP: [/^subject\.leader/, /^subject\.legalRepresentative$/],
  PHONE_PROBLEM: [/\.(mobile|emergencyPhone)$/],
  PHONE_UNREACHABLE: [/\.(mobile|emergencyPhone)$/],
  SERVICE_LEADER_ID_DUPLICATE: [/^services\[\d+\]\.leader/],
  ACCESS_PROVIDER_MISMATCH: [/^services\[\d+\]\.access/],
  WRONG_FILING_KIND: [/^services/],
};

/** Reasons about documents are answered by a new upload of any material. */
const MATERIAL_REASON_CODES = new Set(['CERTIFICATE_UNACCEPTABLE']);

/** The reason names the field itself, one inside it (a whole person or domain), or one of its parts. */
function pathsMeet(reasonPath: string, fieldPath: string): boolean {
  if (reasonPath === fieldPath) return true;
  const inside = (outer: string, inner: string) => inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return inside(reasonPath, fieldPath) || inside(fieldPath, reasonPath);
}

function reasonNamesField(reason: DecisionReason, path: string): boolean {
  if (reason.path) return pathsMeet(reason.path, path);
  return (FIELDS_BY_REASON_CODE[reason.code ?? ''] ?? []).some((pattern) => pattern.test(path));
}

function reasonNamesUpload(reason: DecisionReason, upload: MaterialUpload): boolean {
  if (reason.kind) return reason.kind === upload.kind && (!reason.path || !upload.appliesTo || pathsMeet(reason.path, upload.appliesTo));
  if (reason.code && MATERIAL_REASON_CODES.has(reason.code)) return true;
  return reason.path !== undefined && upload.appliesTo !== null && pathsMeet(reason.path, upload.appliesTo);
}

/**
 * Compares the draft as decided on (`before`) with the draft now (`after`): every field added, removed or changed,
 * each with the reasons that name it; the uploads since the decision likewise; and for each reason, what answers it.
 */
export function diffSinceDecision(input: {
  before: unknown;
  after: unknown;
  reasons: readonly DecisionReason[];
  uploads?: readonly MaterialUpload[];
}): DecisionDiff {
  const before = new Map<string, Leaf>();
  const after = new Map<string, Leaf>();
  flatten(input.before, '', before);
  flatten(input.after, '', after);
  const isIdCertificate = certificateIsId(input.before) || certificateIsId(input.after);
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter((p) => !IGNORED.test(p));
  const fields: FieldChange[] = [];
  for (const path of paths) {
    const was = before.get(path) ?? null;
    const now = after.get(path) ?? null;
    if (was === now) continue;
    const personal = personalKind(path, isIdCertificate);
    fields.push({
      path,
      change: was === null ? 'added' : now === null ? 'removed' : 'changed',
      before: was,
      after: now,
      ...(personal ? { personal } : {}),
      reasons: input.reasons.flatMap((reason, i) => (reasonNamesField(reason, path) ? [i] : [])),
    });
  }
  const materials: MaterialChange[] = (input.uploads ?? []).map((upload) => ({
    ...upload,
    reasons: input.reasons.flatMap((reason, i) => (reasonNamesUpload(reason, upload) ? [i] : [])),
  }));
  const answers: ReasonAnswer[] = input.reasons.map((_, i) => {
    const answeringPaths = fields.filter((f) => f.reasons.includes(i)).map((f) => f.path);
    const answeringUploads = materials.filter((m) => m.reasons.includes(i)).map((m) => m.kind);
    return { reason: i, paths: answeringPaths, materials: answeringUploads, isAnswered: answeringPaths.length + answeringUploads.length > 0 };
  });
  return { fields, materials, answers };
}
