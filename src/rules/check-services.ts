// Services (websites, Apps, mini-programs, quick apps): names, domains, access (service code, IPs), App
// identity, and the province's per-order limits.

import { isIP } from 'node:net'; // a pure parser; no socket is opened
import { fieldRequired, makeFinding } from './findings.ts';
import { serviceNameProblems } from './names.ts';
import { checkDomain } from './check-domains.ts';
import { isCancelKind, isNewServiceKind, provinceLabel } from './context.ts';
import type { Ctx } from './context.ts';
import { analyseDomain, toUnicodeDomain } from './domains.ts';
import { serviceKey } from './kind.ts';

/**
 * OpenBeian service codes (备案服务码) have the UUID shape providers use (e.g. Alibaba's
 * 32a43232-a888-88e8-b9ec-00888be8****, anchors §4): 8-4-4-4-12 hexadecimal characters, either case.
 */
export const SERVICE_CODE_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isServiceCode(value: string): boolean {
  return SERVICE_CODE_PATTERN.test(value.trim());
}

const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;
const SIGNATURE = /^([0-9a-f]{32}|[0-9a-f]{40})$/i;

/** Private, loopback, link-local, shared (CGNAT), multicast and reserved addresses cannot be filed. */
export function isPublicIp(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
    if (a === 100 && b >= 64 && b <= 127) return false;
    if (a === 169 && b === 254) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    return true;
  }
  if (version === 6) {
    const lower = ip.toLowerCase();
    if (lower === '::' || lower === '::1') return false;
    return !/^(f[cd]|fe[89ab]|ff)/.test(lower);
  }
  return false;
}

function domainScope(ctx: Ctx): 'full' | 'soft' | 'none' {
  const k = ctx.checkKind;
  if (isCancelKind(k) || k === 'change_access') return 'none';
  // A connection (接入) re-uses numbers the regulator already verified; its domain check is advisory.
  return k === 'connect' ? 'soft' : 'full';
}

function checkName(ctx: Ctx, i: number, forms: string[]): void {
  const svc = ctx.view.services?.[i];
  if (!svc?.name || !svc.kind) return;
  const path = `services[${i}].name`;
  for (const p of serviceNameProblems(svc.name, { serviceKind: svc.kind, nature: ctx.view.subject?.nature, domainForms: forms })) {
    const params: Record<string, string> = 'word' in p ? { word: p.word } : 'symbols' in p ? { symbols: p.symbols } : {};
    ctx.findings.push(makeFinding(p.code, path, params, { source: 'SPEC §12; XINNET-NAMES' }));
  }
  const naming = ctx.rules?.siteNaming;
  if (!naming || svc.kind !== 'website') return;
  const suffix = naming.value.organisationSuffix;
  if (suffix && ctx.isOrg && !svc.name.endsWith(suffix)) {
    const company = ctx.view.subject?.name ?? '';
    ctx.findings.push(
      makeFinding(
        'SITE_NAME_PROVINCE_PATTERN',
        path,
        { province: provinceLabel(ctx), hint: { zh: `单位网站建议命名为“${company}${suffix}”。`, en: `name an organisation's site "${company}${suffix}".` } },
        { severity: 'warning', rule: naming },
      ),
    );
  }
  const pattern = naming.value.individualPattern;
  if (pattern && !ctx.isOrg && !new RegExp(pattern, 'u').test(svc.name)) {
    ctx.findings.push(
      makeFinding(
        'SITE_NAME_PROVINCE_PATTERN',
        path,
        { province: provinceLabel(ctx), hint: { zh: '个人网站名称应为“某某的个人博客”或“某某的个人主页”。', en: 'a personal site is named "<name>的个人博客" or "<name>的个人主页".' } },
        { severity: 'warning', rule: naming },
      ),
    );
  }
}

function checkAccess(ctx: Ctx, i: number, codesSeen: Map<string, number>): void {
  const access = ctx.view.services?.[i]?.access;
  const path = `services[${i}].access`;
  if (!access) return;
  const code = access.serviceCode;
  if (code !== undefined) {
    if (!isServiceCode(code)) ctx.findings.push(makeFinding('SERVICE_CODE_INVALID', `${path}.serviceCode`, { value: code }));
    const key = code.trim().toLowerCase();
    const other = codesSeen.get(key);
    if (other !== undefined) ctx.findings.push(makeFinding('SERVICE_CODE_DUPLICATE', `${path}.serviceCode`, { other: `services[${other}]` }));
    else codesSeen.set(key, i);
  } else if (isNewServiceKind(ctx.checkKind) || ctx.checkKind === 'connect') {
    ctx.findings.push(makeFinding('SERVICE_CODE_MISSING', `${path}.serviceCode`));
  }
  if (access.ips?.length === 0 && !isCancelKind(ctx.checkKind)) ctx.findings.push(fieldRequired(`${path}.ips`, 'warning'));
  access.ips?.forEach((ip, k) => {
    if (isIP(ip) === 0) ctx.findings.push(makeFinding('IP_INVALID', `${path}.ips[${k}]`, { value: ip }));
    else if (!isPublicIp(ip)) ctx.findings.push(makeFinding('IP_NOT_PUBLIC', `${path}.ips[${k}]`, { value: ip }));
  });
}

function checkApp(ctx: Ctx, i: number): void {
  const svc = ctx.view.services?.[i];
  const app = svc?.app;
  const path = `services[${i}].app`;
  if (!svc || !app) return;
  if (app.platforms?.length === 0) ctx.findings.push(fieldRequired(`${path}.platforms`));
  if (app.packageName !== undefined && !PACKAGE_NAME.test(app.packageName)) {
    ctx.findings.push(makeFinding('APP_PACKAGE_INVALID', `${path}.packageName`, { value: app.packageName }));
  }
  const signature = app.signatureMd5?.replace(/:/g, '');
  if (signature !== undefined && !SIGNATURE.test(signature)) {
    ctx.findings.push(makeFinding('APP_SIGNATURE_INVALID', `${path}.signatureMd5`, { value: app.signatureMd5 ?? '' }));
  } else if (signature === undefined && svc.kind === 'app' && app.platforms?.includes('android')) {
    ctx.findings.push(fieldRequired(`${path}.signatureMd5`, 'warning'));
  }
}

function filedCount(ctx: Ctx): number | undefined {
  return ctx.known.filedServiceCount ?? ctx.known.filedServices?.length;
}

function checkLimits(ctx: Ctx): void {
  const rules = ctx.rules;
  const count = ctx.view.services?.length ?? 0;
  if (!rules || count === 0 || !isNewServiceKind(ctx.checkKind)) return;
  for (const limit of rules.servicesPerOrder.value) {
    if (limit.natures !== 'any' && limit.natures !== (ctx.isOrg ? 'organisation' : 'individual')) continue;
    if (limit.firstFilingOnly && ctx.checkKind !== 'first_filing') continue;
    if (limit.whenFiledMoreThan !== undefined) {
      const filed = filedCount(ctx);
      if (filed === undefined || filed <= limit.whenFiledMoreThan) continue;
    }
    if (count > limit.max) {
      ctx.findings.push(makeFinding('TOO_MANY_SERVICES', 'services', { province: provinceLabel(ctx), max: limit.max }, { rule: rules.servicesPerOrder }));
    }
  }
}

function checkExtraDocuments(ctx: Ctx): void {
  const rules = ctx.rules;
  if (!rules || isCancelKind(ctx.checkKind)) return;
  const nature = ctx.view.subject?.nature;
  for (const doc of rules.extraDocuments.value) {
    const applies =
      doc.appliesTo === 'all' ||
      (doc.appliesTo === 'organisation' && ctx.isOrg) ||
      (doc.appliesTo === 'individual' && nature === 'individual') ||
      (doc.appliesTo === 'enterprise' && nature === 'enterprise') ||
      (doc.appliesTo === 'public_body' && (nature === 'government' || nature === 'public_institution'));
    if (!applies || (doc.since && ctx.today && ctx.today < doc.since)) continue;
    const since = doc.since ? { zh: `（自${doc.since}起）`, en: ` (since ${doc.since})` } : '';
    ctx.findings.push(makeFinding('PROVINCE_EXTRA_DOCUMENT', '', { province: provinceLabel(ctx), document: doc.name, since }, { rule: rules.extraDocuments }));
  }
}

/**
 * A change edits services already filed here (SPEC §4 变更网站, §12): each service of the draft is one on record —
 * named by the number it carries (`filedNumber`), or, in drafts without it, by its domain (Apps: package or name)
 * — and a website keeps its domain, since "a change may remove domains, never add them": another domain is a new
 * website, filed as a new service. Only the primary domain is compared: it is what the filed service is keyed by.
 */
function checkChangedServices(ctx: Ctx): void {
  const kind = ctx.kind;
  const filed = ctx.known.filedServices;
  if ((kind !== 'change_subject' && kind !== 'change_service' && kind !== 'change_access') || ctx.known.subject !== 'here' || !filed) return;
  ctx.view.services?.forEach((svc, i) => {
    const label = svc.name ?? `services[${i}]`;
    if (svc.filedNumber !== undefined) {
      const onRecord = filed.find((f) => f.serviceNumber === svc.filedNumber);
      if (!onRecord) {
        ctx.findings.push(makeFinding('FILED_NUMBER_UNKNOWN', `services[${i}].filedNumber`, { number: svc.filedNumber }));
        return;
      }
      const name = svc.domains?.[0]?.name;
      const a = name === undefined ? undefined : analyseDomain(name);
      if (a?.ok && a.registrable !== onRecord.key && analyseDomain(onRecord.key).ok) {
        const filedDomain = toUnicodeDomain(onRecord.key);
        ctx.findings.push(makeFinding('CHANGE_ADDS_DOMAIN', `services[${i}].domains[0].name`, { service: label, filed: filedDomain, domain: a.registrableUnicode }, { source: 'SPEC §12' }));
      }
      return;
    }
    const key = serviceKey(svc);
    const keys = new Set(filed.map((f) => f.key));
    if ((key !== undefined && keys.has(key)) || (svc.kind !== 'website' && svc.name !== undefined && keys.has(svc.name))) return;
    ctx.findings.push(makeFinding('CHANGE_ADDS_SERVICE', `services[${i}]`, { service: label }, { source: 'SPEC §4' }));
  });
}

export function checkServices(ctx: Ctx): void {
  const services = ctx.view.services;
  if (!services) return;
  const cancelling = isCancelKind(ctx.checkKind);
  if (services.length === 0 && !cancelling && ctx.kind !== null) ctx.findings.push(fieldRequired('services'));
  const scope = domainScope(ctx);
  const seenDomains = new Map<string, string>();
  const codesSeen = new Map<string, number>();
  services.forEach((svc, i) => {
    const forms: string[] = [];
    if (svc.kind === 'website' && svc.domains?.length === 0) ctx.findings.push(fieldRequired(`services[${i}].domains`));
    if (svc.kind === 'website' && (svc.domains?.length ?? 0) > 1 && isNewServiceKind(ctx.checkKind)) {
      ctx.findings.push(makeFinding('DOMAIN_ONE_PER_WEBSITE', `services[${i}].domains[1]`, {}, { source: 'MIIT-2019-633' }));
    }
    svc.domains?.forEach((_, j) => {
      if (scope === 'none') return;
      const a = checkDomain(ctx, i, j, scope);
      if (!a) return;
      forms.push(a.registrable, a.registrableUnicode, a.label, a.ascii, a.unicode);
      const path = `services[${i}].domains[${j}].name`;
      const other = seenDomains.get(a.registrable);
      if (other !== undefined) ctx.findings.push(makeFinding('DOMAIN_DUPLICATE', path, { domain: a.registrableUnicode, other }));
      else seenDomains.set(a.registrable, path);
    });
    if (!cancelling) checkName(ctx, i, forms);
    if (!cancelling) checkAccess(ctx, i, codesSeen);
    checkApp(ctx, i);
  });
  checkChangedServices(ctx);
  checkLimits(ctx);
  checkExtraDocuments(ctx);
}
