import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { requireUser } from '../http/auth.ts';
import { listInAppNotices, markInAppNoticesRead } from './in-app.ts';

/** The signed-in user's console inbox. */
export async function noticeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/notices',
    {
      schema: {
        tags: ['notices'],
        summary: 'My in-app notices, newest first, a page at a time',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(400).optional() }),
      },
    },
    async (request) => listInAppNotices(ctx, requireUser(request).id, request.query),
  );
  r.post(
    '/api/v1/notices/read',
    { schema: { tags: ['notices'], summary: 'Mark my notices read up to an id', body: z.object({ upToId: z.number().int().min(1) }) } },
    async (request) => {
      await markInAppNoticesRead(ctx, requireUser(request).id, request.body.upToId);
      return { ok: true };
    },
  );
}
