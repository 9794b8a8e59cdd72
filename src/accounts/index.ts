export { registerUser } from './commands/register-user.ts';
export { logIn } from './commands/log-in.ts';
export { accountBoundTo, bindSubject, subjectKeyOf, unbindSubject } from './commands/bind-subject.ts';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed-demo.ts';
export { ROLES, STAFF_ROLES, isStaff, type Role, type SessionUser } from './roles.ts';
export { registerRecoveryNotifications } from './recovery-notifications.ts';
export { codeMatches, hashCode, newSmsCode } from './recovery.ts';
