import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { actorOf, requireRole, requireUser } from '../../http/auth.ts';
import { createOrder } from '../commands/create-order.ts';
import { getFiledSubject, getFooter, listFiledSubjects } from './queries.ts';
import { identifyRecordServices, type DraftServiceIdentity } from './service-identity.ts';

const numberParams = z.object({ subjectNumber: z.string().min(6).max(40) });
const pageQuery = z.object({ cursor: z.string().max(400).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const ON_FILING_KINDS = ['new_service_subject_here', 'change_subject', 'change_service', 'change_access', 'cancel_subject', 'cancel_service', 'cancel_access'] as const;
/** Kinds that act on named services: without `services` the regulator step would apply them to every service. */
const SERVICE_SCOPED_KINDS: readonly string[] = ['change_service', 'change_access', 'cancel_service', 'cancel_access'];

export async function filedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/filings',
    { schema: { tags: ['filings'], summary: 'Subjects filed by this account (staff: all), newest first; `nextCursor` fetches the next page', querystring: pageQuery } },
    async (request) => listFiledSubjects(ctx, requireUser(request), request.query),
  );

  r.get('/api/v1/filings/:subjectNumber', { schema: { tags: ['filings'], summary: 'A filed subject with services, numbers and access state', params: numberParams } }, async (request) =>
    getFiledSubject(ctx, requireUser(request), request.params.subjectNumber, actorOf(request)),
  );

  r.get(
    '/api/v1/filings/:subjectNumber/footer',
    { schema: { tags: ['filings'], summary: 'Footer HTML for a service, per the province rule', params: numberParams, querystring: z.object({ service: z.coerce.number().int().min(1).max(999).default(1) }) } },
    async (request) => getFooter(ctx, requireUser(request), request.params.subjectNumber, request.query.service),
  );

  r.post(
    '/api/v1/filings/:subjectNumber/orders',
    {
      schema: {
        tags: ['filings'],
        summary: 'Open a change, cancellation or new-service order on an existing filing',
        params: numberParams,
        body: z.object({ kind: z.enum(ON_FILING_KINDS), draft: z.record(z.string(), z.unknown()).optional(), services: z.array(z.string().max(60)).max(50).optional() }),
      },
    },
    async (request, reply) => {
      const user = requireRole(request, ['applicant']);
      const subject = await getFiledSubject(ctx, user, request.params.subjectNumber);
      if (subject.status !== 'active') throw new AppError('INVALID_TRANSITION', { status: subject.status });
      const unknown = (request.body.services ?? []).filter((n) => !subject.services.some((s) => s.number === n));
      if (unknown.length) throw AppError.field('VALIDATION_FAILED', 'body.services', `不属于该主体的网站备案号：${unknown.join('、')}`, `Not a service of this subject: ${unknown.join(', ')}`);
      if (SERVICE_SCOPED_KINDS.includes(request.body.kind) && !request.body.services?.length) {
        throw AppError.field('VALIDATION_FAILED', 'body.services', '请指明要变更或注销的网站备案号', 'Name the service number(s) to change or cancel');
      }
      const filed = await ctx.db.selectFrom('filed_subjects').select('draft').where('number', '=', subject.number).executeTakeFirstOrThrow();
      // Start from the filed data so a change edits what is on record.
      const onRecord = JSON.parse(ctx.cipher.decrypt(filed.draft)) as Record<string, unknown>;
      // A new service is filed on its own: the draft holds the subject and only the new services, since services
      // already filed here in the draft are refused by the pre-check (SERVICE_ALREADY_FILED). recordFiling keeps
      // the filed ones on record.
      const draft = request.body.draft ?? (request.body.kind === 'new_service_subject_here' ? { ...onRecord, services: [] } : await withServiceNumbers(ctx, subject.number, onRecord));
      const created = await createOrder(ctx, actorOf(request), user, { draft, filingNumber: subject.number, targetServices: request.body.services, kind: request.body.kind });
      return reply.status(201).send(created);
    },
  );
}

/**
 * The record's draft as an order on the filing starts from: each service carries the number it is filed under
 * (`filedNumber`, its identity when the order is approved), and cancelled services are left out — their numbers
 * are gone, and the pre-check must not judge them again.
 */
async function withServiceNumbers(ctx: AppContext, subjectNumber: string, onRecord: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!Array.isArray(onRecord['services'])) return onRecord;
  const services = onRecord['services'] as unknown[];
  const rows = await ctx.db.selectFrom('filed_services').select(['number', 'seq', 'kind', 'domain', 'name', 'access_state']).where('subject_number', '=', subjectNumber).execute();
  const numbers = identifyRecordServices(services.map((s) => (typeof s === 'object' && s !== null ? (s as DraftServiceIdentity) : {})), rows);
  const cancelled = new Set(rows.filter((r) => r.access_state === 'cancelled').map((r) => r.number));
  const kept = services.flatMap((service, i) => {
    const number = numbers[i];
    if (number === undefined) return [service];
    return cancelled.has(number) ? [] : [{ ...(service as Record<string, unknown>), filedNumber: number }];
  });
  return { ...onRecord, services: kept };
}
