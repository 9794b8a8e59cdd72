import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { actorOf, requireRole } from '../../http/auth.ts';
import { ESCALATION_ACTIONS, ESCALATION_RULES, INCIDENT_KINDS } from '../../rules/index.ts';
import { recordIncident } from './commands/record-incident.ts';
import { getIncident, listIncidents } from './queries/list-incidents.ts';
import { VIOLATION_ROLES } from './repo.ts';

const TAGS = ['compliance'];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
const bilingual = z.object({ zh: z.string(), en: z.string() });
const incidentView = z.object({
  id: z.string(),
  serviceNumber: z.string(),
  subjectNumber: z.string(),
  domains: z.array(z.string()),
  kind: z.enum(INCIDENT_KINDS),
  kindName: bilingual,
  note: z.string(),
  occurredAt: z.string(),
  recordedBy: z.string().nullable(),
  action: z.enum(ESCALATION_ACTIONS),
  actionName: bilingual,
  rule: z.object({ id: z.string(), text: bilingual, source: z.string() }),
  suspension: z.object({ until: z.string(), liftedAt: z.string().nullable(), isActive: z.boolean() }).nullable(),
  serviceState: z.enum(['connected', 'suspended', 'revoked', 'cancelled']),
});
const ruleView = z.object({
  id: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  atLeast: z.number(),
  windowHours: z.number().nullable(),
  action: z.enum(ESCALATION_ACTIONS),
  suspendHours: z.number().nullable(),
  text: bilingual,
  source: z.string(),
});

/** Content-violation incidents and the violation ledger (DESIGN §5.9, SPEC §8). */
export async function violationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/compliance/incidents',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a content-violation incident; the escalation rules of SPEC §8 may suspend the service for 12 hours or close the site. A repeated Idempotency-Key header answers the first incident',
        body: z.object({
          serviceNumber: z.string().trim().min(1).max(64).describe('网站备案号 / the service number, e.g. 浙ICP备2026012345号-1'),
          kind: z.enum(INCIDENT_KINDS).describe('violation 违规信息 · owner_unreachable 1 小时内联系不到负责人 · false_contact 联系资料虚假 · refused_deletion 拒不删除'),
          note: z.string().trim().min(1).max(2000).describe('经过与证据 / what happened, where, how the owner was contacted'),
        }),
        response: { 201: incidentView },
      },
    },
    async (request, reply) => {
      requireRole(request, VIOLATION_ROLES);
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw AppError.field('VALIDATION_FAILED', 'headers.idempotency-key', 'Idempotency-Key 应为 8–100 个字母、数字或 _.:-', 'Idempotency-Key must be 8–100 letters, digits or _.:-');
      }
      const id = await recordIncident(ctx, actorOf(request), { ...request.body, idempotencyKey: key });
      const view = await getIncident(ctx, id);
      if (!view) throw new AppError('NOT_FOUND');
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/api/v1/compliance/incidents',
    {
      schema: {
        tags: TAGS,
        summary: 'The violation ledger, newest first: each incident with the rule that decided it and the suspension or closure it caused',
        querystring: z.object({
          service: z.string().trim().min(1).max(64).optional().describe('网站备案号 / only this service'),
          subject: z.string().trim().min(1).max(64).optional().describe('主体备案号 / only this subject'),
          cursor: z.string().regex(/^\d{1,18}$/).optional().describe('上一页返回的 nextCursor / nextCursor of the page before'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(incidentView), nextCursor: z.string().nullable(), now: z.string() }) },
      },
    },
    async (request) => {
      requireRole(request, VIOLATION_ROLES);
      return listIncidents(ctx, request.query);
    },
  );

  r.get(
    '/api/v1/compliance/incident-rules',
    { schema: { tags: TAGS, summary: 'The escalation rules, in the order they are checked, each with its source', response: { 200: z.object({ items: z.array(ruleView) }) } } },
    async (request) => {
      requireRole(request, VIOLATION_ROLES);
      return {
        items: ESCALATION_RULES.map((rule) => ({
          id: rule.id,
          kind: rule.kind,
          atLeast: rule.atLeast,
          windowHours: rule.windowMs === null ? null : rule.windowMs / 3600_000,
          action: rule.action,
          suspendHours: rule.action === 'suspend' && rule.suspendMs ? rule.suspendMs / 3600_000 : null,
          text: rule.text,
          source: rule.source,
        })),
      };
    },
  );
}
