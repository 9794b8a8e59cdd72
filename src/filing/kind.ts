import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { detectKind, readDraft, type KnownFilings, type KnownService } from '../rules/index.ts';
import type { DraftSummary } from './draft-summary.ts';
import { responsiblePersons } from './responsible-persons.ts';

/**
 * Describes to the rules what is already filed, here (filed_subjects) and nationally (the regulator's registry,
 * simulated by sim_national_records), keyed as the regulator keys them: certificate type + number, and domain.
 */
export async function knownFilings(
  ctx: AppContext,
  executor: Executor,
  draft: Record<string, unknown>,
  summary: DraftSummary,
  options: { excludeOrderId?: string; requestedKind?: string | null } = {},
): Promise<KnownFilings> {
  const subjectKey = summary.certificate ? ctx.cipher.lookupHash(`${summary.certificate.type}:${summary.certificate.number}`) : null;
  const known: { -readonly [K in keyof KnownFilings]: KnownFilings[K] } = { subject: subjectKey ? 'none' : 'unknown' };
  if (options.requestedKind?.startsWith('change_') || options.requestedKind?.startsWith('cancel_')) {
    known.requestedKind = options.requestedKind as KnownFilings['requestedKind'];
  }

  if (subjectKey) {
    const here = await executor.selectFrom('filed_subjects').select(['number']).where('subject_key', '=', subjectKey).where('status', '=', 'active').executeTakeFirst();
    if (here) {
      known.subject = 'here';
      known.subjectNumber = here.number;
      const services = await executor.selectFrom('filed_services').select(['number', 'domain', 'name', 'access_state']).where('subject_number', '=', here.number).where('access_state', '!=', 'cancelled').execute();
      known.filedServices = services.map((s): KnownService => ({ key: s.domain ?? s.name, accessedHere: s.access_state === 'connected', serviceNumber: s.number }));
      known.subjectIsShell = services.length === 0;
    } else {
      const elsewhere = await executor.selectFrom('sim_national_records').select(['domain', 'subject_number']).where('subject_key', '=', subjectKey).where('status', '=', 'active').execute();
      if (elsewhere.length > 0) {
        known.subject = 'elsewhere';
        known.subjectNumber = elsewhere[0]!.subject_number ?? undefined;
        known.filedServices = elsewhere.filter((r) => r.domain).map((r) => ({ key: r.domain!, accessedHere: false }));
        known.subjectIsShell = known.filedServices.length === 0;
      }
    }
    let inFlight = executor.selectFrom('orders').select('id').where('subject_key', '=', subjectKey).where('status', 'not in', ['approved', 'abandoned', 'draft']);
    if (options.excludeOrderId) inFlight = inFlight.where('id', '!=', options.excludeOrderId);
    known.orderInFlight = (await inFlight.executeTakeFirst()) !== undefined;
  }

  if (known.subject === 'none' && summary.domains.length > 0) {
    const taken = await executor.selectFrom('sim_national_records').select(['domain']).where('domain', 'in', summary.domains).where('status', '=', 'active').execute();
    known.filedServices = taken.map((r) => ({ key: r.domain!, accessedHere: false }));
  }

  const people = responsiblePersons(draft);
  if (people.length > 0) {
    const keys = people.map((p) => ctx.cipher.lookupHash(p.idNumber));
    let others = executor.selectFrom('filed_subjects').select(['leader_key']).where('leader_key', 'in', keys).where('status', '=', 'active');
    if (subjectKey) others = others.where('subject_key', '!=', subjectKey);
    let national = executor.selectFrom('sim_national_records').select(['leader_key as leader_key']).where('leader_key', 'in', keys).where('status', '=', 'active');
    if (subjectKey) national = national.where('subject_key', '!=', subjectKey);
    const hits = new Set([...(await others.execute()), ...(await national.execute())].map((r) => r.leader_key));
    known.leaderIdsInOtherSubjects = people.filter((p) => hits.has(ctx.cipher.lookupHash(p.idNumber))).map((p) => p.idNumber);
  }
  return known;
}

export async function decideKind(ctx: AppContext, executor: Executor, draft: Record<string, unknown>, summary: DraftSummary): Promise<string | null> {
  // A draft is saved as the user typed it; the rules read it through the same shape check as the pre-check, so a
  // field of the wrong type leaves the kind undecided instead of failing the save.
  return detectKind(readDraft(draft, []), await knownFilings(ctx, executor, draft, summary));
}
