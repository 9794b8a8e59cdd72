import { b, type Bilingual } from './bilingual.ts';

/** What changed since an order was sent back: the reviewer's diff and the applicant's reasons → changes. */
export const CHANGES_MESSAGES = {
  'changes.title.provider_rejected': b('自驳回以来的修改', 'Changes since it was rejected'),
  'changes.title.regulator_rejected': b('自管局驳回以来的修改', 'Changes since the 管局 rejected it'),
  'changes.title.supplement_requested': b('自要求补正以来的修改', 'Changes since more was asked for'),
  'changes.against': b('对比版本 {version}（{at}）', 'Compared with version {version} ({at})'),
  'changes.field': b('字段', 'Field'),
  'changes.before': b('原内容', 'Before'),
  'changes.after': b('现内容', 'Now'),
  'changes.empty': b('（空）', '(empty)'),
  'changes.named': b('原因 {n}', 'Reason {n}'),
  'changes.unasked': b('未被要求的修改', 'Not asked for'),
  'changes.none': b('自该版本以来没有任何修改。', 'Nothing has changed since that version.'),
  'changes.materials': b('此后上传的材料', 'Materials uploaded since'),
  'changes.material.added': b('新上传', 'New'),
  'changes.material.replaced': b('重新上传', 'Replaced'),
  'changes.reasons': b('审核意见及对应修改', 'The reasons and what answers them'),
  'changes.answered': b('已修改', 'Changed'),
  'changes.unanswered': b('尚未修改', 'Not changed yet'),
  'changes.answeredBy': b('对应修改：{fields}', 'Answered by: {fields}'),
  'changes.notAnswered': b('该原因所指的内容尚未修改，请确认是否已处理。', 'Nothing this reason names has changed; check it is dealt with.'),
  'changes.otherChanges': b('其他修改：{fields}', 'Other changes: {fields}'),
  'changes.masked': b('个人信息已脱敏显示。', 'Personal details are shown masked.'),
  'changes.applicantTitle': b('您的修改与审核意见', 'Your changes and the reviewer’s reasons'),
  'changes.summary': b('{answered}/{total} 条意见已有对应修改', '{answered} of {total} reasons answered by a change'),
} as const satisfies Record<string, Bilingual>;
