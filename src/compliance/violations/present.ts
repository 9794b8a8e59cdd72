import { ACTION_NAMES, ESCALATION_RULES, INCIDENT_KIND_NAMES, toUnicodeDomain, type EscalationAction, type IncidentKind } from '../../rules/index.ts';
import { NOT_CONNECTED_RULE } from './repo.ts';

type Bilingual = { zh: string; en: string };

export type ServiceState = 'connected' | 'suspended' | 'revoked' | 'cancelled';

export type IncidentView = {
  id: string;
  serviceNumber: string;
  subjectNumber: string;
  domains: string[];
  kind: IncidentKind;
  kindName: Bilingual;
  note: string;
  occurredAt: string;
  recordedBy: string | null;
  action: EscalationAction;
  actionName: Bilingual;
  rule: { id: string; text: Bilingual; source: string };
  suspension: { until: string; liftedAt: string | null; isActive: boolean } | null;
  /** The service as it stands now, so the ledger shows whether a suspension still holds or the site was closed. */
  serviceState: ServiceState;
};

const NOT_CONNECTED_TEXT: Bilingual = { zh: '网站已不在本接入商接入，仅记录', en: 'The site no longer has access here; recorded only' };

export function ruleView(id: string): IncidentView['rule'] {
  if (id === NOT_CONNECTED_RULE) return { id, text: NOT_CONNECTED_TEXT, source: 'SPEC §8' };
  const rule = ESCALATION_RULES.find((r) => r.id === id);
  return rule ? { id, text: rule.text, source: rule.source } : { id, text: { zh: id, en: id }, source: '' };
}

export type IncidentRow = {
  id: string;
  service_number: string;
  subject_number: string;
  kind: IncidentKind;
  note: string;
  occurred_at: Date;
  action: EscalationAction;
  rule_id: string;
  recorded_by_email: string | null;
  suspension_until: Date | null;
  suspension_lifted_at: Date | null;
  domain: string | null;
  domains: string[];
  access_state: 'connected' | 'revoked' | 'cancelled';
  is_suspended: boolean;
};

export function presentIncident(row: IncidentRow): IncidentView {
  const domains = [...new Set([row.domain, ...row.domains].filter((d): d is string => Boolean(d)))].map((d) => toUnicodeDomain(d));
  return {
    id: row.id,
    serviceNumber: row.service_number,
    subjectNumber: row.subject_number,
    domains,
    kind: row.kind,
    kindName: INCIDENT_KIND_NAMES[row.kind],
    note: row.note,
    occurredAt: row.occurred_at.toISOString(),
    recordedBy: row.recorded_by_email,
    action: row.action,
    actionName: ACTION_NAMES[row.action],
    rule: ruleView(row.rule_id),
    suspension: row.suspension_until ? { until: row.suspension_until.toISOString(), liftedAt: row.suspension_lifted_at?.toISOString() ?? null, isActive: row.suspension_lifted_at === null } : null,
    serviceState: row.access_state === 'connected' && row.is_suspended ? 'suspended' : row.access_state,
  };
}
