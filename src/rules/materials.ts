// Materials (SPEC §5.3, seed 003): the base documents every filing needs, the auxiliary ones the checks
// asked for (with the province's template and freshness window), and the file rules every upload must meet.

import { daysBetween } from './calendar.ts';
import type { Bilingual, DeepPartial, Finding, MaterialFile, MaterialRequirement } from './draft.ts';
import { fieldInvalid, makeFinding } from './findings.ts';
import { analyseDomain } from './domains.ts';
import { isCancelKind, need, provinceLabel, samePerson, serviceLabel } from './context.ts';
import type { Ctx, MaterialNeed } from './context.ts';

import { MATERIAL_NAMES } from './material-names.ts';
export { MATERIAL_NAMES };

/** Upload rules (seed 003 §1): images only, 200 KB – 4 MB, colour. */
export const MATERIAL_FILE_RULES = {
  formats: ['jpg', 'jpeg', 'png', 'gif'] as const,
  minBytes: 200 * 1024,
  maxBytes: 4 * 1024 * 1024,
  colourRequired: true,
  source: 'SEED-003 §1',
} as const;

export type MaterialFileProblem = 'MATERIAL_FORMAT' | 'MATERIAL_SIZE' | 'MATERIAL_NOT_COLOUR';

export function normaliseFormat(format: string): string {
  return format.trim().toLowerCase().replace(/^image\//, '').replace(/^\./, '');
}

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** File findings for one upload; `path` is where the file sits in the draft, e.g. "materials[2].file". */
export function materialFileFindings(file: DeepPartial<MaterialFile>, path: string): Finding[] {
  const out: Finding[] = [];
  if (file.format !== undefined && !(MATERIAL_FILE_RULES.formats as readonly string[]).includes(normaliseFormat(file.format))) {
    out.push(makeFinding('MATERIAL_FORMAT', `${path}.format`, { format: file.format }, { source: MATERIAL_FILE_RULES.source }));
  }
  if (file.bytes !== undefined && (file.bytes < MATERIAL_FILE_RULES.minBytes || file.bytes > MATERIAL_FILE_RULES.maxBytes)) {
    const hint =
      file.bytes < MATERIAL_FILE_RULES.minBytes
        ? { zh: '可将原件彩色打印后重新拍照，或提高扫描分辨率。', en: 'photograph a colour print of it again or scan at a higher resolution.' }
        : { zh: '请压缩图片或降低分辨率后重新上传。', en: 'compress the image or lower its resolution and upload it again.' };
    out.push(makeFinding('MATERIAL_SIZE', `${path}.bytes`, { size: humanSize(file.bytes), hint }, { source: MATERIAL_FILE_RULES.source }));
  }
  if (file.colour === 'grayscale') out.push(makeFinding('MATERIAL_NOT_COLOUR', `${path}.colour`, {}, { source: MATERIAL_FILE_RULES.source }));
  return out;
}

/** The documents every filing needs: the subject's certificate and each responsible person's ID. */
function addBaseNeeds(ctx: Ctx): void {
  if (!ctx.view.subject || isCancelKind(ctx.checkKind) || ctx.checkKind === 'change_access') return;
  const subjectReason: Bilingual = ctx.isOrg
    ? { zh: '单位证件原件的彩色照片或扫描件', en: 'colour photo or scan of the organisation’s certificate' }
    : { zh: '备案人本人身份证件的彩色照片', en: 'colour photo of the applicant’s own identity document' };
  need(ctx, { kind: 'subject_certificate', appliesTo: 'subject', reason: subjectReason });
  if (ctx.isOrg) {
    need(ctx, {
      kind: 'subject_leader_id',
      appliesTo: 'subject.leader',
      reason: { zh: '主体负责人的身份证件', en: 'identity document of the subject leader' },
    });
  }
  (ctx.view.services ?? []).forEach((_, i) => {
    const raw = ctx.serviceLeaders[i];
    if (raw === undefined || raw === 'subject_leader' || samePerson(raw, ctx.subjectLeader)) return;
    need(ctx, {
      kind: 'service_leader_id',
      appliesTo: `services[${i}]`,
      reason: { zh: `${serviceLabel(ctx, i).zh}负责人的身份证件`, en: `identity document of the leader of ${serviceLabel(ctx, i).en}` },
    });
  });
}

const COMMERCIAL_WORDS = ['商城', '销售', '贸易', '商贸', '电子商务', '电商', '购物', '交易', '批发', '零售', '网店', '代购'];

/** Auxiliary documents that follow from the province's rules rather than from a single field. */
function addProvinceNeeds(ctx: Ctx): void {
  const rules = ctx.rules;
  const s = ctx.view.subject;
  const services = ctx.view.services ?? [];
  if (!rules || isCancelKind(ctx.checkKind) || ctx.checkKind === 'change_access') return;
  const websites = services.map((svc, i) => ({ svc, i })).filter(({ svc }) => svc.kind === 'website' && (svc.domains?.length ?? 0) > 0);
  const province = provinceLabel(ctx);

  if (rules.handheldPhotos.value) {
    need(ctx, {
      kind: ctx.isOrg ? 'handheld_org_certificate_photo' : 'handheld_id_photo',
      appliesTo: ctx.isOrg ? 'subject' : 'subject.leader',
      reason: { zh: `${province.zh}要求手持证件照片`, en: `${province.en} asks for a photo holding the document` },
      rule: rules.handheldPhotos,
    });
  }
  const cert = rules.domainCertificate;
  const domainCount = websites.reduce((n, { svc }) => n + (svc.domains?.length ?? 0), 0);
  const counted = cert.value.when === 'at_least' && cert.value.counting === 'subject' ? domainCount + (ctx.known.filedServiceCount ?? ctx.known.filedServices?.length ?? 0) : domainCount;
  if (cert.value.when === 'always' || (cert.value.when === 'at_least' && counted >= cert.value.domains)) {
    for (const { svc, i } of websites) {
      need(ctx, {
        kind: 'domain_certificate',
        appliesTo: `services[${i}]`,
        reason: {
          zh: `${province.zh}要求提供域名${svc.domains?.[0]?.name ?? ''}的域名证书`,
          en: `${province.en} asks for the registration certificate of ${svc.domains?.[0]?.name ?? 'the domain'}`,
        },
        rule: cert,
      });
    }
  }
  if (rules.establishmentProof.value && (s?.nature === 'government' || s?.nature === 'public_institution')) {
    need(ctx, {
      kind: 'establishment_proof',
      appliesTo: 'subject',
      reason: { zh: `${province.zh}要求党政机关和事业单位提供编办证明`, en: `${province.en} asks government bodies and public institutions for the establishment proof` },
      rule: rules.establishmentProof,
    });
  }
  if (rules.businessNatureStatement.value && ctx.isOrg) {
    const texts = [s?.name, ...services.flatMap((svc) => [svc.name, svc.remarks])].filter((t): t is string => t !== undefined);
    const word = COMMERCIAL_WORDS.find((w) => texts.some((t) => t.includes(w)));
    if (word) {
      need(ctx, {
        kind: 'business_nature_statement',
        appliesTo: 'subject',
        reason: {
          zh: `名称或备注含经营性字样“${word}”；如管局确认无需经营许可证，需提供经营性说明书`,
          en: `the name or remarks contain the commercial word "${word}"; if the 管局 confirmed no licence is needed, attach a business-nature statement`,
        },
        rule: rules.businessNatureStatement,
      });
    }
  }
  addSitePlanNeed(ctx, websites.map(({ svc }) => svc.domains?.[0]?.name).filter((n): n is string => n !== undefined));
}

function addSitePlanNeed(ctx: Ctx, newDomains: string[]): void {
  const rules = ctx.rules;
  if (!rules) return;
  const filed = ctx.known.filedServices ?? [];
  const filedCount = ctx.known.filedServiceCount ?? filed.length;
  for (const t of rules.siteConstructionPlan.value) {
    if (t.natures !== 'any' && t.natures !== (ctx.isOrg ? 'organisation' : 'individual')) continue;
    let measured: number;
    if (t.measure === 'services') measured = filedCount + (ctx.view.services?.length ?? 0);
    else {
      const prefixes = new Set<string>();
      for (const name of [...newDomains, ...filed.map((f) => f.key)]) {
        const a = analyseDomain(name);
        if (a.ok) prefixes.add(a.label);
      }
      measured = prefixes.size;
    }
    if (measured < t.atLeast) continue;
    const what = t.measure === 'services' ? { zh: '个网站/App', en: 'services' } : { zh: '个不同的域名前缀', en: 'distinct domain prefixes' };
    need(ctx, {
      kind: 'site_construction_plan',
      appliesTo: 'subject',
      reason: {
        zh: `主体下已有${measured}${what.zh}（达到${provinceLabel(ctx).zh}的${t.atLeast}个门槛），需提供网站建设方案书`,
        en: `the subject reaches ${measured} ${what.en} (${provinceLabel(ctx).en}'s threshold is ${t.atLeast}); a website construction plan is needed`,
      },
      rule: rules.siteConstructionPlan,
    });
    return;
  }
}

function matches(n: MaterialNeed, appliesTo: string | undefined): boolean {
  return appliesTo === undefined || n.appliesTo === undefined || n.appliesTo === appliesTo || (n.alsoCovers ?? []).includes(appliesTo);
}

/** Turns the collected needs into the result's material list, and checks what was provided. */
export function finaliseMaterials(ctx: Ctx): MaterialRequirement[] {
  addBaseNeeds(ctx);
  addProvinceNeeds(ctx);
  const rules = ctx.rules;
  const provided = ctx.view.materials ?? [];
  const seen = new Set<string>();
  const result: MaterialRequirement[] = [];
  for (const n of ctx.needs) {
    const key = `${n.kind}|${n.appliesTo ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const maxAgeDays = rules?.materialMaxAgeDays.value[n.kind];
    const template = rules?.templates.value[n.kind];
    const isProvided = provided.some((m) => m.kind === n.kind && matches(n, m.appliesTo));
    const req: MaterialRequirement = { kind: n.kind, reason: n.reason, provided: isProvided };
    if (n.appliesTo !== undefined) req.appliesTo = n.appliesTo;
    if (maxAgeDays !== undefined) req.maxAgeDays = maxAgeDays;
    if (template !== undefined) req.template = template;
    result.push(req);
    if (!isProvided) {
      const options = n.rule ? { rule: n.rule } : {};
      ctx.findings.push(makeFinding('MATERIAL_MISSING', 'materials', { material: MATERIAL_NAMES[n.kind], reason: n.reason }, options));
    }
  }
  provided.forEach((m, k) => {
    const path = `materials[${k}]`;
    if (m.file) ctx.findings.push(...materialFileFindings(m.file, `${path}.file`));
    const maxDays = m.kind ? rules?.materialMaxAgeDays.value[m.kind] : undefined;
    if (!m.kind || maxDays === undefined) return;
    if (m.issuedOn === undefined) {
      ctx.findings.push(makeFinding('MATERIAL_DATE_MISSING', `${path}.issuedOn`, { material: MATERIAL_NAMES[m.kind], maxDays }));
      return;
    }
    if (!ctx.today) return;
    const age = daysBetween(m.issuedOn, ctx.today);
    if (age < 0) ctx.findings.push(fieldInvalid(`${path}.issuedOn`, { zh: '开具日期晚于判断日期。', en: 'the issue date is after the judgement date.' }));
    else if (age > maxDays) {
      ctx.findings.push(
        makeFinding('MATERIAL_TOO_OLD', `${path}.issuedOn`, { material: MATERIAL_NAMES[m.kind], issuedOn: m.issuedOn, maxDays }, { rule: rules?.materialMaxAgeDays }),
      );
    }
  });
  return result;
}
