import { describe, expect, it } from 'vitest';
import { summariseDraft } from './draft-summary.ts';

describe('summariseDraft', () => {
  it('tidies the certificate number as the pre-check does, so spacing never makes the same certificate a new subject', () => {
    const of = (number: string) => summariseDraft({ subject: { certificate: { type: 'business_license', number } } }).certificate;
    expect(of('91440300-70846113-6t')).toEqual({ type: 'business_license', number: '91440300708461136T' });
    expect(of(' 9144 0300 7084 6113 6T ')).toEqual(of('91440300708461136T'));
    expect(of('91440300－708461136T')).toEqual(of('91440300708461136T'));
  });
});
