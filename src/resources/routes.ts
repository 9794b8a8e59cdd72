import { isIP } from 'node:net';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, requireRole, requireUser } from '../http/auth.ts';
import { RESOURCE_KINDS, SERVICE_CODE_PATTERN, isPublicIp } from '../rules/index.ts';
import { issueServiceCode } from './commands/issue-service-code.ts';
import { registerResource } from './commands/register-resource.ts';
import { revokeServiceCode } from './commands/revoke-service-code.ts';
import { updateResource } from './commands/update-resource.ts';
import { listResources } from './queries/list-resources.ts';
import { listServiceCodes } from './queries/list-service-codes.ts';

const TAGS = ['resources'];
const bilingual = z.object({ zh: z.string(), en: z.string() });
const publicIp = z
  .string()
  .trim()
  .max(45)
  .refine((ip) => isIP(ip) !== 0 && isPublicIp(ip), 'must be a public IPv4 or IPv6 address')
  .describe('公网IP / public IP');

const registerBody = z.object({
  email: z.string().trim().email().max(254).describe('客户账号邮箱 / the customer account'),
  kind: z.enum(RESOURCE_KINDS),
  label: z.string().trim().min(1).max(100).describe('实例名称或ID / instance name or id'),
  region: z.string().trim().min(1).max(50).describe('地域，如 cn-hangzhou / region'),
  isMainland: z.boolean().describe('位于中国内地（大陆） / in a mainland region'),
  billing: z.enum(['subscription', 'pay_as_you_go']),
  paidMonths: z.number().int().min(0).max(1200).describe('已购月数（含续费） / paid months, renewals included'),
  firstTermMonths: z.number().int().min(0).max(1200).nullable().optional().describe('首次购买月数 / first purchase term'),
  hasPublicBandwidth: z.boolean(),
  orderAmountCny: z.number().min(0).max(1e9).multipleOf(0.01).nullable().optional().describe('订单金额（元） / order amount, CNY'),
  publicIps: z.array(publicIp).max(64),
  expiresAt: z.string().datetime({ offset: true }).nullable().optional(),
});

/** A change the billing system records: the same fields as registering, each optional (`email` must be the owner's). */
const updateBody = registerBody.partial();

const problem = z.object({ code: z.string(), zh: z.string(), en: z.string() });
const resourceView = z.object({
  id: z.string(),
  ownerId: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  kindName: bilingual,
  label: z.string(),
  region: z.string(),
  isMainland: z.boolean(),
  billing: z.enum(['subscription', 'pay_as_you_go']),
  paidMonths: z.number(),
  firstTermMonths: z.number().nullable(),
  hasPublicBandwidth: z.boolean(),
  orderAmountCny: z.number().nullable(),
  publicIps: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  eligibility: z.object({ isEligible: z.boolean(), codes: z.number(), problems: z.array(problem) }),
  codesIssued: z.number(),
  codesRemaining: z.number(),
});
const issuedView = z.object({ code: z.string(), resourceId: z.string(), ips: z.array(z.string()), issuedAt: z.string(), codesRemaining: z.number() });
const serviceCodeView = z.object({
  code: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  resource: z.object({ id: z.string(), kind: z.string(), label: z.string(), name: bilingual, region: z.string() }),
  ips: z.array(z.string()),
  boundOrder: z.object({ id: z.string(), number: z.string(), status: z.string(), boundAt: z.string().nullable() }).nullable(),
});
const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Provider resources and the filing service codes they issue (SPEC §5.2). */
export async function resourceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/resources',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a purchased resource for a customer account (admin, or the billing system)',
        body: registerBody,
        response: { 201: resourceView },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      return reply.status(201).send(await registerResource(ctx, actorOf(request), request.body));
    },
  );

  r.patch(
    '/api/v1/resources/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a renewal or change to a resource (admin, or the billing system); answers it with its eligibility recomputed',
        params: z.object({ id: z.string().uuid() }),
        body: updateBody,
        response: { 200: resourceView },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return updateResource(ctx, actorOf(request), request.params.id, request.body);
    },
  );

  r.get(
    '/api/v1/resources',
    {
      schema: {
        tags: TAGS,
        summary: 'Resources with their eligibility and codes left: applicants see their own, staff see all',
        querystring: z.object({ kind: z.enum(RESOURCE_KINDS).optional(), ...paging }),
        response: { 200: page(resourceView) },
      },
    },
    async (request) => listResources(ctx, requireUser(request), request.query),
  );

  r.post(
    '/api/v1/resources/:id/service-codes',
    {
      schema: {
        tags: TAGS,
        summary: 'Issue a filing service code (备案服务码) from one of your resources',
        params: z.object({ id: z.string().uuid() }),
        response: { 201: issuedView },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, ['applicant']);
      return reply.status(201).send(await issueServiceCode(ctx, actorOf(request), user, { resourceId: request.params.id }));
    },
  );

  r.get(
    '/api/v1/service-codes',
    {
      schema: {
        tags: TAGS,
        summary: 'Service codes with their resource, IPs and the order each is bound to: applicants see their own',
        querystring: z.object({ resourceId: z.string().uuid().optional(), ...paging }),
        response: { 200: page(serviceCodeView) },
      },
    },
    async (request) => listServiceCodes(ctx, requireUser(request), request.query),
  );

  r.post(
    '/api/v1/service-codes/:code/revoke',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke a service code: its owner while no order holds it, an admin any code',
        params: z.object({ code: z.string().trim().regex(SERVICE_CODE_PATTERN, 'must be a service code (a UUID)').describe('备案服务码 / service code') }),
        body: z.object({ reason: z.string().trim().max(500).optional() }).optional(),
        response: { 200: serviceCodeView },
      },
    },
    async (request) => {
      const user = requireRole(request, ['applicant', 'admin']);
      return revokeServiceCode(ctx, actorOf(request), user, { code: request.params.code, reason: request.body?.reason });
    },
  );
}
