import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precheck, validateCreditCode, validateResidentId } from '../src/rules/index.ts';

// Issue 12: the walkthrough's sample must pass the validators held to the standards (GB 32100 with GB 11714's check
// of the organisation code, GB 11643 with a GB/T 2260 county code). Read from the document itself, so an edit to the
// text cannot leave readers a sample the platform refuses.
const WALKTHROUGH = readFileSync(join(import.meta.dirname, '..', 'docs', 'walkthrough.md'), 'utf8');

function sampleDraft() {
  const heredoc = /cat > draft\.json <<'JSON'\n([\s\S]*?)\nJSON\n/.exec(WALKTHROUGH);
  expect(heredoc, 'docs/walkthrough.md writes draft.json with a heredoc').not.toBeNull();
  return JSON.parse(heredoc![1]!) as {
    subject: { certificate: { number: string }; leader: { idNumber: string } };
    services: { domains: { name: string }[] }[];
  };
}

describe('the walkthrough’s sample draft', () => {
  it('carries a credit code and an ID number that pass the standards', () => {
    const draft = sampleDraft();
    expect(validateCreditCode(draft.subject.certificate.number)).toMatchObject({ ok: true, provinceCode: '330000' });
    expect(validateResidentId(draft.subject.leader.idNumber)).toMatchObject({ ok: true, provinceCode: '330000' });
    expect(validateResidentId(draft.subject.leader.idNumber)).not.toHaveProperty('regionAbolished', true);
  });

  it('is refused for nothing but the uploads the walkthrough makes next (no error, no warning on any field)', () => {
    // Judged on a fixed day near the document's own dates: its domain was verified on 2026-10-01 and expires 2028-10-01.
    const result = precheck(sampleDraft() as never, { today: '2026-12-01' });
    const left = result.findings.filter((f) => f.severity !== 'info' && f.code !== 'MATERIAL_MISSING');
    expect(left).toEqual([]);
    expect(result.kind).toBe('first_filing');
  });
});
