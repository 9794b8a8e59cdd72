import { domainToASCII } from 'node:url';
import { enqueueEvent } from '../../src/core/outbox.ts';
import type { TestPlatform } from './platform.ts';

export type Access = 'connected' | 'revoked' | 'cancelled';

/**
 * What the filing context does on an approval or a revocation: the rows, then the event, in one transaction.
 * With `drain: false` the event is left for a background loop (or a test) to dispatch.
 */
export async function changeFiling(
  platform: Pick<TestPlatform, 'ctx' | 'drain'>,
  subjectNumber: string,
  domains: Record<string, Access>,
  subjectStatus: 'active' | 'cancelled' = 'active',
  options: { drain?: boolean } = {},
): Promise<void> {
  const now = platform.ctx.clock.now();
  await platform.ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('filed_subjects')
      .values({ number: subjectNumber, province: '330000', user_id: null, subject_key: subjectNumber, leader_key: 'x', name: '示例有限公司', nature: 'enterprise', draft: '', status: subjectStatus, approved_at: now, updated_at: now })
      .onConflict((oc) => oc.column('number').doUpdateSet({ status: subjectStatus, updated_at: now }))
      .execute();
    let seq = 0;
    for (const [name, access] of Object.entries(domains)) {
      seq += 1;
      const domain = domainToASCII(name);
      await tx
        .insertInto('filed_services')
        .values({ number: `${subjectNumber}-${seq}`, subject_number: subjectNumber, seq, kind: 'website', name: '示例网站', domain, domains: [domain], home_url: null, leader_name: '李娜', access_state: access, approved_at: now, updated_at: now })
        .onConflict((oc) => oc.column('number').doUpdateSet({ access_state: access, updated_at: now }))
        .execute();
    }
    const payload = { subjectNumber, domains: Object.keys(domains).map((d) => domainToASCII(d)) };
    await enqueueEvent(tx, now, { topic: 'filing.services_changed', aggregateType: 'filing', aggregateId: subjectNumber, payload });
  });
  if (options.drain !== false) await platform.drain();
}
