export { resourceRoutes } from './routes.ts';
export { registerResource, type RegisterResourceInput } from './commands/register-resource.ts';
export { issueServiceCode } from './commands/issue-service-code.ts';
export { updateResource, type UpdateResourceInput } from './commands/update-resource.ts';
export { revokeServiceCode, type RevokeServiceCodeInput } from './commands/revoke-service-code.ts';
export { bindServiceCodes, releaseServiceCodes, reviewServiceCodes, type OrderForCodes, type ServiceCodeReview } from './commands/bind-service-codes.ts';
export { DEMO_RESOURCE, seedDemoResources } from './seed-demo.ts';
