// The registrar rules (SPEC §8 专项核查): pure, no I/O; the time comes from the caller's clock.
import type { FindingCode } from '../../codes.ts';
import type { RegistrationRecord } from './port.ts';

export type RegistrarProblem = { code: Extract<FindingCode, 'DOMAIN_EXPIRED' | 'DOMAIN_HOLDER_CHANGED' | 'DOMAIN_NOT_REAL_NAME'> };

/**
 * The holder's name as compared: full-width letters, digits and brackets made plain (NFKC: （）→ ()), every space
 * removed, Latin letters in lower case. Nothing else: 有限公司 and 有限责任公司 are different names.
 */
export function normaliseHolder(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u200b\u3000]+/g, '').toLowerCase();
}

export function isSameHolder(registered: string, filed: string): boolean {
  return normaliseHolder(registered) === normaliseHolder(filed);
}

/**
 * What is wrong with the registration of a filed domain: expired (its expiry is at or before now), held by someone
 * other than the filed subject, or not real-name verified. What the source does not say is not judged.
 */
export function judgeRegistration(record: RegistrationRecord, filedHolder: string, now: Date): RegistrarProblem[] {
  const problems: RegistrarProblem[] = [];
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) problems.push({ code: 'DOMAIN_EXPIRED' });
  if (record.holder && !isSameHolder(record.holder, filedHolder)) problems.push({ code: 'DOMAIN_HOLDER_CHANGED' });
  if (record.realNameVerified === false) problems.push({ code: 'DOMAIN_NOT_REAL_NAME' });
  return problems;
}

/** A feed's `expiresOn` date: the registration runs to the end of that day, Beijing time. */
export function endOfBeijingDay(isoDate: string): Date {
  const start = new Date(`${isoDate}T00:00:00+08:00`);
  return new Date(start.getTime() + 24 * 3600_000);
}

const ORGANISATION = /公司|集团|中心|学校|学院|大学|医院|协会|学会|基金会|研究|事务所|工作室|委员会|政府|局|厅|办公室|合作社|商行|经营部|ltd|inc|llc|corp|co\.|gmbh|limited/i;

/**
 * A holder as shown in evidence to the compliance role, which sees personal data masked only: an organisation's name
 * as it is, a person's name with the family name only (张**).
 */
export function holderForEvidence(holder: string): string {
  if (ORGANISATION.test(holder)) return holder;
  const chars = [...holder.trim()];
  return chars.length <= 1 ? holder : chars[0] + '*'.repeat(chars.length - 1);
}
