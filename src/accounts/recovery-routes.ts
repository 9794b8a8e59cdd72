import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { actorOf } from '../http/auth.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { confirmLoginName } from './commands/confirm-login-name.ts';
import { lookUpLoginName } from './commands/look-up-login-name.ts';
import { requestPasswordReset } from './commands/request-password-reset.ts';
import { resetPassword } from './commands/reset-password.ts';
import { parseRecoveryDomain } from './recovery.ts';
import { emailField, newPasswordField } from './schemas.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const domainField = z.string().min(1).max(300).describe('已备案的域名，如 www.example.com / the filed domain, e.g. www.example.com');

const RESET_ACCEPTED = {
  accepted: true,
  message: {
    zh: '如果该邮箱已注册，重置密码的链接已发送至该邮箱，30 分钟内有效。请检查收件箱和垃圾邮件。',
    en: 'If this e-mail is registered, a link to reset the password is on its way; it works for 30 minutes. Check the inbox and the spam folder.',
  },
} as const;

const MANUAL_REQUEST = {
  zh: '如该手机号已无法使用，或域名不在本平台备案，请联系接入商客服提交人工找回申请（需核验主体证件），约 3 个工作日处理。',
  en: 'If that mobile is no longer in use, or the domain is not filed here, contact the provider to ask for a manual recovery (the subject’s certificate is checked); it takes about 3 workdays.',
};

/** Limits per client address and per target (an e-mail, a domain), on the application clock. */
function limits(ctx: AppContext, scope: string, perAddress: number, perTarget: number, windowMs: number) {
  const byAddress = new RateLimiter(ctx, `${scope}.address`, perAddress, windowMs);
  const byTarget = new RateLimiter(ctx, `${scope}.target`, perTarget, windowMs);
  return async (request: FastifyRequest, target: string) => {
    await byAddress.take(request.ip);
    await byTarget.take(target);
  };
}

function registrableOrRefuse(input: string): string {
  const parsed = parseRecoveryDomain(input);
  if (!parsed.ok) throw AppError.field('VALIDATION_FAILED', 'body.domain', parsed.zh, parsed.en);
  return parsed.registrable;
}

/** Forgotten password (by e-mail) and forgotten login name (by a filed domain and an SMS code, SPEC §3). No login. */
export async function recoveryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const resetLimit = limits(ctx, 'password-reset', 10, 3, 60 * 60_000);
  const confirmResetLimit = limits(ctx, 'password-reset.confirm', 20, 5, 15 * 60_000);
  const lookupLimit = limits(ctx, 'login-name', 10, 5, 60 * 60_000);
  const confirmLookupLimit = limits(ctx, 'login-name.confirm', 20, 10, 15 * 60_000);

  r.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Forgotten password: e-mail a reset link (the same answer whether or not the e-mail is registered)',
        body: z.object({ email: emailField }),
        response: { 202: z.object({ accepted: z.literal(true), message: bilingual }) },
      },
    },
    async (request, reply) => {
      await resetLimit(request, `email:${request.body.email.toLowerCase()}`);
      await requestPasswordReset(ctx, actorOf(request), { email: request.body.email, ip: request.ip });
      return reply.status(202).send(RESET_ACCEPTED);
    },
  );

  r.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with the token of a reset link; ends every session of the account',
        body: z.object({ token: z.string().min(1).max(200).describe('重置链接中的 token / the token of the reset link'), password: newPasswordField }),
      },
    },
    async (request, reply) => {
      await confirmResetLimit(request, `token:${request.body.token.slice(0, 64)}`);
      await resetPassword(ctx, actorOf(request), request.body);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/auth/login-name/lookup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Forgotten login name: text a code to the filed mobile of the subject that filed this domain here',
        body: z.object({ domain: domainField }),
        response: {
          202: z.object({
            sent: z.boolean(),
            mobile: z.string().optional().describe('masked, e.g. 138****0001; only when a code was texted'),
            expiresInMinutes: z.number().int().optional(),
            hint: bilingual,
          }),
        },
      },
    },
    async (request, reply) => {
      const domain = registrableOrRefuse(request.body.domain);
      await lookupLimit(request, `domain:${domain}`);
      const result = await lookUpLoginName(ctx, actorOf(request), { domain });
      if (!result.mobile) {
        return reply.status(202).send({
          sent: false,
          hint: {
            zh: `未能通过该域名自动找回登录名。${MANUAL_REQUEST.zh}`,
            en: `The login name cannot be found automatically by this domain. ${MANUAL_REQUEST.en}`,
          },
        });
      }
      return reply.status(202).send({
        sent: true,
        mobile: result.mobile,
        expiresInMinutes: result.expiresInMinutes ?? undefined,
        hint: {
          zh: `验证码已发送至备案主体负责人手机 ${result.mobile}，${result.expiresInMinutes} 分钟内有效。${MANUAL_REQUEST.zh}`,
          en: `A code was texted to the subject leader’s filed mobile ${result.mobile}; it works for ${result.expiresInMinutes} minutes. ${MANUAL_REQUEST.en}`,
        },
      });
    },
  );

  r.post(
    '/api/v1/auth/login-name/confirm',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Confirm the SMS code; the login e-mail is then texted to the same filed mobile',
        body: z.object({ domain: domainField, code: z.string().trim().regex(/^\d{6}$/).describe('6 位短信验证码 / the 6-digit SMS code') }),
      },
    },
    async (request, reply) => {
      const domain = registrableOrRefuse(request.body.domain);
      await confirmLookupLimit(request, `domain:${domain}`);
      await confirmLoginName(ctx, actorOf(request), { domain, code: request.body.code });
      return reply.status(204).send();
    },
  );
}
