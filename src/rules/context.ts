// Shared state of one pre-check run: the draft as read, the province and its rules, the date the rules are
// judged at, and the materials the checks found necessary. Checks add findings and material needs here;
// materials.ts turns the needs into the result's material list at the end.

import type { Bilingual, DeepPartial, DraftView, Finding, FilingKind, MaterialKind, Person, SubjectNature } from './draft.ts';
import type { IdCheck } from './identity.ts';
import type { KnownFilings } from './kind.ts';
import type { ProvinceRules, Sourced } from './data/province-rules-types.ts';
import type { ProvinceInfo } from './data/provinces.ts';

export type PersonFacts = {
  /** Draft path of the person: "subject.leader" or "services[2].leader". */
  path: string;
  person: DeepPartial<Person>;
  label: Bilingual;
  /** Normalised ID number, the key for "is this the same person". */
  idKey?: string;
  id?: IdCheck;
  age?: number;
  mobile?: string;
  isLegalRep?: boolean;
};

export type MaterialNeed = {
  kind: MaterialKind;
  appliesTo?: string;
  /** Other appliesTo values the same material also covers (Shanghai: one letter for one leader's sites). */
  alsoCovers?: readonly string[];
  reason: Bilingual;
  rule?: Sourced<unknown>;
};

export type Ctx = {
  view: DraftView;
  findings: Finding[];
  province?: ProvinceInfo;
  rules?: ProvinceRules;
  /** ISO date (Asia/Shanghai) the rules are judged at; undefined skips date-dependent checks. */
  today?: string;
  known: KnownFilings;
  kind: FilingKind | null;
  /** The kind the checks assume when the kind is undecided: a first filing asks the most. */
  checkKind: FilingKind;
  nature?: SubjectNature;
  isOrg: boolean;
  subjectLeader?: PersonFacts;
  /** Per service: its leader's facts, 'subject_leader', or undefined when unreadable. */
  serviceLeaders: (PersonFacts | 'subject_leader' | undefined)[];
  needs: MaterialNeed[];
};

export const NEW_SERVICE_KINDS: readonly FilingKind[] = ['first_filing', 'new_service_subject_here', 'new_service_subject_elsewhere'];

export function isNewServiceKind(kind: FilingKind): boolean {
  return NEW_SERVICE_KINDS.includes(kind);
}

export function isCancelKind(kind: FilingKind): boolean {
  return kind === 'cancel_subject' || kind === 'cancel_service' || kind === 'cancel_access';
}

export function provinceLabel(ctx: Ctx): Bilingual {
  return ctx.province ? { zh: ctx.province.name, en: ctx.province.nameEn } : { zh: '该省', en: 'this province' };
}

/** Names compared the way a reviewer would: width-folded, without spaces, brackets unified, case-blind. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return a === b || normaliseName(a) === normaliseName(b);
}

function normaliseName(s: string): string {
  return s.normalize('NFKC').replace(/[\s·•.]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

export function idKeyOf(idNumber: string | undefined): string | undefined {
  return idNumber === undefined ? undefined : idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Same person: same ID number where both are known, otherwise the same name. */
export function samePerson(a: PersonFacts | undefined, b: PersonFacts | undefined): boolean {
  if (!a || !b) return false;
  if (a.idKey !== undefined && b.idKey !== undefined) return a.idKey === b.idKey;
  return sameName(a.person.name, b.person.name);
}

export function serviceLabel(ctx: Ctx, i: number): Bilingual {
  const name = ctx.view.services?.[i]?.name;
  return name ? { zh: `“${name}”`, en: `"${name}"` } : { zh: `第${i + 1}个服务`, en: `service ${i + 1}` };
}

/** The leader of service i as facts, resolving 'subject_leader'. */
export function leaderOf(ctx: Ctx, i: number): PersonFacts | undefined {
  const l = ctx.serviceLeaders[i];
  return l === 'subject_leader' ? ctx.subjectLeader : l;
}

export function need(ctx: Ctx, n: MaterialNeed): void {
  ctx.needs.push(n);
}
