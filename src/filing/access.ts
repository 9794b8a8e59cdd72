import type { AppContext } from '../core/context.ts';
import { maskEmail, maskIdNumber, maskMobile } from '../core/personal-data.ts';
import { isStaff, type Role, type SessionUser } from '../accounts/index.ts';
import { responsiblePersons } from './responsible-persons.ts';

// Who sees what of an order (least privilege, PIPL art. 40 / ASVS 4.1, 8.3), in one table:
//
//  | viewer                     | before submit                     | in the review queue | otherwise  |
//  |----------------------------|-----------------------------------|---------------------|------------|
//  | the applicant who owns it  | everything                        | everything          | everything |
//  | reviewer, admin            | nothing, unless help was asked    | full data           | masked     |
//  | compliance                 | nothing, unless help was asked    | masked              | masked     |
//  | butler                     | nothing (it works its tickets, not the filings; accounts/roles.ts)              |
//
// "Masked" shows names but hides ID numbers, mobiles, phones and e-mails (138****0001); a staff member who needs one
// opens it with POST /orders/{id}/reveal, and every view, reveal and download by staff is an audit row carrying the
// keyed hashes of the people concerned.

export type OrderAccess = 'owner' | 'full' | 'masked';

/** Statuses in which an order is in the provider review queue, where the reviewer needs the full data. */
export const REVIEW_QUEUE_STATUSES: readonly string[] = ['provider_review'];
const FULL_IN_QUEUE: readonly Role[] = ['reviewer', 'admin'];

export type AccessFacts = { userId: string; status: string; submittedAt: Date | null; helpRequestedAt: Date | null };

/** Staff may see an order once it was submitted, or while its applicant asks for help with the draft. */
export const isOpenToStaff = (order: Pick<AccessFacts, 'submittedAt' | 'helpRequestedAt'>): boolean => order.submittedAt !== null || order.helpRequestedAt !== null;

export function orderAccess(user: SessionUser, order: AccessFacts): OrderAccess | null {
  if (order.userId === user.id) return 'owner';
  if (!isStaff(user.role) || !isOpenToStaff(order)) return null;
  return FULL_IN_QUEUE.includes(user.role) && REVIEW_QUEUE_STATUSES.includes(order.status) ? 'full' : 'masked';
}

const ID_TYPES = new Set(['resident_id', 'hk_macau_permit', 'taiwan_permit', 'hmt_residence_permit', 'passport', 'foreign_permanent_residence']);
const PERSON_FIELDS: Record<string, (value: string) => string> = { idNumber: maskIdNumber, mobile: maskMobile, emergencyPhone: maskMobile, email: maskEmail };

type Masked = { draft: Record<string, unknown>; maskedFields: string[] };

const asRecord = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** Every personal field of a draft that masking hides, with its path and plain value. */
export function personalFields(draft: Record<string, unknown>): { path: string; value: string; mask: (value: string) => string }[] {
  const found: { path: string; value: string; mask: (value: string) => string }[] = [];
  const person = (value: unknown, path: string) => {
    const record = asRecord(value);
    if (!record) return;
    for (const [field, mask] of Object.entries(PERSON_FIELDS)) {
      if (typeof record[field] === 'string' && record[field] !== '') found.push({ path: `${path}.${field}`, value: record[field] as string, mask });
    }
  };
  const subject = asRecord(draft.subject);
  const certificate = asRecord(subject?.certificate);
  if (certificate && ID_TYPES.has(String(certificate.type)) && typeof certificate.number === 'string') {
    found.push({ path: 'subject.certificate.number', value: certificate.number, mask: maskIdNumber });
  }
  person(subject?.leader, 'subject.leader');
  (Array.isArray(draft.services) ? draft.services : []).forEach((service, index) => person(asRecord(service)?.leader, `services[${index}].leader`));
  return found;
}

/** A copy of the draft with its personal fields masked, and the paths that were masked (for the reveal buttons). */
export function maskDraft(draft: Record<string, unknown>): Masked {
  const copy = structuredClone(draft);
  const fields = personalFields(copy);
  for (const field of fields) {
    const parts = field.path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let target: Record<string, unknown> = copy;
    for (const part of parts.slice(0, -1)) target = (Array.isArray(target) ? (target as unknown[])[Number(part)] : target[part]) as Record<string, unknown>;
    target[parts[parts.length - 1]!] = field.mask(field.value);
  }
  return { draft: copy, maskedFields: fields.map((f) => f.path) };
}

/** Keyed hashes of the ID numbers of the responsible persons (and of a person subject's own ID). */
export function personKeysOf(ctx: AppContext, draft: Record<string, unknown>): string[] {
  const ids = new Set(responsiblePersons(draft).map((p) => p.idNumber));
  const certificate = asRecord(asRecord(draft.subject)?.certificate);
  if (certificate && ID_TYPES.has(String(certificate.type)) && typeof certificate.number === 'string' && certificate.number.trim()) ids.add(certificate.number.trim().toUpperCase());
  return [...ids].map((id) => ctx.cipher.lookupHash(id));
}

/** The keyed hash of the person a field path belongs to ("services[1].leader.mobile" → that leader's ID number). */
export function personKeyOfPath(ctx: AppContext, draft: Record<string, unknown>, path: string): string[] {
  const owner = /^(subject\.leader|services\[\d+\]\.leader)\./.exec(path)?.[1];
  if (!owner) return personKeysOf(ctx, draft);
  const person = responsiblePersons(draft).find((p) => p.path === owner) ?? responsiblePersons(draft)[0];
  return person ? [ctx.cipher.lookupHash(person.idNumber)] : [];
}

/** Fills person_keys of orders written before the column existed (run at start-up; cheap when there are none). */
export async function backfillPersonKeys(ctx: AppContext): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await ctx.db.selectFrom('orders').select(['id', 'draft']).where('person_keys', 'is', null).limit(200).execute();
    for (const row of rows) {
      const draft = JSON.parse(ctx.cipher.decrypt(row.draft)) as Record<string, unknown>;
      await ctx.db.updateTable('orders').set({ person_keys: personKeysOf(ctx, draft) }).where('id', '=', row.id).execute();
    }
    filled += rows.length;
    if (rows.length < 200) return filled;
  }
}

export type { Role };
export { isStaff };
