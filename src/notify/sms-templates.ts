/**
 * Every SMS the platform sends, as the template a provider registers with its Chinese gateway (docs/sms-templates.md
 * is generated from this table: `npm run gen:sms-templates`). The signed adapter sends the kind's template code
 * (OPENBEIAN_SMS_TEMPLATES) with exactly these variables; the stored body is rendered from the same text, so the
 * outbox, the generic `http` adapter and what the gateway delivers agree.
 *
 * Gateway practice followed (checked 2026-12):
 * - Alibaba Cloud 通知短信模板规范 (help.aliyun.com/document_detail/463270) and TemplateRule examples
 *   (help.aliyun.com/document_detail/2806243): variables as ${name}; a notification variable is 1–35 characters;
 *   a verification template has one variable only, 4–6 digits ("仅数字"), and must say 验证码; no 【】 anywhere in the
 *   text (the gateway puts the registered 签名 in front).
 * - Tencent Cloud 正文模板审核标准 (cloud.tencent.com/document/product/382/39023): no all-variable template, no two
 *   adjacent variables, no link passed in a variable (a link must be fixed text and ICP-filed), code 0–6 digits.
 * So texts that are long or free (reasons, evidence, links to the console) stay out: the message says
 * "请登录控制台查看" and the e-mail and the console notice carry the detail.
 */

/** The gateway's variable attribute (Alibaba 变量属性): a code, a number (order, filing, ticket), a time, or other text. */
export type SmsVariableType = 'code' | 'number' | 'time' | 'text';

export type SmsVariable = {
  type: SmsVariableType;
  /** What it holds, for the provider filling in the gateway's form. */
  holds: string;
  example: string;
  /** Longer than the gateway's default 35 characters: the provider must ask for it when registering (why, in `holds`). */
  maxLength?: number;
};

export type SmsTemplate = {
  /** The text registered with the gateway, without the 【签名】. */
  text: string;
  variables: Record<string, SmsVariable>;
};

/** Alibaba Cloud: a notification variable holds 1–35 characters. */
export const SMS_VARIABLE_MAX_LENGTH = 35;

const order: SmsVariable = { type: 'number', holds: '备案订单号 order number', example: '20261122-482913' };
const ticket: SmsVariable = { type: 'number', holds: '管家需求单号 butler ticket number', example: 'BT-20261130-0042' };
const butlerService: SmsVariable = {
  type: 'text',
  holds: '管家服务名称 name of the butler service',
  example: 'ICP 经营许可证',
};
const site: SmsVariable = {
  type: 'text',
  holds: '网站域名或网站备案号 the site: domain, else its filing number',
  example: 'www.example.cn',
};
const service: SmsVariable = {
  type: 'number',
  holds: '网站备案号（多个以、分隔，超长截断）website filing numbers',
  example: '浙ICP备2026012345号-1',
};
const finding: SmsVariable = {
  type: 'text',
  holds: '核查问题名称 name of the compliance finding',
  example: '空壳网站',
};
const deadline: SmsVariable = {
  type: 'time',
  holds: '北京时间的期限 deadline, Beijing time',
  example: '2026年11月30日 23:59',
};
const code: SmsVariable = { type: 'code', holds: '6 位数字验证码 six-digit code', example: '482913' };

export const SMS_TEMPLATES = {
  'order.provider_review': {
    text: '您的备案订单 ${order} 已提交，接入商将在 1 个工作日内完成初审。',
    variables: { order },
  },
  'order.provider_rejected': {
    text: '您的备案订单 ${order} 初审未通过，请登录控制台查看原因，修改后重新提交。',
    variables: { order },
  },
  'order.supplement_requested': {
    text: '您的备案订单 ${order} 需要补充资料，请登录控制台查看并上传。',
    variables: { order },
  },
  'order.sms_verification': {
    text: '您的备案订单 ${order} 已提交至管局。工信部将向负责人手机发送核验短信，请在 24 小时内完成短信核验。',
    variables: { order },
  },
  'order.regulator_rejected': {
    text: '您的备案订单 ${order} 管局审核未通过，请登录控制台查看原因，修改后重新提交。',
    variables: { order },
  },
  'order.approved': {
    text: '恭喜，您的备案订单 ${order} 已通过管局审核，主体备案号 ${subjectNumber}。网站备案号请登录控制台查看，并在网站底部展示备案号、链接至 https://beian.miit.gov.cn/ 。',
    variables: {
      order,
      subjectNumber: { type: 'number', holds: '主体备案号 subject filing number', example: '浙ICP备2026012345号' },
    },
  },
  'compliance.finding_opened': {
    text: '您的网站 ${site} 合规核查发现问题：${finding}。请于 ${deadline}（北京时间）前完成整改，逾期未整改将被取消接入，详情请登录控制台查看。',
    variables: { site, finding, deadline },
  },
  'compliance.finding_extended': {
    text: '您的网站 ${site} 的核查问题“${finding}”整改期限已延长至 ${deadline}（北京时间），详情请登录控制台查看。',
    variables: { site, finding, deadline },
  },
  'compliance.finding_waived': {
    text: '您的网站 ${site} 的核查问题“${finding}”已豁免，无需整改，详情请登录控制台查看。',
    variables: { site, finding },
  },
  'compliance.access_revoked': {
    text: '您的网站 ${service} 已被取消接入，原因：${reason}。域名已无法通过本服务商访问；如主体已无正常接入的网站，请尽快重新接入或注销，详情请登录控制台查看。',
    variables: {
      service: {
        ...service,
        holds: '网站备案号，多个时为“第一个 等 N 个” website filing number; several: the first and how many',
        example: '浙ICP备2026012345号-1 等 2 个',
      },
      reason: { type: 'text', holds: '取消接入原因（超长截断）reason, clipped', example: '域名已过期，逾期未整改' },
    },
  },
  'compliance.service_suspended': {
    text: '您的网站 ${service} 出现违规信息，且${reason}，已暂停服务，将于 ${until}（北京时间）恢复。请立即删除违规信息并保持电话畅通；累计 3 次无法联系将关闭网站。',
    variables: {
      service,
      reason: {
        type: 'text',
        holds: '暂停原因（固定选项）reason, one of a fixed list',
        example: '1 小时内无法联系网站负责人',
      },
      until: { ...deadline, holds: '恢复时间，北京时间 when it is served again, Beijing time' },
    },
  },
  'compliance.suspension_lifted': {
    text: '您的网站 ${service} 暂停期满，已恢复访问。请确保网站不再出现违规信息。',
    variables: { service },
  },
  'butler_ticket.opened': {
    text: '已收到您的${butlerService}需求单 ${ticket}，管家将在 ${time}（北京时间）前致电与您联系，请保持电话畅通。',
    variables: {
      butlerService,
      ticket,
      time: { type: 'time', holds: '首次联系期限 first-call deadline', example: '11月30日 09:50' },
    },
  },
  'butler_ticket.responded': {
    text: '管家已就您的${butlerService}需求单 ${ticket} 与您联系。如需办理，请登录控制台确认服务；确认后不予退款。',
    variables: { butlerService, ticket },
  },
  'butler_ticket.confirmed': {
    text: '您的${butlerService}需求单 ${ticket} 已确认开始（不予退款）。管家将在 ${time} 前完成材料收集与上传，期间请保持电话畅通，留意信息确认与人脸核验。',
    variables: {
      butlerService,
      ticket,
      time: {
        type: 'time',
        holds: '材料期限（北京时间）或“3 个工作日内” materials deadline',
        example: '12月3日 18:00',
      },
    },
  },
  'butler_ticket.accepted': {
    text: '您的${butlerService}需求单 ${ticket} 对应的申请已被主管部门受理，本次管家服务完成。',
    variables: { butlerService, ticket },
  },
  'butler_ticket.closed': {
    text: '您的${butlerService}需求单 ${ticket} 已关闭，原因请登录控制台查看。',
    variables: { butlerService, ticket },
  },
  'filing.claim_code': {
    text: '您正在认领备案主体，验证码 ${code}，10 分钟内有效。验证后该备案将归属申请认领的账号；如非本人操作，请勿告诉他人并忽略本短信。',
    variables: { code },
  },
  'privacy.id_check_code': {
    text: '您正在查询本人证件在本平台的备案使用情况，验证码 ${code}，10 分钟内有效。如非本人操作请忽略。',
    variables: { code },
  },
  'privacy.misuse_answered': {
    text: '您反映的证件冒用问题（编号 ${reference}）已处理，处理结果：${answer}',
    variables: {
      reference: { type: 'number', holds: '冒用反映编号 misuse report reference', example: 'MR-20261201-0042' },
      answer: {
        type: 'text',
        holds:
          '工作人员的答复（最长 500 字；注册模板时须申请扩展变量长度：反映人没有账号，短信是唯一答复渠道）staff answer, up to 500 characters: the reporter has no account, so the text is the only channel; ask the gateway for a longer variable when registering',
        example: '经核查，该备案已由本人确认，已联系接入商注销。',
        maxLength: 500,
      },
    },
  },
  'account.login_name_code': {
    text: '您正在通过备案域名找回登录名，验证码 ${code}，10 分钟内有效。请勿告诉他人；如非本人操作请忽略。',
    variables: { code },
  },
  'account.login_name_confirmed': {
    text: '域名 ${domain} 的备案账号登录名为 ${loginName}。如忘记密码，可在登录页点击“忘记密码？”通过该邮箱重置。',
    variables: {
      domain: { type: 'text', holds: '备案域名 the filed domain', example: 'yunqi-demo.cn' },
      loginName: {
        type: 'text',
        holds: '登录名（注册邮箱）login name, the account e-mail',
        example: 'owner@yunqi-demo.cn',
      },
    },
  },
  'police_filing.reminder_due': {
    text: '您的网站 ${site}（${service}）于 ${launchedOn} 开通，须在 ${dueOn} 前到全国互联网安全管理服务平台完成公安联网备案，还剩 ${days} 天。所需信息已为您整理好，请登录控制台查看。',
    variables: {
      site,
      service: { ...service, holds: '网站备案号 website filing number' },
      launchedOn: { type: 'time', holds: '开通日期 launch date', example: '2026-11-20' },
      dueOn: { type: 'time', holds: '公安备案期限 police filing deadline', example: '2026-11-30' },
      days: { type: 'number', holds: '剩余天数 days left', example: '10' },
    },
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsKind = keyof typeof SMS_TEMPLATES;
/** The values a kind's template needs: exactly its variables, so a caller cannot drift from the registered text. */
export type SmsParams<K extends SmsKind> = { [V in keyof (typeof SMS_TEMPLATES)[K]['variables']]: string };

/** What deliver() takes for an SMS: the kind, the rendered body (with the platform's 【…】) and the gateway's params. */
export type SmsMessage = { template: SmsKind; body: string; params: Record<string, string> };

const PLACEHOLDER = /\$\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export const isSmsKind = (kind: string): kind is SmsKind => Object.hasOwn(SMS_TEMPLATES, kind);

/** The variable names in a template's text, in order of appearance. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);

/**
 * A value as the gateway accepts it: one line, no 【】 (read as a signature), no link, at most the variable's length
 * (clipped with …: a long domain list or reason is better cut than the whole message refused). A code that is not
 * 4–6 digits is a programming error.
 */
export function smsValue(variable: SmsVariable, raw: string): string {
  const value = raw
    .replace(/https?:\/\/\S*/gi, '')
    .replace(/[【】]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (variable.type === 'code' && !/^\d{4,6}$/.test(value)) throw new Error('an SMS code must be 4–6 digits');
  const max = variable.maxLength ?? SMS_VARIABLE_MAX_LENGTH;
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** The text with each ${name} replaced. */
export function renderSmsText(text: string, params: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? params[name]! : whole));
}

/** The SMS of a kind: the params the gateway gets and the body rendered from the same template and params. */
export function smsMessage<K extends SmsKind>(kind: K, values: SmsParams<K>, signature = 'OpenBeian'): SmsMessage {
  const template: SmsTemplate = SMS_TEMPLATES[kind];
  const params: Record<string, string> = {};
  for (const [name, variable] of Object.entries(template.variables))
    params[name] = smsValue(variable, (values as Record<string, string>)[name] ?? '');
  return { template: kind, body: `【${signature}】${renderSmsText(template.text, params)}`, params };
}
