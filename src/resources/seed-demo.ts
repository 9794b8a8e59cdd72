import type { AppContext } from '../core/context.ts';
import { SYSTEM_ACTOR } from '../core/audit.ts';
import { registerResource } from './commands/register-resource.ts';

/** The walkthrough's server: an eligible ECS for the demo applicant, on the IP the walkthrough's draft uses. */
export const DEMO_RESOURCE = {
  email: 'applicant@example.com',
  kind: 'ecs',
  label: 'demo-web-1',
  region: 'cn-hangzhou',
  isMainland: true,
  billing: 'subscription',
  paidMonths: 12,
  hasPublicBandwidth: true,
  publicIps: ['47.96.1.10'],
} as const;

/** Idempotent: an applicant who has any resource already is left as they are. */
export async function seedDemoResources(ctx: AppContext): Promise<boolean> {
  const owner = await ctx.db.selectFrom('users').select('id').where('email', '=', DEMO_RESOURCE.email).executeTakeFirst();
  if (!owner) return false;
  const existing = await ctx.db.selectFrom('resources').select('id').where('user_id', '=', owner.id).limit(1).executeTakeFirst();
  if (existing) return false;
  await registerResource(ctx, SYSTEM_ACTOR, { ...DEMO_RESOURCE, publicIps: [...DEMO_RESOURCE.publicIps] });
  return true;
}
