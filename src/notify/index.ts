export { normaliseRecipient } from './deliver.ts';
export { deliver, listSentMessages, type OutgoingMessage, type SentMessageView } from './deliver.ts';
export { deliverInApp, listInAppNotices, type InAppNotice, type InAppNoticeView } from './in-app.ts';
export { noticeRoutes } from './routes.ts';
export { registerOrderNotifications } from './order-notifications.ts';
export { MessageSender, registerMessageSender } from './sender.ts';
export { SMS_TEMPLATES, smsMessage, type SmsKind, type SmsMessage, type SmsParams } from './sms-templates.ts';
