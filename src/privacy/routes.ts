import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { personAuditTrail } from './queries/person-audit-trail.ts';
import { idCheckRoutes } from './id-check-routes.ts';

const idNumberField = z.string().trim().min(6).max(30).regex(/^[0-9A-Za-z()（）-]+$/).describe('证件号码 / ID number');

/** Personal-data rights (PIPL): one person's audit trail for an admin, and "which filings use my ID?". */
export async function privacyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/privacy/audit-trail',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Admin: export every audit row about one person’s data, found by the ID number (the export is audited)',
        body: z.object({ idNumber: idNumberField }),
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return personAuditTrail(ctx, actorOf(request), { idNumber: request.body.idNumber });
    },
  );

  await idCheckRoutes(app, ctx);
}
