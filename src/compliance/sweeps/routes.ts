import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { actorOf, requireRole } from '../../http/auth.ts';
import { SWEEP_KINDS } from '../codes.ts';
import { COMPLIANCE_ROLES } from '../revocation/routes.ts';
import { startSweep } from './commands/start-sweep.ts';
import { sweepAvailability } from './configured-checker.ts';
import { getSweep, listSweeps } from './queries/list-sweeps.ts';

const TAGS = ['compliance'];
const kind = z.enum(SWEEP_KINDS).describe('核查类型 / sweep kind: dns, footer, registrar');

export async function sweepRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/compliance/sweeps', { schema: { tags: TAGS, summary: 'Start a sweep (or join the one of this kind already running) → 202 with its progress', body: z.object({ kind }) } }, async (request, reply) => {
    requireRole(request, COMPLIANCE_ROLES);
    const { sweep } = await startSweep(ctx, actorOf(request), { kind: request.body.kind });
    return reply.status(202).send(sweep);
  });

  r.get(
    '/api/v1/compliance/sweeps',
    {
      schema: {
        tags: TAGS,
        summary: 'Recent sweep runs, newest first (keyset pages), with whether each kind can run here',
        querystring: z.object({ kind: kind.optional(), cursor: z.string().max(300).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      },
    },
    async (request) => {
      requireRole(request, COMPLIANCE_ROLES);
      const { kind: only, ...rest } = request.query;
      const page = await listSweeps(ctx, { ...rest, ...(only ? { kind: only } : {}) });
      return { ...page, kinds: SWEEP_KINDS.map((k) => ({ kind: k, ...sweepAvailability(ctx, k) })) };
    },
  );

  r.get('/api/v1/compliance/sweeps/:id', { schema: { tags: TAGS, summary: 'Progress of a sweep run', params: z.object({ id: z.string().uuid() }) } }, async (request) => {
    requireRole(request, COMPLIANCE_ROLES);
    return getSweep(ctx, request.params.id);
  });
}
