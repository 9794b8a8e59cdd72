import { describe, expect, it } from 'vitest';
import { precheck } from './precheck.ts';
import { enterpriseDraft } from './testing/fixtures.ts';

// Issue 12: messages a person reads say what is true in plain words.
describe('finding wording', () => {
  const expiryFinding = (expiresOn: string) => {
    const draft = enterpriseDraft();
    draft.services[0]!.domains[0]!.expiresOn = expiresOn;
    return precheck(draft, { today: '2026-12-01' }).findings.find((f) => f.code === 'DOMAIN_EXPIRES_TOO_SOON')!;
  };

  it('says a domain already expired has expired, and one about to expire that it will', () => {
    expect(expiryFinding('2026-10-15').message.zh).toContain('已于2026-10-15过期');
    expect(expiryFinding('2026-10-15').message.en).toContain('expired on 2026-10-15');
    expect(expiryFinding('2027-01-15').message.zh).toContain('将于2027-01-15到期');
    expect(expiryFinding('2026-12-01').message.zh).toContain('将于2026-12-01到期'); // valid through its last day
  });
});
