import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { detectKind, readDraft, type KnownFilings, type KnownService } from '../rules/index.ts';
import type { NationalRecords } from '../regulator/port.ts';
import type { DraftSummary } from './draft-summary.ts';
import { responsiblePersons } from './responsible-persons.ts';

/**
 * Asks the regulator's registry (through the port) what it holds for the draft's certificate, domains and
 * responsible persons. Called outside any transaction — it may be a network call. Null when the regulator cannot
 * be reached: the caller decides whether to go on without it.
 */
export async function lookUpNational(ctx: AppContext, draft: Record<string, unknown>, summary: DraftSummary): Promise<NationalRecords | null> {
  const personIds = responsiblePersons(draft).map((p) => p.idNumber);
  if (!summary.certificate && summary.domains.length === 0 && personIds.length === 0) {
    return { subject: null, orderInProgress: false, domains: [], personIdsElsewhere: [] };
  }
  try {
    return await ctx.regulator.lookup({ ...(summary.certificate ? { certificate: summary.certificate } : {}), domains: summary.domains, personIds });
  } catch (error) {
    ctx.logger.warn({ err: error, regulator: ctx.regulator.name }, 'national registry look-up failed');
    return null;
  }
}

/**
 * Describes to the rules what is already filed, here (filed_subjects) and nationally (`national`, the regulator's
 * registry as `lookUpNational` found it; null when it could not be asked), keyed as the regulator keys them:
 * certificate type + number, and domain.
 */
export async function knownFilings(
  ctx: AppContext,
  executor: Executor,
  draft: Record<string, unknown>,
  summary: DraftSummary,
  national: NationalRecords | null,
  options: { excludeOrderId?: string; requestedKind?: string | null } = {},
): Promise<KnownFilings> {
  // Under every live look-up key, so rows not yet re-hashed by `openbeian rotate-keys` are found too.
  const subjectKeys = summary.certificate ? ctx.cipher.lookupHashes(`${summary.certificate.type}:${summary.certificate.number}`) : [];
  const known: { -readonly [K in keyof KnownFilings]: KnownFilings[K] } = { subject: subjectKeys.length > 0 ? 'none' : 'unknown' };
  if (options.requestedKind?.startsWith('change_') || options.requestedKind?.startsWith('cancel_')) {
    known.requestedKind = options.requestedKind as KnownFilings['requestedKind'];
  }

  if (subjectKeys.length > 0) {
    const here = await executor.selectFrom('filed_subjects').select(['number']).where('subject_key', 'in', subjectKeys).where('status', '=', 'active').executeTakeFirst();
    if (here) {
      known.subject = 'here';
      known.subjectNumber = here.number;
      const services = await executor.selectFrom('filed_services').select(['number', 'domain', 'name', 'access_state']).where('subject_number', '=', here.number).where('access_state', '!=', 'cancelled').execute();
      known.filedServices = services.map((s): KnownService => ({ key: s.domain ?? s.name, accessedHere: s.access_state === 'connected', serviceNumber: s.number }));
      known.subjectIsShell = services.length === 0;
    } else if (!national) {
      known.subject = 'unknown';
    } else if (national.subject?.status === 'active') {
      known.subject = 'elsewhere';
      known.subjectNumber = national.subject.number ?? undefined;
      known.filedServices = national.subject.services.filter((s) => s.domain).map((s) => ({ key: s.domain!, accessedHere: false }));
      known.subjectIsShell = known.filedServices.length === 0;
    }
    let inFlight = executor.selectFrom('orders').select('id').where('subject_key', 'in', subjectKeys).where('status', 'not in', ['approved', 'abandoned', 'draft']);
    if (options.excludeOrderId) inFlight = inFlight.where('id', '!=', options.excludeOrderId);
    known.orderInFlight = (await inFlight.executeTakeFirst()) !== undefined;
  }

  if (known.subject === 'none' && summary.domains.length > 0 && national) {
    known.filedServices = national.domains.map((d) => ({ key: d.domain, accessedHere: false }));
  }

  const people = responsiblePersons(draft);
  if (people.length > 0) {
    const keys = people.flatMap((p) => ctx.cipher.lookupHashes(p.idNumber));
    let others = executor.selectFrom('filed_subjects').select(['leader_key']).where('leader_key', 'in', keys).where('status', '=', 'active');
    if (subjectKeys.length > 0) others = others.where('subject_key', 'not in', subjectKeys);
    const hits = [...new Set((await others.execute()).map((r) => r.leader_key))];
    const elsewhere = new Set(national?.personIdsElsewhere ?? []);
    known.leaderIdsInOtherSubjects = people.filter((p) => hits.some((hit) => ctx.cipher.matchesLookup(hit, p.idNumber)) || elsewhere.has(p.idNumber)).map((p) => p.idNumber);
  }
  return known;
}

export async function decideKind(ctx: AppContext, executor: Executor, draft: Record<string, unknown>, summary: DraftSummary, national: NationalRecords | null): Promise<string | null> {
  // A draft is saved as the user typed it; the rules read it through the same shape check as the pre-check, so a
  // field of the wrong type leaves the kind undecided instead of failing the save.
  return detectKind(readDraft(draft, []), await knownFilings(ctx, executor, draft, summary, national));
}
