import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { pageOf, readCursor } from '../core/keyset.ts';
import type { AppContext } from '../core/context.ts';
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../core/audit.ts';
import { AppError } from '../core/errors.ts';
import { newId, newToken } from '../core/ids.ts';
import { enqueueEvent } from '../core/outbox.ts';
import { scheduleJob } from '../core/jobs.ts';
import { maskIdNumber, maskName } from '../core/personal-data.ts';
import { responsiblePersons, toOrder } from '../filing/index.ts';
import { PLATFORM_CALENDAR, toUnicodeDomain } from '../rules/index.ts';

// "Which filings use my ID?" (PIPL art. 44–45): a person proves an ID number and a mobile filed with it, by a code
// texted to that mobile, and sees every subject, service and order here where the ID is a responsible person.
//
// Neutral by construction: `start` answers the same whether or not the pair is on record. A check row is written
// either way; only a matching pair gets a real code texted, and a non-matching check simply never accepts a code.

export const ID_CHECK_CODE_TTL_MS = 10 * 60_000;
export const ID_CHECK_MAX_WRONG = 5;
/** After the code, the person may report misuse for this long without a new code. */
export const ID_CHECK_ACCESS_TTL_MS = 30 * 60_000;
export const MISUSE_ANSWER_WORKDAYS = 3;
export const ID_CHECK_CODE = 'privacy.id_check_code';
export const MISUSE_ANSWERED = 'privacy.misuse_answered';
/** Outbox topics that tell the staff who answer reports (admin, compliance): a new report, and one left past its due time. */
export const MISUSE_REPORTED = 'privacy.misuse_reported';
export const MISUSE_OVERDUE = 'privacy.misuse_overdue';
/** The job that falls due with a report's 3 workdays. */
export const MISUSE_DUE_JOB = 'privacy.misuse_due';

const hashCode = (ctx: AppContext, checkId: string, code: string, key = ctx.cipher.lookupHash('id-check-code')): string =>
  createHmac('sha256', key).update(`${checkId}:${code}`).digest('hex');
/** Under every live look-up key, so a code texted just before a key rotation still works after it. */
const codeMatchesAny = (ctx: AppContext, checkId: string, code: string, storedHash: string): boolean => {
  const stored = Buffer.from(storedHash, 'hex');
  return ctx.cipher.lookupHashes('id-check-code').some((key) => {
    const given = Buffer.from(hashCode(ctx, checkId, code, key), 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  });
};
const hashAccess = (token: string): string => createHmac('sha256', 'id-check-access').update(token).digest('hex');
const normaliseId = (idNumber: string): string => idNumber.trim().toUpperCase();

type Role = 'subject_leader' | 'service_leader';
type OrderRow = Parameters<typeof toOrder>[1];

/** Orders where the ID is a responsible person, with the roles it plays and the mobile filed with it there. */
async function ordersUsing(ctx: AppContext, idNumber: string) {
  const keys = ctx.cipher.lookupHashes(idNumber);
  const rows = await ctx.db.selectFrom('orders').selectAll().where(sql<boolean>`person_keys && ARRAY[${sql.join(keys)}]::text[]`).orderBy('created_at').execute();
  return rows.flatMap((row: OrderRow) => {
    const order = toOrder(ctx, row);
    const persons = responsiblePersons(order.draft).filter((p) => p.idNumber === idNumber);
    if (persons.length === 0) return [];
    const services = Array.isArray(order.draft.services) ? (order.draft.services as Record<string, unknown>[]) : [];
    const ledServices = services.flatMap((service, index) => {
      const leader = service?.leader;
      const isLed = leader === 'subject_leader' ? persons.some((p) => p.path === 'subject.leader') : persons.some((p) => p.path === `services[${index}].leader`);
      return isLed ? [index] : [];
    });
    const roles = new Set<Role>(persons.map((p) => (p.path === 'subject.leader' ? 'subject_leader' : 'service_leader')));
    if (ledServices.length > 0) roles.add('service_leader');
    const subject = (order.draft.subject ?? {}) as Record<string, unknown>;
    return [{ order, personKeys: row.person_keys ?? [], roles: [...roles], mobiles: persons.map((p) => p.mobile), isPersonSubject: subject.nature === 'individual', ledServices, services }];
  });
}

/**
 * Filed subjects whose leader on record has one of these keyed ID hashes, with the mobile and ID filed there. This
 * reaches the subjects imported from the provider's earlier system, which have no order here (an individual's
 * record names the holder of the ID as its leader; an organisation's imported leader has no ID on record: '').
 */
async function subjectsLedBy(ctx: AppContext, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const rows = await ctx.db.selectFrom('filed_subjects').select(['number', 'leader_key', 'draft']).where('leader_key', 'in', [...keys]).where('leader_key', '<>', '').execute();
  return rows.map((row) => {
    const leader = (JSON.parse(ctx.cipher.decrypt(row.draft)) as { subject?: { leader?: { mobile?: unknown; idNumber?: unknown } } }).subject?.leader;
    return {
      number: row.number,
      leaderKey: row.leader_key,
      mobile: typeof leader?.mobile === 'string' ? leader.mobile.trim() : null,
      idNumber: typeof leader?.idNumber === 'string' ? normaliseId(leader.idNumber) : null,
    };
  });
}

export type StartIdCheckInput = { idNumber: string; mobile: string };

/** Opens a check and texts a code when the pair is on record. Always answers the same shape. */
export async function startIdCheck(ctx: AppContext, actor: Actor, input: StartIdCheckInput): Promise<{ checkId: string; expiresInMinutes: number }> {
  const idNumber = normaliseId(input.idNumber);
  const mobile = input.mobile.trim();
  const found = await ordersUsing(ctx, idNumber);
  const led = (await subjectsLedBy(ctx, ctx.cipher.lookupHashes(idNumber))).filter((s) => s.mobile === mobile);
  const isMatched = found.some((f) => f.mobiles.includes(mobile)) || led.length > 0;
  const id = newId();
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const now = ctx.clock.now();
  // The key the matching orders hold the ID under: while `rotate-keys` runs that may still be an old look-up key, and
  // the confirmation finds the orders by it (it has only this hash, not the number).
  const candidates = ctx.cipher.lookupHashes(idNumber);
  const held = new Set([...found.filter((f) => f.mobiles.includes(mobile)).flatMap((f) => f.personKeys), ...led.map((s) => s.leaderKey)]);
  const personKey = candidates.find((key) => held.has(key)) ?? candidates[0]!;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('id_checks')
      .values({
        id,
        person_key: personKey,
        mobile_hash: ctx.cipher.lookupHash(mobile),
        mobile: isMatched ? ctx.cipher.encrypt(mobile) : null,
        id_number_masked: maskIdNumber(idNumber),
        is_matched: isMatched,
        // A check with no match gets the hash of a code nobody was sent: it accepts nothing, like a wrong code.
        code_hash: hashCode(ctx, id, isMatched ? code : newToken()),
        expires_at: new Date(now.getTime() + ID_CHECK_CODE_TTL_MS),
        created_at: now,
      })
      .execute();
    if (isMatched) {
      await writeAudit(tx, actor, now, { entityType: 'id_check', entityId: id, action: 'id_check_code_sent', personKeys: [personKey] });
      await enqueueEvent(tx, now, { topic: ID_CHECK_CODE, aggregateType: 'id_check', aggregateId: id, payload: { sealedCode: ctx.cipher.encrypt(code) } });
    }
  });
  return { checkId: id, expiresInMinutes: ID_CHECK_CODE_TTL_MS / 60_000 };
}

const wrongCode = (left: number) =>
  left > 0
    ? AppError.field('VALIDATION_FAILED', 'body.code', `body.code：验证码不正确，还可尝试 ${left} 次`, `body.code: wrong code; ${left} ${left === 1 ? 'try' : 'tries'} left`)
    : AppError.field('VALIDATION_FAILED', 'body.code', 'body.code：验证码不正确，错误次数过多，请重新获取验证码', 'body.code: wrong code; too many wrong tries, ask for a new code');

/** Confirms the code; the answer lists what the ID is used for here and carries a token to report misuse. */
export async function confirmIdCheck(ctx: AppContext, actor: Actor, input: { checkId: string; code: string }) {
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const check = await tx.selectFrom('id_checks').selectAll().where('id', '=', input.checkId).forUpdate().executeTakeFirst();
    if (!check || check.confirmed_at || check.expires_at.getTime() <= now.getTime() || check.attempts >= ID_CHECK_MAX_WRONG) return { error: wrongCode(0) };
    if (!check.is_matched || !codeMatchesAny(ctx, check.id, input.code.trim(), check.code_hash)) {
      await tx.updateTable('id_checks').set({ attempts: check.attempts + 1 }).where('id', '=', check.id).execute();
      return { error: wrongCode(ID_CHECK_MAX_WRONG - check.attempts - 1) };
    }
    const token = newToken();
    const accessExpiresAt = new Date(now.getTime() + ID_CHECK_ACCESS_TTL_MS);
    await tx.updateTable('id_checks').set({ confirmed_at: now, access_token_hash: hashAccess(token), access_expires_at: accessExpiresAt }).where('id', '=', check.id).execute();
    await writeAudit(tx, actor, now, { entityType: 'id_check', entityId: check.id, action: 'id_check_viewed', personKeys: [check.person_key] });
    return { check, token, accessExpiresAt };
  });
  // A refused code is thrown after the transaction, so the counted attempt is kept.
  if ('error' in outcome) throw outcome.error;
  const check = outcome.check;
  const mobile = ctx.cipher.decrypt(check.mobile!);
  const uses = await findUses(ctx, check.person_key, mobile);
  await ctx.db.updateTable('id_checks').set({ references_found: JSON.stringify(uses.references) }).where('id', '=', check.id).execute();
  return { accessToken: outcome.token, accessExpiresAt: outcome.accessExpiresAt.toISOString(), idNumber: check.id_number_masked, subjects: uses.subjects, orders: uses.orders };
}

/** Filed subjects and services (from approved orders, and records led by the ID) and every order, masked, with dates. */
async function findUses(ctx: AppContext, personKey: string, mobile: string) {
  const rows = await ctx.db.selectFrom('orders').selectAll().where(sql<boolean>`person_keys @> ARRAY[${personKey}]::text[]`).orderBy('created_at').execute();
  // The ID number itself is not kept; the drafts that name this key give it back (an order's, or a filed record's).
  const idNumber =
    rows.flatMap((row) => responsiblePersons(toOrder(ctx, row).draft).filter((p) => ctx.cipher.matchesLookup(personKey, p.idNumber) && p.mobile === mobile).map((p) => p.idNumber))[0] ??
    (await subjectsLedBy(ctx, [personKey])).find((s) => s.mobile === mobile && s.idNumber !== null && ctx.cipher.matchesLookup(personKey, s.idNumber))?.idNumber;
  const found = idNumber ? await ordersUsing(ctx, idNumber) : [];
  const led = idNumber ? await subjectsLedBy(ctx, ctx.cipher.lookupHashes(idNumber)) : [];
  const bySubject = new Map<string, { roles: Set<Role>; serviceDomains: Set<string>; allServices: boolean }>();
  const orders = [];
  for (const use of found) {
    const { order } = use;
    if (order.status === 'approved' && order.filingNumber) {
      const entry = bySubject.get(order.filingNumber) ?? { roles: new Set<Role>(), serviceDomains: new Set<string>(), allServices: false };
      use.roles.forEach((role) => entry.roles.add(role));
      if (use.roles.includes('subject_leader')) entry.allServices = true;
      for (const index of use.ledServices) {
        const domains = (use.services[index]?.domains as { name?: string }[] | undefined) ?? [];
        domains.forEach((d) => d.name && entry.serviceDomains.add(d.name.toLowerCase()));
      }
      bySubject.set(order.filingNumber, entry);
    }
    orders.push({
      number: order.number,
      kind: order.kind,
      status: order.status,
      subjectName: order.subjectName ? (use.isPersonSubject ? maskName(order.subjectName) : order.subjectName) : null,
      domains: order.domains.map(toUnicodeDomain),
      roles: use.roles,
      createdAt: order.createdAt.toISOString(),
      submittedAt: order.submittedAt?.toISOString() ?? null,
    });
  }
  // Subjects the ID leads on record, those imported without an order among them: all their services are its.
  for (const subject of led) {
    const entry = bySubject.get(subject.number) ?? { roles: new Set<Role>(), serviceDomains: new Set<string>(), allServices: false };
    entry.roles.add('subject_leader');
    entry.allServices = true;
    bySubject.set(subject.number, entry);
  }
  const subjects = [];
  for (const [number, entry] of bySubject) {
    const subject = await ctx.db.selectFrom('filed_subjects').selectAll().where('number', '=', number).executeTakeFirst();
    if (!subject) continue;
    const services = await ctx.db.selectFrom('filed_services').selectAll().where('subject_number', '=', number).orderBy('seq').execute();
    const shown = services.filter((s) => entry.allServices || s.domains.some((d) => entry.serviceDomains.has(d)) || (s.domain !== null && entry.serviceDomains.has(s.domain)));
    subjects.push({
      number: subject.number,
      name: subject.nature === 'individual' ? maskName(subject.name) : subject.name,
      province: subject.province,
      status: subject.status,
      approvedAt: subject.approved_at.toISOString(),
      roles: [...entry.roles],
      services: shown.map((s) => ({ number: s.number, name: s.name, domain: s.domain ? toUnicodeDomain(s.domain) : null, accessState: s.access_state, approvedAt: s.approved_at.toISOString() })),
    });
  }
  const references = [...subjects.map((s) => s.number), ...orders.map((o) => o.number)];
  return { subjects, orders, references };
}

const invalidAccess = () =>
  AppError.field('VALIDATION_FAILED', 'body.accessToken', 'body.accessToken：查询已过期，请重新验证手机号', 'body.accessToken: the check has expired; verify the mobile again');

export type ReportMisuseInput = { accessToken: string; reference?: string; note: string };

/** A misuse report: staff must answer within 3 workdays; the answer is texted to the verified mobile. */
export async function reportMisuse(ctx: AppContext, actor: Actor, input: ReportMisuseInput) {
  const now = ctx.clock.now();
  const check = await ctx.db.selectFrom('id_checks').selectAll().where('access_token_hash', '=', hashAccess(input.accessToken)).executeTakeFirst();
  if (!check || !check.access_expires_at || check.access_expires_at.getTime() <= now.getTime() || !check.mobile) throw invalidAccess();
  const reference = input.reference?.trim() || null;
  if (reference && !check.references_found.includes(reference)) {
    throw AppError.field('VALIDATION_FAILED', 'body.reference', 'body.reference：只能对查询结果中的备案号或订单号提出', 'body.reference: name a filing or order number from the results');
  }
  const isOrder = reference !== null && /^\d{8}-\d{6}$/.test(reference);
  const id = newId();
  const ref = `MR-${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')}-${randomInt(0, 10_000).toString().padStart(4, '0')}`;
  const dueAt = PLATFORM_CALENDAR.addBusinessDays(now, MISUSE_ANSWER_WORKDAYS);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('misuse_reports')
      .values({
        id,
        reference: ref,
        check_id: check.id,
        person_key: check.person_key,
        id_number_masked: check.id_number_masked,
        mobile: check.mobile!,
        subject_number: reference && !isOrder ? reference : null,
        order_number: reference && isOrder ? reference : null,
        note: ctx.cipher.encrypt(input.note),
        status: 'open',
        created_at: now,
        due_at: dueAt,
      })
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'misuse_report', entityId: id, action: 'misuse_reported', toStatus: 'open', data: { reference: ref, about: reference }, personKeys: [check.person_key] });
    await enqueueEvent(tx, now, { topic: MISUSE_REPORTED, aggregateType: 'misuse_report', aggregateId: id, payload: {} });
    await scheduleJob(tx, now, { name: MISUSE_DUE_JOB, payload: { reportId: id }, runAt: dueAt, dedupeKey: `misuse-due:${id}` });
  });
  return { id, reference: ref, status: 'open' as const, dueAt: dueAt.toISOString() };
}

/** The staff queue of misuse reports, oldest due first, with their clocks. */
export async function listMisuseReports(ctx: AppContext, query: { status?: 'open' | 'answered'; cursor?: string; limit?: number }) {
  const limit = query.limit ?? 50;
  let select = ctx.db.selectFrom('misuse_reports').selectAll().orderBy('due_at').orderBy('id').limit(limit + 1);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.cursor) {
    const [dueAt, id] = readCursor(query.cursor, ['instant', 'text'] as const);
    select = select.where(sql<boolean>`(due_at, id) > (${dueAt}, ${id}::uuid)`);
  }
  const { items: rows, nextCursor } = pageOf(await select.execute(), limit, (r) => [r.due_at.toISOString(), r.id]);
  const now = ctx.clock.now().getTime();
  return {
    nextCursor,
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      idNumber: r.id_number_masked,
      subjectNumber: r.subject_number,
      orderNumber: r.order_number,
      note: ctx.cipher.decrypt(r.note),
      createdAt: r.created_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      isOverdue: r.status === 'open' && r.due_at.getTime() < now,
      answeredAt: r.answered_at?.toISOString() ?? null,
      answer: r.answer ? ctx.cipher.decrypt(r.answer) : null,
    })),
  };
}

/** Staff answer a report; the answer is texted to the person's verified mobile from the outbox. */
export async function answerMisuseReport(ctx: AppContext, actor: Actor, input: { id: string; answer: string }) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const report = await tx.selectFrom('misuse_reports').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!report) throw new AppError('NOT_FOUND');
    if (report.status !== 'open') throw new AppError('INVALID_TRANSITION', { from: report.status, to: 'answered' });
    await tx.updateTable('misuse_reports').set({ status: 'answered', answered_at: now, answered_by: actor.userId, answer: ctx.cipher.encrypt(input.answer) }).where('id', '=', report.id).execute();
    await writeAudit(tx, actor, now, {
      entityType: 'misuse_report',
      entityId: report.id,
      action: 'misuse_answered',
      fromStatus: 'open',
      toStatus: 'answered',
      data: { isLate: report.due_at.getTime() < now.getTime() },
      personKeys: [report.person_key],
    });
    await enqueueEvent(tx, now, { topic: MISUSE_ANSWERED, aggregateType: 'misuse_report', aggregateId: report.id, payload: {} });
    return { id: report.id, status: 'answered' as const, answeredAt: now.toISOString() };
  });
}

/**
 * A report's 3 workdays have passed (the job set when it was filed). Still open: marked in the audit trail and the
 * answering staff are told again, once. Answered in time: nothing.
 */
export async function reportMisuseOverdue(ctx: AppContext, payload: Record<string, unknown>): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const report = await tx.selectFrom('misuse_reports').select(['id', 'status', 'due_at', 'reference', 'person_key']).where('id', '=', String(payload.reportId)).forUpdate().executeTakeFirst();
    const now = ctx.clock.now();
    if (!report || report.status !== 'open' || report.due_at.getTime() > now.getTime()) return;
    await writeAudit(tx, SYSTEM_ACTOR, now, {
      entityType: 'misuse_report',
      entityId: report.id,
      action: 'misuse_overdue',
      data: { reference: report.reference, dueAt: report.due_at.toISOString() },
      personKeys: [report.person_key],
    });
    await enqueueEvent(tx, now, { topic: MISUSE_OVERDUE, aggregateType: 'misuse_report', aggregateId: report.id, payload: {} });
  });
}
