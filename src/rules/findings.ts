// Building findings: fills the message templates in both languages and turns rules that rest on an old
// (pre-2020) or assumed source into warnings, saying so — a 管局 may have dropped a 2017 rule, and the
// applicant should not be blocked by it.

import type { Bilingual, Finding, Severity } from './draft.ts';
import { fieldPhrase } from './field-labels.ts';
import { FINDING_TEXTS } from './finding-texts.ts';
import type { FindingCode } from './finding-texts.ts';
import type { Sourced } from './data/province-rules-types.ts';
import { isLegacyDate } from './data/sources.ts';

export type Param = string | number | Bilingual;
export type Params = Readonly<Record<string, Param>>;

function fill(template: string, params: Params, lang: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined) return '';
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

export type FindingOptions = {
  severity?: Severity;
  /** The province rule the finding rests on: gives the source and softens legacy or assumed rules. */
  rule?: Sourced<unknown>;
  source?: string;
};

export function isSoftRule(rule: Sourced<unknown>): boolean {
  return rule.assumed === true || isLegacyDate(rule.lastConfirmed);
}

export function makeFinding(code: FindingCode, path: string, params: Params = {}, options: FindingOptions = {}): Finding {
  const text = FINDING_TEXTS[code];
  let severity: Severity = options.severity ?? text.severity;
  let zh = fill(text.zh, params, 'zh');
  let en = fill(text.en, params, 'en');
  const rule = options.rule;
  if (rule && isSoftRule(rule) && severity === 'error') {
    severity = 'warning';
    if (rule.assumed) {
      zh += '（此规则缺少公开依据，仅作提醒。）';
      en += ' (No published source states this rule; it is a reminder only.)';
    } else {
      zh += `（依据${rule.lastConfirmed}的旧规则，管局可能已调整，仅作提醒。）`;
      en += ` (Based on a rule last confirmed in ${rule.lastConfirmed}; the 管局 may have changed it — a reminder only.)`;
    }
  }
  const source = options.source ?? (rule ? `${rule.source} (last confirmed ${rule.lastConfirmed})` : undefined);
  return source === undefined ? { code, severity, path, message: { zh, en } } : { code, severity, path, message: { zh, en }, source };
}

/** A field named as the form names it (src/rules/field-labels.ts), for FIELD_REQUIRED / FIELD_INVALID; never its path. */
export function fieldLabel(path: string): Bilingual {
  if (path === '') return { zh: '备案申请', en: 'the draft' };
  return fieldPhrase(path);
}

export function fieldRequired(path: string, severity: Severity = 'error'): Finding {
  return makeFinding('FIELD_REQUIRED', path, { field: fieldLabel(path) }, { severity });
}

export function fieldInvalid(path: string, hint: Bilingual, severity: Severity = 'error'): Finding {
  return makeFinding('FIELD_INVALID', path, { field: fieldLabel(path), hint }, { severity });
}
