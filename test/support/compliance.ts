import { enqueueEvent } from '../../src/core/outbox.ts';
import { buildDraft } from './drafts.ts';
import type { TestPlatform } from './platform.ts';

export const OWNER = 'owner@example.com';
export const OWNER_MOBILE = '13800000001';

/**
 * A subject filed here and owned by `email`, as recordFiling leaves it after approval (the filed draft with the
 * leader's mobile, encrypted, and one service per domain), without walking an order through review and the
 * regulator. Returns the subject number; service N is `${subject}-N`.
 */
export async function filedSubjectOf(platform: TestPlatform, email: string, subjectNumber: string, domains: string[], province = '330000'): Promise<string> {
  const { ctx } = platform;
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const draft = buildDraft({ domain: domains[0] });
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('filed_subjects')
      .values({ number: subjectNumber, province, user_id: user.id, subject_key: `key-${subjectNumber}`, leader_key: 'leader', name: draft.subject.name, nature: 'enterprise', draft: ctx.cipher.encrypt(JSON.stringify({ ...draft, province })), status: 'active', approved_at: now, updated_at: now })
      .execute();
    for (const [index, domain] of domains.entries()) {
      await tx
        .insertInto('filed_services')
        .values({ number: `${subjectNumber}-${index + 1}`, subject_number: subjectNumber, seq: index + 1, kind: 'website', name: `示例网站${index + 1}`, domain, domains: [domain], home_url: `http://www.${domain}`, leader_name: '张伟', access_state: 'connected', approved_at: now, updated_at: now })
        .execute();
    }
    await enqueueEvent(tx, now, { topic: 'filing.services_changed', aggregateType: 'filing', aggregateId: subjectNumber, payload: { subjectNumber, domains } });
  });
  await platform.drain();
  return subjectNumber;
}

/** The messages sent with a template, decrypted: what the owner's phone and mailbox received. */
export async function sentWith(platform: TestPlatform, template: string): Promise<{ channel: string; to: string; body: string }[]> {
  const rows = await platform.ctx.db.selectFrom('sent_messages').select(['channel', 'recipient', 'body']).where('template', '=', template).orderBy('id').execute();
  return rows.map((m) => ({ channel: m.channel, to: platform.ctx.cipher.decrypt(m.recipient), body: platform.ctx.cipher.decrypt(m.body) }));
}
