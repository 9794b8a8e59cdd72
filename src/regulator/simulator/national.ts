import type { AppContext } from '../../core/context.ts';
import type { Executor, Tx } from '../../core/db/database.ts';
import { formatServiceNumber, formatSubjectNumber, parseFilingNumber, registrableDomain, type FilingKind, type ServiceKind } from '../../rules/index.ts';
import { responsiblePersons } from '../../filing/index.ts';
import type { IssuedNumbers, NationalQuery, NationalRecords } from '../port.ts';
import type { SimSubmission } from './submissions.ts';

/**
 * The simulator's national registry (sim_national_records): one row per filed service of a subject, keyed as the
 * regulator keys them — certificate type + number, domain, leader's ID — through the platform's keyed hash, so
 * the table holds no personal data in clear. A row with status 'pending' stands for an order in progress at
 * another provider.
 */
export const certificateKey = (ctx: AppContext, certificate: { type: string; number: string }): string =>
  ctx.cipher.lookupHash(`${certificate.type}:${certificate.number.trim().toUpperCase()}`);

/** The certificate's key under every live look-up key (current first), so look-ups hold during a key rotation. */
export const certificateKeys = (ctx: AppContext, certificate: { type: string; number: string }): string[] =>
  ctx.cipher.lookupHashes(`${certificate.type}:${certificate.number.trim().toUpperCase()}`);

/** The look-up behind Regulator.lookup, and behind the simulated 管局's own checks (given their transaction). */
export async function nationalView(ctx: AppContext, executor: Executor, query: NationalQuery): Promise<NationalRecords> {
  const subjectKeys = query.certificate ? certificateKeys(ctx, query.certificate) : [];
  const result: NationalRecords = { subject: null, orderInProgress: false, domains: [], personIdsElsewhere: [] };
  if (subjectKeys.length > 0) {
    const rows = await executor.selectFrom('sim_national_records').select(['status', 'domain', 'subject_number', 'service_number']).where('subject_key', 'in', subjectKeys).orderBy('id').execute();
    result.orderInProgress = rows.some((r) => r.status === 'pending');
    const filed = rows.filter((r) => r.status !== 'pending');
    const active = filed.filter((r) => r.status === 'active');
    if (filed.length > 0) {
      result.subject = {
        number: (active.length > 0 ? active : filed).find((r) => r.subject_number)?.subject_number ?? null,
        status: active.length > 0 ? 'active' : 'cancelled',
        services: active.map((r) => ({ number: r.service_number, domain: r.domain })),
      };
    }
  }
  const domains = [...new Set(query.domains ?? [])];
  if (domains.length > 0) {
    const rows = await executor.selectFrom('sim_national_records').select(['domain', 'subject_number', 'subject_key']).where('domain', 'in', domains).where('status', '=', 'active').orderBy('id').execute();
    result.domains = rows.map((r) => ({ domain: r.domain!, subjectNumber: r.subject_number, sameSubject: subjectKeys.includes(r.subject_key) }));
  }
  const people = [...new Set(query.personIds ?? [])];
  if (people.length > 0) {
    const keys = new Map(people.flatMap((id) => ctx.cipher.lookupHashes(id.trim().toUpperCase()).map((key) => [key, id] as const)));
    let leaders = executor.selectFrom('sim_national_records').select('leader_key').where('leader_key', 'in', [...keys.keys()]).where('status', '=', 'active');
    if (subjectKeys.length > 0) leaders = leaders.where('subject_key', 'not in', subjectKeys);
    const hits = new Set((await leaders.execute()).map((r) => r.leader_key));
    result.personIdsElsewhere = [...new Set([...keys].filter(([key]) => hits.has(key)).map(([, id]) => id))];
  }
  return result;
}

/** What the simulated 管局 asks the registry about a submission. */
export function queryFor(submission: SimSubmission): NationalQuery {
  const certificate = submission.certificate ?? undefined;
  return { ...(certificate ? { certificate } : {}), domains: submission.domains, personIds: responsiblePersons(submission.draft).map((p) => p.idNumber) };
}

const SERVICE_KINDS: readonly ServiceKind[] = ['website', 'app', 'mini_program', 'quick_app'];
const ADDING_KINDS: readonly FilingKind[] = ['first_filing', 'new_service_subject_here', 'new_service_subject_elsewhere', 'connect'];
const CHANGE_KINDS: readonly FilingKind[] = ['change_subject', 'change_service', 'change_access'];

type DraftService = { kind?: string; domains?: { name?: string }[]; filedNumber?: unknown };

/**
 * The approved submission enters the registry, and the numbers are the registry's: the subject keeps the number it
 * is filed under (else the province's next serial of the year), a service already filed under it keeps its own
 * (found by its number, else by its domain), and a new one gets the subject's next index. Cancellations mark rows
 * cancelled; cancelling access leaves the filing as it is.
 */
export async function fileNationally(ctx: AppContext, tx: Tx, submission: SimSubmission): Promise<IssuedNumbers> {
  const now = ctx.clock.now();
  // Rows written under an older look-up key are found too; new rows get the current key.
  const subjectKeys = submission.certificate ? certificateKeys(ctx, submission.certificate) : [submission.subjectKey!];
  const subjectKey = subjectKeys[0]!;
  const kind = submission.kind;
  const rows = await tx.selectFrom('sim_national_records').select(['id', 'status', 'domain', 'subject_number', 'service_number']).where('subject_key', 'in', subjectKeys).orderBy('id').execute();
  const active = rows.filter((r) => r.status === 'active');
  const subject = submission.subjectNumber ?? active.find((r) => r.subject_number)?.subject_number ?? (await nextSubjectNumber(tx, submission.province, now));

  if (kind === 'cancel_subject' || kind === 'cancel_service') {
    let target = tx.updateTable('sim_national_records').set({ status: 'cancelled' }).where('subject_key', 'in', subjectKeys).where('status', '=', 'active');
    if (kind === 'cancel_service') target = target.where('service_number', 'in', submission.targetServices.length ? submission.targetServices : ['-']);
    await target.execute();
    return { subject, services: [] };
  }
  if (kind === 'cancel_access') return { subject, services: [] };

  const leader = responsiblePersons(submission.draft).find((p) => p.path === 'subject.leader');
  const leaderKey = leader ? ctx.cipher.lookupHash(leader.idNumber) : null;
  const mayAdd = ADDING_KINDS.includes(kind);
  const editsRecord = CHANGE_KINDS.includes(kind);
  let seq = rows.reduce((max, r) => Math.max(max, (r.service_number && r.subject_number === subject && parseFilingNumber(r.service_number)?.serviceIndex) || 0), 0);
  const services: IssuedNumbers['services'] = [];
  const draftServices = (Array.isArray(submission.draft.services) ? submission.draft.services : []) as DraftService[];
  for (const [index, service] of draftServices.entries()) {
    const domain = (service.domains ?? []).map((d) => (d.name ? registrableDomain(d.name) : null)).find((d): d is string => Boolean(d)) ?? null;
    const byNumber = typeof service.filedNumber === 'string' ? active.find((r) => r.service_number === service.filedNumber) : undefined;
    const known = byNumber ?? (domain ? active.find((r) => r.domain === domain && r.service_number) : undefined);
    if (known?.service_number) {
      if (editsRecord && domain && known.domain !== domain) await tx.updateTable('sim_national_records').set({ domain }).where('id', '=', known.id).execute();
      services.push({ index, number: known.service_number });
      continue;
    }
    if (!mayAdd) continue;
    seq += 1;
    const serviceKind = SERVICE_KINDS.includes(service.kind as ServiceKind) ? (service.kind as ServiceKind) : 'website';
    const number = formatServiceNumber(subject, seq, serviceKind);
    await tx.insertInto('sim_national_records').values({ domain, subject_key: subjectKey, leader_key: leaderKey, subject_number: subject, service_number: number, status: 'active', created_at: now }).execute();
    services.push({ index, number });
  }
  return { subject, services };
}

/** Next serial of the province's subject numbers for the year (the 管局's counter, one row per province and year). */
async function nextSubjectNumber(tx: Tx, province: string, now: Date): Promise<string> {
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const row = await tx
    .insertInto('sim_number_sequences')
    .values({ province, year, next: 2 })
    .onConflict((oc) => oc.columns(['province', 'year']).doUpdateSet((eb) => ({ next: eb('sim_number_sequences.next', '+', 1) })))
    .returning('next')
    .executeTakeFirstOrThrow();
  return formatSubjectNumber(province, year, row.next - 1);
}
