import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/audit.ts';
import { AppError } from '../core/errors.ts';
import type { Role, SessionUser } from '../accounts/roles.ts';

export const SESSION_COOKIE = 'ob_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return request.user;
}

export function requireRole(request: FastifyRequest, roles: readonly Role[]): SessionUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw new AppError('FORBIDDEN');
  return user;
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, role: request.user?.role ?? null, requestId: String(request.id) };
}

/**
 * The cookie's lifetime is relative (Max-Age), not a date: the browser counts it on the wall clock, while the session's
 * own expiry is judged on the application clock, which in demo and test mode is virtual and may be far from today.
 */
export function setSessionCookie(reply: FastifyReply, token: string, lifetimeMs: number, isSecure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure,
    path: '/',
    maxAge: Math.max(0, Math.round(lifetimeMs / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
