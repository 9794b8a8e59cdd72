import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { Counter, Gauge } from 'prom-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { requireMachineOrRole } from '../api-tokens/index.ts';
import { ALLOWLIST_FORMATS, type AllowlistFormat } from './allowlist.ts';
import { blockNotice, blockPageHtml, type BlockNotice } from './block-page.ts';
import { listenForChanges } from './change-feed.ts';
import { changeFeedCursor } from './connected-domains.ts';
import { exportAllowlist, type ExportSnapshot } from './export.ts';
import { delay, readChangesSince } from './change-log.ts';
import { NEEDS_ANALYSIS } from './domain-set.ts';
import { registrableDomainOfHost } from './host.ts';
import { changeSignalOf, connectedDomainsOf } from './index.ts';

/** Who may download the whole list: it is the provider's customer list, so staff who run enforcement only. */
const ALLOWLIST_ROLES = ['compliance', 'admin'] as const;
const CURSOR_HEADER = 'x-openbeian-cursor';
const MAX_CHANGES = 10_000;
/** One summary line per this many milliseconds at most, instead of a line per check. */
const LOG_EVERY_MS = 60_000;

function hostOf(request: FastifyRequest<{ Querystring: { host?: string } }>): string | undefined {
  if (request.query.host !== undefined) return request.query.host;
  const header = request.headers['x-original-host'];
  return Array.isArray(header) ? header[0] : header;
}

const wantsJson = (request: FastifyRequest) => /\bapplication\/json\b/i.test(request.headers.accept ?? '');

/** Why a host is refused, for the JSON notice and the block page (computed only when one of those is sent). */
function noticeFor(host: string | undefined, consoleUrl: string): BlockNotice {
  const verdict = registrableDomainOfHost(host);
  return verdict.ok ? blockNotice('not_connected', verdict.host, verdict.domain, consoleUrl) : blockNotice(verdict.problem, verdict.host, undefined, consoleUrl);
}

/** Counters for /metrics, and a summary log line at most once a minute with one refused host as a sample. */
class CheckStats {
  allowed = 0;
  blocked = 0;
  private loggedAllowed = 0;
  private loggedBlocked = 0;
  private lastLog = performance.now();

  constructor(private readonly ctx: AppContext) {}

  count(isAllowed: boolean, host: string | undefined): void {
    if (isAllowed) this.allowed += 1;
    else this.blocked += 1;
    const now = performance.now();
    if (now - this.lastLog < LOG_EVERY_MS) return;
    this.ctx.logger.info(
      { allowed: this.allowed - this.loggedAllowed, blocked: this.blocked - this.loggedBlocked, seconds: Math.round((now - this.lastLog) / 1000), sampleHost: isAllowed ? undefined : host?.slice(0, 100) },
      'enforcement checks since the last summary',
    );
    this.loggedAllowed = this.allowed;
    this.loggedBlocked = this.blocked;
    this.lastLog = now;
  }
}

/**
 * The export as a stream whose headers (cursor, count) are known before the first byte: the database snapshot
 * is opened first, and the body follows as the database sends it, waiting whenever the client reads slower.
 */
async function streamAllowlist(ctx: AppContext, format: AllowlistFormat): Promise<{ snapshot: ExportSnapshot; body: PassThrough }> {
  const body = new PassThrough();
  let announce!: (snapshot: ExportSnapshot) => void;
  const started = new Promise<ExportSnapshot>((resolve) => (announce = resolve));
  const done = exportAllowlist(ctx.database, format, body, { withCount: true, onStart: announce });
  done.then(
    () => body.end(),
    (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  const snapshot = await Promise.race([started, done]);
  return { snapshot, body };
}

/** Enforcement check, allowlist export and change feed (DESIGN §5.5); see docs/enforcement.md for the edge set-ups. */
export async function enforcementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const index = connectedDomainsOf(ctx);
  const signal = changeSignalOf(ctx);
  const stats = new CheckStats(ctx);
  // Long polls end at once when the app closes, instead of holding the shutdown for their wait.
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
    signal.notify();
  });

  new Counter({
    name: 'openbeian_enforcement_checks_total',
    help: 'Enforcement checks answered, by verdict',
    labelNames: ['verdict'],
    registers: [app.metrics],
    collect() {
      this.reset();
      this.inc({ verdict: 'allowed' }, stats.allowed);
      this.inc({ verdict: 'blocked' }, stats.blocked);
    },
  });
  new Gauge({
    name: 'openbeian_enforcement_domains',
    help: 'Connected registrable domains in this process’s index',
    registers: [app.metrics],
    collect() {
      this.set(index.size);
    },
  });

  // Listen before the first load so no change can fall between the snapshot and the feed.
  if (ctx.database.kind === 'postgres') {
    const feed = listenForChanges(ctx, index, signal);
    await feed.started;
    app.addHook('onClose', () => feed.stop());
  }
  // Loaded before the app answers anything, not on the first request: nginx must not wait seconds for two million
  // names, and /health only says ready when checks are. A failed load does not stop the boot; checks retry it.
  await index.ready().catch((error: unknown) => ctx.logger.error({ err: error }, 'enforcement index failed to load; retrying on the next check'));

  const hostQuery = z.object({ host: z.string().optional().describe('主机名，如 www.example.com / host name') });

  r.get(
    '/api/v1/enforcement/check',
    {
      // Tens of thousands a second: no request log lines (counters in /metrics, a summary line a minute instead).
      logLevel: 'warn',
      schema: {
        tags: ['enforcement'],
        summary: 'May this host be served? 204 yes, 403 no (for nginx auth_request); no body unless JSON is asked for',
        description:
          'The host comes from `?host=` or the `X-Original-Host` header; ports, a trailing dot, upper case and IDN are accepted. ' +
          'A 403 carries a JSON notice with `Accept: application/json`, otherwise no body (the block page is `GET /api/v1/enforcement/block-page`).',
        querystring: hostQuery,
      },
    },
    async (request, reply) => {
      const host = hostOf(request);
      if (!index.isReady) await index.ready();
      let verdict = host === undefined ? 0 : index.allowsHost(host);
      if (verdict === NEEDS_ANALYSIS) {
        // Unicode IDN, IPv6, garbage: the full analysis, which the plain ASCII hosts of real traffic never need.
        const analysed = registrableDomainOfHost(host);
        verdict = analysed.ok && index.has(analysed.domain) ? 1 : 0;
      }
      stats.count(verdict === 1, host);
      if (verdict === 1) return reply.status(204).send();
      reply.status(403).header('cache-control', 'no-store');
      return wantsJson(request) ? reply.send(noticeFor(host, ctx.config.publicUrl)) : reply.send();
    },
  );

  r.get(
    '/api/v1/enforcement/block-page',
    {
      logLevel: 'warn',
      schema: {
        tags: ['enforcement'],
        summary: 'The bilingual block page for a refused host (403, text/html), for a web server’s error_page',
        querystring: hostQuery,
      },
    },
    async (request, reply) => {
      const notice = noticeFor(hostOf(request), ctx.config.publicUrl);
      reply.status(403).header('cache-control', 'no-store');
      if (wantsJson(request)) return reply.send(notice);
      return reply.type('text/html; charset=utf-8').send(blockPageHtml(notice));
    },
  );

  r.get(
    '/api/v1/enforcement/allowlist',
    {
      schema: {
        tags: ['enforcement'],
        summary: 'Every connected registrable domain, streamed: nginx map, haproxy ACL list, haproxy map or plain text (compliance, admin, or a token with enforcement:read)',
        description: `Sorted, one domain per line. \`${CURSOR_HEADER}\` is the change-feed cursor of this snapshot: follow \`/api/v1/enforcement/changes?since=\` from it.`,
        querystring: z.object({ format: z.enum(ALLOWLIST_FORMATS).default('nginx') }),
      },
    },
    async (request, reply) => {
      await requireMachineOrRole(ctx, request, 'enforcement:read', ALLOWLIST_ROLES);
      // The cursor grows with every recorded change: unchanged cursor, unchanged list (give or take the second
      // between a filing commit and its handler, which moves the cursor).
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch === etagOf(await changeFeedCursor(ctx.db), request.query.format)) {
        return reply.status(304).header('etag', ifNoneMatch).send();
      }
      const { snapshot, body } = await streamAllowlist(ctx, request.query.format);
      reply
        .header('etag', etagOf(snapshot.cursor, request.query.format))
        .header('cache-control', 'no-cache')
        .header('x-allowlist-count', String(snapshot.count ?? ''))
        .header(CURSOR_HEADER, String(snapshot.cursor));
      return reply.type('text/plain; charset=utf-8').send(body);
    },
  );

  r.get(
    '/api/v1/enforcement/changes',
    {
      schema: {
        tags: ['enforcement'],
        summary: 'Domains whose state changed after a cursor, oldest first; waits up to `wait` seconds for one (compliance, admin, or a token with enforcement:read)',
        description:
          `Text lines \`+example.com\` (now served) and \`-example.com\` (now refused), or \`{cursor, changes: [{domain, allowed}], hasMore}\` with ` +
          `\`Accept: application/json\`. \`${CURSOR_HEADER}\` is the cursor to send next; \`x-openbeian-more: 1\` says to ask again at once. ` +
          'A cursor that cannot be continued answers 410 CHANGE_CURSOR_EXPIRED: download the allowlist again and follow from its cursor.',
        querystring: z.object({
          since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('上次应用到的游标 / the last cursor applied'),
          wait: z.coerce.number().int().min(0).max(60).default(0).describe('无变更时最多等待秒数 / seconds to wait for a change'),
          limit: z.coerce.number().int().min(1).max(MAX_CHANGES).default(MAX_CHANGES),
        }),
      },
    },
    async (request, reply) => {
      await requireMachineOrRole(ctx, request, 'enforcement:read', ALLOWLIST_ROLES);
      const { since, wait, limit } = request.query;
      const deadline = performance.now() + wait * 1000;
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      for (;;) {
        const woken = signal.next();
        const page = await readChangesSince(ctx.db, since, limit);
        if (page.isExpired) throw new AppError('CHANGE_CURSOR_EXPIRED', { cursor: page.cursor });
        const remaining = deadline - performance.now();
        if (page.changes.length > 0 || remaining <= 0 || gone.signal.aborted || isClosing) return sendChanges(request, reply, page.cursor, page.changes, page.hasMore);
        await Promise.race([woken, delay(remaining, gone.signal)]);
      }
    },
  );
}

function etagOf(cursor: number, format: AllowlistFormat): string {
  return `"feed-${cursor}-${format}"`;
}

function sendChanges(request: FastifyRequest, reply: FastifyReply, cursor: number, changes: { domain: string; allowed: boolean }[], hasMore: boolean) {
  reply.header(CURSOR_HEADER, String(cursor)).header('x-openbeian-more', hasMore ? '1' : '0').header('cache-control', 'no-store');
  if (wantsJson(request)) return reply.send({ cursor, changes, hasMore });
  const text = changes.map((change) => `${change.allowed ? '+' : '-'}${change.domain}\n`).join('');
  return reply.type('text/plain; charset=utf-8').send(text);
}
