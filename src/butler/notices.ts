/**
 * What the customer is told before confirming a butler or licence-consulting service (SPEC §11). The console shows
 * these words and the confirmation's audit row records them, so what was said is on file.
 */
export const NO_REFUND_NOTICE = {
  zh: '服务确认开始后不予退款。管家将服务至主管部门受理您的申请为止；如遇不可抗力、材料虚假或不符合法律法规，服务可能被终止。',
  en: 'Once confirmed, the service is not refundable. The butler works on it until the authority accepts your application; it may be ended for force majeure, false materials, or anything the law does not allow.',
} as const;
