import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { requireUser } from '../../http/auth.ts';

/**
 * The simulated check answers only the owner of the order the code was texted for: without this, anyone who knows a
 * responsible person's mobile could reject someone else's filing with five wrong codes. (The real national page is
 * the regulator's own; this stands in for the provider's console, where the applicant types the codes.)
 */
async function assertOwnsPendingCheck(ctx: AppContext, userId: string, mobile: string): Promise<void> {
  const challenge = await ctx.db
    .selectFrom('sim_sms_challenges')
    .innerJoin('orders', 'orders.id', 'sim_sms_challenges.order_id')
    .select(['orders.user_id'])
    .where('sim_sms_challenges.mobile_hash', 'in', ctx.cipher.lookupHashes(mobile.trim()))
    .where('sim_sms_challenges.confirmed_at', 'is', null)
    .orderBy('sim_sms_challenges.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!challenge || challenge.user_id !== userId) throw AppError.field('NOT_FOUND', 'body.mobile', '您的备案订单中没有该手机号待核验的短信', 'None of your orders is waiting for an SMS check on this mobile');
}

/**
 * The simulated national SMS check (DESIGN §5.7), demo and test mode only, and only with an adapter that relays
 * the check (the simulator): against a real regulator the person confirms the code on MIIT's own page.
 */
export async function regulatorSimRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const sms = ctx.regulator.sms;
  if (!ctx.config.isDevMode || !sms) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mobile = z.string().trim().regex(/^1\d{10}$/, '11-digit mainland mobile');

  r.post(
    '/api/v1/sim/regulator/sms-verify',
    {
      schema: {
        tags: ['regulator (simulated)'],
        summary: 'Confirm the 6-digit code the regulator texted to a responsible person (the order owner’s session)',
        body: z.object({ mobile, code: z.string().trim().regex(/^\d{6}$/, '6 digits') }),
      },
    },
    async (request, reply) => {
      await assertOwnsPendingCheck(ctx, requireUser(request).id, request.body.mobile);
      const result = await sms.verify(request.body);
      const status = result.outcome === 'confirmed' ? 200 : result.outcome === 'wrong_code' ? 422 : result.outcome === 'locked' ? 429 : result.outcome === 'expired' ? 410 : 404;
      const message = result.outcome === 'wrong_code' ? wrongCodeMessage(result.attemptsLeft) : SMS_MESSAGES[result.outcome];
      return reply.status(status).send({ ...result, message });
    },
  );

  r.post(
    '/api/v1/sim/regulator/sms-resend',
    { schema: { tags: ['regulator (simulated)'], summary: 'Send a new code; the 24-hour window does not restart', body: z.object({ mobile }) } },
    async (request, reply) => {
      await assertOwnsPendingCheck(ctx, requireUser(request).id, request.body.mobile);
      const result = await sms.resend(request.body);
      return reply.status(result.sent ? 200 : 409).send(result);
    },
  );
}

const wrongCodeMessage = (left: number) => ({
  zh: `验证码错误，请核对短信后重试；还可尝试 ${left} 次`,
  en: `Wrong code; check the text message and try again — ${left} ${left === 1 ? 'try' : 'tries'} left`,
});

const SMS_MESSAGES: Record<string, { zh: string; en: string }> = {
  confirmed: { zh: '短信核验成功', en: 'SMS verification confirmed' },
  wrong_code: { zh: '验证码错误，请核对短信后重试', en: 'Wrong code; check the text message and try again' },
  locked: { zh: '验证码错误次数过多，本次核验失败，请修改后重新提交备案', en: 'Too many wrong codes; this verification failed, resubmit the order' },
  expired: { zh: '验证码已超过 24 小时有效期', en: 'The code is older than 24 hours' },
  unknown: { zh: '该手机号没有待核验的备案订单', en: 'No order is waiting for an SMS check on this mobile' },
};
