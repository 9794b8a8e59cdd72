import { b } from './bilingual.ts';

/** The console inbox: notices sent in-app beside SMS and e-mail (findings, revocations of access …). */
export const NOTICES_MESSAGES = {
  'notices.menu': b('消息通知', 'Notices'),
  'notices.title': b('消息通知', 'Notices'),
  'notices.empty': b('暂无消息', 'No notices yet'),
  'notices.unread': b('未读', 'Unread'),
  'notices.markRead': b('全部标为已读', 'Mark all read'),
  'notices.open': b('查看', 'Open'),
};
