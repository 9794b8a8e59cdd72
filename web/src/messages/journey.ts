// The applicant's journey without dead ends (issue 12): saves refused or failed, steps that block, the login return,
// the summary and promise before submitting, the SMS deadline.
import { b, type Bilingual } from './bilingual.ts';

export const JOURNEY_MESSAGES = {
  'journey.save.refused': b('未保存：请按提示修改', 'Not saved: fix what is marked'),
  'journey.save.failed': b('服务器暂时无法保存，已保存在本机', 'The server could not save; kept in this browser'),
  'journey.save.signedOut': b('登录已过期，已保存在本机', 'Signed out; kept in this browser'),
  'journey.save.refusedTitle': b('最近的修改未能保存：{reason}', 'Your latest changes were not saved: {reason}'),
  'journey.save.refusedHelp': b(
    '请按标出的字段修改，修改后会自动保存；您填写的内容仍保留在本机浏览器中。',
    'Fix the fields marked and it saves by itself; what you typed is still kept in this browser.',
  ),
  'journey.blocked': b(
    '本步骤还有 {n} 个问题，请修改后再进入下一步：',
    'This step has {n} problems; fix them before going on:',
  ),
  'journey.emptyFirstStep': b(
    '请先填写备案省份和主体信息，再进入下一步。',
    'Fill in the filing province and the subject first, then go on.',
  ),
  'journey.services.empty': b(
    '请添加要备案的网站或 App：点击下方“添加网站”或“添加 App / 小程序”。',
    'Add the website or App to file: use “Add a website” or “Add an App / mini-program” below.',
  ),
  'journey.stepDone': b('已完成', 'Done'),
  'journey.stepErrors': b('{n} 个问题', '{n} problems'),
  'journey.stepTodo': b('未完成', 'Not done'),
} as const satisfies Record<string, Bilingual>;
