import { b, type Bilingual } from './bilingual.ts';

/** Registration by e-mail link, change of password, the staff's data reveals, asking for help, "which filings use my ID?". */
export const SECURITY_MESSAGES = {
  'security.registered': b('请查收验证邮件', 'Check your mailbox'),
  'security.registeredDemo': b(
    '演示模式：验证邮件可在 /api/v1/dev/outbox?to=邮箱 中查看，打开其中的链接即可。',
    'Demo mode: the verification e-mail is readable at /api/v1/dev/outbox?to=<e-mail>; open its link.',
  ),
  'security.verify.title': b('验证注册邮箱', 'Verify your e-mail'),
  'security.verify.help': b(
    '点击下方按钮完成验证，之后用注册时设置的密码登录。',
    'Press the button to verify the e-mail; then log in with the password you chose.',
  ),
  'security.verify.submit': b('验证邮箱', 'Verify e-mail'),
  'security.verify.done': b('邮箱 {email} 已验证，请登录。', 'The e-mail {email} is verified; please log in.'),
  'security.verify.noToken': b('链接不完整，请从邮件中重新打开。', 'The link is incomplete; open it again from the e-mail.'),
  'security.password.menu': b('修改密码', 'Change password'),
  'security.password.title': b('修改登录密码', 'Change your password'),
  'security.password.current': b('当前密码', 'Current password'),
  'security.password.new': b('新密码', 'New password'),
  'security.password.repeat': b('再次输入新密码', 'Repeat the new password'),
  'security.password.repeatWrong': b('两次输入的新密码不一致', 'The two new passwords differ'),
  'security.password.submit': b('修改密码', 'Change password'),
  'security.password.done': b(
    '密码已修改，其他设备上的登录（{n} 个）已退出。',
    'The password is changed; {n} other session(s) were logged out.',
  ),
  'security.help.ask': b('请求客服协助', 'Ask the provider for help'),
  'security.help.asked': b(
    '已请求协助：接入商工作人员现在可以查看这份草稿。',
    'Help requested: the provider’s staff can now see this draft.',
  ),
  'security.help.withdraw': b('撤回协助请求', 'Withdraw the request'),
  'security.help.explain': b(
    '提交前，草稿只有您自己能看到。如需客服帮您检查，请点击“请求客服协助”，工作人员即可查看（全程留痕）。',
    'Until you submit, only you can see this draft. To let the provider’s staff look at it, ask for help (every view is logged).',
  ),
  'security.reveal': b('查看', 'Reveal'),
  'security.revealHint': b('查看完整信息会记录在审计日志中', 'Revealing the full value is written to the audit log'),
} as const satisfies Record<string, Bilingual>;
