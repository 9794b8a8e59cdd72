import { b, type Bilingual } from './bilingual.ts';

/** The admin's machine tokens page (/admin/api-tokens). */
export const API_TOKENS_MESSAGES = {
  'apiTokens.nav': b('机器令牌', 'Machine tokens'),
  'apiTokens.intro': b(
    '执法边缘节点（nginx）和定时导出任务用机器令牌访问平台，不再使用个人账号和密码。令牌只在签发时显示一次，平台只保存其摘要；不再使用或可能泄露时请立即吊销，吊销后下一次请求即被拒绝。',
    'The enforcement edge (nginx) and export cron jobs reach the platform with a machine token instead of a person’s e-mail and password. A token is shown once, when issued; the platform keeps only its digest. Revoke it when no longer used or possibly leaked: its next request is refused.',
  ),
  'apiTokens.issue': b('签发令牌', 'Issue a token'),
  'apiTokens.name': b('用途', 'Used by'),
  'apiTokens.nameHint': b('例如 edge-hz-1、导出定时任务', 'e.g. edge-hz-1, export cron job'),
  'apiTokens.nameRequired': b('请填写令牌的用途', 'Say what will use this token'),
  'apiTokens.scopes': b('权限', 'Scopes'),
  'apiTokens.scopesRequired': b('请至少选择一项权限', 'Choose at least one scope'),
  'apiTokens.scope.enforcement:read': b(
    'enforcement:read：下载接入名单、拉取名单变更',
    'enforcement:read: download the allowlist, follow its changes',
  ),
  'apiTokens.expiresInDays': b('有效天数', 'Valid for (days)'),
  'apiTokens.expiresHint': b('留空表示长期有效', 'Empty: no expiry'),
  'apiTokens.submit': b('签发', 'Issue'),
  'apiTokens.issuedTitle': b('令牌已签发：{name}', 'Token issued: {name}'),
  'apiTokens.issuedOnce': b(
    '请立即复制并保存到使用它的机器上（如 /etc/openbeian/edge.token）。关闭本页后无法再次查看。',
    'Copy it now to the machine that uses it (e.g. /etc/openbeian/edge.token). It cannot be shown again once you leave this page.',
  ),
  'apiTokens.list': b('已签发的令牌', 'Issued tokens'),
  'apiTokens.hint': b('令牌开头', 'Starts with'),
  'apiTokens.status': b('状态', 'Status'),
  'apiTokens.status.active': b('有效', 'Active'),
  'apiTokens.status.expired': b('已过期', 'Expired'),
  'apiTokens.status.revoked': b('已吊销', 'Revoked'),
  'apiTokens.createdAt': b('签发时间', 'Issued'),
  'apiTokens.lastUsedAt': b('最近使用', 'Last used'),
  'apiTokens.expiresAt': b('到期时间', 'Expires'),
  'apiTokens.never': b('—', '—'),
  'apiTokens.revoke': b('吊销', 'Revoke'),
  'apiTokens.revokeConfirm': b('吊销令牌“{name}”？使用它的机器将立即无法访问。', 'Revoke “{name}”? The machine using it loses access at once.'),
  'apiTokens.revoked': b('已吊销：{name}', 'Revoked: {name}'),
  'apiTokens.cancel': b('取消', 'Cancel'),
} as const satisfies Record<string, Bilingual>;
