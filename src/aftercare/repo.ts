import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import type { FiledServicesTable, FiledSubjectsTable, PoliceFilingsTable, ResourcesTable } from '../core/db/schema.ts';
import { AppError } from '../core/errors.ts';
import { isStaff, type SessionUser } from '../accounts/index.ts';
import { readDraft, type DraftView } from '../rules/index.ts';

export type FiledSubjectRow = Selectable<FiledSubjectsTable>;
export type FiledServiceRow = Selectable<FiledServicesTable>;
export type PoliceFilingRow = Selectable<PoliceFilingsTable>;
export type ResourceRow = Selectable<ResourcesTable>;
export type DraftService = NonNullable<DraftView['services']>[number];

/** A filed service with its subject and what the record's draft says about both. */
export type FiledServiceView = {
  subject: FiledSubjectRow;
  service: FiledServiceRow;
  /** The filed draft (what is on record), read leniently: fields may be missing. */
  record: DraftView;
  /** The record's entry for this service, found by its filed number (or its domain on older records). */
  draftService: DraftService | undefined;
};

type Access = 'owner' | 'owner_or_staff';

/**
 * Loads a filed service by its number (浙ICP备2026000001号-1) or its sequence under the subject ("1"). Who may not
 * see it gets the same 404 as for a number that does not exist, so numbers reveal nothing about other accounts.
 */
export async function loadFiledService(ctx: AppContext, executor: Executor, user: SessionUser, subjectNumber: string, serviceRef: string, access: Access): Promise<FiledServiceView> {
  const subject = await loadFiledSubject(executor, user, subjectNumber, access);
  let query = executor.selectFrom('filed_services').selectAll().where('subject_number', '=', subject.number);
  query = /^\d{1,4}$/.test(serviceRef) ? query.where('seq', '=', Number(serviceRef)) : query.where('number', '=', serviceRef);
  const service = await query.orderBy('seq').executeTakeFirst();
  if (!service) throw AppError.field('NOT_FOUND', 'params.serviceNumber', '该主体下没有这个网站备案号', 'No service with this number under the subject');
  const raw = JSON.parse(ctx.cipher.decrypt(subject.draft)) as { services?: unknown };
  const record = readDraft(raw, []);
  const entries = record.services ?? [];
  const numbers = Array.isArray(raw.services) ? (raw.services as { filedNumber?: unknown }[]).map((s) => s?.filedNumber) : [];
  const index = numbers.indexOf(service.number);
  const draftService = index >= 0 ? entries[index] : entries.find((s) => service.domain !== null && (s.domains ?? []).some((d) => d.name?.toLowerCase().endsWith(service.domain!)));
  return { subject, service, record, draftService };
}

export async function loadFiledSubject(executor: Executor, user: SessionUser, subjectNumber: string, access: Access): Promise<FiledSubjectRow> {
  const subject = await executor.selectFrom('filed_subjects').selectAll().where('number', '=', subjectNumber).executeTakeFirst();
  const mayRead = subject && (subject.user_id === user.id || (access === 'owner_or_staff' && isStaff(user.role)));
  if (!subject || !mayRead) throw AppError.field('NOT_FOUND', 'params.subjectNumber', '找不到该备案主体，或它不属于当前账号', 'No such filing, or it does not belong to this account');
  return subject;
}

export async function findPoliceFiling(executor: Executor, serviceNumber: string): Promise<PoliceFilingRow | undefined> {
  return executor.selectFrom('police_filings').selectAll().where('service_number', '=', serviceNumber).executeTakeFirst();
}

/** The provider's resources holding any of these public IPs (any customer's: the provider knows where its servers are). */
export async function resourcesWithIps(executor: Executor, ips: readonly string[]): Promise<ResourceRow[]> {
  if (ips.length === 0) return [];
  return executor
    .selectFrom('resources')
    .selectAll()
    .where(sql<boolean>`public_ips && ${sql.val([...ips])}::text[]`)
    .orderBy('created_at')
    .execute();
}

/** The resource a filing service code was issued from, if the code is one of this provider's. */
export async function resourceOfServiceCode(executor: Executor, code: string | undefined): Promise<ResourceRow | undefined> {
  if (!code || !/^[0-9a-f-]{36}$/i.test(code)) return undefined;
  return executor
    .selectFrom('service_codes')
    .innerJoin('resources', 'resources.id', 'service_codes.resource_id')
    .selectAll('resources')
    .where('service_codes.code', '=', code.toLowerCase())
    .executeTakeFirst();
}

/** An order's draft for a document, if the user may see the order (its owner, or staff); anyone else gets 404. */
export async function loadOrderDraft(ctx: AppContext, executor: Executor, user: SessionUser, id: string) {
  const notFound = () => AppError.field('NOT_FOUND', 'query.order', '找不到该备案订单，或它不属于当前账号', 'No such order, or it does not belong to this account');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const row = await executor.selectFrom('orders').select(['id', 'number', 'user_id', 'province', 'draft', 'filing_number']).where('id', '=', id).executeTakeFirst();
  if (!row || (row.user_id !== user.id && !isStaff(user.role))) throw notFound();
  const raw = JSON.parse(ctx.cipher.decrypt(row.draft)) as unknown;
  return { id: row.id, number: row.number, province: row.province, filingNumber: row.filing_number, draft: readDraft(raw, []) };
}
