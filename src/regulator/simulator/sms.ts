import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import { newId } from '../../core/ids.ts';
import { deliver } from '../../notify/index.ts';
import { SMS_CHECK } from '../../rules/index.ts';

export const SMS_WINDOW_MS = SMS_CHECK.windowMs;
export const SMS_MAX_WRONG = SMS_CHECK.maxWrongCodes;
export const SMS_MAX_SENDS = SMS_CHECK.maxSends;

export const newSmsCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

export function hashSmsCode(ctx: AppContext, challengeId: string, code: string): string {
  return hashUnder(ctx.cipher.lookupHash(`sms:${challengeId}`), code);
}

const hashUnder = (key: string, code: string): string => createHmac('sha256', key).update(code).digest('hex');

/** Checked under every live look-up key, so a code texted just before a key rotation still works after it. */
export function codeMatches(ctx: AppContext, challengeId: string, code: string, storedHash: string): boolean {
  const stored = Buffer.from(storedHash, 'hex');
  return ctx.cipher.lookupHashes(`sms:${challengeId}`).some((key) => {
    const given = Buffer.from(hashUnder(key, code), 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  });
}

/** Texts a code to one mobile of a submission; the challenge remembers only a hash of it. */
export async function openChallenge(
  ctx: AppContext,
  tx: Tx,
  input: { submissionId: string; orderId: string; orderNumber: string; mobile: string; expiresAt: Date },
): Promise<void> {
  const id = newId();
  const code = newSmsCode();
  await tx
    .insertInto('sim_sms_challenges')
    .values({
      id,
      submission_id: input.submissionId,
      order_id: input.orderId,
      mobile_hash: ctx.cipher.lookupHash(input.mobile),
      mobile: ctx.cipher.encrypt(input.mobile),
      code_hash: hashSmsCode(ctx, id, code),
      expires_at: input.expiresAt,
      created_at: ctx.clock.now(),
    })
    .execute();
  await sendCode(ctx, tx, { challengeId: id, orderNumber: input.orderNumber, mobile: input.mobile, code, sendNumber: 1 });
}

export async function sendCode(ctx: AppContext, tx: Tx, input: { challengeId: string; orderNumber: string; mobile: string; code: string; sendNumber: number }): Promise<void> {
  await deliver(ctx, tx, {
    channel: 'sms',
    to: input.mobile,
    template: 'regulator_sms_code',
    body: `【工信部ICP备案】您的备案订单 ${input.orderNumber} 短信核验码为 ${input.code}，24小时内有效。请登录备案系统或工信部短信核验页面输入。如非本人操作请忽略。`,
    dedupeKey: `sms-code:${input.challengeId}:${input.sendNumber}`,
  });
}
