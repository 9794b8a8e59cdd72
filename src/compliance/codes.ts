/**
 * What a compliance sweep can find wrong with a filed, connected service (DESIGN §5.9). Each code belongs to the
 * sweep that looks for it (so a sweep closes only its own findings) and carries the workdays the owner is given to
 * put it right before access is revoked (SPEC §12; the provider may change them per code).
 */
export const SWEEP_KINDS = ['dns', 'footer', 'registrar'] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];

export const FINDING_CODES = {
  SHELL_SITE: { sweep: 'dns', workdays: 5 },
  FOOTER_NUMBER_MISSING: { sweep: 'footer', workdays: 5 },
  FOOTER_NOT_LINKED: { sweep: 'footer', workdays: 5 },
  FOOTER_POLICE_NUMBER_MISSING: { sweep: 'footer', workdays: 5 },
  SITE_UNREACHABLE: { sweep: 'footer', workdays: 10 },
  DOMAIN_EXPIRED: { sweep: 'registrar', workdays: 5 },
  DOMAIN_HOLDER_CHANGED: { sweep: 'registrar', workdays: 10 },
  DOMAIN_NOT_REAL_NAME: { sweep: 'registrar', workdays: 10 },
} as const satisfies Record<string, { sweep: SweepKind; workdays: number }>;

export type FindingCode = keyof typeof FINDING_CODES;

export const isFindingCode = (value: string): value is FindingCode => Object.hasOwn(FINDING_CODES, value);

export const codesOfSweep = (sweep: SweepKind): FindingCode[] =>
  (Object.keys(FINDING_CODES) as FindingCode[]).filter((code) => FINDING_CODES[code].sweep === sweep);
