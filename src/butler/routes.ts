import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, requireRole, requireUser } from '../http/auth.ts';
import { BUTLER_SERVICES, ISP_CHECKLIST_KEYS, ISP_SCOPES } from '../rules/index.ts';
import { acceptTicket } from './commands/accept-ticket.ts';
import { closeTicket } from './commands/close-ticket.ts';
import { confirmTicket } from './commands/confirm-ticket.ts';
import { openTicket } from './commands/open-ticket.ts';
import { requestInvoice } from './commands/request-invoice.ts';
import { respondTicket } from './commands/respond-ticket.ts';
import { submitTicket } from './commands/submit-ticket.ts';
import { tickChecklistItem } from './commands/tick-checklist-item.ts';
import { getTicket } from './queries/get-ticket.ts';
import { checkIspEligibility } from './queries/isp-eligibility.ts';
import { listTickets } from './queries/list-tickets.ts';
import { TICKET_ACTIONS, TICKET_STATUSES } from './status.ts';

const TAGS = ['butler'];
const bilingual = z.object({ zh: z.string(), en: z.string() });
const idParams = z.object({ id: z.string().uuid() });
const capital = z.number().min(0).max(1e13).describe('注册资本（元） / registered capital, CNY');
const note = z.string().trim().max(500).optional().describe('备注 / note');
const optionalNote = z.object({ note }).optional();

const clockView = z.object({
  kind: z.enum(['first_response', 'materials']),
  startedAt: z.string(),
  dueAt: z.string(),
  metAt: z.string().nullable(),
  isRunning: z.boolean(),
  isOverdue: z.boolean(),
  wasLate: z.boolean(),
});
const ticketView = z.object({
  id: z.string(),
  number: z.string(),
  service: z.enum(BUTLER_SERVICES),
  serviceName: bilingual,
  status: z.enum(TICKET_STATUSES),
  statusLabel: bilingual,
  note: z.string(),
  contactMobile: z.string(),
  applicant: z.string().nullable(),
  openedAt: z.string(),
  firstResponseDueAt: z.string(),
  openedOutsideBusinessHours: z.boolean(),
  respondedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  materialsDueAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  isRefundable: z.boolean(),
  noRefundNotice: bilingual,
  clocks: z.array(clockView),
  isOverdue: z.boolean(),
  calendarWarning: bilingual.nullable().describe('the running clock spans a year without holiday data (weekends only counted)'),
  isp: z.object({ scope: z.string(), registeredCapitalCny: z.number(), eligible: z.boolean() }).nullable(),
  actions: z.array(z.enum(TICKET_ACTIONS)),
  version: z.number(),
  updatedAt: z.string(),
});
const invoiceView = z.object({ id: z.string(), ticketId: z.string(), invoicingEntity: z.string().nullable(), entityName: z.string(), taxNumber: z.string(), email: z.string(), requestedAt: z.string() });
const ticketDetail = ticketView.extend({
  checklist: z.array(
    z.object({
      key: z.string(),
      title: bilingual,
      detail: bilingual,
      done: z.boolean(),
      tickedAt: z.string().nullable(),
      tickedBy: z.object({ role: z.string(), name: z.string() }).nullable(),
    }),
  ),
  invoicingEntity: z.string().nullable().describe('开票主体 to pick in billing / the invoicing entity billing issues the invoice under'),
  invoiceRequests: z.array(invoiceView),
  timeline: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      actorRole: z.string(),
      note: z.string().nullable(),
      subject: z.string().nullable(),
      done: z.boolean().nullable(),
    }),
  ),
  now: z.string().describe('服务器当前时间（演示模式下为虚拟时钟） / the server’s now (virtual in demo mode): count down from it'),
});
const eligibilityView = z.object({
  eligible: z.boolean(),
  scope: z.enum(ISP_SCOPES),
  minimumCny: z.number(),
  reasons: z.array(z.object({ code: z.string(), message: bilingual })),
  checklist: z.array(z.object({ key: z.enum(ISP_CHECKLIST_KEYS), title: bilingual, detail: bilingual })),
});

/** The butler service (资质管家) and ISP licence consulting (DESIGN §5.11). */
export async function butlerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const who = (request: FastifyRequest) => ({ user: requireUser(request), actor: actorOf(request) });

  r.post(
    '/api/v1/butler/tickets',
    {
      schema: {
        tags: TAGS,
        summary: 'Ask the butler for help (free): the first call is due 30 minutes into business hours (workdays 9:30–17:30 Beijing time)',
        body: z.object({
          service: z.enum(BUTLER_SERVICES),
          note: z.string().trim().min(1).max(2000).describe('需求说明 / what you need'),
          contactMobile: z.string().trim().min(1).max(20).describe('联系手机 / mobile the butler calls'),
          isp: z.object({ scope: z.enum(ISP_SCOPES), registeredCapitalCny: capital }).optional().describe('ISP 许可证咨询 / for isp_licence only'),
        }),
        response: { 201: ticketDetail },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, ['applicant']);
      const ticket = await openTicket(ctx, actorOf(request), user, request.body);
      return reply.status(201).send(await getTicket(ctx, user, ticket.id));
    },
  );

  r.get(
    '/api/v1/butler/tickets',
    {
      schema: {
        tags: TAGS,
        summary: 'Tickets: applicants see their own; butlers see all, the ones whose clock ran out first',
        querystring: z.object({
          status: z.enum(TICKET_STATUSES).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(ticketView), total: z.number(), page: z.number(), pageSize: z.number(), now: z.string() }) },
      },
    },
    async (request) => listTickets(ctx, requireUser(request), request.query),
  );

  r.get(
    '/api/v1/butler/tickets/:id',
    { schema: { tags: TAGS, summary: 'One ticket with its clocks, ISP checklist, invoice requests and history', params: idParams, response: { 200: ticketDetail } } },
    async (request) => getTicket(ctx, requireUser(request), request.params.id, actorOf(request)),
  );

  r.post(
    '/api/v1/butler/tickets/:id/respond',
    { schema: { tags: TAGS, summary: 'Butler: the customer has been called (stops the first-response clock)', params: idParams, body: optionalNote, response: { 200: ticketDetail } } },
    async (request) => {
      const { user, actor } = who(request);
      await respondTicket(ctx, actor, user, { ticketId: request.params.id, note: request.body?.note });
      return getTicket(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/butler/tickets/:id/confirm',
    {
      schema: {
        tags: TAGS,
        summary: 'Customer: confirm the service; from here it is not refundable and the 3-workday materials clock runs',
        params: idParams,
        body: z
          .object({ acknowledgeNoRefund: z.boolean().optional().describe('已阅读“确认后不予退款” / the no-refund notice was read and accepted') })
          .optional(),
        response: { 200: ticketDetail },
      },
    },
    async (request) => {
      const { user, actor } = who(request);
      await confirmTicket(ctx, actor, user, { ticketId: request.params.id, acknowledgeNoRefund: request.body?.acknowledgeNoRefund });
      return getTicket(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/butler/tickets/:id/submit',
    { schema: { tags: TAGS, summary: 'Butler: materials prepared and the application submitted (stops the materials clock)', params: idParams, body: optionalNote, response: { 200: ticketDetail } } },
    async (request) => {
      const { user, actor } = who(request);
      await submitTicket(ctx, actor, user, { ticketId: request.params.id, note: request.body?.note });
      return getTicket(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/butler/tickets/:id/accept',
    { schema: { tags: TAGS, summary: 'Butler: the authority accepted the application; the service is complete', params: idParams, body: optionalNote, response: { 200: ticketDetail } } },
    async (request) => {
      const { user, actor } = who(request);
      await acceptTicket(ctx, actor, user, { ticketId: request.params.id, note: request.body?.note });
      return getTicket(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/butler/tickets/:id/close',
    {
      schema: {
        tags: TAGS,
        summary: 'Close early: the customer while it is still free, the butler at any time (a confirmed service stays non-refundable)',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1).max(500).describe('关闭原因 / why') }),
        response: { 200: ticketDetail },
      },
    },
    async (request) => {
      const { user, actor } = who(request);
      await closeTicket(ctx, actor, user, { ticketId: request.params.id, reason: request.body.reason });
      return getTicket(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/butler/tickets/:id/invoice-requests',
    {
      schema: {
        tags: TAGS,
        summary: 'Customer: ask for an invoice for a confirmed service, naming the entity to invoice',
        params: idParams,
        body: z.object({
          entityName: z.string().trim().min(2).max(100).describe('开票单位名称（发票抬头） / the entity invoiced'),
          taxNumber: z.string().trim().min(1).max(30).describe('纳税人识别号 / tax number'),
          email: z.string().trim().min(3).max(254).describe('接收电子发票的邮箱 / where the invoice goes'),
        }),
        response: { 201: invoiceView },
      },
    },
    async (request, reply) => {
      const { user, actor } = who(request);
      return reply.status(201).send(await requestInvoice(ctx, actor, user, { ticketId: request.params.id, ...request.body }));
    },
  );

  r.put(
    '/api/v1/butler/tickets/:id/checklist/:key',
    {
      schema: {
        tags: TAGS,
        summary: 'Tick an ISP-licence requirement done or not done (customer or butler); who and when are kept',
        params: z.object({ id: z.string().uuid(), key: z.string().min(1).max(60) }),
        body: z.object({ done: z.boolean() }),
        response: { 200: ticketDetail },
      },
    },
    async (request) => {
      const { user, actor } = who(request);
      await tickChecklistItem(ctx, actor, user, { ticketId: request.params.id, key: request.params.key, done: request.body.done });
      return getTicket(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/isp-licence/eligibility',
    {
      schema: {
        tags: TAGS,
        summary: 'May this company apply for an ISP licence of this scope (nationwide ≥ 10 M CNY, provincial ≥ 1 M), and what it needs ready',
        body: z.object({ scope: z.enum(ISP_SCOPES), registeredCapitalCny: capital }),
        response: { 200: eligibilityView },
      },
    },
    async (request) => checkIspEligibility(request.body),
  );
}
