// Website domains (SPEC §5.1, seed 002 §1.2.1): valid and registrable, approved suffix, licensed registrar,
// real-name verified long enough ago to have reached the 管局, held by the subject, and registered for long
// enough after the judgement date.

import { addDays, daysBetween } from './calendar.ts';
import type { Bilingual, SubjectNature } from './draft.ts';
import { analyseDomain } from './domains.ts';
import type { DomainAnalysis, DomainProblem } from './domains.ts';
import { fieldInvalid, makeFinding } from './findings.ts';
import { isStateBody } from './names.ts';
import { natureText } from './check-subject.ts';
import { leaderOf, need, provinceLabel, sameName } from './context.ts';
import type { Ctx } from './context.ts';
import { findRegistrar } from './data/registrars.ts';

const PROBLEM_HINT: Record<DomainProblem, Bilingual> = {
  empty: { zh: '请填写域名。', en: 'enter the domain.' },
  url: { zh: '只填写域名本身，去掉 http:// 、路径和参数，例如 example.com。', en: 'give the bare domain without http:// or a path, e.g. example.com.' },
  ip: { zh: 'IP地址不能备案，请填写域名。', en: 'an IP address cannot be filed; give a domain.' },
  invalid: { zh: '只能包含字母、数字、连字符和中文，各段以点分隔。', en: 'use letters, digits, hyphens or Chinese characters in dot-separated labels.' },
  suffix_only: { zh: '这是域名后缀本身，请填写完整域名，例如 example.com.cn。', en: 'that is a suffix on its own; give the full domain, e.g. example.com.cn.' },
};

/** Under 互联网政务应用安全管理规定: state bodies use .gov.cn / .政务, public institutions .cn / .公益. */
function governmentSuffixOk(nature: string, a: Extract<DomainAnalysis, { ok: true }>): boolean | undefined {
  const tld = a.suffix.split('.').pop();
  if (nature === 'government') return a.suffix === 'gov.cn' || a.suffix === 'xn--zfr164b' || a.suffix === 'xn--zfr164b.cn';
  if (nature === 'public_institution') return tld === 'cn' || a.suffix === 'xn--55qw42g' || a.suffix === 'xn--55qw42g.cn';
  return undefined;
}

export type ReservedSuffix = {
  suffixes: readonly string[];
  holders: Bilingual;
  /** Natures that may hold it outright. */
  allowed: readonly SubjectNature[];
  /** Natures that may hold it only in the case `condition` names: a warning, not an error. */
  conditional: readonly SubjectNature[];
  condition: Bilingual;
  source: string;
};

/**
 * Suffixes reserved for some kinds of holder. MIIT-2018-7 (中国互联网域名体系): "GOV" for government bodies, "政务"
 * for party and state bodies, "公益" for non-profit institutions; CONAC-2008 lists who may hold 政务 / 公益 (政务 also
 * social organisations and public institutions exercising administrative functions; 公益 also self-governing mass
 * organisations and other non-profit bodies); GOV-SITES-2017 keeps public institutions without administrative
 * functions off .gov.cn "in principle".
 */
export const RESERVED_DOMAIN_SUFFIXES: readonly ReservedSuffix[] = [
  {
    suffixes: ['gov.cn'],
    holders: { zh: '政府机构', en: 'government bodies' },
    allowed: ['government'],
    conditional: ['public_institution'],
    condition: { zh: '承担行政职能', en: 'it exercises administrative functions' },
    source: 'MIIT-2018-7 (中国互联网域名体系, 工信部公告2018年第7号); GOV-SITES-2017 (政府网站发展指引, 国办发〔2017〕47号)',
  },
  {
    suffixes: ['xn--zfr164b', 'xn--zfr164b.cn'],
    holders: { zh: '党政群机关等政务部门', en: 'party and state bodies' },
    allowed: ['government'],
    conditional: ['public_institution', 'social_organization'],
    condition: { zh: '行使行政职能', en: 'it exercises administrative functions' },
    source: 'MIIT-2018-7 (中国互联网域名体系); CONAC-2008 (“政务”“公益”中文域名适用范围)',
  },
  {
    suffixes: ['xn--55qw42g', 'xn--55qw42g.cn'],
    holders: { zh: '非营利性机构', en: 'non-profit institutions' },
    allowed: ['public_institution', 'social_organization', 'private_non_enterprise', 'foundation'],
    conditional: ['other'],
    condition: { zh: '是不以营利为目的的公益机构（如群众性自治组织）', en: 'it is a non-profit body (e.g. a self-governing mass organisation)' },
    source: 'MIIT-2018-7 (中国互联网域名体系); CONAC-2008 (“政务”“公益”中文域名适用范围)',
  },
];

/** A reserved suffix filed by a holder it is not meant for: an error, or a warning where it depends on the case. */
function checkReservedSuffix(ctx: Ctx, path: string, domain: string, nature: SubjectNature, suffix: string): void {
  const reserved = RESERVED_DOMAIN_SUFFIXES.find((r) => r.suffixes.includes(suffix));
  if (!reserved || reserved.allowed.includes(nature)) return;
  const natureLabel = natureText(nature);
  const conditional = reserved.conditional.includes(nature);
  const article = /^[aeiou]/.test(natureLabel.en) ? 'an' : 'a';
  const advice: Bilingual = conditional
    ? {
        zh: `${natureLabel.zh}仅在${reserved.condition.zh}时可以使用，否则请更换域名。`,
        en: `${article} ${natureLabel.en} may hold one only if ${reserved.condition.en}; otherwise use another domain.`,
      }
    : { zh: `${natureLabel.zh}不能以此类域名备案，请更换域名。`, en: `${article} ${natureLabel.en} cannot file such a domain; use another one.` };
  const shown = domain.slice(domain.indexOf('.') + 1);
  ctx.findings.push(
    makeFinding(
      'DOMAIN_SUFFIX_RESERVED',
      `${path}.name`,
      { domain, suffix: shown, holders: reserved.holders, advice },
      { source: reserved.source, ...(conditional ? { severity: 'warning' as const } : {}) },
    ),
  );
}

const NATIONAL_WORDS = ['zhongguo', 'guojia', 'china', '中国', '国家'];

/** Analyses one domain of a website and reports its problems; returns the analysis for later checks. */
export function checkDomain(ctx: Ctx, i: number, j: number, scope: 'full' | 'soft'): Extract<DomainAnalysis, { ok: true }> | undefined {
  const d = ctx.view.services?.[i]?.domains?.[j];
  const path = `services[${i}].domains[${j}]`;
  if (!d?.name) return undefined;
  const severity = scope === 'soft' ? { severity: 'warning' as const } : {};
  const a = analyseDomain(d.name);
  if (!a.ok) {
    ctx.findings.push(makeFinding('DOMAIN_INVALID', `${path}.name`, { value: d.name, hint: PROBLEM_HINT[a.problem] }));
    return undefined;
  }
  const domain = a.registrableUnicode;
  if (a.isSubdomain) {
    ctx.findings.push(makeFinding('DOMAIN_SUBDOMAIN_GIVEN', `${path}.name`, { value: a.unicode, registrable: a.registrableUnicode }));
  }
  const suffixUnicode = domain.slice(domain.indexOf('.') + 1);
  if (!a.approval) {
    ctx.findings.push(makeFinding('DOMAIN_TLD_NOT_APPROVED', `${path}.name`, { suffix: suffixUnicode }, { source: 'reference/data.md §2' }));
  } else if (a.approval.status !== 'approved' || a.approval.caveat) {
    const hint = a.approval.caveat ?? a.approval.source;
    ctx.findings.push(makeFinding('DOMAIN_TLD_UNVERIFIED', `${path}.name`, { suffix: a.approval.suffix, hint }, { source: a.approval.source }));
  }
  const nature = ctx.view.subject?.nature;
  const stateSuffixOk = nature ? governmentSuffixOk(nature, a) : undefined;
  if (nature && stateSuffixOk !== false) checkReservedSuffix(ctx, path, domain, nature, a.suffix);
  if (stateSuffixOk === false) {
    const suffixes = nature === 'government' ? '.gov.cn / .政务' : '.cn / .公益';
    ctx.findings.push(
      makeFinding(
        'DOMAIN_GOVERNMENT_SUFFIX',
        `${path}.name`,
        { nature: nature === 'government' ? { zh: '党政机关', en: 'government body' } : { zh: '事业单位', en: 'public institution' }, suffixes },
        { source: 'GOV-APPS-2024 (互联网政务应用安全管理规定, quoted by HW-PROV)' },
      ),
    );
  }
  const rules = ctx.rules;
  if (rules?.domainNoNationalWords.value && !isStateBody(nature)) {
    const label = `${a.label} ${a.registrableUnicode}`;
    const word = NATIONAL_WORDS.find((w) => label.includes(w));
    if (word) {
      ctx.findings.push(makeFinding('DOMAIN_NATIONAL_WORD', `${path}.name`, { province: provinceLabel(ctx), word }, { rule: rules.domainNoNationalWords }));
    }
  }
  if (d.registrar !== undefined) {
    const registrar = findRegistrar(d.registrar);
    if (registrar?.status === 'foreign') {
      ctx.findings.push(makeFinding('DOMAIN_REGISTRAR_NOT_APPROVED', `${path}.registrar`, { registrar: d.registrar }, { ...severity, source: registrar.source }));
    } else if (!registrar) {
      ctx.findings.push(makeFinding('DOMAIN_REGISTRAR_UNKNOWN', `${path}.registrar`, { registrar: d.registrar }));
    }
  }
  checkRealName(ctx, path, domain, d.realNameVerifiedOn, scope);
  checkHolder(ctx, i, path, domain, d.holder, scope);
  checkExpiry(ctx, path, domain, d.expiresOn, scope);
  return a;
}

function checkRealName(ctx: Ctx, path: string, domain: string, verifiedOn: string | undefined, scope: 'full' | 'soft'): void {
  const severity = scope === 'soft' ? { severity: 'warning' as const } : {};
  if (verifiedOn === undefined) {
    ctx.findings.push(makeFinding('DOMAIN_NOT_REAL_NAME', `${path}.realNameVerifiedOn`, { domain }, severity));
    return;
  }
  if (!ctx.today) return;
  const days = daysBetween(verifiedOn, ctx.today);
  if (days < 0) {
    ctx.findings.push(fieldInvalid(`${path}.realNameVerifiedOn`, { zh: '日期晚于判断日期。', en: 'the date is after the judgement date.' }));
  } else if (days < 3) {
    ctx.findings.push(
      makeFinding('DOMAIN_REAL_NAME_TOO_RECENT', `${path}.realNameVerifiedOn`, { domain, verifiedOn, days, readyOn: addDays(verifiedOn, 3) }, { source: 'SEED-002 §1.2.1' }),
    );
  }
}

function checkHolder(ctx: Ctx, i: number, path: string, domain: string, holder: string | undefined, scope: 'full' | 'soft'): void {
  const s = ctx.view.subject;
  const subjectName = s?.name;
  if (holder === undefined) {
    ctx.findings.push(makeFinding('DOMAIN_HOLDER_UNKNOWN', `${path}.holder`, { domain }));
    return;
  }
  if (subjectName === undefined || sameName(holder, subjectName)) return;
  const severity = scope === 'soft' ? { severity: 'warning' as const } : {};
  const rule = ctx.rules?.domainHolder;
  const subject = subjectName;
  if (!ctx.isOrg || !rule) {
    ctx.findings.push(
      makeFinding('DOMAIN_HOLDER_MISMATCH', `${path}.holder`, { domain, holder, subject, expected: { zh: '备案人本人', en: 'the applicant in person' } }, severity),
    );
    return;
  }
  const accepted: string[] = [];
  if (rule.value !== 'subject' && s?.legalRepresentative) accepted.push(s.legalRepresentative);
  if (rule.value === 'subject_legal_rep_or_leaders') {
    const names = [ctx.subjectLeader?.person.name, leaderOf(ctx, i)?.person.name];
    for (const n of names) if (n) accepted.push(n);
  }
  if (accepted.some((n) => sameName(n, holder))) {
    need(ctx, {
      kind: 'domain_registrant_proof',
      appliesTo: path,
      reason: {
        zh: `域名${domain}登记在${holder}个人名下，需提供有关网站备案域名注册人的证明`,
        en: `domain ${domain} is held by ${holder} personally; a statement about the domain registrant is needed`,
      },
      rule,
    });
    return;
  }
  const expected: Bilingual =
    rule.value === 'subject'
      ? { zh: '备案单位名称', en: 'the organisation’s name' }
      : { zh: '备案单位或其法定代表人', en: 'the organisation or its legal representative' };
  ctx.findings.push(makeFinding('DOMAIN_HOLDER_MISMATCH', `${path}.holder`, { domain, holder, subject, expected }, { ...severity, rule }));
}

function checkExpiry(ctx: Ctx, path: string, domain: string, expiresOn: string | undefined, scope: 'full' | 'soft'): void {
  if (expiresOn === undefined) {
    ctx.findings.push(makeFinding('DOMAIN_EXPIRY_UNKNOWN', `${path}.expiresOn`, { domain }));
    return;
  }
  const rule = ctx.rules?.domainMinValidityDays;
  if (!ctx.today || !rule) return;
  const minDays = rule.value;
  if (daysBetween(ctx.today, expiresOn) > minDays) return;
  const severity = scope === 'soft' ? { severity: 'warning' as const } : {};
  ctx.findings.push(
    makeFinding(
      'DOMAIN_EXPIRES_TOO_SOON',
      `${path}.expiresOn`,
      { domain, expiresOn, minDays, minDate: addDays(ctx.today, minDays), province: provinceLabel(ctx) },
      { ...severity, rule },
    ),
  );
}
