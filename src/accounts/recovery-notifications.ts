import type { AppContext } from '../core/context.ts';
import type { Tx } from '../core/db/database.ts';
import type { StoredEvent } from '../core/outbox.ts';
import { deliver, smsMessage } from '../notify/index.ts';
import { toUnicodeDomain } from '../rules/index.ts';
import { LOGIN_NAME_CONFIRMED } from './commands/confirm-login-name.ts';
import { LOGIN_NAME_CODE } from './commands/look-up-login-name.ts';
import { PASSWORD_RESET_REQUESTED } from './commands/request-password-reset.ts';
import { PASSWORD_CHANGED } from './commands/reset-password.ts';
import { EMAIL_VERIFICATION_REQUESTED, REGISTRATION_ATTEMPTED } from './commands/sign-up.ts';
import { RESET_TOKEN_TTL_MS } from './recovery.ts';

/**
 * A secret an event carried (encrypted) is erased from the outbox row once its message is out: the token and the
 * code then exist only as hashes and in the encrypted record of what was sent. A failed delivery rolls this back
 * with the rest of the handler, so a retry still has it.
 */
async function eraseSecret(tx: Tx, event: StoredEvent): Promise<void> {
  await tx.updateTable('outbox').set({ payload: JSON.stringify({ erased: true }) }).where('id', '=', event.id).execute();
}

async function sendResetLink(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const sealed = event.payload.sealedToken;
  if (typeof sealed !== 'string') return;
  const user = await tx.selectFrom('users').select(['email']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (user) {
    const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(ctx.cipher.decrypt(sealed))}`;
    const minutes = RESET_TOKEN_TTL_MS / 60_000;
    await deliver(ctx, tx, {
      channel: 'email',
      to: user.email,
      template: event.topic,
      subject: '重置 OpenBeian 登录密码 / Reset your OpenBeian password',
      body:
        `您好，我们收到了重置您 OpenBeian 账号密码的请求。请在 ${minutes} 分钟内打开以下链接设置新密码（链接只能使用一次）：\n${link}\n` +
        `如非本人操作，请忽略本邮件，您的密码不会改变。\n\n` +
        `We received a request to reset the password of your OpenBeian account. Open this link within ${minutes} minutes to choose a new one (it works once):\n${link}\n` +
        `If you did not ask for this, ignore this e-mail; your password stays as it is.`,
      dedupeKey: `event:${event.id}:email`,
    });
  }
  await eraseSecret(tx, event);
}

async function sendPasswordChanged(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const user = await tx.selectFrom('users').select(['email']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (!user) return;
  if (event.payload.via === 'change') {
    await deliver(ctx, tx, {
      channel: 'email',
      to: user.email,
      template: event.topic,
      subject: 'OpenBeian 登录密码已修改 / Your OpenBeian password was changed',
      body:
        '您的 OpenBeian 账号密码刚刚在登录状态下被修改，其他设备上的登录均已退出。如非本人操作，请立即通过“忘记密码”重置密码并联系接入商客服。\n\n' +
        'The password of your OpenBeian account was just changed by a logged-in user, and every other session was logged out. If this was not you, reset the password through "forgot password" at once and contact the provider.',
      dedupeKey: `event:${event.id}:email`,
    });
    return;
  }
  await deliver(ctx, tx, {
    channel: 'email',
    to: user.email,
    template: event.topic,
    subject: 'OpenBeian 登录密码已重置 / Your OpenBeian password was reset',
    body:
      '您的 OpenBeian 账号密码已通过找回密码重置，所有设备上的登录均已退出。如非本人操作，请立即联系接入商客服。\n\n' +
      'The password of your OpenBeian account was reset through "forgot password", and every session was logged out. If this was not you, contact the provider at once.',
    dedupeKey: `event:${event.id}:email`,
  });
}

async function sendLoginNameCode(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const sealed = event.payload.sealedCode;
  if (typeof sealed !== 'string') return;
  const challenge = await tx.selectFrom('login_name_challenges').select(['mobile']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (challenge) {
    await deliver(ctx, tx, {
      channel: 'sms',
      to: ctx.cipher.decrypt(challenge.mobile),
      ...smsMessage('account.login_name_code', { code: ctx.cipher.decrypt(sealed) }),
      dedupeKey: `event:${event.id}:sms`,
    });
  }
  await eraseSecret(tx, event);
}

async function sendLoginName(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const row = await tx
    .selectFrom('login_name_challenges as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.mobile', 'c.domain', 'u.email'])
    .where('c.id', '=', event.aggregateId)
    .executeTakeFirst();
  if (!row) return;
  await deliver(ctx, tx, {
    channel: 'sms',
    to: ctx.cipher.decrypt(row.mobile),
    ...smsMessage('account.login_name_confirmed', { domain: toUnicodeDomain(row.domain), loginName: row.email }),
    dedupeKey: `event:${event.id}:sms`,
  });
}

async function sendVerificationLink(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const sealed = event.payload.sealedToken;
  if (typeof sealed !== 'string') return;
  const user = await tx.selectFrom('users').select(['email']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (user) {
    const link = `${ctx.config.publicUrl}/verify-email?token=${encodeURIComponent(ctx.cipher.decrypt(sealed))}`;
    await deliver(ctx, tx, {
      channel: 'email',
      to: user.email,
      template: event.topic,
      subject: '验证您的 OpenBeian 注册邮箱 / Verify your OpenBeian e-mail',
      body:
        `您好，感谢注册 OpenBeian。请在 24 小时内打开以下链接完成邮箱验证，之后即可使用注册时设置的密码登录：\n${link}\n` +
        `如非本人操作，请忽略本邮件，账号不会启用。\n\n` +
        `Thank you for registering with OpenBeian. Open this link within 24 hours to verify the e-mail; then log in with the password you chose:\n${link}\n` +
        `If you did not register, ignore this e-mail; the account stays inactive.`,
      dedupeKey: `event:${event.id}:email`,
    });
  }
  await eraseSecret(tx, event);
}

async function sendRegistrationAttempted(ctx: AppContext, tx: Tx, event: StoredEvent): Promise<void> {
  const user = await tx.selectFrom('users').select(['email']).where('id', '=', event.aggregateId).executeTakeFirst();
  if (!user) return;
  await deliver(ctx, tx, {
    channel: 'email',
    to: user.email,
    template: event.topic,
    subject: '有人尝试用您的邮箱注册 OpenBeian / Someone tried to register with your e-mail',
    body:
      `您好，刚刚有人尝试用本邮箱注册 OpenBeian，而该邮箱已有账号。如果是您本人，请直接登录：${ctx.config.publicUrl}/login ；忘记密码可在登录页点击“忘记密码？”重置。如非本人操作，请忽略本邮件，您的账号不受影响。\n\n` +
      `Someone just tried to register with this e-mail at OpenBeian, which already has an account. If it was you, log in at ${ctx.config.publicUrl}/login ; if you forgot the password, use "forgot password" there. If it was not you, ignore this e-mail; your account is unchanged.`,
    dedupeKey: `event:${event.id}:email`,
  });
}

/** The e-mails and texts of account recovery, sent from the outbox after the change committed. */
export function registerRecoveryNotifications(ctx: AppContext): void {
  ctx.outbox.on(EMAIL_VERIFICATION_REQUESTED, 'accounts.verification-link', (event, tx) => sendVerificationLink(ctx, tx, event));
  ctx.outbox.on(REGISTRATION_ATTEMPTED, 'accounts.registration-attempted', (event, tx) => sendRegistrationAttempted(ctx, tx, event));
  ctx.outbox.on(PASSWORD_RESET_REQUESTED, 'accounts.reset-link', (event, tx) => sendResetLink(ctx, tx, event));
  ctx.outbox.on(PASSWORD_CHANGED, 'accounts.password-changed', (event, tx) => sendPasswordChanged(ctx, tx, event));
  ctx.outbox.on(LOGIN_NAME_CODE, 'accounts.login-name-code', (event, tx) => sendLoginNameCode(ctx, tx, event));
  ctx.outbox.on(LOGIN_NAME_CONFIRMED, 'accounts.login-name', (event, tx) => sendLoginName(ctx, tx, event));
}
