// Names of draft fields for people: the pre-check, reviewers and the regulator all point at fields by path
// ("services[0].domains[0].name"); the console says "网站 1 · 域名" and knows which wizard step holds it.
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import type { MaterialKind } from '../../../src/rules/draft.ts';
import { describeField } from '../../../src/rules/field-labels.ts';
import { translate, type Lang, type MessageKey } from '../i18n.ts';

export const STEP_KEYS = [
  'wizard.step.subject',
  'wizard.step.leader',
  'wizard.step.services',
  'wizard.step.materials',
  'wizard.step.face',
  'wizard.step.submit',
] as const satisfies readonly MessageKey[];
export const STEP = { subject: 0, leader: 1, services: 2, materials: 3, face: 4, submit: 5 } as const;

/** The wizard step that holds a path. */
export function stepOfPath(path: string): number {
  if (path.startsWith('subject.leader')) return STEP.leader;
  if (path === '' || path === 'province' || path.startsWith('subject')) return STEP.subject;
  if (/^services\[\d+\]\.leader/.test(path) || path.startsWith('services')) return STEP.services;
  if (path.startsWith('materials')) return STEP.materials;
  return STEP.submit;
}

/**
 * "网站 1 负责人 · 手机号码" for services[0].leader.mobile, in the given language: the form's own labels, from the one
 * table the pre-check's messages use (src/rules/field-labels.ts); an uploaded material is named by its kind.
 */
export function describePath(
  path: string,
  lang: Lang,
  materials: { kind: string; appliesTo: string | null }[] = [],
): string {
  const material = /^materials\[(\d+)\]/.exec(path);
  if (material) {
    const uploaded = materials[Number(material[1])];
    const name = uploaded ? MATERIAL_NAMES[uploaded.kind as MaterialKind]?.[lang] : undefined;
    return name ?? translate(lang, 'field.materials');
  }
  return describeField(path)[lang];
}

/** Where "subject.leader" or "services[1]" (a material's appliesTo) points, for people. */
export function describeTarget(appliesTo: string | null | undefined, lang: Lang): string {
  if (!appliesTo) return '';
  if (appliesTo === 'subject') return translate(lang, 'field.subject');
  return describePath(appliesTo, lang);
}

/** The step where a finding is fixed: face checks have their own step, the rest follow their path. */
export function stepOfFinding(finding: { code: string; path: string }): number {
  return finding.code.startsWith('FACE_') ? STEP.face : stepOfPath(finding.path);
}

const PERSON_FIELDS = ['name', 'idType', 'idNumber', 'idValidUntil', 'mobile', 'emergencyPhone', 'email'];
/** Paths the wizard has an input for (services[N] written as services[]), with the parent paths those inputs answer for. */
const PLACED = new Set([
  'province',
  'subject',
  'subject.nature',
  'subject.name',
  'subject.certificate',
  'subject.certificate.type',
  'subject.certificate.number',
  'subject.certificate.validUntil',
  'subject.certificate.address',
  'subject.mailingAddress',
  'subject.legalRepresentative',
  'subject.leader',
  ...PERSON_FIELDS.map((f) => `subject.leader.${f}`),
  'services[]',
  'services[].kind',
  'services[].name',
  'services[].domains',
  'services[].domains[0]',
  'services[].domains[0].name',
  'services[].domains[0].holder',
  'services[].domains[0].realNameVerifiedOn',
  'services[].domains[0].expiresOn',
  'services[].app',
  'services[].app.platforms',
  'services[].app.packageName',
  'services[].app.signatureMd5',
  'services[].app.publicKey',
  'services[].access',
  'services[].access.serviceCode',
  'services[].access.ips',
  'services[].access.ips[0]',
  'services[].contentTypes',
  'services[].contentTypes[0]',
  'services[].homepage',
]);

/** Whether a finding shows under an input of the wizard; the others are listed at the foot of their step. */
export function isPlaced(path: string, draft: Record<string, unknown>): boolean {
  const pattern = path.replace(/^services\[\d+\]/, 'services[]');
  const ownLeader = /^services\[(\d+)\]\.leader(?:\.(\w+))?$/.exec(path);
  if (ownLeader) {
    const leader = (draft.services as { leader?: unknown }[] | undefined)?.[Number(ownLeader[1])]?.leader;
    return typeof leader === 'object' && leader !== null && (!ownLeader[2] || PERSON_FIELDS.includes(ownLeader[2]));
  }
  return PLACED.has(pattern);
}

/**
 * Parent paths the pre-check may name, and the input that shows their findings (its `also`): "subject.certificate"
 * (no certificate at all) under 证件类型, a service as a whole under its name, a domain under the domain input.
 */
const INPUT_OF_PARENT: Readonly<Record<string, string>> = {
  subject: 'subject.nature',
  'subject.certificate': 'subject.certificate.type',
  'subject.leader': 'subject.leader.name',
  'services[]': 'services[].name',
  'services[].leader': 'services[].leader.name',
  'services[].domains': 'services[].domains[0].name',
  'services[].domains[0]': 'services[].domains[0].name',
  'services[].app': 'services[].app.platforms',
  'services[].access': 'services[].access.serviceCode',
  'services[].access.ips': 'services[].access.ips[0]',
  'services[].contentTypes': 'services[].contentTypes[0]',
};

/** The path of the input that shows a finding on `path`, for links that take the user there ("主体证件" → 证件类型). */
export function inputPathOf(path: string): string {
  const service = /^services\[(\d+)\]/.exec(path);
  const pattern = path.replace(/^services\[\d+\]/, 'services[]');
  const input = INPUT_OF_PARENT[pattern];
  if (!input) return path;
  return service ? input.replace('services[]', `services[${service[1]}]`) : input;
}
