import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.ts';
import { findingRoutes } from './findings/routes.ts';
import { revocationRoutes } from './revocation/routes.ts';
import { sweepRoutes } from './sweeps/routes.ts';
import { violationRoutes } from './violations/index.ts';

/** Every compliance route (DESIGN §5.9), mounted once by the HTTP app. */
export async function complianceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await revocationRoutes(app, ctx);
  await violationRoutes(app, ctx);
  await findingRoutes(app, ctx);
  await sweepRoutes(app, ctx);
}
