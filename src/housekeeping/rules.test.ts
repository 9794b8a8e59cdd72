import { describe, expect, it } from 'vitest';
import { cutoffOf, nextRunAfter, RETENTION_RULES } from './rules.ts';

describe('retention rules', () => {
  it('never lists the audit log, and keeps sent messages a year as proof of notice', () => {
    expect(RETENTION_RULES.map((rule) => rule.table)).not.toContain('audit_log');
    expect(RETENTION_RULES.find((rule) => rule.table === 'sent_messages')?.days).toBe(365);
  });

  it('counts the period back from the run', () => {
    const rule = RETENTION_RULES.find((r) => r.table === 'idempotency_keys')!;
    expect(cutoffOf(rule, new Date('2027-03-10T19:30:00Z')).toISOString()).toBe('2027-03-03T19:30:00.000Z');
  });

  it('runs at 03:30 Beijing time, the next one strictly later', () => {
    expect(nextRunAfter(new Date('2027-03-10T08:00:00Z')).toISOString()).toBe('2027-03-10T19:30:00.000Z');
    expect(nextRunAfter(new Date('2027-03-10T19:30:00Z')).toISOString()).toBe('2027-03-11T19:30:00.000Z');
    expect(nextRunAfter(new Date('2027-03-10T23:00:00Z')).toISOString()).toBe('2027-03-11T19:30:00.000Z');
  });
});
