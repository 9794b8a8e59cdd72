// Every string the console shows, in Chinese first and English second. Pages call t('key') (web/src/lang.tsx);
// {name} placeholders are filled from the vars given. Texts the API sends ({zh, en}) are picked, not stored here.
import { AFTERCARE_MESSAGES } from './messages/aftercare.ts';
import { b, type Bilingual } from './messages/bilingual.ts';
import { SECURITY_MESSAGES } from './messages/security.ts';
import { CHANGES_MESSAGES } from './messages/changes.ts';
import { BUTLER_MESSAGES } from './messages/butler.ts';
import { JOURNEY_MESSAGES } from './messages/journey.ts';
// Field names come from the one table the pre-check's messages use too (issue 12).
import { FIELD_TEXTS } from '../../src/rules/field-labels.ts';
import { API_TOKENS_MESSAGES } from './messages/api-tokens.ts';
import { COMPLIANCE_VIOLATIONS_MESSAGES } from './messages/compliance-violations.ts';
import { COMPLIANCE_MESSAGES } from './messages/compliance.ts';
import { COMPLIANCE_SWEEPS_MESSAGES } from './messages/compliance-sweeps.ts';
import { NOTICES_MESSAGES } from './messages/notices.ts';
import { CLAIMS_MESSAGES } from './messages/claims.ts';

export type Lang = 'zh' | 'en';
export type Vars = Record<string, string | number>;
export type { Bilingual };

export const MESSAGES = {
  'app.name': b('OpenBeian 备案管理系统', 'OpenBeian filing console'),
  'footer.text': b(
    'OpenBeian · 开源 ICP 备案平台 · Apache-2.0',
    'OpenBeian · open-source ICP filing platform · Apache-2.0',
  ),

  'nav.home': b('首页', 'Home'),
  'nav.query': b('备案查询', 'Filing query'),
  'nav.faq': b('常见问题', 'FAQ'),
  'nav.orders': b('我的备案订单', 'My filing orders'),
  'nav.newFiling': b('开始备案', 'Start a filing'),
  'nav.filings': b('已备案主体', 'Filed subjects'),
  'nav.review': b('初审工作台', 'Review queue'),
  'nav.dashboard': b('数据看板', 'Dashboard'),
  'nav.resources': b('备案服务码', 'Service codes'),
  'nav.resourcesAdmin': b('资源登记', 'Resources'),
  'nav.account': b('账号菜单', 'Account menu'),
  'nav.main': b('控制台菜单', 'Console menu'),
  'nav.public': b('网站导航', 'Site navigation'),
  'nav.language': b('English', '中文'),
  // The same in both languages, so either reader finds the switch.
  'nav.languageLabel': b('language / 语言', 'language / 语言'),
  'nav.skip': b('跳到主要内容', 'Skip to main content'),
  'crumb.order': b('订单详情', 'Order'),
  'crumb.edit': b('填写备案信息', 'Edit filing'),
  'crumb.filing': b('备案详情', 'Filing'),
  'crumb.reviewOrder': b('审核订单', 'Review order'),

  'common.cancel': b('取消', 'Cancel'),
  'common.remove': b('删除', 'Remove'),
  'common.view': b('查看', 'View'),
  'common.scrollTable': b('表格（可左右滚动）', 'Table (scrolls sideways)'),
  'common.copy': b('复制', 'Copy'),
  'common.copied': b('已复制', 'Copied'),
  'common.copyFailed': b('复制失败，请手动选中复制', 'Could not copy; select the text and copy it'),
  'common.noData': b('暂无数据', 'Nothing here yet'),
  'common.loading': b('加载中…', 'Loading…'),
  'load.failed': b('加载失败', 'Could not load this page'),
  'load.notFound': b('页面不存在', 'Page not found'),
  'load.notFoundHelp': b('您访问的页面不存在或已被删除。', 'The page does not exist or was removed.'),
  'load.forbidden': b('您的账号没有访问此页面的权限', 'Your account cannot open this page'),
  'load.retry': b('重试', 'Retry'),
  'load.network': b('网络连接失败，请检查网络后重试', 'Network error; check the connection and retry'),
  'load.status': b('请求失败（{status}）', 'Request failed ({status})'),
  'severity.error': b('错误', 'Error'),
  'severity.warning': b('提醒', 'Warning'),
  'severity.info': b('提示', 'Note'),

  'auth.login': b('登录', 'Log in'),
  'auth.logout': b('退出登录', 'Log out'),
  'auth.register': b('注册', 'Register'),
  'auth.email': b('邮箱', 'E-mail'),
  'auth.password': b('密码', 'Password'),
  'auth.emailRequired': b('请输入邮箱', 'Enter your e-mail'),
  'auth.emailInvalid': b('邮箱格式不正确', 'This is not an e-mail address'),
  'auth.passwordRequired': b('请输入密码', 'Enter your password'),
  'auth.passwordShort': b('密码至少 12 个字符', 'At least 12 characters'),
  'auth.passwordHint': b(
    '至少 12 个字符，不能是常见密码；一句话或几个词的组合既好记又安全',
    'At least 12 characters and not a common password; a phrase of a few words is easy to remember and safe',
  ),
  'auth.toRegister': b('还没有账号？立即注册', 'No account yet? Register'),
  'auth.toLogin': b('已有账号？去登录', 'Have an account? Log in'),
  'auth.demo': b('演示账号密码：openbeian-demo', 'Demo accounts: password openbeian-demo'),
  'auth.expired': b('登录已过期，请重新登录', 'Your session has ended; please log in again'),
  'auth.forgotPassword': b('忘记密码？', 'Forgot your password?'),
  'auth.forgotLoginName': b('忘记登录名？', 'Forgot your login name?'),
  'forgot.title': b('找回账号', 'Recover your account'),
  'forgot.tabPassword': b('通过邮箱重置密码', 'Reset the password by e-mail'),
  'forgot.tabLoginName': b('通过备案域名找回登录名', 'Find the login name by a filed domain'),
  'forgot.passwordLead': b(
    '填写注册时使用的登录邮箱，我们会发送重置密码的链接，30 分钟内有效。',
    'Enter the e-mail you log in with; we send a link to reset the password, which works for 30 minutes.',
  ),
  'forgot.sendLink': b('发送重置链接', 'Send the reset link'),
  'forgot.loginNameLead': b(
    '登录名即注册邮箱。填写本平台已备案的网站域名，我们将向该主体负责人的备案手机发送验证码，验证后以短信告知登录名。',
    'The login name is the e-mail you registered with. Enter a website domain filed here: we text a code to the filed mobile of the subject leader, and after the code the login name follows by SMS.',
  ),
  'forgot.domain': b('已备案域名', 'Filed domain'),
  'forgot.domainRequired': b('请输入已备案的域名', 'Enter the filed domain'),
  'forgot.domainHint': b('例如 www.example.com，不区分大小写', 'e.g. www.example.com; upper or lower case'),
  'forgot.sendCode': b('发送验证码', 'Text me a code'),
  'forgot.code': b('短信验证码', 'SMS code'),
  'forgot.codeRequired': b('请输入 6 位数字验证码', 'Enter the 6-digit code'),
  'forgot.codeHint': b(
    '验证码已发送至 {mobile}，{minutes} 分钟内有效',
    'The code was texted to {mobile}; it works for {minutes} minutes',
  ),
  'forgot.confirmCode': b('验证并发送登录名', 'Verify and text me the login name'),
  'forgot.loginNameSent': b(
    '登录名已通过短信发送至备案手机，请查收后登录。',
    'The login name was texted to the filed mobile; check it, then log in.',
  ),
  'forgot.devOutbox': b(
    '演示模式：短信与邮件可在 /api/v1/dev/outbox 查看',
    'Demo mode: texts and e-mails are at /api/v1/dev/outbox',
  ),
  'reset.title': b('设置新密码', 'Choose a new password'),
  'reset.newPassword': b('新密码', 'New password'),
  'reset.repeat': b('再次输入新密码', 'New password again'),
  'reset.repeatRequired': b('请再次输入新密码', 'Enter the new password again'),
  'reset.mismatch': b('两次输入的密码不一致', 'The two passwords differ'),
  'reset.submit': b('保存新密码', 'Save the new password'),
  'reset.done': b(
    '密码已重置，所有设备上的登录均已退出，请使用新密码登录。',
    'The password was reset and every session was logged out; log in with the new password.',
  ),
  'reset.noToken': b(
    '链接不完整，请打开邮件中的完整链接，或重新申请找回密码。',
    'The link is incomplete; open the whole link from the e-mail, or ask for a new one.',
  ),
  'reset.askAgain': b('重新申请找回密码', 'Ask for a new link'),
  'auth.oneSubject': b(
    '一个账号只能为一个主体（一家单位或一个人）备案；为其他单位备案请另行注册。',
    'One account files for one subject (one organisation or one person); register another account for another subject.',
  ),

  'home.title': b('ICP 备案，一次填对', 'ICP filing, right the first time'),
  'home.lead': b(
    '在中国大陆服务器上提供网站、App 或小程序服务，必须先完成 ICP 备案，并通过提供服务器的接入商提交。我们按各省管局的规则逐项检查您填写的内容，告诉您缺什么、为什么缺、怎么改。',
    'Any website, App or mini-program served from a server in mainland China must be filed (ICP备案) through the provider hosting it. We check what you enter against each province’s rules and tell you what is missing, why, and how to fix it.',
  ),
  'home.readFaq': b('备案须知', 'Read the FAQ'),
  'home.who.title': b('谁需要备案', 'Who must file'),
  'home.who.body': b(
    '网站或应用使用中国大陆的服务器（云服务器、虚拟主机等）提供服务，即须办理 ICP 备案；使用香港、澳门、台湾或境外服务器无需 ICP 备案。',
    'Sites and apps served from servers in mainland China (cloud servers, virtual hosts …) must be filed; servers in Hong Kong, Macau, Taiwan or abroad need no ICP filing.',
  ),
  'home.who.blocked': b(
    '未在本接入商备案的域名解析到本接入商的大陆服务器会被阻断；已在其他接入商备案的，需在此办理接入备案。',
    'A domain pointing at this provider’s mainland servers without a filing here is blocked; a filing made with another provider must be connected here.',
  ),
  'home.commercial.title': b('非经营性与经营性', 'Non-commercial or commercial'),
  'home.commercial.body': b(
    '企业官网、个人博客等不收费的网站办理非经营性备案（ICP备）；通过网站有偿提供信息服务的，须在备案后另行申请 ICP 经营许可证（ICP证）。',
    'Company sites and personal blogs that charge nothing need the non-commercial filing (ICP备); paid information services apply for the ICP licence (ICP证) after filing.',
  ),
  'home.police.title': b('公安联网备案', 'Police filing'),
  'home.police.body': b(
    '网站开通后 30 日内须在全国互联网安全管理服务平台办理公安联网备案，并在 30 日内把公安备案号放到网站底部；境外服务器上的网站也需要。',
    'Within 30 days of launch every site must be filed with the police on the national internet security platform, and show the police number in its footer within 30 days — also when hosted abroad.',
  ),
  'home.query.title': b('查询备案', 'Look up a filing'),
  'home.query.body': b(
    '按域名、备案号或主办单位名称查询已在本接入商备案的网站。',
    'Search sites filed here by domain, number or organisation.',
  ),
  'home.steps.title': b('备案流程', 'How filing works'),
  'home.steps.fill': b('填写信息', 'Fill in'),
  'home.steps.fillHelp': b('主体、负责人、网站；边填边检查', 'Subject, leaders, sites — checked as you type'),
  'home.steps.upload': b('上传材料与人脸核验', 'Materials and face check'),
  'home.steps.uploadHelp': b(
    '证件彩色照片；负责人本人核验，可用手机扫码完成',
    'Colour photos of documents; each leader verifies their own face, also on a phone',
  ),
  'home.steps.provider': b('接入商初审', 'Provider review'),
  'home.steps.providerHelp': b('约 1 个工作日，审核员会致电负责人', 'About 1 workday; the reviewer phones the leaders'),
  'home.steps.sms': b('工信部短信核验', 'MIIT SMS check'),
  'home.steps.smsHelp': b('收到验证码后 24 小时内完成', 'Confirm the texted code within 24 hours'),
  'home.steps.regulator': b('管局审核', 'Regulator review'),
  'home.steps.regulatorHelp': b('1–20 个工作日，视省份而定', '1–20 workdays, depending on the province'),
  'home.steps.numbers': b('获得备案号', 'Numbers issued'),
  'home.steps.numbersHelp': b(
    '把备案号放到网站底部并链接到工信部网站',
    'Put the number in your footer, linked to the MIIT site',
  ),
  'home.prepare.title': b('备案前请准备', 'Before you start'),
  'home.prepare.domain': b(
    '域名已以主体名义完成实名认证（认证后 2–3 天数据才到管局），剩余有效期一般不少于 3 个月。',
    'A domain real-name verified in the subject’s name (the regulator sees it 2–3 days later), valid for at least 3 more months in general.',
  ),
  'home.prepare.server': b(
    '一台中国大陆的服务器（包年包月 3 个月以上），并申请备案服务码。',
    'A mainland server from this provider (3+ months prepaid) and a filing service code from it.',
  ),
  'home.prepare.materials': b(
    '主体证件、负责人身份证件的彩色照片或扫描件（JPG/PNG/GIF，200 KB–4 MB）。',
    'Colour photos or scans of the subject’s certificate and the leaders’ IDs (JPG/PNG/GIF, 200 KB–4 MB).',
  ),
  'home.prepare.people': b(
    '负责人本人的手机（接收短信核验码）和应急联系电话。',
    'Each leader’s own mobile (for the SMS code) and an emergency phone.',
  ),

  'query.help': b(
    '查询在本接入商备案并接入的网站信息，与工信部查询结果格式一致。',
    'Sites filed and connected here, shown as the national MIIT query shows them.',
  ),
  'query.by': b('查询方式', 'Search by'),
  'query.byDomain': b('域名', 'Domain'),
  'query.byNumber': b('备案号', 'Number'),
  'query.byUnit': b('主办单位', 'Organisation'),
  'query.placeholder': b('example.com / 京ICP备…', 'example.com / 京ICP备…'),
  'query.placeholder.domain': b('输入域名，如 www.example.cn', 'A domain, e.g. www.example.cn'),
  'query.placeholder.number': b('输入备案号，如 浙ICP备2026000001号', 'A number, e.g. 浙ICP备2026000001号'),
  'query.placeholder.unit': b('输入主办单位名称', 'The organisation’s name'),
  'query.search': b('查询', 'Search'),
  'query.none': b(
    '没有找到备案信息。该网站可能未备案，或未在本接入商接入。',
    'No filing found: the site may not be filed, or not connected here.',
  ),
  'query.col.domain': b('域名', 'Domain'),
  'query.col.unit': b('主办单位', 'Organiser'),
  'query.col.nature': b('单位性质', 'Nature'),
  'query.col.serviceLicence': b('网站备案号', 'Service number'),
  'query.col.serviceName': b('网站名称', 'Site name'),
  'query.col.limitAccess': b('是否限制接入', 'Access limited'),
  'query.col.updated': b('审核通过日期', 'Approved on'),

  'blocked.title': b('{host} 暂时无法访问', '{host} cannot be reached for now'),
  'blocked.titleAny': b('该网站暂时无法访问', 'This site cannot be reached for now'),
  'blocked.why': b(
    '该域名指向本接入商的中国大陆服务器，但尚未在本接入商完成 ICP 备案或接入备案，按照规定暂停访问。',
    'This domain points to this provider’s mainland servers but has no ICP filing connected here, so access is paused as the rules require.',
  ),
  'blocked.file': b('我是网站所有者，去备案', 'I own this site: file it'),
  'blocked.query': b('查询备案信息', 'Look up its filing'),
  'blocked.unfiled': b('从未备案', 'Never filed'),
  'blocked.unfiledHelp': b(
    '请登录后办理首次备案。接入商初审约 1 个工作日，管局审核 1–20 个工作日，通过后即可恢复访问。',
    'Log in and make a first filing: about 1 workday of provider review, then 1–20 workdays at the regulator; access resumes once approved.',
  ),
  'blocked.elsewhere': b('已在其他接入商备案', 'Filed with another provider'),
  'blocked.elsewhereHelp': b(
    '需要在本接入商办理接入备案（新增接入），系统会根据您的主体和域名自动判断备案类型。',
    'Connect that filing here (接入备案); the platform works out the filing kind from your subject and domain.',
  ),
  'blocked.visitor': b('我是访问者', 'I am a visitor'),
  'blocked.visitorHelp': b('请稍后再访问，或联系网站所有者。', 'Please try later, or contact the site’s owner.'),

  'faq.more': b(
    '各省的详细规则会在填写时自动检查。也可以',
    'Province rules are checked as you fill in the form. You can also',
  ),
  'faq.commercial.q': b('非经营性备案和经营性许可证有什么区别？', 'Non-commercial filing or commercial licence?'),
  'faq.commercial.a': b(
    '只展示自身信息、不向用户收费的网站（如企业官网、个人博客）办理非经营性备案，备案号形如“浙ICP备123456号-1”。\n通过网站有偿提供信息服务（在线交易、会员收费、广告等）的，须先完成非经营性备案，再向通信管理局申请 ICP 经营许可证，许可证号形如“浙B2-20080101”。北京、广东、辽宁、上海、河北对服务器 IP 另有要求。',
    'Sites that only present their owner and charge nothing (company sites, personal blogs) need the non-commercial filing; numbers look like 浙ICP备123456号-1.\nPaid information services (online trading, memberships, advertising) file first, then apply to the communications administration for an ICP licence such as 浙B2-20080101. Beijing, Guangdong, Liaoning, Shanghai and Hebei add server IP rules.',
  ),
  'faq.police.q': b('公安联网备案什么时候办？', 'When is the police filing due?'),
  'faq.police.a': b(
    '网站开通后 30 日内，在全国互联网安全管理服务平台（beian.mps.gov.cn）办理；审核通过后 30 日内在网站底部展示公安备案号及图标。服务器在境外、只要中国大陆可以访问的网站也需要办理。\n填写时需要的接入商信息（接入商名称、接入方式、服务器 IP 和所在地区、网安部门代码等）可在备案详情页找到。',
    'Within 30 days of launch, on the national internet security platform (beian.mps.gov.cn); show the police number and icon in the footer within 30 days of approval. Sites hosted abroad but reachable from mainland China need it too.\nThe provider facts it asks for (provider name, access method, server IP and region, police department code) are on the filing page.',
  ),
  'faq.footer.q': b('备案号要放在哪里？', 'Where does the filing number go?'),
  'faq.footer.a': b(
    '放在网站首页底部，并链接到 https://beian.miit.gov.cn/ 。广东省显示主体备案号，其他省份显示网站备案号（带“-1”等序号）；江苏等省还要求写明单位名称的版权信息。未展示备案号可能被处以 5000–10000 元罚款。备案详情页提供可直接复制的底部代码。',
    'In the home page footer, linked to https://beian.miit.gov.cn/. Guangdong shows the subject number, other provinces the site number (with its “-1” suffix); Jiangsu and others also want a copyright line with the organisation’s name. A missing number can cost 5,000–10,000 CNY. The filing page has footer code to copy.',
  ),
  'faq.sms.q': b('工信部短信核验是什么？', 'What is the MIIT SMS check?'),
  'faq.sms.a': b(
    '接入商初审通过并提交管局后，工信部会向每位负责人的手机发送 6 位验证码，须在 24 小时内完成核验；24 小时内最多输错 5 次，超时或输错过多需重新提交。验证码可以重新发送（24 小时时限不重新计算）。',
    'After the provider forwards the order, MIIT texts a 6-digit code to each responsible person; confirm it within 24 hours, with at most 5 wrong tries. A timeout or too many wrong codes mean resubmitting. A code can be re-sent (the 24 hours do not restart).',
  ),
  'faq.duration.q': b('备案需要多长时间？', 'How long does filing take?'),
  'faq.duration.a': b(
    '接入商初审约 1 个工作日，提交管局约 1 个工作日，管局审核 1–20 个工作日（浙江最长 30 个工作日）。订单页会按省份显示每一步的预计完成日期（不含法定节假日）。',
    'Provider review about 1 workday, forwarding about 1 workday, then 1–20 workdays at the regulator (Zhejiang up to 30). The order page shows the expected date of each step for your province, skipping public holidays.',
  ),
  'faq.materials.q': b('材料有什么要求？', 'What must materials look like?'),
  'faq.materials.a': b(
    'JPG、PNG 或 GIF 格式，每张 200 KB–4 MB，必须是原件的彩色照片或彩色扫描件；复印件、黑白扫描件、翻拍屏幕和电子证照都不可以。\n证件须在提交后至少还有 3 个月有效期；授权书、证明类材料须在提交前 3 个月内出具（四川工作证明、湖南域名证书 45 天，湖北经营性说明、河北授权书 6 个月）。',
    'JPG, PNG or GIF, 200 KB–4 MB each, colour photos or colour scans of originals — no photocopies, black-and-white scans, screen photos or electronic certificates.\nDocuments must stay valid at least 3 months after submission; letters and proofs must be issued within 3 months before it (Sichuan employment proof and Hunan domain certificate 45 days, Hubei business-nature statement and Hebei authorisation letter 6 months).',
  ),
  'faq.domain.q': b('域名有什么要求？', 'What must the domain satisfy?'),
  'faq.domain.a': b(
    '域名须以备案主体的名义完成实名认证，实名数据 2–3 天后才同步到管局；剩余有效期一般须超过 3 个月（各省不同，例如山东 45 天）；域名后缀须为工信部批准的后缀，且在工信部批准的注册商处注册。自 2019 年 4 月 22 日起，每个网站只能填写一个域名。',
    'The domain must be real-name verified in the subject’s name (the regulator sees it 2–3 days later), remain valid for more than 3 months in general (provinces differ; Shandong 45 days), use an MIIT-approved suffix and an MIIT-approved registrar. Since 22 April 2019 each website has one domain.',
  ),
  'faq.connect.q': b('已在其他接入商备案，换到这里要怎么办？', 'Filed with another provider — what now?'),
  'faq.connect.a': b(
    '办理接入备案（新增接入）：填写与原备案一致的主体和网站信息，系统会自动识别为接入备案。在接入完成前，解析到本接入商服务器的域名会被阻断。',
    'Make a connection filing (接入备案): enter the subject and site as filed; the platform recognises the kind. Until it is connected, the domain is blocked on this provider’s servers.',
  ),
  'faq.account.q': b('一个账号可以给几个主体备案？', 'How many subjects per account?'),
  'faq.account.a': b(
    '一个账号只对应一个备案主体（一家单位或一个人），同一主体同时只能有一个进行中的订单。为另一家单位备案请注册新账号。',
    'One account files for exactly one subject (one organisation or one person), with one order in progress at a time. Register another account for another organisation.',
  ),
  'faq.expiry.q': b('填了一半的订单会保留多久？', 'How long is an unfinished order kept?'),
  'faq.expiry.a': b(
    '45 天没有更新的订单会被自动删除，第 30 天和第 40 天会提醒您。草稿会自动保存，也会保存在本机浏览器中。',
    'Orders not updated for 45 days are deleted, with reminders on day 30 and day 40. Drafts save automatically, also in this browser.',
  ),
  'faq.invoice.q': b('代办服务可以开发票、退款吗？', 'Invoices and refunds for assistance services?'),
  'faq.invoice.a': b(
    '资质管家等代办服务在费用中心开具发票，需选择开票主体。服务确认开始后不支持退款；资质管家服务在管局受理申请时结束。ISP 许可证咨询服务同样在确认后不退款。',
    'Assistance services such as the butler are invoiced through billing, choosing the invoicing entity. Once confirmed there is no refund; the butler service ends when the authority accepts the application. ISP licence consulting is likewise not refundable after confirmation.',
  ),
  'faq.loginName.q': b('忘记了登录账号怎么办？', 'Forgot the login name?'),
  'faq.loginName.a': b(
    '可以用已备案的域名找回：向备案时登记的手机发送验证码，验证后登录名会以短信发送；如果手机已不能使用，可提交人工申请，约 3 个工作日处理。',
    'Look it up by a filed domain: a code goes to the filed mobile, and after verification the login name is texted to it. If the mobile is no longer usable, a manual request takes about 3 workdays.',
  ),

  'orders.inProgress': b('进行中', 'In progress'),
  'orders.completed': b('已完成', 'Completed'),
  'orders.number': b('订单号', 'Order'),
  'orders.domain': b('域名', 'Domain'),
  'orders.createdAt': b('创建时间', 'Created'),
  'orders.kind': b('备案类型', 'Kind'),
  'orders.kindPending': b('待判定', 'Not decided yet'),
  'orders.step': b('当前步骤', 'Current step'),
  'orders.actions': b('操作', 'Actions'),
  'orders.continue': b('继续填写', 'Continue'),
  'orders.filing': b('备案信息', 'Filing'),
  'orders.abandon': b('放弃', 'Abandon'),
  'orders.abandonConfirm': b('确定放弃该订单？', 'Abandon this order?'),
  'orders.abandonHelp': b(
    '放弃后不能恢复，已上传的材料不会用于新订单。',
    'This cannot be undone; uploaded materials are not carried over.',
  ),
  'orders.abandoned': b('订单已放弃', 'Order abandoned'),
  'orders.emptyInProgress': b(
    '暂无进行中的订单，点击右上角“开始备案”。',
    'No order in progress; use “Start a filing”.',
  ),

  'order.title': b('订单 {number}', 'Order {number}'),
  'order.fix': b('修改并重新提交', 'Fix and resubmit'),
  'order.eta': b('预计完成', 'Expected by'),
  'order.estimate': b('（估算）', ' (estimate)'),
  'order.regulatorDays': b('管局约 {n} 个工作日', 'regulator ≈ {n} workdays'),
  'order.inReview': b(
    '接入商正在初审，约 1 个工作日。审核员可能会致电负责人核实信息，请保持电话畅通。',
    'The provider is reviewing it (about 1 workday). The reviewer may phone the responsible persons; keep your phone on.',
  ),
  'order.awaitingRegulator': b(
    '初审已通过，接入商将在约 1 个工作日内提交管局；随后工信部会发送短信验证码。',
    'Provider review passed; it goes to the regulator within about 1 workday, and MIIT then texts a code.',
  ),
  'order.regulatorReview': b(
    '管局审核中，一般需要 {n} 个工作日左右，结果会以短信和邮件通知。',
    'The regulator is reviewing it, usually about {n} workdays; the result comes by SMS and e-mail.',
  ),
  'order.reasons': b('驳回原因', 'Why it was rejected'),
  'order.fixHint': b('修改建议：', 'How to fix: '),
  'order.reviewerNote': b('审核员说明：{note}', 'Reviewer’s note: {note}'),
  'order.supplement': b('需要补充的资料', 'Supplementary material requested'),
  'order.numbers': b('备案号', 'Filing numbers'),
  'order.filingAndFooter': b('查看备案信息与底部代码', 'Filing details and footer code'),
  'order.timeline': b('办理进度', 'Timeline'),
  'order.expected': b('预计', 'expected'),
  'order.whatNext': b('办理说明', 'What happens'),
  'order.journeyHelp': b(
    '提交后依次经过：接入商初审（约 1 个工作日）→ 提交管局（约 1 个工作日）→ 工信部短信核验（24 小时内）→ 管局审核（1–20 个工作日）。结果会通过短信和邮件通知。',
    'After submission: provider review (≈1 workday) → sent to the regulator (≈1 workday) → MIIT SMS check (within 24 hours) → regulator review (1–20 workdays). Results come by SMS and e-mail.',
  ),
  'order.smsHelp': b(
    '短信核验：工信部会向每位负责人的手机发送 6 位验证码，有效期 24 小时，请及时完成。',
    'SMS check: MIIT texts a 6-digit code to each responsible person, valid 24 hours; confirm it in time.',
  ),

  'sms.title': b('工信部短信核验', 'MIIT SMS verification'),
  'sms.what': b(
    '请负责人在 24 小时内完成短信核验',
    'Each responsible person must confirm the SMS code within 24 hours',
  ),
  'sms.rules': b(
    '工信部已向下列手机发送 6 位验证码，有效期 24 小时；24 小时内最多输错 5 次，超时或输错过多需要修改后重新提交。未收到可重新发送，时限不会重新计算。',
    'MIIT texted a 6-digit code to the mobiles below, valid 24 hours, at most 5 wrong tries; a timeout or too many wrong codes mean resubmitting. A code can be re-sent; the 24 hours do not restart.',
  ),
  'sms.where': b(
    '请按短信提示在工信部备案管理系统完成核验。',
    'Confirm the code on the MIIT filing system as the text message says.',
  ),
  'sms.code': b('6 位验证码', '6-digit code'),
  'sms.codeFor': b('{mobile} 收到的验证码', 'Code texted to {mobile}'),
  'sms.verify': b('核验', 'Verify'),
  'sms.resend': b('重新发送', 'Re-send'),
  'sms.resent': b('验证码已重新发送', 'A new code was sent'),
  'sms.outbox': b('演示环境：查看发件箱', 'Demo: open the outbox'),

  'filed.subjectNumber': b('主体备案号', 'Subject number'),
  'filed.status': b('状态', 'Status'),
  'filed.approvedAt': b('备案通过日期', 'Approved on'),
  'filed.leader': b('主体负责人', 'Subject leader'),
  'filed.mailingAddress': b('通信地址', 'Mailing address'),
  'filed.services': b('网站与应用', 'Services'),
  'filed.serviceNumber': b('网站备案号', 'Service number'),
  'filed.access': b('接入状态', 'Access'),
  'filed.footer': b('网站底部代码', 'Footer code'),
  'filed.preview': b('效果', 'Looks like'),
  'filed.copyFooter': b('复制 {number} 的底部代码', 'Copy the footer code of {number}'),
  'filed.footerRule': b(
    '请在网站首页底部展示备案号，并链接到工信部网站 https://beian.miit.gov.cn/',
    'Show the number in your home page footer, linked to https://beian.miit.gov.cn/',
  ),
  'filed.footerSubject': b('本省要求展示主体备案号。', 'This province shows the subject number.'),
  'filed.footerService': b(
    '本省要求展示网站备案号（带序号）。',
    'This province shows the service number (with its suffix).',
  ),
  'filed.footerCopyright': b(
    '本省还要求写明单位名称的版权信息，代码中已包含。',
    'It also wants a copyright line with the organisation’s name; the code includes it.',
  ),
  'filed.next': b('备案通过后', 'After approval'),
  'filed.footerDue': b(
    '网站上线后，请在首页底部放置上面的代码；未展示备案号可能被处以 5000–10000 元罚款，接入商也会定期检查。',
    'Once the site is live, put the code above in its footer: a missing number can be fined 5,000–10,000 CNY, and the provider checks it regularly.',
  ),
  'filed.police': b(
    '网站开通后 30 日内还需办理公安联网备案，并在底部展示公安备案号。',
    'Within 30 days of launch, also make the police filing and show its number in the footer.',
  ),
  'filed.actions': b('变更 / 注销', 'Change / cancel'),
  'filed.confirmTitle': b('确定办理“{kind}”？', 'Start “{kind}”?'),
  'filed.cancelHelp': b(
    '注销后备案号将被收回，网站需要重新备案才能在中国大陆服务器上访问。',
    'The number is withdrawn; the site must be filed again to be served from mainland servers.',
  ),
  'filed.cancelAccessHelp': b(
    '取消接入后，本接入商将不再为该网站提供接入，域名解析到本接入商服务器时会被阻断。',
    'This provider stops serving the site; the domain is blocked on its servers afterwards.',
  ),
  'filed.empty': b('还没有已备案的主体', 'Nothing filed yet'),
  'filed.more': b('加载更多', 'Load more'),

  'wizard.titleNew': b('开始备案', 'Start a filing'),
  'wizard.titleContinue': b('填写备案信息', 'Filing details'),
  'wizard.step.subject': b('省份与主体', 'Province & subject'),
  'wizard.step.leader': b('主体负责人', 'Subject leader'),
  'wizard.step.services': b('网站与应用', 'Websites & Apps'),
  'wizard.step.materials': b('上传材料', 'Materials'),
  'wizard.step.face': b('人脸核验', 'Face check'),
  'wizard.step.submit': b('确认提交', 'Review & submit'),
  'wizard.checking': b('检查中…', 'Checking…'),
  'wizard.checked': b('已检查', 'Checked'),
  'wizard.stepOf': b('第 {n} / {total} 步：{title}', 'Step {n} of {total}: {title}'),
  'wizard.saving': b('保存中…', 'Saving…'),
  'wizard.saved': b('已自动保存', 'Saved'),
  'wizard.savedLocally': b('网络异常，已保存在本机', 'Offline: kept in this browser'),
  'wizard.offline': b(
    '暂时无法连接服务器，您填写的内容已保存在本机浏览器中，恢复后会自动保存。',
    'The server cannot be reached; what you typed is kept in this browser and saved when it is back.',
  ),
  'wizard.merged': b(
    '该订单在其他窗口或设备上被修改过，已重新载入并与您的填写合并。',
    'This order was changed in another window or device; it was reloaded and merged with your typing.',
  ),
  'wizard.mergedClean': b(
    '双方修改的是不同字段，没有冲突。',
    'The changes were to different fields; nothing conflicted.',
  ),
  'wizard.mergedConflicts': b(
    '以下字段两边都改过，已保留您的填写，请核对：{fields}',
    'These fields were changed on both sides; your typing was kept — please check: {fields}',
  ),
  'wizard.next': b('下一步', 'Next'),
  'wizard.previous': b('上一步', 'Back'),
  'wizard.submit': b('提交备案', 'Submit'),
  'wizard.resubmit': b('重新提交', 'Resubmit'),
  'wizard.faceProgress': b('{done}/{total} 人已核验', '{done}/{total} verified'),
  'wizard.submitted': b(
    '已提交，接入商将在 1 个工作日内完成初审',
    'Submitted; the provider reviews it within one workday',
  ),
  'wizard.ready': b('预检通过，可以提交', 'The pre-check passes; ready to submit'),
  'wizard.readyWithWarnings': b(
    '还有 {n} 条提醒，建议核对后再提交。',
    '{n} warnings remain; check them before submitting.',
  ),
  'wizard.notReady': b('还有 {n} 个问题需要处理后才能提交', '{n} problems must be fixed before submitting'),
  'wizard.fixIn': b('去“{step}”修改', 'Fix in “{step}”'),
  'wizard.readOnly': b('订单当前状态为“{status}”，不能修改。', 'The order is “{status}” and cannot be edited now.'),
  'wizard.rejectedField': b('驳回：{message} {fix}{note}', 'Rejected: {message} {fix}{note}'),
  'wizard.rejectedNote': b('（{note}）', ' ({note})'),
  'wizard.rejectedBanner': b(
    '订单被驳回，请按标出的原因修改后重新提交',
    'The order was rejected: fix the fields marked and resubmit',
  ),
  'wizard.supplementBanner': b(
    '审核员要求补充资料，请补充后重新提交',
    'The reviewer asked for more material; add it and resubmit',
  ),
  'wizard.addWebsite': b('添加网站', 'Add a website'),
  'wizard.addApp': b('添加 App / 小程序', 'Add an App / mini-program'),
  'wizard.removeService': b('删除此项服务？', 'Remove this service?'),
  'wizard.sameLeader': b('网站负责人与主体负责人为同一人', 'The site leader is the subject leader'),
  'wizard.sameLeaderShort': b('同主体负责人', 'Subject leader'),

  'field.whole': FIELD_TEXTS.whole,
  'field.province': FIELD_TEXTS.province,
  'field.subject': FIELD_TEXTS.subject,
  'field.subject.nature': FIELD_TEXTS['subject.nature'],
  'field.subject.name': FIELD_TEXTS['subject.name'],
  'field.subject.personName': FIELD_TEXTS['subject.personName'],
  'field.subject.previousNames': FIELD_TEXTS['subject.previousNames'],
  'field.subject.certificate.type': FIELD_TEXTS['subject.certificate.type'],
  'field.subject.certificate.number': FIELD_TEXTS['subject.certificate.number'],
  'field.subject.certificate.validUntil': FIELD_TEXTS['subject.certificate.validUntil'],
  'field.subject.certificate.address': FIELD_TEXTS['subject.certificate.address'],
  'field.subject.mailingAddress': FIELD_TEXTS['subject.mailingAddress'],
  'field.subject.legalRepresentative': FIELD_TEXTS['subject.legalRepresentative'],
  'field.subjectLeader': FIELD_TEXTS.subjectLeader,
  'field.serviceLeader': FIELD_TEXTS.serviceLeader,
  'field.serviceLeaderShort': b('网站负责人', 'Site leader'),
  'field.person.name': FIELD_TEXTS['person.name'],
  'field.person.idType': FIELD_TEXTS['person.idType'],
  'field.person.idNumber': FIELD_TEXTS['person.idNumber'],
  'field.person.idValidUntil': FIELD_TEXTS['person.idValidUntil'],
  'field.person.mobile': FIELD_TEXTS['person.mobile'],
  'field.person.emergencyPhone': FIELD_TEXTS['person.emergencyPhone'],
  'field.person.email': FIELD_TEXTS['person.email'],
  'field.service': FIELD_TEXTS.service,
  'field.service.n': FIELD_TEXTS['service.n'],
  'field.service.kind': FIELD_TEXTS['service.kind'],
  'field.service.name': FIELD_TEXTS['service.name'],
  'field.service.filedNumber': FIELD_TEXTS['service.filedNumber'],
  'field.service.homepage': b('首页地址（可选）', 'Home page URL (optional)'),
  'field.service.contentTypes': FIELD_TEXTS['service.contentTypes'],
  'field.service.preApprovals': FIELD_TEXTS['service.preApprovals'],
  'field.service.languages': FIELD_TEXTS['service.languages'],
  'field.service.remarks': FIELD_TEXTS['service.remarks'],
  'field.domain.name': FIELD_TEXTS['domain.name'],
  'field.domain.holder': FIELD_TEXTS['domain.holder'],
  'field.domain.registrar': FIELD_TEXTS['domain.registrar'],
  'field.domain.realNameVerifiedOn': FIELD_TEXTS['domain.realNameVerifiedOn'],
  'field.domain.expiresOn': FIELD_TEXTS['domain.expiresOn'],
  'field.access.serviceCode': FIELD_TEXTS['access.serviceCode'],
  'field.access.ips': FIELD_TEXTS['access.ips'],
  'field.app.name': b('应用名称', 'App name'),
  'field.app.domain': b('服务端域名（可选）', 'Back-end domain (optional)'),
  'field.app.platforms': FIELD_TEXTS['app.platforms'],
  'field.app.packageName': FIELD_TEXTS['app.packageName'],
  'field.app.signatureMd5': FIELD_TEXTS['app.signatureMd5'],
  'field.app.publicKey': b('公钥（可选）', 'Public key (optional)'),
  'field.materials': FIELD_TEXTS.materials,

  'hint.province': b(
    '单位按证件所在省份备案，个人按身份证所在省份备案；备案后省份不能变更',
    'Organisations file in their certificate’s province, persons in their ID’s; it can never change later',
  ),
  'hint.subjectName': b('与营业执照等证件上的名称完全一致', 'Exactly as on the certificate'),
  'hint.creditCode': b('18 位统一社会信用代码', 'The 18-character unified social credit code'),
  'hint.idNumber': b('与证件上的号码一致', 'As printed on the document'),
  'hint.longTerm': b('长期有效可不填', 'Leave empty if it never expires'),
  'hint.certificateAddress': b('与证件上的住所一致', 'As printed on the certificate'),
  'hint.mailingAddress': b('详细到门牌号，用于接收纸质通知', 'Down to the door number; paper notices go here'),
  'hint.idValidity': b(
    '提交时须至少还有 3 个月有效期；长期有效可不填',
    'Must be valid 3+ months after submission; leave empty if long-term',
  ),
  'hint.mobile': b('本人手机，用于接收工信部短信验证码', 'The person’s own mobile; the MIIT code is texted here'),
  'hint.emergencyPhone': b('不能与本人手机号相同', 'Must differ from the person’s mobile'),
  'hint.siteName': b(
    '至少 3 个汉字，体现网站内容；不能是域名或纯字母数字',
    '3+ Chinese characters describing the content; not the domain, not letters or digits only',
  ),
  'hint.appName': b('与应用商店中的名称一致', 'As listed in the app store'),
  'hint.domain': b(
    '每个网站只能填写一个域名，须以主体名义完成实名认证',
    'One domain per website, real-name verified in the subject’s name',
  ),
  'hint.domainLocked': b(
    '已备案网站的域名不能在变更中更换；使用新域名请新增网站',
    'A filed website keeps its domain in a change; file a new website for a new domain',
  ),
  'hint.domainHolder': b('须与主办单位名称或姓名一致', 'Must be the subject itself'),
  'hint.serviceCode': b(
    '每个网站或 App 一个，由本服务商的内地服务器等资源申请；可选择已申请的服务码或直接粘贴。',
    'One per website or App, issued from your mainland server here; choose one you have or paste it.',
  ),
  'hint.getServiceCode': b('获取备案服务码', 'Get a service code'),
  'wizard.pickCode': b('选择已申请的服务码', 'Choose an issued code'),
  'wizard.pickCodeIps': b('公网IP：{ips}', 'Public IP: {ips}'),
  'hint.signature': b('Android 应用必填', 'Required for Android apps'),

  'materials.rules': b(
    '请上传原件的彩色照片或彩色扫描件：JPG/PNG/GIF，200 KB–4 MB。黑白、复印件、翻拍屏幕的图片会被驳回。材料清单根据您填写的信息和所在省份的要求自动生成。',
    'Upload colour photos or scans of originals: JPG/PNG/GIF, 200 KB–4 MB. Black-and-white copies and screen photos are rejected. The list follows what you entered and your province’s rules.',
  ),
  'materials.progress': b('{done}/{total} 已提供', '{done}/{total} provided'),
  'materials.empty': b('请先完成前面的信息，材料清单会自动生成', 'Fill in the earlier steps; the checklist follows'),
  'materials.provided': b('已提供', 'Provided'),
  'materials.missing': b('待上传', 'Missing'),
  'materials.maxAge': b('须 {days} 天内出具', 'Issued within {days} days'),
  'materials.template': b('模板：{template}', 'Template: {template}'),
  'materials.issuedOn': b('出具日期', 'Issued on'),
  'materials.needIssuedOn': b('请先填写出具日期再上传', 'Enter the issue date before uploading'),
  'materials.upload': b('上传', 'Upload'),
  'materials.replace': b('重新上传', 'Replace'),
  'materials.uploadOf': b('上传{name}', 'Upload {name}'),
  'materials.uploaded': b('已上传', 'Uploaded'),
  'materials.wrongType': b('只支持 JPG、PNG、GIF 图片', 'Only JPG, PNG or GIF images'),
  'materials.tooSmall': b(
    '文件只有 {kb} KB，小于 200 KB：请上传更清晰的彩色原件照片',
    'The file is {kb} KB, under 200 KB: upload a clearer colour photo of the original',
  ),
  'materials.tooLarge': b('文件大于 4 MB，请压缩后上传', 'Over 4 MB; compress it first'),
  'materials.requested': b('审核员要求补充：{note}', 'Requested by the reviewer: {note}'),

  'face.ownFace': b(
    '须由负责人本人完成核验，使用他人照片或证件会导致备案被驳回。',
    'Each person verifies their own face; someone else’s photo or document gets the filing rejected.',
  ),
  'face.upload': b('上传照片', 'Upload a photo'),
  'face.camera': b('电脑摄像头拍摄', 'Use the camera'),
  'face.cameraTitle': b('拍摄人脸：{name}', 'Face photo: {name}'),
  'face.cameraUnavailable': b(
    '此浏览器无法使用摄像头（需要 HTTPS），请上传照片或用手机扫码完成。',
    'This browser cannot use a camera (HTTPS is needed); upload a photo or use the phone QR code.',
  ),
  'face.cameraDenied': b(
    '无法打开摄像头，请在浏览器中允许使用摄像头，或上传照片。',
    'The camera could not be opened; allow it in the browser or upload a photo.',
  ),
  'face.preview': b('摄像头画面', 'Camera preview'),
  'face.shoot': b('拍照并核验', 'Take and verify'),
  'face.tips': b(
    '请本人正对镜头，光线充足，不要佩戴帽子和墨镜。',
    'Face the camera in good light, without hat or sunglasses.',
  ),
  'face.photoOf': b('{name} 的人脸照片', 'Face photo of {name}'),
  'face.verified': b('已核验', 'Verified'),
  'face.pending': b('待核验', 'Not verified'),
  'face.attempts': b('已尝试 {n} 次', '{n} attempts'),
  'face.passed': b('人脸核验通过', 'Face check passed'),
  'face.failed': b(
    '核验未通过：照片与证件不是同一人，请本人正对镜头重新拍摄',
    'Not passed: the photo does not match the ID; the person must retake it',
  ),
  'face.error': b('核验服务暂时不可用，请稍后重试', 'The verification service is unavailable; try again shortly'),
  'face.phoneTitle': b('用手机扫码完成', 'Continue on a phone'),
  'face.qrLoading': b('二维码生成中…', 'Making the QR code…'),
  'face.qrUnavailable': b(
    '暂时无法生成手机扫码链接，请在电脑上上传照片。',
    'The phone link is not available right now; upload photos here.',
  ),
  'face.qrAlt': b('手机扫码继续办理的二维码', 'QR code to continue on a phone'),
  'face.qrHelp': b(
    '用手机相机扫码，可拍照上传材料并完成人脸核验；链接在 {time} 前有效。',
    'Scan with the phone camera to photograph materials and take the face check; the link works until {time}.',
  ),
  'face.copyLink': b('复制链接', 'Copy the link'),

  'mobile.title': b('备案订单 {number}', 'Filing order {number}'),
  'mobile.help': b(
    '在手机上完成人脸核验和材料拍照，完成后回到电脑继续。',
    'Take the face checks and photograph materials here, then continue on the computer.',
  ),
  'mobile.done': b('都已完成，请回到电脑上提交备案。', 'All done; go back to the computer to submit.'),
  'mobile.linkProblem': b('链接不可用', 'This link cannot be used'),
  'mobile.faceTitle': b('人脸核验（负责人本人）', 'Face check (the person themselves)'),
  'mobile.materialsTitle': b('拍照上传材料', 'Photograph materials'),
  'mobile.takeFace': b('拍照核验', 'Take photo'),
  'mobile.photograph': b('拍照上传', 'Photograph'),
  'mobile.retake': b('重拍', 'Retake'),

  'review.oldestFirst': b('按提交时间从早到晚', 'Oldest first'),
  'review.shown': b('已显示 {shown} 单，共 {total} 单待审', 'Showing {shown} of {total} orders waiting'),
  'common.loadMore': b('加载更多', 'Load more'),
  'review.queueKeys': b('快捷键：J / K 上下移动 · Enter 打开', 'Keys: J / K move · Enter opens'),
  'review.keys': b(
    '快捷键：A 通过 · R 驳回 · S 补充资料 · J 下一单 · K 上一单',
    'Keys: A approve · R reject · S supplement · J next · K previous',
  ),
  'review.position': b('队列第 {n} / {total} 单', 'Queue {n} of {total}'),
  'review.empty': b('没有待初审的订单', 'Nothing waiting for review'),
  'review.submittedAt': b('提交时间', 'Submitted'),
  'review.sla': b('初审时限', 'Review SLA'),
  'review.left': b('剩余 {span}', '{span} left'),
  'review.overdue': b('已超时 {span}', 'overdue {span}'),
  'review.claimedBy': b('处理人', 'Claimed by'),
  'review.previous': b('上一单（K）', 'Previous (K)'),
  'review.next': b('下一单（J）', 'Next (J)'),
  'review.approve': b('初审通过', 'Approve'),
  'review.reject': b('驳回', 'Reject'),
  'review.supplement': b('要求补充资料', 'Request supplement'),
  'review.approved': b('订单 {number} 已初审通过', 'Order {number} approved'),
  'review.rejected': b('订单 {number} 已驳回', 'Order {number} rejected'),
  'review.supplemented': b('已要求订单 {number} 补充资料', 'Supplement requested for order {number}'),
  'review.notActive': b(
    '该订单当前状态为“{status}”，不在初审中。',
    'This order is “{status}”, not in provider review.',
  ),
  'review.subject': b('主体信息', 'Subject'),
  'review.services': b('网站与应用', 'Services'),
  'review.longTerm': b('长期', 'Long-term'),
  'review.materials': b('材料与填写信息核对', 'Materials against the data'),
  'review.previewHint': b('点击图片可放大、旋转', 'Click an image to zoom and rotate'),
  'review.noMaterials': b('尚未上传材料', 'No materials uploaded'),
  'review.colour': b('彩色', 'colour'),
  'review.grayscale': b('黑白', 'grayscale'),
  'review.precheck': b('预检结果', 'Pre-check findings'),
  'review.precheckClean': b('预检没有发现问题', 'The pre-check found nothing'),
  'review.people': b('负责人与电话核实', 'Responsible persons and calls'),
  'review.callRecorded': b('已记录：{outcome}', 'Recorded: {outcome}'),
  'review.rejectTitle': b('驳回订单', 'Reject the order'),
  'review.rejectHelp': b(
    '每条原因可以指向具体字段，申请人会在填写页面的该字段下看到原因和修改建议。',
    'Each reason can point at a field; the applicant sees it, with the fix, under that field.',
  ),
  'review.supplementTitle': b('要求补充资料', 'Request supplementary material'),
  'review.supplementHelp': b(
    '说明需要补充什么；可以指定材料类型或字段。',
    'Say what is needed; name a material kind or a field if it helps.',
  ),
  'review.line': b('第 {n} 条', 'Item {n}'),
  'review.reasonCode': b('驳回原因', 'Reason'),
  'review.pickReason': b('选择标准驳回原因', 'Choose a standard reason'),
  'review.materialKind': b('材料类型', 'Material kind'),
  'review.fieldPath': b('对应字段', 'Field'),
  'review.note': b('说明', 'Note'),
  'review.optional': b('可选', 'Optional'),
  'review.addLine': b('再加一条', 'Add another'),
  'review.needReason': b('请至少选择一条驳回原因', 'Choose at least one reason'),
  'review.needNote': b('请至少填写一条说明', 'Write at least one note'),

  'dashboard.period': b('统计周期', 'Period'),
  'dashboard.days': b('近 {n} 天', 'Last {n} days'),
  'dashboard.unavailable': b('暂无统计数据', 'No statistics yet'),
  'dashboard.slaMet': b('初审按时完成', 'Reviews within SLA'),
  'dashboard.slaMissed': b('超时 {n} 单', '{n} late'),
  'dashboard.overdueNow': b('当前超时待审', 'Overdue now'),
  'dashboard.providerRate': b('初审通过率（{n} 单已审）', 'Provider approval rate ({n} decided)'),
  'dashboard.regulatorRate': b('管局通过率（{n} 单已审）', 'Regulator approval rate ({n} decided)'),
  'dashboard.rejectRate': b('驳回率 {n}%', 'Rejected {n}%'),
  'dashboard.byDay': b('每日新建订单', 'New orders per day'),
  'dashboard.byStatus': b('订单状态分布', 'Orders by status'),
  'dashboard.byProvince': b('省份分布', 'Orders by province'),
  'dashboard.topReasons': b('驳回原因排行', 'Top rejection reasons'),

  'resources.intro': b(
    '备案需要使用本服务商中国内地（大陆）地域的服务器等资源。每个符合条件的资源可申请若干个备案服务码，每个网站或 App 使用一个，填写备案信息时选择或粘贴即可。',
    'A filing needs a server or other resource of this provider in a mainland region. Each eligible resource issues a few service codes; each website or App uses one, chosen or pasted in the filing wizard.',
  ),
  'resources.title': b('我的资源', 'My resources'),
  'resources.kind': b('资源类型', 'Kind'),
  'resources.label': b('实例', 'Instance'),
  'resources.region': b('地域', 'Region'),
  'resources.ips': b('公网IP', 'Public IPs'),
  'resources.eligibility': b('备案条件', 'Eligibility'),
  'resources.eligible': b('可申请服务码', 'Can issue codes'),
  'resources.notEligible': b('不可申请', 'Not eligible'),
  'resources.codes': b('服务码数量', 'Codes'),
  'resources.codesCount': b('已申请 {issued} / {total}，剩余 {left}', '{issued} of {total} issued, {left} left'),
  'resources.request': b('申请备案服务码', 'Request a service code'),
  'resources.cannotRequest': b(
    '该资源不符合备案条件，原因见“备案条件”',
    'This resource is not eligible: see the reasons given',
  ),
  'resources.usedUp': b('服务码已用完（共 {total} 个）', 'All {total} codes are issued'),
  'resources.issued': b('已申请备案服务码 {code}', 'Service code {code} issued'),
  'resources.empty': b('暂无可用于备案的资源', 'No resource to file with yet'),
  'resources.emptyHelp': b(
    '备案需要一台本服务商中国内地（大陆）地域的服务器。请购买或续费云服务器等资源（云服务器 ECS 等须包年包月，购买时长不少于 3 个月，并有公网带宽）；购买后资源会显示在这里，即可申请备案服务码。',
    'A filing needs a server of this provider in a mainland region. Buy or renew one (ECS and similar: a subscription of at least 3 months, with public bandwidth); it then appears here and can issue service codes.',
  ),
  'resources.codesTitle': b('已申请的备案服务码', 'Issued service codes'),
  'resources.code': b('备案服务码', 'Service code'),
  'resources.resource': b('所属资源', 'Resource'),
  'resources.issuedAt': b('申请时间', 'Issued'),
  'resources.usage': b('使用情况', 'Used by'),
  'resources.unused': b('未使用', 'Unused'),
  'resources.revoked': b('已作废', 'Revoked'),
  'resources.boundTo': b('订单 {number}', 'Order {number}'),
  'resources.noCodes': b('还没有申请备案服务码', 'No service codes issued yet'),
  'resources.expiry': b('到期日', 'Expires'),
  'resources.expiresOn': b('{date} 到期', 'Expires {date}'),
  'resources.noExpiry': b('无到期日', 'No expiry date'),
  'resources.expired': b('已过期', 'Expired'),
  'resources.revoke': b('作废', 'Revoke'),
  'resources.revokeLabel': b('作废备案服务码 {code}', 'Revoke service code {code}'),
  'resources.revokeTitle': b('作废该备案服务码？', 'Revoke this service code?'),
  'resources.revokeHelp': b(
    '未使用的服务码作废后，名额退回所属资源，可以重新申请；作废后不能恢复。',
    'An unused code’s place returns to its resource’s quota, so another can be requested; a revoked code cannot be restored.',
  ),
  'resources.revokedDone': b('已作废备案服务码 {code}', 'Service code {code} revoked'),
  'resources.admin.register': b('登记客户资源', 'Register a customer’s resource'),
  'resources.admin.intro': b(
    '没有计费系统对接时，在这里登记客户购买的服务器等资源；登记后客户可在“备案服务码”页面申请服务码。是否符合备案条件按资源类型的规则判断。',
    'Without a billing system connected, record here a resource a customer bought; the customer then requests service codes on their “service codes” page. Eligibility follows the rules for the resource kind.',
  ),
  'resources.admin.email': b('客户账号邮箱', 'Customer account e-mail'),
  'resources.admin.required': b('请填写此项', 'Fill this in'),
  'resources.admin.billing': b('计费方式', 'Billing'),
  'resources.admin.subscription': b('包年包月', 'Subscription'),
  'resources.admin.payAsYouGo': b('按量付费', 'Pay as you go'),
  'resources.admin.paidMonths': b('已购月数（含续费）', 'Paid months (renewals included)'),
  'resources.admin.ipsHint': b('多个IP用逗号或空格分隔', 'Separate several IPs with commas or spaces'),
  'resources.admin.isMainland': b('位于中国内地（大陆）地域', 'In a mainland region'),
  'resources.admin.bandwidth': b('已购公网带宽', 'Has public bandwidth'),
  'resources.admin.submit': b('登记资源', 'Register'),
  'resources.admin.createdEligible': b(
    '已登记 {label}：可申请 {n} 个备案服务码',
    '{label} registered: it can issue {n} service codes',
  ),
  'resources.admin.createdNot': b(
    '已登记 {label}：暂不符合备案条件',
    '{label} registered: not eligible for filing yet',
  ),
  'resources.admin.all': b('已登记的资源', 'Registered resources'),
  'resources.admin.createdAt': b('登记时间', 'Registered'),
  'resources.admin.edit': b('续费/变更', 'Renew / change'),
  'resources.admin.editTitle': b('续费/变更：{label}', 'Renew or change: {label}'),
  'resources.admin.editHelp': b(
    '记录客户的续费或变更（计费方式、月数、带宽、到期日、公网IP），保存后重新判断能否申请备案服务码；已申请的服务码保留。',
    'Record the customer’s renewal or change (billing, months, bandwidth, expiry, public IPs); eligibility is judged again on saving, and codes already issued are kept.',
  ),
  'resources.admin.expiryHint': b(
    '按北京时间，当天仍有效；留空表示无到期日',
    'Beijing time, valid through that day; empty for no expiry',
  ),
  'resources.admin.save': b('保存', 'Save'),
  'resources.admin.updatedEligible': b(
    '{label} 已更新：可申请 {n} 个备案服务码',
    '{label} updated: it can issue {n} service codes',
  ),
  'resources.admin.updatedNot': b(
    '{label} 已更新：仍不能申请备案服务码',
    '{label} updated: it still cannot issue service codes',
  ),
  // Feature dictionaries (web/src/messages/), one line each.
  ...SECURITY_MESSAGES,
  ...CHANGES_MESSAGES,
  ...BUTLER_MESSAGES,
  ...AFTERCARE_MESSAGES,
  ...JOURNEY_MESSAGES,
  ...API_TOKENS_MESSAGES,
  ...COMPLIANCE_VIOLATIONS_MESSAGES,
  ...COMPLIANCE_MESSAGES,
  ...NOTICES_MESSAGES,
  ...CLAIMS_MESSAGES,
  ...COMPLIANCE_SWEEPS_MESSAGES,
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = MESSAGES[key][lang];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/** Both languages of a message, for texts handed around like the API's own ({zh, en}). */
export function bilingual(key: MessageKey, vars?: Vars): Bilingual {
  return { zh: translate('zh', key, vars), en: translate('en', key, vars) };
}

export const KIND_NAMES: Record<string, Bilingual> = {
  first_filing: b('首次备案', 'First filing'),
  new_service_subject_here: b('新增网站（主体在本接入商）', 'New service, subject filed here'),
  new_service_subject_elsewhere: b('新增网站（主体在其他接入商）', 'New service, subject filed elsewhere'),
  connect: b('接入备案', 'Connect'),
  change_subject: b('变更主体', 'Change subject'),
  change_service: b('变更网站', 'Change service'),
  change_access: b('变更接入', 'Change access'),
  cancel_subject: b('注销主体', 'Cancel subject'),
  cancel_service: b('注销网站', 'Cancel service'),
  cancel_access: b('取消接入', 'Cancel access'),
};

export const STATUS_NAMES: Record<string, Bilingual> = {
  draft: b('填写中', 'Draft'),
  provider_review: b('接入商初审', 'Provider review'),
  supplement_requested: b('待补充资料', 'Supplement requested'),
  provider_rejected: b('初审驳回', 'Rejected by provider'),
  awaiting_regulator: b('待提交管局', 'Awaiting regulator'),
  sms_verification: b('短信核验', 'SMS verification'),
  regulator_review: b('管局审核', 'Regulator review'),
  approved: b('备案成功', 'Approved'),
  regulator_rejected: b('管局驳回', 'Rejected by regulator'),
  abandoned: b('已放弃', 'Abandoned'),
  active: b('正常', 'Active'),
  cancelled: b('已注销', 'Cancelled'),
};

export const NATURE_NAMES: Record<string, Bilingual> = {
  enterprise: b('企业', 'Enterprise'),
  individual: b('个人', 'Individual'),
  government: b('政府机关', 'Government'),
  public_institution: b('事业单位', 'Public institution'),
  social_organization: b('社会团体', 'Social organisation'),
  private_non_enterprise: b('民办非企业单位', 'Private non-enterprise'),
  foundation: b('基金会', 'Foundation'),
  law_firm: b('律师执业机构', 'Law firm'),
  other: b('其他', 'Other'),
};

export const CERTIFICATE_NAMES: Record<string, Bilingual> = {
  business_license: b('营业执照', 'Business licence'),
  public_institution_license: b('事业单位法人证书', 'Public institution certificate'),
  social_organization_certificate: b('社会团体法人登记证书', 'Social organisation certificate'),
  law_firm_license: b('律师事务所执业许可证', 'Law firm licence'),
  government_code: b('统一社会信用代码证书', 'Government credit code certificate'),
  other_org: b('其他单位证件', 'Other organisation certificate'),
};

export const ID_TYPE_NAMES: Record<string, Bilingual> = {
  resident_id: b('居民身份证', 'Resident ID card'),
  hk_macau_permit: b('港澳居民来往内地通行证', 'HK/Macau home-return permit'),
  taiwan_permit: b('台湾居民来往大陆通行证', 'Taiwan compatriot permit'),
  hmt_residence_permit: b('港澳台居民居住证', 'HK/Macau/Taiwan residence permit'),
  passport: b('护照', 'Passport'),
  foreign_permanent_residence: b('外国人永久居留身份证', 'Foreign permanent residence card'),
};

export const SERVICE_KIND_NAMES: Record<string, Bilingual> = {
  website: b('网站', 'Website'),
  app: b('App', 'App'),
  mini_program: b('小程序', 'Mini-program'),
  quick_app: b('快应用', 'Quick app'),
};

/** The provider's resources that can issue filing service codes (the server's RESOURCE_KIND_RULES names them too). */
export const RESOURCE_KIND_NAMES: Record<string, Bilingual> = {
  ecs: b('云服务器ECS实例', 'ECS instance'),
  virtual_host: b('云虚拟主机', 'Virtual host'),
  lightweight_server: b('轻量应用服务器', 'Lightweight application server'),
  nat_gateway: b('NAT网关', 'NAT gateway'),
  ipv6_translation: b('IPv6转换服务', 'IPv6 translation service'),
  ens: b('ENS边缘节点', 'ENS edge node'),
  iot_package: b('物联网套餐包', 'IoT package'),
  site_builder: b('建站市场（云市场）产品', 'Site-builder (marketplace) product'),
  function_compute_package: b('函数计算套餐包', 'Function compute package'),
  ecommerce_mall: b('多端电商商城', 'Multi-channel e-commerce mall'),
};

export const PLATFORM_NAMES: Record<string, Bilingual> = {
  android: b('Android', 'Android'),
  ios: b('iOS', 'iOS'),
  harmonyos: b('鸿蒙', 'HarmonyOS'),
};

/** Content types as the national system names them; the draft stores the Chinese name. */
export const CONTENT_TYPE_NAMES: Record<string, Bilingual> = {
  企业信息: b('企业信息', 'Company information'),
  个人博客: b('个人博客', 'Personal blog'),
  新闻资讯: b('新闻资讯', 'News'),
  电子商务: b('电子商务', 'E-commerce'),
  教育: b('教育', 'Education'),
  文化: b('文化', 'Culture'),
  医疗保健: b('医疗保健', 'Health care'),
  综合门户: b('综合门户', 'Portal'),
  工具软件: b('工具软件', 'Tools and software'),
};

export const ACCESS_STATE_NAMES: Record<string, Bilingual> = {
  connected: b('已接入', 'Connected'),
  revoked: b('已取消接入', 'Access revoked'),
  cancelled: b('已注销', 'Cancelled'),
  suspended: b('已暂停', 'Suspended'),
};

export const CALL_OUTCOME_NAMES: Record<string, Bilingual> = {
  answered: b('已接通', 'Answered'),
  missed: b('未接听', 'Missed'),
  wrong_number: b('号码错误', 'Wrong number'),
  refused: b('拒绝核实', 'Refused'),
};

export const ROLE_NAMES: Record<string, Bilingual> = {
  applicant: b('备案申请人', 'Applicant'),
  reviewer: b('初审员', 'Reviewer'),
  compliance: b('核查员', 'Compliance officer'),
  butler: b('资质管家', 'Butler'),
  admin: b('管理员', 'Administrator'),
};

export const ACTOR_NAMES: Record<string, Bilingual> = {
  ...ROLE_NAMES,
  applicant: b('申请人', 'Applicant'),
  system: b('系统', 'System'),
  regulator: b('管局', 'Regulator'),
  subject: b('申请人', 'Applicant'),
};

/** Times are shown in Beijing time, whatever the viewer's own zone, as filing deadlines are. */
export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

export function formatDate(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
  });
}
