import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.ts';
import { actorOf, clearSessionCookie, requireUser, setSessionCookie } from '../http/auth.ts';
import { logIn } from './commands/log-in.ts';
import { logOut } from './commands/log-out.ts';
import { registerUser } from './commands/register-user.ts';
import { recoveryRoutes } from './recovery-routes.ts';
import { emailField, newPasswordField } from './schemas.ts';

const credentials = z.object({ email: emailField, password: newPasswordField });

// Login accepts any non-empty password: the length rule is for new passwords only.
const loginBody = credentials.extend({ password: z.string().min(1).max(128).describe('密码 / password') });

const userView = z.object({ id: z.string(), email: z.string(), role: z.string(), displayName: z.string().nullable() });

export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const isSecureCookie = ctx.config.publicUrl.startsWith('https://');

  r.post(
    '/api/v1/auth/register',
    { schema: { tags: ['accounts'], summary: 'Create an applicant account', body: credentials, response: { 201: userView } } },
    async (request, reply) => {
      const user = await registerUser(ctx, actorOf(request), request.body);
      return reply.status(201).send(user);
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
