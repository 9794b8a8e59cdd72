import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.ts';
import type { Role } from '../accounts/roles.ts';
import { requireRole } from '../http/auth.ts';
import { authenticateMachine, bearerTokenOf, type Machine } from './queries/authenticate-machine.ts';
import type { TokenScope } from './scopes.ts';

export { apiTokenRoutes } from './routes.ts';
export { TOKEN_SCOPES, type TokenScope } from './scopes.ts';
export type { Machine } from './queries/authenticate-machine.ts';

/**
 * For routes that machines and staff both use: a request with `Authorization: Bearer` is a machine and needs
 * `scope`; any other needs a logged-in user with one of `roles`. A machine never falls back to a session.
 */
export async function requireMachineOrRole(ctx: AppContext, request: FastifyRequest, scope: TokenScope, roles: readonly Role[]): Promise<Machine | null> {
  const token = bearerTokenOf(request.headers.authorization);
  if (token !== null || request.headers.authorization) return authenticateMachine(ctx, token ?? '', scope);
  requireRole(request, roles);
  return null;
}
