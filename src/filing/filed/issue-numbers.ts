import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { formatServiceNumber, formatSubjectNumber, registrableDomain, type ServiceKind } from '../../rules/index.ts';
import type { Order } from '../repo.ts';
import { responsiblePersons } from '../responsible-persons.ts';

export type IssuedNumbers = { subject: string; services: { number: string; name: string; domain: string | null; kind: string }[] };

type DraftService = { kind?: string; name?: string; homepage?: string; contentTypes?: string[]; domains?: { name?: string }[]; leader?: unknown };

const SERVICE_KINDS: readonly ServiceKind[] = ['website', 'app', 'mini_program', 'quick_app'];

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
 * mini-programs). Changes and cancellations update the records instead. The national registry (simulated) learns
 * the filing too, and `filing.services_changed` tells the enforcement index.
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
  let onRecord: Record<string, unknown> = order.draft;
  if (here && order.kind === 'new_service_subject_here') {
    // A new-service draft holds only the new services: the record keeps the services filed before, or the next
    // change (which starts from the record) would not see them.
    const before = JSON.parse(ctx.cipher.decrypt(here.draft)) as { services?: unknown[] };
    onRecord = { ...order.draft, services: [...(before.services ?? []), ...(draft.services ?? [])] };
  }
  const sealedDraft = ctx.cipher.encrypt(JSON.stringify(onRecord));
  if (here) {
    await tx.updateTable('filed_subjects').set({ name: draft.subject?.name ?? '', draft: sealedDraft, leader_key: leaderKey, status: order.kind === 'cancel_subject' ? 'cancelled' : 'active', updated_at: now }).where('number', '=', subjectNumber).execute();
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
        draft: sealedDraft,
        status: 'active',
        approved_at: now,
        updated_at: now,
      })
      .execute();
  }

  const affected = new Set<string>();
  if (order.kind === 'cancel_subject' || order.kind === 'cancel_service' || order.kind === 'cancel_access') {
    const state = order.kind === 'cancel_access' ? 'revoked' : 'cancelled';
    let target = tx.updateTable('filed_services').set({ access_state: state, updated_at: now }).where('subject_number', '=', subjectNumber);
    if (order.kind !== 'cancel_subject' && order.targetServices.length > 0) target = target.where('number', 'in', order.targetServices);
    const changed = await target.returning(['domain']).execute();
    changed.forEach((s) => s.domain && affected.add(s.domain));
    if (order.kind !== 'cancel_access') {
      await tx.updateTable('sim_national_records').set({ status: 'cancelled' }).where('subject_key', '=', order.subjectKey!).where('domain', 'in', [...affected, '']).execute();
    }
  } else {
    const existing = await tx.selectFrom('filed_services').select(['number', 'domain', 'seq', 'access_state']).where('subject_number', '=', subjectNumber).execute();
    // A change edits what is on record: the record's draft still lists cancelled and revoked services, and a
    // change must neither bring a cancelled service back nor restore access this provider revoked.
    const editsRecord = order.kind === 'change_subject' || order.kind === 'change_service';
    let seq = existing.reduce((max, s) => Math.max(max, s.seq), 0);
    for (const service of draft.services ?? []) {
      const kind = SERVICE_KINDS.includes(service.kind as ServiceKind) ? (service.kind as ServiceKind) : 'website';
      const domains = (service.domains ?? []).map((d) => (d.name ? registrableDomain(d.name) : null)).filter((d): d is string => Boolean(d));
      const domain = domains[0] ?? null;
      const known = domain ? existing.find((s) => s.domain === domain) : undefined;
      if (editsRecord && known?.access_state === 'cancelled') continue;
      const leaderName = typeof service.leader === 'object' && service.leader ? String((service.leader as { name?: string }).name ?? '') : (draft.subject?.leader?.name ?? null);
      const values = {
        kind,
        name: service.name ?? '',
        domains,
        home_url: service.homepage ?? (domain ? `http://www.${domain}` : null),
        content_types: service.contentTypes ?? [],
        leader_name: leaderName,
        access_state: editsRecord && known ? known.access_state : ('connected' as const),
        updated_at: now,
      };
      if (known) {
        await tx.updateTable('filed_services').set(values).where('number', '=', known.number).execute();
      } else {
        seq += 1;
        await tx
          .insertInto('filed_services')
          .values({ ...values, number: formatServiceNumber(subjectNumber, seq, kind), subject_number: subjectNumber, seq, domain, approved_at: now })
          .execute();
        await tx.insertInto('sim_national_records').values({ domain, subject_key: order.subjectKey!, leader_key: leaderKey, subject_number: subjectNumber, status: 'active', created_at: now }).execute();
      }
      if (domain) affected.add(domain);
    }
  }

  await tx.insertInto('filing_history').values({ subject_number: subjectNumber, order_id: order.id, kind: order.kind ?? 'first_filing', at: now, summary: `order ${order.number} approved` }).execute();
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
