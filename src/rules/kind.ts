// Filing-kind detection (SPEC §4, anchors §1.2). The applicant never picks the kind: it follows from what the
// regulator already holds for the subject (keyed by certificate type + number, not by name) and for each
// service (its registrable domain or App package). The caller, who can see the database and the regulator,
// describes that in KnownFilings; this module only decides.
//
// Without any knowledge (NOTHING_KNOWN, e.g. the public pre-check) we assume nothing has been filed: the kind is
// 'first_filing' whenever the draft has at least one service, and null when it has none — an empty draft can
// only be a change or a cancellation, which must be requested explicitly (KnownFilings.requestedKind).

import { analyseDomain } from './domains.ts';
import type { DraftView, FilingKind } from './draft.ts';
import type { FindingCode } from './finding-texts.ts';
import { PROVINCE_RULES } from './data/province-rules.ts';
import { isProvinceCode } from './data/provinces.ts';

export type KnownService = {
  /** The service's key: registrable ASCII domain for websites, package name (or name) for Apps. */
  key: string;
  /** True when this provider is (one of) its access providers. */
  accessedHere: boolean;
  serviceNumber?: string;
};

export type KnownFilings = {
  /** Whether the regulator holds this subject, and whether it is accessed through this provider. */
  subject: 'unknown' | 'none' | 'here' | 'elsewhere';
  subjectNumber?: string;
  /** The subject is filed but has no services left (空壳主体). */
  subjectIsShell?: boolean;
  /** Services already filed under this subject — or, with subject 'none', under anybody. */
  filedServices?: readonly KnownService[];
  /** Count of services filed under the subject, where the list itself is not at hand. */
  filedServiceCount?: number;
  /** Leader ID numbers that already appear in other subjects' filings (employment proof, duplicates). */
  leaderIdsInOtherSubjects?: readonly string[];
  /** The subject (certificate) already has an order in flight here or elsewhere. */
  orderInFlight?: boolean;
  /** A change or cancellation explicitly requested on an existing filing. */
  requestedKind?: Extract<FilingKind, `change_${string}` | `cancel_${string}`>;
};

export const NOTHING_KNOWN: KnownFilings = Object.freeze({ subject: 'unknown' });

export type KindDecision = {
  kind: FilingKind | null;
  /** Why the kind is null (or why the order cannot proceed), with the draft path concerned. */
  blocker?: { code: FindingCode; path: string; service?: string; hint?: { zh: string; en: string } };
};

/** The key under which the regulator knows a service; undefined when the draft does not say enough. */
export function serviceKey(service: NonNullable<DraftView['services']>[number]): string | undefined {
  if (service.kind === 'website' || (service.kind === undefined && service.domains?.length)) {
    const name = service.domains?.[0]?.name;
    if (name === undefined) return undefined;
    const a = analyseDomain(name);
    return a.ok ? a.registrable : undefined;
  }
  return service.app?.packageName ?? service.name;
}

export function decideKind(draft: DraftView, known: KnownFilings): KindDecision {
  if (known.requestedKind) {
    if (known.subject === 'here') return { kind: known.requestedKind };
    return {
      kind: null,
      blocker: {
        code: 'KIND_UNDECIDED',
        path: '',
        hint: {
          zh: '变更或注销只能针对在本接入商已备案的主体。',
          en: 'a change or cancellation needs a subject filed with this provider.',
        },
      },
    };
  }
  const services = draft.services ?? [];
  if (services.length === 0 && (known.subject === 'here' || known.subject === 'elsewhere')) {
    // A subject already filed, with nothing to add yet (a new-service order just opened): ask for the service.
    return { kind: null, blocker: { code: 'SERVICE_REQUIRED', path: 'services' } };
  }
  if (services.length === 0) {
    return {
      kind: null,
      blocker: {
        code: 'KIND_UNDECIDED',
        path: 'services',
        hint: {
          zh: '申请中没有网站或App；如需变更或注销，请在已备案记录上发起。',
          en: 'the draft has no website or App; start a change or cancellation from the filed record instead.',
        },
      },
    };
  }
  const filed = new Map((known.filedServices ?? []).map((s) => [s.key, s]));
  const matches = services.map((s) => {
    const key = serviceKey(s);
    return key === undefined ? undefined : filed.get(key);
  });
  const filedCount = matches.filter((m) => m !== undefined).length;

  const hereIndex = matches.findIndex((m) => m?.accessedHere === true);
  if (hereIndex >= 0 && (known.subject === 'here' || known.subject === 'unknown')) {
    return {
      kind: null,
      blocker: { code: 'SERVICE_ALREADY_FILED', path: `services[${hereIndex}]`, service: services[hereIndex]?.name ?? '' },
    };
  }
  if (filedCount > 0 && filedCount < services.length) {
    return {
      kind: null,
      blocker: {
        code: 'KIND_UNDECIDED',
        path: 'services',
        hint: {
          zh: '部分网站已备案、部分未备案：请将“接入”与“新增”分成两个申请。',
          en: 'some services are filed and some are not: split connecting and adding into two orders.',
        },
      },
    };
  }
  const allFiled = filedCount === services.length;

  switch (known.subject) {
    case 'unknown':
      return { kind: allFiled ? 'connect' : 'first_filing' };
    case 'none':
      if (!allFiled) return { kind: 'first_filing' };
      return {
        kind: null,
        blocker: {
          code: 'KIND_UNDECIDED',
          path: 'services[0].domains[0].name',
          hint: {
            zh: '域名已被其他主体备案：请原主体先注销该网站，或核对主体证件是否与原备案一致。',
            en: 'the domain is filed by another subject: have it cancelled there first, or check the certificate matches the old filing.',
          },
        },
      };
    case 'here':
    case 'elsewhere': {
      if (allFiled) return { kind: 'connect' };
      const province = draft.province;
      const shellMayAdd = isProvinceCode(province) && PROVINCE_RULES[province].shellSubjectMayAddService.value;
      if (known.subjectIsShell && !shellMayAdd) {
        return { kind: null, blocker: { code: 'SHELL_SUBJECT_CANCEL_FIRST', path: 'subject' } };
      }
      return { kind: known.subject === 'here' ? 'new_service_subject_here' : 'new_service_subject_elsewhere' };
    }
  }
}

/** The kind the system assigns, or null where the draft and the knowledge do not decide it. */
export function detectKind(draft: DraftView, known: KnownFilings = NOTHING_KNOWN): FilingKind | null {
  return decideKind(draft, known).kind;
}
