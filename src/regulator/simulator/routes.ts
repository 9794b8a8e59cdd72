import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';

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
        summary: 'Confirm the 6-digit code the regulator texted to a responsible person',
        body: z.object({ mobile, code: z.string().trim().regex(/^\d{6}$/, '6 digits') }),
      },
    },
    async (request, reply) => {
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
