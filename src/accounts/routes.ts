import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, clearSessionCookie, requireUser, setSessionCookie } from '../http/auth.ts';
import { logIn } from './commands/log-in.ts';
import { logOut } from './commands/log-out.ts';
import { changePassword } from './commands/change-password.ts';
import { signUp } from './commands/sign-up.ts';
import { verifyEmail } from './commands/verify-email.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { recoveryRoutes } from './recovery-routes.ts';
import { emailField, newPasswordField } from './schemas.ts';

const credentials = z.object({ email: emailField, password: newPasswordField });

// Login accepts any non-empty password: the length rule is for new passwords only.
const loginBody = credentials.extend({ password: z.string().min(1).max(128).describe('密码 / password') });

const userView = z.object({ id: z.string(), email: z.string(), role: z.string(), displayName: z.string().nullable() });
const bilingual = z.object({ zh: z.string(), en: z.string() });
const registeredView = z.object({ email: z.string(), role: z.literal('applicant'), verificationRequired: z.literal(true), message: bilingual });

const REGISTERED_MESSAGE = {
  zh: '请查收该邮箱中的验证邮件，打开其中的链接（24 小时内有效）后即可登录。如该邮箱已注册，邮件会告诉您如何登录或找回密码。',
  en: 'Check this mailbox for the verification e-mail and open its link (it works for 24 hours); then log in. If the address is already registered, the e-mail says how to log in or reset the password.',
};

export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const isSecureCookie = ctx.config.publicUrl.startsWith('https://');

  const registerByAddress = new RateLimiter(ctx, 'register.address', 20, 3600_000);
  const registerByEmail = new RateLimiter(ctx, 'register.email', 5, 3600_000);
  const changeByUser = new RateLimiter(ctx, 'password-change.user', 10, 3600_000);

  r.post(
    '/api/v1/auth/register',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an applicant account, pending until the link e-mailed to the address is opened (the same answer whether or not the address is registered)',
        body: credentials,
        response: { 201: registeredView },
      },
    },
    async (request, reply) => {
      await registerByAddress.take(request.ip);
      await registerByEmail.take(request.body.email.toLowerCase());
      await signUp(ctx, actorOf(request), request.body);
      return reply.status(201).send({ email: request.body.email.trim().toLowerCase(), role: 'applicant' as const, verificationRequired: true as const, message: REGISTERED_MESSAGE });
    },
  );

  r.post(
    '/api/v1/auth/verify-email',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Open the link of a registration e-mail: the account becomes usable',
        body: z.object({ token: z.string().min(1).max(200).describe('验证链接中的 token / the token of the verification link') }),
        response: { 200: z.object({ verified: z.literal(true), email: z.string() }) },
      },
    },
    async (request) => {
      await registerByAddress.take(request.ip);
      const { email } = await verifyEmail(ctx, actorOf(request), request.body);
      return { verified: true as const, email };
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change the password (the current one is required); every other session of the account ends',
        body: z.object({ current: z.string().min(1).max(128).describe('当前密码 / current password'), new: newPasswordField }),
        response: { 200: z.object({ changed: z.literal(true), sessionsEnded: z.number().int() }) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await changeByUser.take(user.id);
      const result = await changePassword(ctx, actorOf(request), { userId: user.id, sessionToken: request.sessionToken!, current: request.body.current, next: request.body.new, ip: request.ip });
      return { changed: true as const, sessionsEnded: result.sessionsEnded };
    },
  );

  r.post(
    '/api/v1/auth/login',
    { schema: { tags: ['accounts'], summary: 'Log in; sets the session cookie', body: loginBody, response: { 200: userView } } },
    async (request, reply) => {
      const result = await logIn(ctx, actorOf(request), {
        ...request.body,
        ip: request.ip,
        previousToken: request.sessionToken ?? undefined,
      });
      // The lifetime the command granted, not expiresAt minus a second reading of a clock that has moved on since.
      setSessionCookie(reply, result.token, result.lifetimeMs, isSecureCookie);
      return result.user;
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags: ['accounts'], summary: 'End the session' } }, async (request, reply) => {
    if (request.sessionToken) await logOut(ctx, request.sessionToken);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  r.get('/api/v1/auth/me', { schema: { tags: ['accounts'], summary: 'The logged-in user', response: { 200: userView } } }, async (request) =>
    requireUser(request),
  );

  await recoveryRoutes(app, ctx);
}
