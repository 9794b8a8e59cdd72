import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { newId } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { maskMobile } from '../../core/personal-data.ts';
import { hashCode, LOGIN_NAME_CODE_TTL_MS, newSmsCode } from '../recovery.ts';

export type LookUpLoginNameInput = { domain: string };
/** `mobile` (masked) only when a code was texted. */
export type LookUpLoginNameResult = { mobile: string | null; expiresInMinutes: number | null };

export const LOGIN_NAME_CODE = 'account.login_name_code';

/** Codes are hashed under the look-up key of this label; checked under every live one (key rotation). */
export const CODE_KEY_LABEL = 'login-name-code';
/** The key that binds code hashes to this platform; derived, so no new secret is needed. */
export const codeKey = (ctx: AppContext): string => ctx.cipher.lookupHash(CODE_KEY_LABEL);

/**
 * Finds the account that filed a domain here and texts a code to the subject leader's filed mobile.
 *
 * What it reveals: a domain is found only when the public query shows it too (an active subject, a service that is
 * not cancelled), so "filed here or not" is no more than anyone can already read there. The answer for a found
 * domain adds the masked mobile (138****0001), which the owner needs to know which phone to look at; seven digits of
 * eleven name no one. Every other case — not filed here, filed here without an account or without a mobile on
 * record, the account disabled — gets the same neutral answer, so it does not tell them apart. Guessing domains to
 * collect masked mobiles, or texting the leader over and over, is held back by the per-address and per-domain limits
 * in the route.
 */
export async function lookUpLoginName(ctx: AppContext, actor: Actor, input: LookUpLoginNameInput): Promise<LookUpLoginNameResult> {
  const domain = input.domain;
  const neutral: LookUpLoginNameResult = { mobile: null, expiresInMinutes: null };
  const filed = await ctx.db
    .selectFrom('filed_services as s')
    .innerJoin('filed_subjects as j', 'j.number', 's.subject_number')
    .innerJoin('users as u', 'u.id', 'j.user_id')
    .select(['j.number', 'j.draft', 'u.id as user_id'])
    .where('j.status', '=', 'active')
    .where('s.access_state', '!=', 'cancelled')
    .where('u.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('s.domain', '=', domain), sql<boolean>`s.domains @> ARRAY[${domain}]::text[]`]))
    .orderBy('j.approved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!filed) return neutral;
  const onRecord = JSON.parse(ctx.cipher.decrypt(filed.draft)) as { subject?: { leader?: { mobile?: unknown } } };
  const mobile = onRecord.subject?.leader?.mobile;
  if (typeof mobile !== 'string' || !/^1\d{10}$/.test(mobile)) return neutral;

  const id = newId();
  const code = newSmsCode();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    // Only the newest code of a domain works.
    await tx.updateTable('login_name_challenges').set({ expires_at: now }).where('domain', '=', domain).where('confirmed_at', 'is', null).where('expires_at', '>', now).execute();
    await tx
      .insertInto('login_name_challenges')
      .values({
        id,
        domain,
        subject_number: filed.number,
        user_id: filed.user_id,
        mobile: ctx.cipher.encrypt(mobile),
        code_hash: hashCode(codeKey(ctx), id, code),
        expires_at: new Date(now.getTime() + LOGIN_NAME_CODE_TTL_MS),
        created_at: now,
      })
      .execute();
    await writeAudit(tx, actor, now, {
      entityType: 'user',
      entityId: filed.user_id,
      action: 'login_name_code_sent',
      data: { domain, subjectNumber: filed.number, mobile: maskMobile(mobile) },
    });
    await enqueueEvent(tx, now, { topic: LOGIN_NAME_CODE, aggregateType: 'login_name_challenge', aggregateId: id, payload: { sealedCode: ctx.cipher.encrypt(code) } });
  });
  return { mobile: maskMobile(mobile), expiresInMinutes: LOGIN_NAME_CODE_TTL_MS / 60_000 };
}
