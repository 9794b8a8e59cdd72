// Service (site/App) naming rules (SPEC §12, anchors §3.3) and the "related rename" test for organisations
// (seed 003 §7: a rename to an unrelated name is a new filing, not a change).

import type { SubjectNature } from './draft.ts';

export type NameProblem =
  | { code: 'SITE_NAME_TOO_SHORT' }
  | { code: 'SITE_NAME_ALPHANUMERIC' }
  | { code: 'SITE_NAME_IS_DOMAIN' }
  | { code: 'SITE_NAME_SYMBOLS'; symbols: string }
  | { code: 'SITE_NAME_RESERVED_WORD'; word: string }
  | { code: 'SITE_NAME_PERSONAL_WORD'; word: string }
  | { code: 'SITE_NAME_SENSITIVE'; word: string };

/** Only state bodies may open a name with these (non-state bodies: SPEC §12). */
export const STATE_PREFIXES = ['中国', '中华', '中央', '国家', '人民', '人大'] as const;
/** Words Huawei's reviewers reserve for state bodies anywhere in the name (anchors §3.3). */
export const STATE_WORDS = ['反腐', '纪检', '监察', '信访', '维权', '投诉'] as const;
/** Company, industry or product words a personal site may not use (SPEC §12; anchors §3.3). */
export const PERSONAL_FORBIDDEN_WORDS = [
  '论坛', '平台', '网络', '工作室', '导航', '社区', '社团', '热线', '网站', '网址', '资讯',
  '公司', '集团', '企业', '官网', '官方', '商城', '门户', '交易', '协会',
] as const;
/** A short list of words no filing may carry; reviewers hold a longer, unpublished one. */
export const SENSITIVE_WORDS = ['赌博', '博彩', '色情', '六合彩', '私服', '外挂', '代孕', '毒品', '枪支', '翻墙', '代开发票'] as const;

const HAN = /\p{Script=Han}/gu;
const anyOf = (words: readonly string[]) => new RegExp(words.join('|'), 'i');
const STATE_WORD_RE = anyOf(STATE_WORDS);
const PERSONAL_WORD_RE = anyOf(PERSONAL_FORBIDDEN_WORDS);
const SENSITIVE_RE = anyOf(SENSITIVE_WORDS);
/** Anything but letters, digits, brackets, hyphens, the middle dot and spaces. */
const DISALLOWED_SYMBOL = /[^\p{L}\p{N}()（）\-—·\s]/gu;

export function hanCount(s: string): number {
  return s.match(HAN)?.length ?? 0;
}

export function isStateBody(nature: SubjectNature | undefined): boolean {
  return nature === 'government' || nature === 'public_institution';
}

export type NameContext = {
  serviceKind: 'website' | 'app' | 'mini_program' | 'quick_app';
  nature?: SubjectNature;
  /** Domains of the service, in any form ("example.com", "例子.中国", the bare label "example"). */
  domainForms: readonly string[];
};

export function serviceNameProblems(name: string, ctx: NameContext): NameProblem[] {
  const problems: NameProblem[] = [];
  const compactName = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const isWebsite = ctx.serviceKind === 'website';

  if (ctx.domainForms.some((d) => d !== '' && (compactName === d.toLowerCase() || compactName.includes(`${d.toLowerCase()}.`)))) {
    // A name that is the domain has one fix — a real name — so the other complaints would only be noise.
    return [{ code: 'SITE_NAME_IS_DOMAIN' }];
  }
  if (isWebsite && /^[a-z0-9]+$/i.test(compactName)) {
    problems.push({ code: 'SITE_NAME_ALPHANUMERIC' });
  } else if (isWebsite && hanCount(name) < 3) {
    problems.push({ code: 'SITE_NAME_TOO_SHORT' });
  }

  const symbols = [...new Set(name.normalize('NFKC').match(DISALLOWED_SYMBOL) ?? [])];
  if (symbols.length > 0 && isWebsite) problems.push({ code: 'SITE_NAME_SYMBOLS', symbols: symbols.join('') });

  if (!isStateBody(ctx.nature)) {
    const prefix = STATE_PREFIXES.find((p) => name.startsWith(p));
    const word = prefix ?? STATE_WORD_RE.exec(name)?.[0];
    if (word) problems.push({ code: 'SITE_NAME_RESERVED_WORD', word });
  }
  if (ctx.nature === 'individual') {
    const word = PERSONAL_WORD_RE.exec(name)?.[0];
    if (word) problems.push({ code: 'SITE_NAME_PERSONAL_WORD', word });
  }
  const sensitive = SENSITIVE_RE.exec(compactName)?.[0];
  if (sensitive) problems.push({ code: 'SITE_NAME_SENSITIVE', word: sensitive });
  return problems;
}

// ---- Related organisation names ----

const REGION_PREFIX = /^(中国|[\p{Script=Han}]{2,7}?(省|市|自治区|特别行政区|自治州|地区|盟|州|区|县|旗))/u;
const PROVINCE_WORDS =
  /^(北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾)/u;
const LEGAL_FORMS =
  /(股份有限公司|有限责任公司|有限公司|集团有限公司|集团|分公司|公司|合伙企业|个体工商户|工作室|事务所|研究院|协会|中心|厂|店)$/u;
const INDUSTRY_WORDS =
  /(科技|网络|信息|技术|文化|传媒|贸易|商贸|电子商务|实业|发展|咨询|服务|管理|投资|控股|软件|数据|智能|教育|国际|工程|建设|物流|生物|医疗|电子|设计)$/u;
const EN_STOP = new Set(['co', 'ltd', 'limited', 'company', 'inc', 'corp', 'corporation', 'technology', 'technologies', 'group', 'the', 'and', 'china', 'international', 'holding', 'holdings']);

function stripRepeatedly(s: string, re: RegExp): string {
  let prev: string;
  let cur = s;
  do {
    prev = cur;
    cur = cur.replace(re, '');
  } while (cur !== prev && cur !== '');
  return cur;
}

/** The distinctive part of an organisation name (its trade name, 字号). */
export function tradeNameCore(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s()（）]/g, '');
  s = stripRepeatedly(s, REGION_PREFIX);
  s = s.replace(PROVINCE_WORDS, '');
  s = stripRepeatedly(s, LEGAL_FORMS);
  s = stripRepeatedly(s, INDUSTRY_WORDS);
  return s;
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const keep = prev[j] ?? 0;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      best = Math.max(best, prev[j] ?? 0);
      diag = keep;
    }
  }
  return best;
}

/**
 * True when a rename keeps the organisation recognisable: the trade names share at least two characters
 * (杭州甲乙科技有限公司 → 浙江甲乙网络有限公司), or, for Latin names, a significant word.
 */
export function namesRelated(a: string, b: string): boolean {
  if (/\p{Script=Han}/u.test(a) || /\p{Script=Han}/u.test(b)) {
    const ca = tradeNameCore(a);
    const cb = tradeNameCore(b);
    if (ca === '' || cb === '') return longestCommonSubstring(stripRepeatedly(a, LEGAL_FORMS), stripRepeatedly(b, LEGAL_FORMS)) >= 4;
    // City names often precede the trade name without 市 (杭州甲乙 / 杭州丙丁): a shared two-character start
    // followed by two or more characters on both sides is taken as the place, not the trade name.
    if (ca.slice(0, 2) === cb.slice(0, 2) && ca.length >= 4 && cb.length >= 4) {
      return longestCommonSubstring(ca.slice(2), cb.slice(2)) >= 2;
    }
    return longestCommonSubstring(ca, cb) >= 2;
  }
  const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !EN_STOP.has(w)));
  const wb = words(b);
  return [...words(a)].some((w) => wb.has(w));
}
