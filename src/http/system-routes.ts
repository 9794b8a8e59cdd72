import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';

export async function systemRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready when the database answers',
        response: { 200: z.object({ status: z.literal('ok'), mode: z.string(), database: z.string(), time: z.string() }) },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(ctx.db);
      return { status: 'ok' as const, mode: ctx.config.mode, database: ctx.database.kind, time: ctx.clock.now().toISOString() };
    },
  );
  r.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
