import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';
import type { FilingKind } from '../../rules/index.ts';
import { summariseDraft } from '../../filing/index.ts';
import type { RegulatorSubmission } from '../port.ts';
import { certificateKey } from './national.ts';

/** What the simulated regulator keeps of a submission (sim_submissions; the draft encrypted). */
export type SimSubmission = {
  id: string;
  regulatorRef: string;
  orderId: string;
  orderNumber: string;
  kind: FilingKind;
  province: string;
  status: 'received' | 'sms_check' | 'review' | 'approved' | 'rejected';
  draft: Record<string, unknown>;
  certificate: { type: string; number: string } | null;
  subjectKey: string | null;
  domains: string[];
  subjectNumber: string | null;
  targetServices: string[];
  materialKinds: string[];
  approvedAt: Date;
};

type Stored = Pick<RegulatorSubmission, 'draft' | 'subjectNumber' | 'targetServices' | 'approvedAt'> & { materialKinds: string[] };

export async function insertSubmission(ctx: AppContext, executor: Executor, submission: RegulatorSubmission, regulatorRef: string): Promise<void> {
  const summary = summariseDraft(submission.draft);
  const stored: Stored = {
    draft: submission.draft,
    subjectNumber: submission.subjectNumber,
    targetServices: submission.targetServices,
    approvedAt: submission.approvedAt,
    materialKinds: submission.materials.map((m) => m.kind),
  };
  await executor
    .insertInto('sim_submissions')
    .values({
      id: submission.id,
      regulator_ref: regulatorRef,
      order_id: submission.orderId,
      order_number: submission.orderNumber,
      kind: submission.kind,
      province: submission.province,
      subject_key: summary.certificate ? certificateKey(ctx, summary.certificate) : null,
      payload: ctx.cipher.encrypt(JSON.stringify(stored)),
      status: 'received',
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function loadSubmission(ctx: AppContext, executor: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<SimSubmission | null> {
  let query = executor.selectFrom('sim_submissions').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const stored = JSON.parse(ctx.cipher.decrypt(row.payload)) as Stored;
  const summary = summariseDraft(stored.draft);
  return {
    id: row.id,
    regulatorRef: row.regulator_ref,
    orderId: row.order_id,
    orderNumber: row.order_number,
    kind: row.kind as FilingKind,
    province: row.province,
    status: row.status,
    draft: stored.draft,
    certificate: summary.certificate,
    subjectKey: row.subject_key,
    domains: summary.domains,
    subjectNumber: stored.subjectNumber ?? null,
    targetServices: stored.targetServices,
    materialKinds: stored.materialKinds,
    approvedAt: new Date(stored.approvedAt),
  };
}
