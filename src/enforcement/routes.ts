import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { requireRole } from '../http/auth.ts';
import { ALLOWLIST_FORMATS, allowlistChunks } from './allowlist.ts';
import { blockNotice, blockPageHtml, type BlockNotice } from './block-page.ts';
import { listenForChanges } from './change-feed.ts';
import { registrableDomainOfHost } from './host.ts';
import { connectedDomainsOf } from './index.ts';

/** Who may download the whole list: it is the provider's customer list, so staff who run enforcement only. */
const ALLOWLIST_ROLES = ['compliance', 'admin'] as const;

function hostOf(request: FastifyRequest<{ Querystring: { host?: string } }>): string | undefined {
  if (request.query.host !== undefined) return request.query.host;
  const header = request.headers['x-original-host'];
  return Array.isArray(header) ? header[0] : header;
}

function sendBlocked(request: FastifyRequest, reply: FastifyReply, notice: BlockNotice) {
  reply.status(403).header('cache-control', 'no-store');
  if (/\bapplication\/json\b/i.test(request.headers.accept ?? '')) return reply.send(notice);
  return reply.type('text/html; charset=utf-8').send(blockPageHtml(notice));
}

/** Enforcement check and allowlist export (DESIGN §5.5); see docs/enforcement.md for nginx and haproxy set-ups. */
export async function enforcementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const index = connectedDomainsOf(ctx);

  // Listen before the first load so no change can fall between the snapshot and the feed.
  if (ctx.database.kind === 'postgres') {
    const feed = listenForChanges(ctx, index);
    await feed.started;
    app.addHook('onClose', () => feed.stop());
  }
  // Loaded before the app answers anything, not on the first request: nginx must not wait seconds for two million
  // names, and /health only says ready when checks are. A failed load does not stop the boot; checks retry it.
  await index.ready().catch((error: unknown) => ctx.logger.error({ err: error }, 'enforcement index failed to load; retrying on the next check'));

  r.get(
    '/api/v1/enforcement/check',
    {
      schema: {
        tags: ['enforcement'],
        summary: 'May this host be served? 204 yes, 403 no (for nginx auth_request)',
        description:
          'The host comes from `?host=` or the `X-Original-Host` header; ports, a trailing dot, upper case and IDN are accepted. ' +
          'A 403 carries a JSON body with `Accept: application/json`, otherwise the block page.',
        querystring: z.object({ host: z.string().optional().describe('主机名，如 www.example.com / host name') }),
      },
    },
    async (request, reply) => {
      const verdict = registrableDomainOfHost(hostOf(request));
      if (!verdict.ok) return sendBlocked(request, reply, blockNotice(verdict.problem, verdict.host, undefined, ctx.config.publicUrl));
      if (!index.isReady) await index.ready();
      if (index.has(verdict.domain)) return reply.status(204).send();
      return sendBlocked(request, reply, blockNotice('not_connected', verdict.host, verdict.domain, ctx.config.publicUrl));
    },
  );

  r.get(
    '/api/v1/enforcement/allowlist',
    {
      schema: {
        tags: ['enforcement'],
        summary: 'Every connected registrable domain, as an nginx map, a haproxy ACL file or plain text (compliance, admin)',
        querystring: z.object({ format: z.enum(ALLOWLIST_FORMATS).default('nginx') }),
      },
    },
    async (request, reply) => {
      requireRole(request, ALLOWLIST_ROLES);
      if (!index.isReady) await index.ready();
      const etag = `"${index.origin}-${index.changeCount}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache').header('x-allowlist-count', String(index.size));
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      // A copy (milliseconds for two million references), streamed in slices while checks keep being answered.
      const snapshot = index.sorted().slice();
      return reply.type('text/plain; charset=utf-8').send(Readable.from(allowlistChunks(snapshot, request.query.format)));
    },
  );
}
