import { sql } from 'kysely';
import { pageOf, readCursor } from '../../core/keyset.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { maskMobile } from '../../core/personal-data.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { recordedPoliceNumber } from '../../aftercare/index.ts';
import { activeSuspensions, openFindingsOfSubject, shellState } from '../../compliance/index.ts';
import { footerHtml, footerRule, formatPoliceNumber, policeQueryUrl, toUnicodeDomain } from '../../rules/index.ts';

async function loadVisibleSubject(ctx: AppContext, user: SessionUser, number: string) {
  const subject = await ctx.db.selectFrom('filed_subjects').selectAll().where('number', '=', number).executeTakeFirst();
  if (!subject || (subject.user_id !== user.id && !isStaff(user.role))) throw new AppError('NOT_FOUND');
  return subject;
}

/** A filed subject with its services, numbers, access state and history (owner and staff; a staff view is audited). */
export async function getFiledSubject(ctx: AppContext, user: SessionUser, number: string, actor?: Actor) {
  const subject = await loadVisibleSubject(ctx, user, number);
  if (actor && subject.user_id !== user.id) {
    await writeAudit(ctx.db, actor, ctx.clock.now(), { entityType: 'filed_subject', entityId: subject.number, action: 'personal_data_viewed', personKeys: [subject.leader_key] });
  }
  const [services, history, findings] = await Promise.all([
    ctx.db.selectFrom('filed_services').selectAll().where('subject_number', '=', number).orderBy('seq').execute(),
    ctx.db.selectFrom('filing_history').selectAll().where('subject_number', '=', number).orderBy('id').execute(),
    openFindingsOfSubject(ctx.db, number, ctx.clock.now()),
  ]);
  // What is on record about the subject itself, so the owner can see a change_subject took effect (masked mobile).
  const onRecord = JSON.parse(ctx.cipher.decrypt(subject.draft)) as { subject?: { mailingAddress?: string; leader?: { name?: string; mobile?: string } } };
  const leader = onRecord.subject?.leader;
  const suspended = await activeSuspensions(ctx.db, services.map((s) => s.number));
  return {
    number: subject.number,
    province: subject.province,
    name: subject.name,
    nature: subject.nature,
    mailingAddress: onRecord.subject?.mailingAddress ?? null,
    leader: leader ? { name: leader.name ?? null, mobile: leader.mobile ? maskMobile(leader.mobile) : null } : null,
    status: subject.status,
    approvedAt: subject.approved_at.toISOString(),
    footerRule: footerRule(subject.province),
    services: services.map((s) => ({
      number: s.number,
      seq: s.seq,
      kind: s.kind,
      name: s.name,
      domain: s.domain ? toUnicodeDomain(s.domain) : null,
      domains: s.domains.map(toUnicodeDomain),
      homeUrl: s.home_url,
      accessState: s.access_state,
      /** Set while a content-violation suspension (SPEC §8) keeps the site off: when it is served again. */
      suspendedUntil: suspended.get(s.number)?.toISOString() ?? null,
      approvedAt: s.approved_at.toISOString(),
    })),
    history: history.map((h) => ({ at: h.at.toISOString(), kind: h.kind, orderId: h.order_id, summary: h.summary })),
    /** Open compliance findings: what the owner must put right, the evidence, and by when. */
    findings,
    shell: shellState(subject.province, subject.status, services.map((s) => ({ number: s.number, accessState: s.access_state }))),
  };
}

/** The subjects this account has filed here (staff: every one), newest first, a page at a time. */
export async function listFiledSubjects(ctx: AppContext, user: SessionUser, page: { cursor?: string; limit?: number } = {}) {
  const limit = page.limit ?? 50;
  let query = ctx.db
    .selectFrom('filed_subjects')
    .select(['number', 'name', 'province', 'status', 'approved_at'])
    .orderBy('approved_at', 'desc')
    .orderBy('number', 'desc')
    .limit(limit + 1);
  if (!isStaff(user.role)) query = query.where('user_id', '=', user.id);
  if (page.cursor) {
    const [approvedAt, number] = readCursor(page.cursor, ['instant', 'text'] as const);
    query = query.where(sql<boolean>`(approved_at, number) < (${approvedAt}, ${number})`);
  }
  const { items, nextCursor } = pageOf(await query.execute(), limit, (r) => [r.approved_at.toISOString(), r.number]);
  return { items: items.map((r) => ({ number: r.number, name: r.name, province: r.province, status: r.status, approvedAt: r.approved_at.toISOString() })), nextCursor };
}

/** Footer HTML for one service, following the province's rule (Guangdong shows the subject number), with its police number once recorded. */
export async function getFooter(ctx: AppContext, user: SessionUser, number: string, serviceSeq: number) {
  const subject = await loadVisibleSubject(ctx, user, number);
  const service = await ctx.db.selectFrom('filed_services').select(['number']).where('subject_number', '=', number).where('seq', '=', serviceSeq).executeTakeFirst();
  if (!service) throw AppError.field('NOT_FOUND', 'query.service', '该主体下没有这个网站序号', 'No service with this number under the subject');
  const year = Number(ctx.clock.now().toISOString().slice(0, 4));
  const police = await recordedPoliceNumber(ctx, service.number);
  const html = footerHtml({ province: subject.province, subjectNumber: subject.number, serviceNumber: service.number, organisationName: subject.nature === 'individual' ? undefined : subject.name, year, ...(police ? { policeNumber: police } : {}) });
  const policeRecord = police ? { number: police, text: formatPoliceNumber(police), link: policeQueryUrl(police) } : null;
  return { html, rule: footerRule(subject.province), serviceNumber: service.number, police: policeRecord };
}
