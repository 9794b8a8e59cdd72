export { deliver, listSentMessages, type OutgoingMessage, type SentMessageView } from './deliver.ts';
export { registerOrderNotifications } from './order-notifications.ts';
