import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { formatServiceNumber, formatSubjectNumber, registrableDomain, type FilingKind, type ServiceKind } from '../../rules/index.ts';
import type { Order } from '../repo.ts';
import { responsiblePersons } from '../responsible-persons.ts';
import { identifyRecordServices } from './service-identity.ts';

export type IssuedNumbers = { subject: string; services: { number: string; name: string; domain: string | null; kind: string }[] };

type DraftService = { kind?: string; name?: string; homepage?: string; contentTypes?: string[]; domains?: { name?: string }[]; leader?: unknown; filedNumber?: unknown };

const SERVICE_KINDS: readonly ServiceKind[] = ['website', 'app', 'mini_program', 'quick_app'];
/** Kinds that file services not filed here before: only these insert service numbers. */
const ADDING_KINDS: readonly FilingKind[] = ['first_filing', 'new_service_subject_here', 'new_service_subject_elsewhere', 'connect'];
/** Kinds that edit services already on record, which they name by number (or domain). */
const CHANGE_KINDS: readonly FilingKind[] = ['change_subject', 'change_service', 'change_access'];

/** Next serial of the province's subject numbers for the year (one row per province and year). */
async function nextSubjectSerial(tx: Tx, province: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('number_sequences')
    .values({ province, year, next: 2 })
    .onConflict((oc) => oc.columns(['province', 'year']).doUpdateSet((eb) => ({ next: eb('number_sequences.next', '+', 1) })))
    .returning('next')
    .executeTakeFirstOrThrow();
  return row.next - 1;
}

/**
 * Writes the approved filing into the filed records: a new subject number for a first filing (the national
 * registry's number for a subject filed elsewhere), then each new service numbered -N in order (-NA Apps, -NX
 * mini-programs). Changes and cancellations update the records instead: a change finds each service by the
 * number it carries (`filedNumber`), else by its website's domain, and never adds one. The record's draft keeps
 * every service with its number. The national registry (simulated) learns the filing too, and
 * `filing.services_changed` tells the enforcement index.
 */
export async function issueNumbers(ctx: AppContext, tx: Tx, order: Order): Promise<IssuedNumbers> {
  const now = ctx.clock.now();
  const draft = order.draft as { subject?: { name?: string; nature?: string; leader?: { name?: string } }; services?: DraftService[] };
  const province = order.province!;
  const leader = responsiblePersons(order.draft).find((p) => p.path === 'subject.leader');
  const leaderKey = leader ? ctx.cipher.lookupHash(leader.idNumber) : '';

  let subjectNumber = order.filingNumber ?? (await existingSubjectNumber(tx, order.subjectKey!));
  if (!subjectNumber) {
    const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    subjectNumber = formatSubjectNumber(province, year, await nextSubjectSerial(tx, province, year));
  }
  const here = await tx.selectFrom('filed_subjects').select(['number', 'draft']).where('number', '=', subjectNumber).executeTakeFirst();
  const existing = here ? await tx.selectFrom('filed_services').select(['number', 'seq', 'kind', 'domain', 'name', 'access_state']).where('subject_number', '=', subjectNumber).execute() : [];
  const kind = (order.kind ?? 'first_filing') as FilingKind;
  // The record is rewritten at the end, once every service has its number; a new subject row needs some draft now.
  if (here) {
    await tx.updateTable('filed_subjects').set({ name: draft.subject?.name ?? '', leader_key: leaderKey, status: kind === 'cancel_subject' ? 'cancelled' : 'active', updated_at: now }).where('number', '=', subjectNumber).execute();
  } else {
    await tx
      .insertInto('filed_subjects')
      .values({
        number: subjectNumber,
        province,
        user_id: order.userId,
        subject_key: order.subjectKey!,
        leader_key: leaderKey,
        name: draft.subject?.name ?? '',
        nature: draft.subject?.nature ?? 'other',
        draft: ctx.cipher.encrypt(JSON.stringify(order.draft)),
        status: 'active',
        approved_at: now,
        updated_at: now,
      })
      .execute();
  }

  const affected = new Set<string>();
  /** The filed number of each of the order's services that was written (undefined: left alone). */
  const numbers: (string | undefined)[] = [];
  if (kind === 'cancel_subject' || kind === 'cancel_service' || kind === 'cancel_access') {
    const state = kind === 'cancel_access' ? 'revoked' : 'cancelled';
    let target = tx.updateTable('filed_services').set({ access_state: state, updated_at: now }).where('subject_number', '=', subjectNumber);
    if (kind !== 'cancel_subject' && order.targetServices.length > 0) target = target.where('number', 'in', order.targetServices);
    const changed = await target.returning(['domain']).execute();
    changed.forEach((s) => s.domain && affected.add(s.domain));
    if (kind !== 'cancel_access') {
      await tx.updateTable('sim_national_records').set({ status: 'cancelled' }).where('subject_key', '=', order.subjectKey!).where('domain', 'in', [...affected, '']).execute();
    }
  } else {
    // A change edits what is on record: it must neither bring a cancelled service back nor restore access this
    // provider revoked, and it never adds a service (that is a new-service order; the pre-check refuses it).
    const editsRecord = CHANGE_KINDS.includes(kind);
    const mayAdd = ADDING_KINDS.includes(kind);
    let seq = existing.reduce((max, s) => Math.max(max, s.seq), 0);
    for (const service of draft.services ?? []) {
      numbers.push(undefined);
      const serviceKind = SERVICE_KINDS.includes(service.kind as ServiceKind) ? (service.kind as ServiceKind) : 'website';
      const domains = (service.domains ?? []).map((d) => (d.name ? registrableDomain(d.name) : null)).filter((d): d is string => Boolean(d));
      const domain = domains[0] ?? null;
      // The service's identity is the number it is filed under (set when the order was opened from the record;
      // Apps have no domain). A new service has no number yet, so only a change goes by it. Drafts sent without
      // it are matched by the website's domain.
      const byNumber = editsRecord && typeof service.filedNumber === 'string' ? existing.find((s) => s.number === service.filedNumber) : undefined;
      const known = byNumber ?? (domain ? existing.find((s) => s.domain === domain) : undefined);
      if (editsRecord && known?.access_state === 'cancelled') continue;
      if (!known && !mayAdd) continue;
      const leaderName = typeof service.leader === 'object' && service.leader ? String((service.leader as { name?: string }).name ?? '') : (draft.subject?.leader?.name ?? null);
      const values = {
        kind: serviceKind,
        name: service.name ?? '',
        domain,
        domains,
        home_url: service.homepage ?? (domain ? `http://www.${domain}` : null),
        content_types: service.contentTypes ?? [],
        leader_name: leaderName,
        access_state: editsRecord && known ? known.access_state : ('connected' as const),
        updated_at: now,
      };
      if (known) {
        // The number keeps its kind suffix; a service does not turn from a website into an App.
        await tx.updateTable('filed_services').set({ ...values, kind: known.kind }).where('number', '=', known.number).execute();
        if (known.domain && known.domain !== domain) affected.add(known.domain);
        numbers[numbers.length - 1] = known.number;
      } else {
        seq += 1;
        const number = formatServiceNumber(subjectNumber, seq, serviceKind);
        await tx.insertInto('filed_services').values({ ...values, number, subject_number: subjectNumber, seq, approved_at: now }).execute();
        await tx.insertInto('sim_national_records').values({ domain, subject_key: order.subjectKey!, leader_key: leaderKey, subject_number: subjectNumber, status: 'active', created_at: now }).execute();
        numbers[numbers.length - 1] = number;
      }
      if (domain) affected.add(domain);
    }
  }

  // The record keeps every service filed before (a new-service draft holds only the new ones, a change may leave
  // some out), each named by its number, so the next order starts from all of them and knows which is which. The
  // order's services replace their earlier version or are appended.
  const before = here ? ((JSON.parse(ctx.cipher.decrypt(here.draft)) as { services?: unknown }).services ?? []) : [];
  const earlier = Array.isArray(before) ? (before as Record<string, unknown>[]) : [];
  const earlierNumbers = identifyRecordServices(earlier.map((s) => (typeof s === 'object' && s !== null ? s : {})), existing);
  const recordServices: unknown[] = earlier.map((s, i) => (earlierNumbers[i] && typeof s === 'object' && s !== null ? { ...s, filedNumber: earlierNumbers[i] } : s));
  (draft.services ?? []).forEach((service, i) => {
    const number = numbers[i];
    if (number === undefined) return;
    const at = recordServices.findIndex((s) => typeof s === 'object' && s !== null && (s as { filedNumber?: unknown }).filedNumber === number);
    const entry = { ...service, filedNumber: number };
    if (at >= 0) recordServices[at] = entry;
    else recordServices.push(entry);
  });
  const onRecord = { ...order.draft, services: recordServices };
  await tx.updateTable('filed_subjects').set({ draft: ctx.cipher.encrypt(JSON.stringify(onRecord)) }).where('number', '=', subjectNumber).execute();

  await tx.insertInto('filing_history').values({ subject_number: subjectNumber, order_id: order.id, kind, at: now, summary: `order ${order.number} approved` }).execute();
  await enqueueEvent(tx, now, { topic: 'filing.services_changed', aggregateType: 'filing', aggregateId: subjectNumber, payload: { subjectNumber, domains: [...affected] } });
  const services = await tx.selectFrom('filed_services').select(['number', 'name', 'domain', 'kind']).where('subject_number', '=', subjectNumber).orderBy('seq').execute();
  return { subject: subjectNumber, services };
}

async function existingSubjectNumber(tx: Tx, subjectKey: string): Promise<string | null> {
  const here = await tx.selectFrom('filed_subjects').select('number').where('subject_key', '=', subjectKey).where('status', '=', 'active').executeTakeFirst();
  if (here) return here.number;
  const national = await tx.selectFrom('sim_national_records').select('subject_number').where('subject_key', '=', subjectKey).where('status', '=', 'active').where('subject_number', 'is not', null).executeTakeFirst();
  return national?.subject_number ?? null;
}
