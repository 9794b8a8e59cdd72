// Building findings: fills the message templates in both languages and turns rules that rest on an old
// (pre-2020) or assumed source into warnings, saying so — a 管局 may have dropped a 2017 rule, and the
// applicant should not be blocked by it.

import type { Bilingual, Finding, Severity } from './draft.ts';
import { FINDING_TEXTS } from './finding-texts.ts';
import type { FindingCode } from './finding-texts.ts';
import type { Sourced } from './data/province-rules-types.ts';
import { isLegacyDate } from './data/sources.ts';

export type Param = string | number | Bilingual;
export type Params = Readonly<Record<string, Param>>;

function fill(template: string, params: Params, lang: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined) return '';
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

export type FindingOptions = {
  severity?: Severity;
  /** The province rule the finding rests on: gives the source and softens legacy or assumed rules. */
  rule?: Sourced<unknown>;
  source?: string;
};

export function isSoftRule(rule: Sourced<unknown>): boolean {
  return rule.assumed === true || isLegacyDate(rule.lastConfirmed);
}

export function makeFinding(code: FindingCode, path: string, params: Params = {}, options: FindingOptions = {}): Finding {
  const text = FINDING_TEXTS[code];
  let severity: Severity = options.severity ?? text.severity;
  let zh = fill(text.zh, params, 'zh');
  let en = fill(text.en, params, 'en');
  const rule = options.rule;
  if (rule && isSoftRule(rule) && severity === 'error') {
    severity = 'warning';
    if (rule.assumed) {
      zh += '（此规则缺少公开依据，仅作提醒。）';
      en += ' (No published source states this rule; it is a reminder only.)';
    } else {
      zh += `（依据${rule.lastConfirmed}的旧规则，管局可能已调整，仅作提醒。）`;
      en += ` (Based on a rule last confirmed in ${rule.lastConfirmed}; the 管局 may have changed it — a reminder only.)`;
    }
  }
  const source = options.source ?? (rule ? `${rule.source} (last confirmed ${rule.lastConfirmed})` : undefined);
  return source === undefined ? { code, severity, path, message: { zh, en } } : { code, severity, path, message: { zh, en }, source };
}

/** Human labels of the draft fields users most often leave out, for FIELD_REQUIRED / FIELD_INVALID. */
const FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  province: { zh: '备案省份', en: 'the filing province' },
  subject: { zh: '主办者信息', en: 'the subject' },
  nature: { zh: '主办者性质', en: 'the subject nature' },
  name: { zh: '名称/姓名', en: 'the name' },
  certificate: { zh: '主体证件', en: 'the subject certificate' },
  type: { zh: '证件类型', en: 'the certificate type' },
  number: { zh: '证件号码', en: 'the certificate number' },
  address: { zh: '证件住所', en: 'the certificate address' },
  validUntil: { zh: '证件有效期', en: 'the certificate validity' },
  mailingAddress: { zh: '通讯地址', en: 'the mailing address' },
  leader: { zh: '负责人', en: 'the leader' },
  idType: { zh: '证件类型', en: 'the ID type' },
  idNumber: { zh: '证件号码', en: 'the ID number' },
  idValidUntil: { zh: '证件有效期', en: 'the ID validity' },
  mobile: { zh: '手机号码', en: 'the mobile number' },
  email: { zh: '电子邮箱', en: 'the e-mail address' },
  emergencyPhone: { zh: '应急联系电话', en: 'the emergency phone' },
  services: { zh: '网站/App信息', en: 'the services' },
  kind: { zh: '服务类型', en: 'the service kind' },
  domains: { zh: '网站域名', en: 'the website domain' },
  access: { zh: '接入信息', en: 'the access information' },
  ips: { zh: '服务器IP', en: 'the server IPs' },
  app: { zh: 'App信息', en: 'the App details' },
  platforms: { zh: '运行平台', en: 'the platforms' },
  packageName: { zh: '包名', en: 'the package name' },
  materials: { zh: '材料', en: 'the materials' },
  issuedOn: { zh: '开具日期', en: 'the issue date' },
  file: { zh: '文件信息', en: 'the file details' },
  submittedOn: { zh: '提交日期', en: 'the submission date' },
  realNameVerifiedOn: { zh: '实名认证日期', en: 'the real-name verification date' },
  expiresOn: { zh: '到期日', en: 'the expiry date' },
  previousNames: { zh: '曾用名', en: 'the former names' },
};

export function fieldLabel(path: string): Bilingual {
  if (path === '') return { zh: '备案申请', en: 'The draft' };
  const leaf = /([A-Za-z]+)(\[\d+\])?$/.exec(path)?.[1] ?? path;
  const label = FIELD_LABELS[leaf];
  if (!label) return { zh: `“${path}”`, en: `"${path}"` };
  return { zh: `${label.zh}（${path}）`, en: `${label.en} (${path})` };
}

export function fieldRequired(path: string, severity: Severity = 'error'): Finding {
  return makeFinding('FIELD_REQUIRED', path, { field: fieldLabel(path) }, { severity });
}

export function fieldInvalid(path: string, hint: Bilingual, severity: Severity = 'error'): Finding {
  return makeFinding('FIELD_INVALID', path, { field: fieldLabel(path), hint }, { severity });
}
