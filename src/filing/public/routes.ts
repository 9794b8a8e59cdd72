import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { findPublicFilings } from './find-public-filings.ts';
import { SharedTokenBucket } from '../../http/rate-limit.ts';
import { publicQueryRateLimit } from './rate-limit-setting.ts';

// Lengths are checked by parsePublicQuery, so that a 300-character value gets the same zh/en sentence naming
// `query.domain` as any other bad value.
const queryString = z.object({
  domain: z.string().optional().describe('域名，子域名亦可，如 www.example.com、例子.中国 / domain or sub-domain'),
  number: z.string().optional().describe('主体或网站备案号，如 浙ICP备2026012345号-1 / subject or service filing number'),
  unit: z.string().optional().describe('主办单位全称（精确匹配，不含个人） / exact organisation name (individuals are not searchable)'),
});

const publicFiling = z.object({
  domain: z.string().nullable(),
  unitName: z.string(),
  natureName: z.string(),
  mainLicence: z.string(),
  serviceLicence: z.string(),
  serviceName: z.string(),
  leaderName: z.string().optional(),
  homeUrl: z.string().nullable(),
  limitAccess: z.enum(['是', '否']),
  contentTypeName: z.string(),
  updateRecordTime: z.string(),
});

/** Public filing query (DESIGN §5.4): no login, a token bucket per client address shared by every process. */
export async function publicQueryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perMinute = publicQueryRateLimit();
  const limiter = new SharedTokenBucket(ctx, 'public-query.address', perMinute, perMinute);

  r.get(
    '/api/v1/public/filings',
    {
      schema: {
        tags: ['public'],
        summary: 'Look up a filing by domain, filing number or organisation name (no login; rate-limited per address)',
        querystring: queryString,
        response: { 200: z.object({ items: z.array(publicFiling), total: z.number().int() }) },
      },
      // Before validation, so malformed requests spend tokens too. The app trusts X-Forwarded-For (it runs behind
      // the provider's proxy), so request.ip is the visitor's address.
      onRequest: async (request) => limiter.take(request.ip),
    },
    async (request) => findPublicFilings(ctx, request.query),
  );
}
