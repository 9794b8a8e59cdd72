// The explainable pre-check (DESIGN §5.3): reads any input, decides the filing kind, runs every check and
// lists the materials the filing needs. It never throws — a malformed field is a finding — and it never reads
// the clock: the rules are judged at draft.submittedOn, else options.today (both ISO dates, Asia/Shanghai);
// with both, at the later of the two.

import { isIsoDate } from './calendar.ts';
import { checkContacts, checkCrossProvincePerson, checkLeadership, checkPerson, buildPersonFacts } from './check-people.ts';
import { checkServices } from './check-services.ts';
import { checkSubject } from './check-subject.ts';
import { isOrganisation } from './draft.ts';
import type { Finding, PrecheckResult } from './draft.ts';
import { FINDING_TEXTS } from './finding-texts.ts';
import { fieldInvalid, makeFinding } from './findings.ts';
import { decideKind, NOTHING_KNOWN } from './kind.ts';
import type { KnownFilings } from './kind.ts';
import { finaliseMaterials } from './materials.ts';
import { readDraft } from './shape.ts';
import type { Ctx } from './context.ts';
import { serviceLabel } from './context.ts';
import { PROVINCE_RULES } from './data/province-rules.ts';
import { PROVINCES, isProvinceCode } from './data/provinces.ts';

export type PrecheckOptions = {
  /** What the regulator and this provider already hold; NOTHING_KNOWN when absent. */
  known?: KnownFilings;
  /** Today (ISO date, Asia/Shanghai): the judgement date when the draft has no submittedOn or an earlier one. */
  today?: string;
};

function run(input: unknown, options: PrecheckOptions): PrecheckResult {
  const findings: Finding[] = [];
  const view = readDraft(input, findings);
  const code = view.province;
  const province = isProvinceCode(code) ? PROVINCES[code] : undefined;
  if (code !== undefined && !province) findings.push(makeFinding('PROVINCE_UNKNOWN', 'province', { value: code }));

  let today = view.submittedOn;
  if (options.today !== undefined) {
    if (!isIsoDate(options.today)) {
      findings.push(fieldInvalid('submittedOn', { zh: '判断日期无效（YYYY-MM-DD）。', en: 'the date to judge at is not a YYYY-MM-DD date.' }));
    } else if (today === undefined || today < options.today) {
      // A submission is never judged at a day already past: a stale submittedOn would let an expiring
      // domain or ID pass. A later (planned) submittedOn is honoured.
      today = options.today;
    }
  }
  if (today === undefined) findings.push(makeFinding('JUDGEMENT_DATE_MISSING', 'submittedOn'));

  const known = options.known ?? NOTHING_KNOWN;
  const decision = decideKind(view, known);
  // A missing or unreadable services list is already reported; "no services, no kind" would only repeat it.
  const repeatsServices = decision.blocker?.path === 'services' && view.services === undefined;
  if (decision.blocker && !repeatsServices) {
    const b = decision.blocker;
    findings.push(makeFinding(b.code, b.path, { province: province ? { zh: province.name, en: province.nameEn } : '', hint: b.hint ?? '', service: b.service ?? '' }));
  }
  if (known.orderInFlight) findings.push(makeFinding('ORDER_IN_PROGRESS', 'subject.certificate.number'));

  const nature = view.subject?.nature;
  const ctx: Ctx = {
    view,
    findings,
    province,
    rules: province ? PROVINCE_RULES[province.code as keyof typeof PROVINCE_RULES] : undefined,
    today,
    known,
    kind: decision.kind,
    checkKind: decision.kind ?? 'first_filing',
    nature,
    // An unreadable nature is treated as an organisation only when an organisation certificate says so.
    isOrg: nature !== undefined ? isOrganisation(nature) : view.subject?.certificate?.type?.endsWith('license') === true,
    serviceLeaders: [],
    needs: [],
  };

  const leader = view.subject?.leader;
  if (leader) {
    ctx.subjectLeader = buildPersonFacts(ctx, leader, 'subject.leader', { zh: '主体负责人', en: 'the subject leader' });
  }
  ctx.serviceLeaders = (view.services ?? []).map((svc, i) => {
    if (svc.leader === 'subject_leader' || svc.leader === undefined) return svc.leader;
    const label = serviceLabel(ctx, i);
    return buildPersonFacts(ctx, svc.leader, `services[${i}].leader`, { zh: `${label.zh}的负责人`, en: `the leader of ${label.en}` });
  });

  checkSubject(ctx);
  if (ctx.subjectLeader) checkPerson(ctx, ctx.subjectLeader, 'subject');
  ctx.serviceLeaders.forEach((l) => {
    if (l !== undefined && l !== 'subject_leader') checkPerson(ctx, l, 'service');
  });
  checkCrossProvincePerson(ctx);
  checkLeadership(ctx);
  checkContacts(ctx);
  checkServices(ctx);
  const materials = finaliseMaterials(ctx);

  return {
    ok: !findings.some((f) => f.severity === 'error'),
    kind: decision.kind,
    province: province ? { code: province.code, name: province.name, icpPrefix: province.icpPrefix } : { code: code ?? '', name: '', icpPrefix: '' },
    findings,
    materials,
  };
}

/**
 * Pre-checks a filing draft. Any input is accepted — null, a partial object, wrong types — and answered with
 * findings; an unexpected internal failure is itself reported as a finding rather than thrown.
 */
export function precheck(draft: unknown, options: PrecheckOptions = {}): PrecheckResult {
  try {
    return run(draft, options);
  } catch (error) {
    return {
      ok: false,
      kind: null,
      province: { code: '', name: '', icpPrefix: '' },
      findings: [
        {
          code: 'PRECHECK_FAILED',
          severity: 'error',
          path: '',
          message: {
            zh: FINDING_TEXTS.PRECHECK_FAILED.zh,
            en: FINDING_TEXTS.PRECHECK_FAILED.en.replace('{detail}', error instanceof Error ? error.message : 'unknown error'),
          },
        },
      ],
      materials: [],
    };
  }
}
