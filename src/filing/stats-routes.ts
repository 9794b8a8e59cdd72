import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { requireRole } from '../http/auth.ts';
import { overviewStats } from './queries/overview-stats.ts';

export async function statsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/stats/overview',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Orders by status, province and day; review SLA; approval rates; top rejection reasons',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
      },
    },
    async (request) => {
      requireRole(request, ['admin', 'compliance', 'reviewer']);
      return overviewStats(ctx, request.query);
    },
  );
}
