import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { actorOf, requireRole } from '../../http/auth.ts';
import { revokeAccess } from './revoke-access.ts';

export const COMPLIANCE_ROLES = ['compliance', 'admin'] as const;

const params = z.object({ subjectNumber: z.string().min(6).max(40) });
const body = z.object({
  services: z.array(z.string().trim().min(1).max(60)).min(1).max(50).describe('网站备案号 / service numbers'),
  reason: z.string().trim().min(1).max(500).describe('取消接入原因 / reason'),
});

export async function revocationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/filings/:subjectNumber/access-revocations',
    { schema: { tags: ['compliance'], summary: '取消接入: revoke the access of services of a filed subject', params, body } },
    async (request, reply) => {
      requireRole(request, COMPLIANCE_ROLES);
      const revocation = await ctx.db.transaction().execute((tx) =>
        revokeAccess(tx, ctx, actorOf(request), { subjectNumber: request.params.subjectNumber, serviceNumbers: request.body.services, reason: request.body.reason, source: 'staff' }),
      );
      return reply.status(201).send(revocation);
    },
  );
}
