// Content-violation escalation (SPEC §8), as data: what a newly recorded incident does to the service it is about,
// given the service's earlier incidents. Pure: times come in as arguments.

export const INCIDENT_KINDS = ['violation', 'owner_unreachable', 'false_contact', 'refused_deletion'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const ESCALATION_ACTIONS = ['record_only', 'suspend', 'close'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

export const INCIDENT_KIND_NAMES: Record<IncidentKind, { zh: string; en: string }> = {
  violation: { zh: '出现违规信息', en: 'Prohibited content found' },
  owner_unreachable: { zh: '1 小时内无法联系网站负责人', en: 'Owner not reachable within 1 hour' },
  false_contact: { zh: '联系资料虚假', en: 'False contact details' },
  refused_deletion: { zh: '告知后拒不删除违规信息', en: 'Refused to delete the content when told' },
};

export const ACTION_NAMES: Record<EscalationAction, { zh: string; en: string }> = {
  record_only: { zh: '仅记录', en: 'Recorded only' },
  suspend: { zh: '暂停服务', en: 'Service suspended' },
  close: { zh: '关闭网站', en: 'Site closed' },
};

const HOUR_MS = 3600_000;
export const SUSPENSION_MS = 12 * HOUR_MS;

/** Where the rules come from: the SPEC's line and the provider's published practice it organises. */
const SPEC = 'SPEC §8 (Content violations)';
const SEED = 'seeds/004 网站信息违规处理机制';

export type EscalationRule = {
  id: string;
  /** The kind of the new incident this rule looks at. */
  kind: IncidentKind;
  /** Fires when at least this many incidents of `kind` (the new one included) fall in the window. */
  atLeast: number;
  /** Look-back from the new incident, inclusive (an incident exactly this long ago counts); null: the whole history. */
  windowMs: number | null;
  action: EscalationAction;
  /** How long a suspension lasts. */
  suspendMs?: number;
  source: string;
  text: { zh: string; en: string };
};

/**
 * Checked in this order; the first that fires decides. For each kind the harsher rule comes first, and each kind ends
 * with a rule of `atLeast: 1`, so every incident has a decision.
 */
export const ESCALATION_RULES: readonly EscalationRule[] = [
  {
    id: 'violations_3_in_24h',
    kind: 'violation',
    atLeast: 3,
    windowMs: 24 * HOUR_MS,
    action: 'close',
    source: `${SPEC}; ${SEED}: 24小时内网站连续出现3次及以上违规信息……关闭网站`,
    text: { zh: '24 小时内出现 3 次及以上违规信息，关闭网站', en: '3 or more violations within 24 hours: the site is closed' },
  },
  {
    id: 'violation_recorded',
    kind: 'violation',
    atLeast: 1,
    windowMs: null,
    action: 'record_only',
    source: `${SPEC}; ${SEED}: 网站出现违规信息必须删除（工作人员通知删除）`,
    text: { zh: '记录违规并通知负责人删除', en: 'Recorded; the owner is told to delete the content' },
  },
  {
    id: 'owner_unreachable_3_times',
    kind: 'owner_unreachable',
    atLeast: 3,
    windowMs: null,
    action: 'close',
    source: `${SPEC}; ${SEED}: 连续出现3次此情况，关闭网站`,
    text: { zh: '第 3 次无法联系负责人，关闭网站', en: 'Owner unreachable for the third time: the site is closed' },
  },
  {
    id: 'owner_unreachable_suspend',
    kind: 'owner_unreachable',
    atLeast: 1,
    windowMs: null,
    action: 'suspend',
    suspendMs: SUSPENSION_MS,
    source: `${SPEC}; ${SEED}: 1个小时内无法联系到网站负责人……暂停您的网站服务，网站将于12个小时后再开启`,
    text: { zh: '1 小时内无法联系负责人，暂停服务 12 小时', en: 'Owner unreachable within 1 hour: service suspended for 12 hours' },
  },
  {
    id: 'false_contact',
    kind: 'false_contact',
    atLeast: 1,
    windowMs: null,
    action: 'close',
    source: `${SPEC}; ${SEED}: 填写的详细资料有虚假信息（如电话或邮箱地址虚假）直接关闭网站`,
    text: { zh: '联系资料虚假，直接关闭网站', en: 'False contact details: the site is closed' },
  },
  {
    id: 'refused_deletion',
    kind: 'refused_deletion',
    atLeast: 1,
    windowMs: null,
    action: 'close',
    source: `${SPEC}; ${SEED}: 电话告知客户后，客户不删除将直接关闭网站`,
    text: { zh: '告知后拒不删除违规信息，直接关闭网站', en: 'Refused to delete the content when told: the site is closed' },
  },
];

export type PastIncident = { at: Date; kind: IncidentKind };

export type EscalationDecision = {
  action: EscalationAction;
  rule: EscalationRule;
  /** When a suspension ends (suspend only). */
  until: Date | null;
  /** Incidents of the rule's kind counted in its window, the new one included. */
  counted: number;
};

/**
 * The decision for a new incident of `kind` at `at`, given the service's earlier incidents (any order; incidents
 * after `at` are ignored, so replaying history gives the same answers).
 */
export function decideEscalation(kind: IncidentKind, history: readonly PastIncident[], at: Date, rules: readonly EscalationRule[] = ESCALATION_RULES): EscalationDecision {
  const now = at.getTime();
  for (const rule of rules) {
    if (rule.kind !== kind) continue;
    const earlier = history.filter((h) => h.kind === kind && h.at.getTime() <= now && (rule.windowMs === null || now - h.at.getTime() <= rule.windowMs));
    const counted = earlier.length + 1;
    if (counted < rule.atLeast) continue;
    const until = rule.action === 'suspend' ? new Date(now + (rule.suspendMs ?? SUSPENSION_MS)) : null;
    return { action: rule.action, rule, until, counted };
  }
  throw new Error(`no escalation rule for incident kind ${kind}`);
}

export function isIncidentKind(value: string): value is IncidentKind {
  return (INCIDENT_KINDS as readonly string[]).includes(value);
}
