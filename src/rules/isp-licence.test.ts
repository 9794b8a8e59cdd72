import { describe, expect, it } from 'vitest';
import { ISP_CHECKLIST, ISP_CHECKLIST_KEYS, ispEligibility } from './isp-licence.ts';

describe('ISP licence eligibility (SPEC §11)', () => {
  it.each([
    ['nationwide', 10_000_000, true],
    ['nationwide', 9_999_999.99, false],
    ['nationwide', 50_000_000, true],
    ['provincial', 1_000_000, true],
    ['provincial', 999_999, false],
    ['provincial', 0, false],
  ] as const)('%s with %d CNY registered capital → eligible %s', (scope, capital, eligible) => {
    const result = ispEligibility(scope, capital);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.some((r) => r.code === 'CAPITAL_BELOW_MINIMUM')).toBe(!eligible);
  });

  it('says how much is needed, in both languages, and points a nationwide applicant with enough for a province there', () => {
    const result = ispEligibility('nationwide', 5_000_000);
    expect(result.minimumCny).toBe(10_000_000);
    expect(result.reasons.map((r) => r.code)).toEqual(['CAPITAL_BELOW_MINIMUM', 'PROVINCIAL_POSSIBLE']);
    expect(result.reasons[0]!.message.zh).toContain('1,000 万元');
    expect(result.reasons[0]!.message.zh).toContain('500 万元');
    expect(result.reasons[0]!.message.en).toContain('10,000,000 CNY');
    expect(ispEligibility('nationwide', 500_000).reasons.map((r) => r.code)).toEqual(['CAPITAL_BELOW_MINIMUM']);
  });

  it('lists the requirements to track, whatever the answer', () => {
    expect(ISP_CHECKLIST.map((item) => item.key)).toEqual([...ISP_CHECKLIST_KEYS]);
    for (const item of ISP_CHECKLIST) {
      expect(item.title.zh).toMatch(/\p{Script=Han}/u);
      expect(item.detail.en.length).toBeGreaterThan(10);
    }
    expect(ispEligibility('provincial', 0).checklist).toHaveLength(ISP_CHECKLIST_KEYS.length);
    // The three system evaluations the FAQ names
    expect(ISP_CHECKLIST_KEYS.filter((key) => key.startsWith('evaluation_') && key !== 'evaluation_meets_rules')).toHaveLength(3);
  });
});
