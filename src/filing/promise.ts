import type { Executor } from '../core/db/database.ts';

/**
 * The truthfulness promise (真实性承诺书) every provider asks for before a filing is submitted. The console shows this
 * text beside a checkbox and sends `promise: true`; each submission records it (submission_promises). Its version
 * changes whenever the wording does, so a record says what exactly was promised.
 */
export const PROMISE = {
  version: '2026-12',
  title: { zh: '真实性承诺书', en: 'Truthfulness promise' },
  text: {
    zh: '本人（本单位）承诺：本次备案填写的信息和上传的材料真实、准确、完整，证件照片为原件拍摄或扫描；各负责人本人知悉并同意本次备案；网站或 App 开通后不制作、复制、发布、传播法律法规禁止的信息；备案信息发生变化时及时办理变更。如有不实，愿承担由此产生的全部责任，接入商和管局可依规驳回、注销备案或停止接入。',
    en: 'I (we) promise that the information given and the materials uploaded for this filing are true, accurate and complete, and that the photos are of the original documents; that every responsible person knows of and agrees to this filing; that once live the website or App will publish nothing the law forbids; and that changes will be filed promptly. If anything is untrue, I (we) bear the consequences, and the provider and the regulator may reject or cancel the filing or stop access.',
  },
} as const;

/** Records the promise made with a submission: ticked in the console (explicit) or implied by an API submit. */
export async function recordPromise(executor: Executor, input: { orderId: string; userId: string; at: Date; isExplicit: boolean }): Promise<void> {
  await executor
    .insertInto('submission_promises')
    .values({ order_id: input.orderId, user_id: input.userId, at: input.at, text_version: PROMISE.version, is_explicit: input.isExplicit })
    .execute();
}

/** The promise as the order view shows it: the wording, and when it was last made. */
export async function promiseView(executor: Executor, orderId: string) {
  const last = await executor
    .selectFrom('submission_promises')
    .select(['at', 'text_version', 'is_explicit'])
    .where('order_id', '=', orderId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    ...PROMISE,
    lastMade: last ? { at: last.at.toISOString(), version: last.text_version, isExplicit: last.is_explicit } : null,
  };
}
