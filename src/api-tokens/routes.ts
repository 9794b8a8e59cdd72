import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { issueApiToken } from './commands/issue-api-token.ts';
import { revokeApiToken } from './commands/revoke-api-token.ts';
import { listApiTokens } from './queries/list-api-tokens.ts';
import { TOKEN_SCOPES, TOKEN_STATUSES } from './scopes.ts';

const TAGS = ['api-tokens'];
const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  hint: z.string(),
  status: z.enum(TOKEN_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Machine tokens (Authorization: Bearer) for the enforcement edge and cron jobs; admins only. */
export async function apiTokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/admin/api-tokens',
    {
      schema: {
        tags: TAGS,
        summary: 'Machine tokens, newest first, a page at a time (admin); never the tokens themselves',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100), cursor: z.string().max(400).optional() }),
        response: { 200: z.object({ items: z.array(tokenView), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return listApiTokens(ctx, request.query);
    },
  );

  r.post(
    '/api/v1/admin/api-tokens',
    {
      schema: {
        tags: TAGS,
        summary: 'Issue a machine token (admin); the answer is the only time the token is shown',
        body: z.object({
          name: z.string().trim().min(1).max(80).describe('用途，如 “edge-hz-1” / what uses it'),
          scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
          expiresInDays: z.number().int().min(1).max(3650).nullable().optional().describe('有效天数，不填为长期 / days valid; none = no expiry'),
        }),
        response: { 201: z.object({ token: z.string(), item: tokenView }) },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      return reply.status(201).send(await issueApiToken(ctx, actorOf(request), request.body));
    },
  );

  r.post(
    '/api/v1/admin/api-tokens/:id/revoke',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke a machine token (admin): its next request is refused',
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ reason: z.string().trim().max(500).optional() }).optional(),
        response: { 200: tokenView },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return revokeApiToken(ctx, actorOf(request), { id: request.params.id, reason: request.body?.reason });
    },
  );
}
