import type { Bilingual } from '../api/client.ts';

/** GET …/services/{serviceNumber}/police-filing (src/aftercare/queries/police-filing-guide.ts). */
export type GuideField = {
  name: string;
  section: 'access' | 'registrar' | 'site' | 'server' | 'support';
  label: Bilingual;
  value: string | null;
  source: 'provider' | 'registrar' | 'filing' | 'resource' | 'rules' | 'owner';
  sourceNote: Bilingual;
  hint?: Bilingual;
};
export type DocumentLink = { kind: string; name: Bilingual; href: string };
export type PoliceGuide = {
  subjectNumber: string;
  serviceNumber: string;
  serviceSeq: number;
  serviceName: string;
  domain: string | null;
  status: 'not_launched' | 'open' | 'overdue' | 'recorded';
  launchedOn: string | null;
  dueOn: string | null;
  daysLeft: number | null;
  reminders: { day: number; at: string; state: 'scheduled' | 'sent' | 'failed' | 'not_needed' | 'passed' }[];
  policeNumber: string | null;
  policeText: string | null;
  policeLink: string | null;
  /** When the compliance footer sweep starts looking for the police number (30 days after it was recorded). */
  footerCheckedFrom: string | null;
  level: 2 | 3;
  levelReason: Bilingual;
  wanganCode: string | null;
  fields: GuideField[];
  warnings: { code: string; message: Bilingual }[];
  platformUrl: string;
  isDemoFacts: boolean;
  documents: DocumentLink[];
};

export type LicenceFinding = {
  code: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: Bilingual;
  source?: string;
  fix?: 'change_service' | 'update_dns' | 'new_contract';
};
export type LicenceCheck = {
  ok: boolean;
  subjectNumber: string;
  filingProvince: string;
  findings: LicenceFinding[];
  documents: { kind: string; name: Bilingual; how: Bilingual; href: string | null }[];
  changeServiceOrder: { body: { kind: 'change_service'; services: string[] } } | null;
};
