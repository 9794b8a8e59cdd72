import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { parseFilingNumber, registrableDomain, type FilingKind, type ServiceKind } from '../../rules/index.ts';
import type { Order } from '../repo.ts';
import { responsiblePersons } from '../responsible-persons.ts';
import { identifyRecordServices } from './service-identity.ts';

export type IssuedNumbers = { subject: string; services: { number: string; name: string; domain: string | null; kind: string }[] };
/** The numbers the regulator gave (DESIGN §5.12): the subject's, and each service's by its place in the draft. */
export type RegulatorNumbers = { subject: string; services: readonly { index: number; number: string }[] };

type DraftService = { kind?: string; name?: string; homepage?: string; contentTypes?: string[]; domains?: { name?: string }[]; leader?: unknown; filedNumber?: unknown };

const SERVICE_KINDS: readonly ServiceKind[] = ['website', 'app', 'mini_program', 'quick_app'];
/** Kinds that file services not filed here before: only these insert service numbers. */
const ADDING_KINDS: readonly FilingKind[] = ['first_filing', 'new_service_subject_here', 'new_service_subject_elsewhere', 'connect'];
/** Kinds that edit services already on record, which they name by number (or domain). */
const CHANGE_KINDS: readonly FilingKind[] = ['change_subject', 'change_service', 'change_access'];

/**
 * Writes the approved filing into the filed records under the numbers the regulator issued — never numbers of its
 * own. A new service is added under its number; a service the number names already is updated. Changes never add a
 * service and never bring back a cancelled one; cancellations update the records instead. The record's draft keeps
 * every service with its number, and `filing.services_changed` tells the enforcement index.
 */
export async function recordFiling(ctx: AppContext, tx: Tx, order: Order, issued: RegulatorNumbers): Promise<IssuedNumbers> {
  const now = ctx.clock.now();
  const draft = order.draft as { subject?: { name?: string; nature?: string; leader?: { name?: string } }; services?: DraftService[] };
  const province = order.province!;
  const leader = responsiblePersons(order.draft).find((p) => p.path === 'subject.leader');
  const leaderKey = leader ? ctx.cipher.lookupHash(leader.idNumber) : '';

  const subjectNumber = issued.subject;
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
  } else {
    // A change edits what is on record: it must neither bring a cancelled service back nor restore access this
    // provider revoked, and it never adds a service (that is a new-service order; the pre-check refuses it).
    const editsRecord = CHANGE_KINDS.includes(kind);
    const mayAdd = ADDING_KINDS.includes(kind);
    let seq = existing.reduce((max, s) => Math.max(max, s.seq), 0);
    for (const [index, service] of (draft.services ?? []).entries()) {
      numbers.push(undefined);
      const serviceKind = SERVICE_KINDS.includes(service.kind as ServiceKind) ? (service.kind as ServiceKind) : 'website';
      const domains = (service.domains ?? []).map((d) => (d.name ? registrableDomain(d.name) : null)).filter((d): d is string => Boolean(d));
      const domain = domains[0] ?? null;
      // The regulator names each service it filed or kept by its number; one it left out is not touched here.
      const number = issued.services.find((s) => s.index === index)?.number;
      if (!number) continue;
      const known = existing.find((s) => s.number === number);
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
        // The number says its place among the subject's services (-3, -3A); a number read otherwise goes last.
        const place = parseFilingNumber(number)?.serviceIndex ?? seq + 1;
        seq = Math.max(seq, place);
        await tx.insertInto('filed_services').values({ ...values, number, subject_number: subjectNumber, seq: place, approved_at: now }).execute();
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
