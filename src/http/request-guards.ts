import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sec-Fetch-Site values a browser sends for a request this console made itself, or one the user typed. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

function ownOrigins(ctx: AppContext, request: FastifyRequest): Set<string> {
  const origins = new Set([new URL(ctx.config.publicUrl).origin]);
  // The request's own host (behind a trusted proxy, the forwarded one): the console served from here calls here.
  if (request.host) origins.add(`${request.protocol}://${request.host}`);
  return origins;
}

/** Routes that take a file declare `consumes: ['multipart/form-data']` in their schema; every other body is JSON. */
function acceptsMultipart(request: FastifyRequest): boolean {
  const consumes = (request.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes;
  return Array.isArray(consumes) && consumes.includes('multipart/form-data');
}

function refuseCrossSite(reason: string): never {
  throw new AppError('CROSS_SITE_REFUSED', { reason });
}

/**
 * Cross-site request forgery, refused for every route, present and future (other contexts' routes get it without
 * doing anything):
 *  - a state-changing request (POST, PUT, PATCH, DELETE) whose Origin is not this platform's (OPENBEIAN_PUBLIC_URL
 *    or the request's own host), or whose Sec-Fetch-Site says another site sent it, is refused with 403;
 *  - its body must be JSON, or multipart/form-data on a route that takes a file. A cross-site HTML form can only
 *    send text/plain, urlencoded or multipart, so even a browser that sends no Origin cannot forge a JSON call;
 *    routes without a body (submit, abandon, claim, logout …) refuse such a form too.
 * Machine clients (curl, the nginx edge, API tokens) send neither Origin nor Sec-Fetch-Site and pass.
 */
export function registerRequestGuards(app: FastifyInstance, ctx: AppContext): void {
  const isHttps = ctx.config.publicUrl.startsWith('https://');

  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !ownOrigins(ctx, request).has(origin)) refuseCrossSite('origin');
    const fetchSite = request.headers['sec-fetch-site'];
    if (typeof fetchSite === 'string' && !OWN_FETCH_SITES.has(fetchSite)) refuseCrossSite('sec-fetch-site');
    const contentType = request.headers['content-type'];
    if (contentType === undefined) return;
    const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase();
    if (mediaType === 'application/json') return;
    if (mediaType === 'multipart/form-data' && acceptsMultipart(request)) return;
    throw AppError.field(
      'UNSUPPORTED_MEDIA',
      'headers.content-type',
      acceptsMultipart(request) ? '请以 multipart/form-data 上传文件' : '请求体须为 JSON（Content-Type: application/json）',
      acceptsMultipart(request) ? 'Send the file as multipart/form-data' : 'The body must be JSON (Content-Type: application/json)',
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Answers to a logged-in user (orders, people, material images) must never sit in a shared or browser cache,
    // whatever the route said. Anonymous API answers default to no-store too unless the route chose (the edge's
    // check may be cached by the proxy). Static assets and the console page set their own caching.
    if (request.url.startsWith('/api/') && (request.user || !reply.hasHeader('cache-control'))) reply.header('cache-control', 'no-store');
    if (isHttps) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}
