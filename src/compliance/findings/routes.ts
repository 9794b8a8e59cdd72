import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { actorOf, requireRole } from '../../http/auth.ts';
import { FINDING_CODES, isFindingCode } from '../codes.ts';
import { COMPLIANCE_ROLES } from '../revocation/routes.ts';
import { extendFinding } from './commands/extend-finding.ts';
import { revokeFinding } from './commands/revoke-finding.ts';
import { waiveFinding } from './commands/waive-finding.ts';
import { listFindings } from './queries/list-findings.ts';
import { subjectComplianceHistory } from './queries/subject-compliance.ts';
import { toFindingView } from './repo.ts';
import { FINDING_STATUSES } from './status.ts';

const TAGS = ['compliance'];
const idParams = z.object({ id: z.string().uuid() });
const reason = z.string().trim().min(1).max(500).describe('原因 / reason');
const listQuery = z.object({
  status: z.enum(FINDING_STATUSES).optional(),
  code: z.string().trim().max(40).optional().describe(`问题代码 / code: ${Object.keys(FINDING_CODES).join(', ')}`),
  subject: z.string().trim().min(6).max(40).optional().describe('主体备案号 / subject number'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export async function findingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/compliance/findings', { schema: { tags: TAGS, summary: 'The findings queue, earliest deadline first (keyset pages)', querystring: listQuery } }, async (request) => {
    requireRole(request, COMPLIANCE_ROLES);
    const { code, ...rest } = request.query;
    if (code && !isFindingCode(code)) {
      throw AppError.field('VALIDATION_FAILED', 'query.code', `未知的问题代码：${code}`, `Unknown finding code: ${code}; known: ${Object.keys(FINDING_CODES).join(', ')}`);
    }
    return listFindings(ctx, { ...rest, ...(code ? { code } : {}) } as Parameters<typeof listFindings>[1]);
  });

  /** The decided finding as it is now, for the console to show at once. */
  const present = async (id: string) => toFindingView(await ctx.db.selectFrom('compliance_findings').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), ctx.clock.now());

  r.post(
    '/api/v1/compliance/findings/:id/extend',
    { schema: { tags: TAGS, summary: 'Give the owner more workdays to put a finding right', params: idParams, body: z.object({ workdays: z.number().int().min(1).max(60).describe('延长工作日 / workdays'), reason }) } },
    async (request) => {
      requireRole(request, ['compliance']);
      await ctx.db.transaction().execute((tx) => extendFinding(ctx, tx, actorOf(request), request.params.id, request.body));
      return present(request.params.id);
    },
  );

  r.post('/api/v1/compliance/findings/:id/waive', { schema: { tags: TAGS, summary: 'Waive a finding (no rectification, never revoked)', params: idParams, body: z.object({ reason }) } }, async (request) => {
    requireRole(request, ['compliance']);
    await ctx.db.transaction().execute((tx) => waiveFinding(ctx, tx, actorOf(request), request.params.id, request.body));
    return present(request.params.id);
  });

  r.post('/api/v1/compliance/findings/:id/revoke', { schema: { tags: TAGS, summary: '取消接入 now because of a finding', params: idParams, body: z.object({ reason }) } }, async (request) => {
    requireRole(request, ['compliance']);
    const { revocation } = await ctx.db.transaction().execute((tx) => revokeFinding(ctx, tx, actorOf(request), request.params.id, request.body));
    return { ...(await present(request.params.id)), revocation };
  });

  r.get(
    '/api/v1/compliance/filings/:subjectNumber',
    { schema: { tags: TAGS, summary: "A filing's compliance history: findings and revocations of access", params: z.object({ subjectNumber: z.string().min(6).max(40) }) } },
    async (request) => {
      requireRole(request, COMPLIANCE_ROLES);
      return subjectComplianceHistory(ctx, request.params.subjectNumber);
    },
  );
}
