import type { FindingCode } from './codes.ts';

type Explanation = { title: { zh: string; en: string }; explanation: { zh: string; en: string } };

/** What each finding means to the owner and what to do about it (SPEC §7, §8), Chinese first. */
export const FINDING_EXPLANATIONS: Record<FindingCode, Explanation> = {
  SHELL_SITE: {
    title: { zh: '空壳网站', en: 'Shell site' },
    explanation: {
      zh: '已备案域名未解析到本服务商的境内服务器（空壳网站）。请将域名解析到在本服务商接入的服务器；如网站已迁往其他服务商，请在新服务商办理接入备案并在此取消接入。',
      en: "The filed domain does not resolve to this provider's mainland servers (a shell site). Point it at the servers connected here; if the site moved to another provider, file the access there and cancel it here.",
    },
  },
  FOOTER_NUMBER_MISSING: {
    title: { zh: '网站底部未展示备案号', en: 'Filing number missing from the footer' },
    explanation: {
      zh: '网站首页底部未展示备案号（广东展示主体备案号，其他省份展示网站备案号）。请在首页底部添加备案号，未展示可能被处以5000至10000元罚款。',
      en: 'The home page footer does not show the filing number (Guangdong: the subject number; other provinces: the service number). Add it; a missing number can cost a fine of 5,000–10,000 CNY.',
    },
  },
  FOOTER_NOT_LINKED: {
    title: { zh: '备案号未链接至工信部网站', en: 'Filing number not linked to MIIT' },
    explanation: {
      zh: '网站底部的备案号未链接至 https://beian.miit.gov.cn/ 。请为备案号添加该链接。',
      en: 'The filing number in the footer does not link to https://beian.miit.gov.cn/ . Add the link.',
    },
  },
  FOOTER_POLICE_NUMBER_MISSING: {
    title: { zh: '未展示公安备案号', en: 'Police filing number missing' },
    explanation: {
      zh: '已登记的公安联网备案号未在网站底部展示。请在首页底部展示公安备案号及其链接。',
      en: 'The recorded police filing number is not shown in the footer. Show it, with its link, at the bottom of the home page.',
    },
  },
  SITE_UNREACHABLE: {
    title: { zh: '网站无法访问', en: 'Site unreachable' },
    explanation: {
      zh: '多次核查均无法打开网站首页。请确认网站已正常开通；长期无法访问的网站可能被视为空壳网站。',
      en: 'The home page could not be opened in repeated checks. Make sure the site is up; a site that stays unreachable may count as a shell site.',
    },
  },
  DOMAIN_EXPIRED: {
    title: { zh: '域名已过期', en: 'Domain expired' },
    explanation: {
      zh: '已备案域名已过期。请尽快在注册商处续费；逾期未整改将被取消接入。',
      en: 'The filed domain has expired. Renew it at the registrar; left unrenewed past the deadline, access is revoked.',
    },
  },
  DOMAIN_HOLDER_CHANGED: {
    title: { zh: '域名持有者与备案主体不一致', en: 'Domain holder differs from the subject' },
    explanation: {
      zh: '域名实名持有者与备案主体不一致（专项核查）。请将域名过户至备案主体名下，或办理变更备案；逾期未整改将被取消接入。',
      en: 'The real-name holder of the domain no longer matches the filed subject (special verification). Transfer the domain to the subject or file a change; left unfixed past the deadline, access is revoked.',
    },
  },
  DOMAIN_NOT_REAL_NAME: {
    title: { zh: '域名未完成实名认证', en: 'Domain not real-name verified' },
    explanation: {
      zh: '域名未完成实名认证。请在注册商处完成实名认证；逾期未整改将被取消接入。',
      en: 'The domain is not real-name verified. Complete the verification at the registrar; left unfixed past the deadline, access is revoked.',
    },
  },
};

/** A short, readable line of what the sweep saw, for messages and lists (the full evidence stays in the finding). */
export function evidenceSummary(evidence: Record<string, unknown>, limit = 160): string {
  const text = Object.entries(evidence)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join('; ');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
