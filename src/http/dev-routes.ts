import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { advanceVirtualClock, drainBackgroundWork, type AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { listSentMessages } from '../notify/index.ts';

/** Demo and test mode only (DESIGN §5.6): the virtual clock and the readable outbox of SMS and e-mail. */
export async function devRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!ctx.config.isDevMode) return;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/dev/clock/advance',
    {
      schema: {
        tags: ['dev'],
        summary: 'Move the virtual clock forward and run what became due',
        body: z.object({ hours: z.number().min(0).max(24 * 400).optional(), days: z.number().min(0).max(400).optional() }),
      },
    },
    async (request) => {
      const clock = ctx.virtualClock;
      if (!clock) throw new AppError('NOT_AVAILABLE_IN_MODE');
      const ms = ((request.body.hours ?? 0) + (request.body.days ?? 0) * 24) * 3600_000;
      await advanceVirtualClock(ctx, ms);
      return { now: clock.now().toISOString(), offsetHours: clock.offset / 3600_000 };
    },
  );

  r.get(
    '/api/v1/dev/clock',
    { schema: { tags: ['dev'], summary: 'The virtual clock' } },
    async () => {
      // Exact even a moment after another process moved the shared clock (the NOTIFY may still be on its way).
      await ctx.sharedClock?.refresh();
      return { now: ctx.clock.now().toISOString(), offsetHours: (ctx.virtualClock?.offset ?? 0) / 3600_000 };
    },
  );

  r.get(
    '/api/v1/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'SMS and e-mail the platform sent (demo mode)',
        querystring: z.object({ to: z.string().min(3).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
    },
    async (request) => {
      await drainBackgroundWork(ctx);
      return { items: await listSentMessages(ctx, { to: request.query.to, limit: request.query.limit }) };
    },
  );
}
