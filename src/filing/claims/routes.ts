import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { actorOf, requireRole } from '../../http/auth.ts';
import { RateLimiter } from '../../http/rate-limit.ts';
import { getFiledSubject } from '../filed/queries.ts';
import { claimSubject } from './claim-subject.ts';
import { verifyClaim } from './verify-claim.ts';

const numberParams = z.object({ subjectNumber: z.string().min(6).max(40) });
const HOUR = 60 * 60_000;

/** 认领: an applicant takes over a subject moved in by `openbeian import` (it has no account) by an SMS code. */
export async function claimRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Texting the filed mobile over and over, or walking numbers to collect masked mobiles, is held back per account,
  // per address and per subject; guessing codes per account (and five wrong codes end a claim).
  const byUser = new RateLimiter(ctx, 'claim.user', 5, HOUR);
  const byAddress = new RateLimiter(ctx, 'claim.address', 10, HOUR);
  const bySubject = new RateLimiter(ctx, 'claim.subject', 5, HOUR);
  const verifyByUser = new RateLimiter(ctx, 'claim.verify.user', 20, 15 * 60_000);

  r.post(
    '/api/v1/filings/:subjectNumber/claims',
    {
      schema: {
        tags: ['filings'],
        summary: '认领 step 1: text a code to the filed leader mobile of an imported subject that has no account',
        params: numberParams,
        response: { 201: z.object({ id: z.string(), subjectNumber: z.string(), mobile: z.string().describe('masked, e.g. 138****0001'), expiresInMinutes: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, ['applicant']);
      await byUser.take(user.id);
      await byAddress.take(request.ip);
      await bySubject.take(request.params.subjectNumber);
      return reply.status(201).send(await claimSubject(ctx, actorOf(request), user, request.params.subjectNumber));
    },
  );

  r.post(
    '/api/v1/filings/:subjectNumber/claims/:claimId/verify',
    {
      schema: {
        tags: ['filings'],
        summary: '认领 step 2: the texted code binds the subject and its services to the caller’s account',
        params: numberParams.extend({ claimId: z.uuid() }),
        body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '6 位数字验证码 / the 6-digit code') }),
      },
    },
    async (request) => {
      const user = requireRole(request, ['applicant']);
      await verifyByUser.take(user.id);
      const claimed = await verifyClaim(ctx, actorOf(request), user, { subjectNumber: request.params.subjectNumber, claimId: request.params.claimId, code: request.body.code });
      return getFiledSubject(ctx, user, claimed.subjectNumber);
    },
  );
}
