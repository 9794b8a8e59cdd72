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
  'journey.sms.deadline': b(
    '请负责人在 24 小时内完成短信核验，截止时间：{deadline}',
    'Each responsible person must confirm the SMS code within 24 hours, by {deadline}',
  ),
  'journey.sms.attemptsLeft': b('还可尝试 {n} 次', '{n} tries left'),
  'journey.sms.confirmed': b('已核验', 'Confirmed'),
  'journey.summary.title': b('请核对将要提交的备案信息', 'Check what will be filed'),
  'journey.summary.filed': b('已提交的备案信息', 'What was filed'),
  'journey.summary.subject': b('备案主体', 'Subject'),
  'journey.summary.longTerm': b('长期', 'Long-term'),
  'journey.summary.faceDone': b('已核验', 'Verified'),
  'journey.summary.faceMissing': b('未核验', 'Not verified'),
  'journey.summary.provided': b('已提供', 'Provided'),
  'journey.summary.missing': b('未提供', 'Missing'),
  'journey.promise.agree': b('我已阅读并同意《{title}》，承诺所填信息真实有效', 'I have read the {title} and promise the filing is true'),
  'journey.promise.needed': b('请先阅读并勾选承诺书，再提交', 'Read and tick the promise before submitting'),
  'journey.promise.made': b('已于 {at} 勾选《{title}》', '{title} ticked on {at}'),
  'journey.promise.implied': b('于 {at} 通过接口提交（承诺依接口协议作出）', 'Submitted through the API on {at} (promise made under the API terms)'),
  'journey.review.confirmTitle': b('确认订单 {number} 初审通过？', 'Approve order {number}?'),
  'journey.review.confirmBody': b(
    '通过后订单将提交管局（{subject}），无法撤回。',
    'It goes on to the regulator ({subject}) and cannot be taken back.',
  ),
  'journey.query.unitHint': b(
    '按主办单位查询：填写完整名称，或名称开头至少 4 个字（如“杭州云栖”），找出名称以此开头的单位；个人备案不能按姓名查询。',
    'By organisation: its full name, or at least the first 4 characters of it (e.g. “杭州云栖”) to find the organisations whose names start so; individuals cannot be found by name.',
  ),
  'journey.menu': b('菜单', 'Menu'),
  'journey.stepDone': b('已完成', 'Done'),
  'journey.stepErrors': b('{n} 个问题', '{n} problems'),
  'journey.stepTodo': b('未完成', 'Not done'),
} as const satisfies Record<string, Bilingual>;
