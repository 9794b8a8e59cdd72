import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { shanghaiDate } from '../core/clock.ts';
import { precheck } from '../rules/index.ts';
import { RateLimiter } from './rate-limit.ts';

/**
 * The explainable pre-check (DESIGN §5.3): no login, rate-limited, never a 4xx for a bad draft — every problem is
 * a finding. Without account context it knows nothing about existing filings.
 */
export async function precheckRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const limiter = new RateLimiter(ctx, 'precheck.address', 120, 60_000);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/precheck',
    {
      bodyLimit: 256 * 1024,
      schema: { tags: ['pre-check'], summary: 'Check a filing draft against the province rules; every finding names its field', body: z.unknown() },
    },
    async (request) => {
      await limiter.take(request.ip);
      return precheck(request.body, { today: shanghaiDate(ctx.clock.now()) });
    },
  );
}
