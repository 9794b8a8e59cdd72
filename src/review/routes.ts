import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { approveOrder } from './commands/approve-order.ts';
import { claimOrder } from './commands/claim-order.ts';
import { recordCall } from './commands/record-call.ts';
import { rejectOrder } from './commands/reject-order.ts';
import { requestSupplement } from './commands/request-supplement.ts';
import { reviewQueue } from './queries/review-queue.ts';

const REVIEWERS = ['reviewer', 'admin'] as const;
const idParams = z.object({ id: z.string().uuid() });
const personPath = z.string().regex(/^(subject\.leader|services\[\d{1,3}\]\.leader)$/, 'subject.leader or services[N].leader');
const fieldPath = z.string().max(200).regex(/^[A-Za-z0-9_.[\]]+$/, 'a draft path such as services[0].domains[0].name');

export async function reviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reviewer = (request: FastifyRequest) => {
    requireRole(request, REVIEWERS);
    return actorOf(request);
  };

  r.get(
    '/api/v1/review/queue',
    {
      schema: {
        tags: ['review'],
        summary: 'Orders waiting for provider review, oldest first, with SLA deadlines',
        querystring: z.object({
          province: z.string().regex(/^\d{6}$/).optional(),
          kind: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(400).optional(),
        }),
      },
    },
    async (request) => {
      reviewer(request);
      return reviewQueue(ctx, request.query);
    },
  );

  r.post('/api/v1/review/:id/claim', { schema: { tags: ['review'], summary: 'Take an order to work on', params: idParams } }, async (request) =>
    claimOrder(ctx, reviewer(request), request.params.id),
  );

  r.post(
    '/api/v1/review/:id/calls',
    {
      schema: {
        tags: ['review'],
        summary: 'Record a phone call to a responsible person; two missed calls reject the order',
        params: idParams,
        body: z.object({ person: personPath, outcome: z.enum(['answered', 'missed', 'wrong_number', 'refused']), note: z.string().max(500).optional() }),
      },
    },
    async (request) => recordCall(ctx, reviewer(request), { orderId: request.params.id, ...request.body }),
  );

  r.post(
    '/api/v1/review/:id/approve',
    { schema: { tags: ['review'], summary: 'Pass the provider review', params: idParams, body: z.object({ note: z.string().max(500).optional() }).optional() } },
    async (request) => approveOrder(ctx, reviewer(request), { orderId: request.params.id, expectedVersion: parseIfMatch(request, false), note: request.body?.note }),
  );

  r.post(
    '/api/v1/review/:id/reject',
    {
      schema: {
        tags: ['review'],
        summary: 'Reject with reasons from the catalogue, each pointing at a field',
        params: idParams,
        body: z.object({ reasons: z.array(z.object({ code: z.string().min(2).max(60), path: fieldPath.optional(), note: z.string().max(500).optional() })).min(1).max(30) }),
      },
    },
    async (request) => rejectOrder(ctx, reviewer(request), { orderId: request.params.id, expectedVersion: parseIfMatch(request, false), reasons: request.body.reasons }),
  );

  r.post(
    '/api/v1/review/:id/request-supplement',
    {
      schema: {
        tags: ['review'],
        summary: 'Ask the applicant for supplementary material',
        params: idParams,
        body: z.object({ items: z.array(z.object({ kind: z.string().max(60).optional(), path: fieldPath.optional(), note: z.string().min(1).max(500) })).min(1).max(30) }),
      },
    },
    async (request) => requestSupplement(ctx, reviewer(request), { orderId: request.params.id, expectedVersion: parseIfMatch(request, false), items: request.body.items }),
  );
}
