// ISP licence (ISP经营许可证) consulting: who may apply, and what the applicant must have ready (SPEC §11, from the
// provider's licence-consulting FAQ [001]). Pure data and functions.

import type { Bilingual } from './draft.ts';

export const ISP_SCOPES = ['nationwide', 'provincial'] as const;
export type IspScope = (typeof ISP_SCOPES)[number];

/** The least registered capital for each scope, in CNY: 全网 ISP 10 million, 省网 ISP 1 million. */
export const ISP_MIN_REGISTERED_CAPITAL_CNY: Record<IspScope, number> = {
  nationwide: 10_000_000,
  provincial: 1_000_000,
};

export const ISP_SCOPE_NAMES: Record<IspScope, Bilingual> = {
  nationwide: { zh: '全网ISP（全国范围经营）', en: 'Nationwide ISP (operates across the country)' },
  provincial: { zh: '省网ISP（在公司所在省经营）', en: 'Provincial ISP (operates in the company’s own province)' },
};

/** What the applicant must have done before the application goes in; the butler ticks them off with the applicant. */
export const ISP_CHECKLIST_KEYS = [
  'registered_capital',
  'evaluation_filing_system',
  'evaluation_access_resources',
  'evaluation_security_system',
  'licensed_software',
  'regulator_connection',
  'evaluation_meets_rules',
  'access_agreement',
  'materials_in_form_order',
] as const;
export type IspChecklistKey = (typeof ISP_CHECKLIST_KEYS)[number];

export type IspChecklistItem = { key: IspChecklistKey; title: Bilingual; detail: Bilingual };

const ITEMS: Record<IspChecklistKey, { title: Bilingual; detail: Bilingual }> = {
  registered_capital: {
    title: { zh: '注册资本达到要求', en: 'Registered capital meets the threshold' },
    detail: {
      zh: '全网ISP须注册资本 1000 万元及以上，省网ISP须 100 万元及以上，以营业执照登记为准。',
      en: 'A nationwide ISP needs at least 10,000,000 CNY of registered capital, a provincial one at least 1,000,000 CNY, as the business licence records it.',
    },
  },
  evaluation_filing_system: {
    title: { zh: '系统评测：ICP/IP地址/域名信息备案管理系统', en: 'System evaluation: ICP / IP address / domain filing management system' },
    detail: {
      zh: '完成备案管理系统的评测，并保留评测报告。',
      en: 'Have the filing management system evaluated and keep the evaluation report.',
    },
  },
  evaluation_access_resources: {
    title: { zh: '系统评测：IDC/ISP接入资源管理平台', en: 'System evaluation: IDC/ISP access resource management platform' },
    detail: {
      zh: '完成接入资源管理平台的评测，并保留评测报告。',
      en: 'Have the access resource management platform evaluated and keep the evaluation report.',
    },
  },
  evaluation_security_system: {
    title: { zh: '系统评测：IDC/ISP信息安全管理系统', en: 'System evaluation: IDC/ISP information security management system' },
    detail: {
      zh: '完成信息安全管理系统的评测，并保留评测报告。',
      en: 'Have the information security management system evaluated and keep the evaluation report.',
    },
  },
  licensed_software: {
    title: { zh: '评测使用正版系统', en: 'Evaluations run on licensed software' },
    detail: {
      zh: '参加评测的三套系统须为正版授权软件，盗版或试用版不予认可。',
      en: 'The three systems evaluated must be properly licensed; pirated or trial copies are not accepted.',
    },
  },
  regulator_connection: {
    title: { zh: '系统已对接通信管理局', en: 'Systems connected to the communications administration' },
    detail: {
      zh: '评测的系统须与所在地通信管理局的系统完成对接。',
      en: 'The evaluated systems must be connected to the local communications administration’s system.',
    },
  },
  evaluation_meets_rules: {
    title: { zh: '评测符合相关规定', en: 'Evaluations meet the rules' },
    detail: {
      zh: '评测内容和结果须符合主管部门的规定和技术要求。',
      en: 'What was evaluated, and the results, must meet the authority’s rules and technical requirements.',
    },
  },
  access_agreement: {
    title: { zh: '接入协议及托管商资质', en: 'Access agreement and the hosting provider’s qualifications' },
    detail: {
      zh: '准备与上游签订的接入协议，以及托管商的相关经营资质。',
      en: 'Have the access agreement signed with the upstream provider, and the hosting provider’s licences.',
    },
  },
  materials_in_form_order: {
    title: { zh: '材料按申请表顺序排列', en: 'Materials in the order the application form lists' },
    detail: {
      zh: '申请材料按办事指南中申请表载明的顺序整理装订。',
      en: 'Arrange the application materials in the order given by the application form in the official guide.',
    },
  },
};

export const ISP_CHECKLIST: readonly IspChecklistItem[] = ISP_CHECKLIST_KEYS.map((key) => ({ key, ...ITEMS[key] }));

export const isIspChecklistKey = (value: string): value is IspChecklistKey => (ISP_CHECKLIST_KEYS as readonly string[]).includes(value);

export type IspEligibilityReason = { code: 'CAPITAL_BELOW_MINIMUM' | 'PROVINCIAL_POSSIBLE'; message: Bilingual };
export type IspEligibility = {
  eligible: boolean;
  scope: IspScope;
  minimumCny: number;
  reasons: IspEligibilityReason[];
  checklist: IspChecklistItem[];
};

const yuan = (cny: number): Bilingual => ({
  zh: `${(cny / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`,
  en: `${cny.toLocaleString('en-US', { maximumFractionDigits: 2 })} CNY`,
});

/** Whether a company's registered capital allows the scope it asks for; when it does not, what it could do instead. */
export function ispEligibility(scope: IspScope, registeredCapitalCny: number): IspEligibility {
  const minimumCny = ISP_MIN_REGISTERED_CAPITAL_CNY[scope];
  const reasons: IspEligibilityReason[] = [];
  if (registeredCapitalCny < minimumCny) {
    const have = yuan(registeredCapitalCny);
    const need = yuan(minimumCny);
    reasons.push({
      code: 'CAPITAL_BELOW_MINIMUM',
      message: {
        zh: `${ISP_SCOPE_NAMES[scope].zh}要求注册资本不少于 ${need.zh}，当前为 ${have.zh}。`,
        en: `A ${scope} ISP licence needs registered capital of at least ${need.en}; the company has ${have.en}.`,
      },
    });
    if (scope === 'nationwide' && registeredCapitalCny >= ISP_MIN_REGISTERED_CAPITAL_CNY.provincial) {
      reasons.push({
        code: 'PROVINCIAL_POSSIBLE',
        message: {
          zh: `注册资本已满足省网ISP（不少于 ${yuan(ISP_MIN_REGISTERED_CAPITAL_CNY.provincial).zh}）的要求，可先申请省网ISP。`,
          en: `The capital meets the provincial ISP threshold (${yuan(ISP_MIN_REGISTERED_CAPITAL_CNY.provincial).en}); a provincial licence is possible.`,
        },
      });
    }
  }
  return { eligible: registeredCapitalCny >= minimumCny, scope, minimumCny, reasons, checklist: [...ISP_CHECKLIST] };
}
