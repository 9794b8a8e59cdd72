import { describe, expect, it } from 'vitest';
import { ESCALATION_RULES, INCIDENT_KINDS, decideEscalation, type PastIncident } from './violation-escalation.ts';

const T0 = new Date('2026-11-23T02:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3600_000);
const past = (kind: PastIncident['kind'], ...hours: number[]): PastIncident[] => hours.map((h) => ({ kind, at: at(h) }));

describe('violation escalation (SPEC §8)', () => {
  it('records a first and a second violation, and closes the site on the third within 24 hours', () => {
    expect(decideEscalation('violation', [], T0)).toMatchObject({ action: 'record_only', counted: 1, until: null });
    expect(decideEscalation('violation', past('violation', 0), at(5))).toMatchObject({ action: 'record_only' });
    const third = decideEscalation('violation', past('violation', 0, 5), at(10));
    expect(third).toMatchObject({ action: 'close', counted: 3 });
    expect(third.rule.id).toBe('violations_3_in_24h');
  });

  it('counts a violation exactly 24 hours earlier, but not one 24 hours and a second earlier', () => {
    expect(decideEscalation('violation', past('violation', 0, 1), at(24)).action).toBe('close');
    const justOutside = [{ kind: 'violation' as const, at: new Date(T0.getTime() - 1000) }, ...past('violation', 1)];
    expect(decideEscalation('violation', justOutside, at(24)).action).toBe('record_only');
  });

  it('does not close when the third violation comes 25 hours after the first', () => {
    expect(decideEscalation('violation', past('violation', 0, 2), at(25))).toMatchObject({ action: 'record_only' });
  });

  it('does not count other kinds towards the 24-hour violations', () => {
    expect(decideEscalation('violation', [...past('owner_unreachable', 0), ...past('violation', 1)], at(2)).action).toBe('record_only');
  });

  it('suspends the service for 12 hours when the owner cannot be reached, the first and the second time', () => {
    expect(decideEscalation('owner_unreachable', [], T0)).toMatchObject({ action: 'suspend', until: at(12) });
    expect(decideEscalation('owner_unreachable', past('owner_unreachable', 0), at(30))).toMatchObject({ action: 'suspend', until: at(42), counted: 2 });
  });

  it('closes the site the third time the owner cannot be reached, however far apart', () => {
    const third = decideEscalation('owner_unreachable', past('owner_unreachable', 0, 200), at(24 * 90));
    expect(third).toMatchObject({ action: 'close', counted: 3, until: null });
    expect(third.rule.id).toBe('owner_unreachable_3_times');
  });

  it('closes at once for false contact data and for refusing to delete', () => {
    expect(decideEscalation('false_contact', [], T0)).toMatchObject({ action: 'close' });
    expect(decideEscalation('refused_deletion', [], T0)).toMatchObject({ action: 'close' });
  });

  it('ignores incidents recorded after the moment decided on', () => {
    expect(decideEscalation('violation', past('violation', 3, 4), at(2)).action).toBe('record_only');
  });

  it('has a decision for every kind, and every rule names its source', () => {
    for (const kind of INCIDENT_KINDS) expect(() => decideEscalation(kind, [], T0)).not.toThrow();
    for (const rule of ESCALATION_RULES) {
      expect(rule.source, rule.id).toMatch(/SPEC §8/);
      expect(rule.text.zh && rule.text.en, rule.id).toBeTruthy();
    }
  });
});
