export { privacyRoutes } from './routes.ts';
export { registerPrivacyNotifications } from './notifications.ts';
