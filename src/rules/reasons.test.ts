import { describe, expect, it } from 'vitest';
import { REJECTION_REASONS, REJECTION_REASON_CODES, isRejectionReasonCode, rejectionReason } from './reasons.ts';
import { FINDING_CODES, FINDING_TEXTS } from './finding-texts.ts';

/** DESIGN §5.8 — the contract list, verbatim. */
const CONTRACT = `DOMAIN_NOT_IN_REGISTRAR_DB DOMAIN_NOT_REAL_NAME REGISTRANT_CERT_TYPE_MISMATCH DOMAIN_OWNER_WRONG
SITE_NAME_UNACCEPTABLE CROSS_PROVINCE FILED_SITE_UNREACHABLE FOOTER_NUMBER_MISSING FOOTER_NOT_LINKED
SITE_CONTENT_UNACCEPTABLE CERTIFICATE_UNACCEPTABLE LEADER_NOT_LEGAL_REP PHONE_PROBLEM FILING_FREQUENCY_EXCEEDED
WRONG_FILING_KIND RECORD_EXISTS_AT_REGULATOR DOMAIN_NOT_IN_REGULATOR_DB CERTIFICATE_HAS_ORDER_IN_PROGRESS
PRE_APPROVAL_UNACCEPTABLE ORGANISER_CONFLICT SERVICE_LEADER_ID_DUPLICATE ACCESS_PROVIDER_MISMATCH
ADDRESS_NOT_IN_PROVINCE SITE_CANCELLED SUBJECT_CANCELLED DATA_NOT_IN_REGISTRY FACE_VERIFICATION_FAILED
PHONE_UNREACHABLE SMS_VERIFICATION_TIMEOUT OTHER`.split(/\s+/);

/** DESIGN §5.3 — finding codes that must exist. */
const REQUIRED_FINDINGS = `ID_NUMBER_INVALID ID_EXPIRES_TOO_SOON CREDIT_CODE_INVALID MOBILE_INVALID DOMAIN_INVALID
DOMAIN_TLD_NOT_APPROVED DOMAIN_NOT_REAL_NAME DOMAIN_REAL_NAME_TOO_RECENT DOMAIN_HOLDER_MISMATCH DOMAIN_EXPIRES_TOO_SOON
MATERIAL_MISSING MATERIAL_TOO_OLD MATERIAL_FORMAT MATERIAL_SIZE MATERIAL_NOT_COLOUR SERVICE_CODE_INVALID
NAME_CHANGE_UNRELATED`.split(/\s+/);

describe('rejection reasons catalogue', () => {
  it('has exactly the contract codes', () => {
    expect([...REJECTION_REASON_CODES]).toEqual(CONTRACT);
  });

  it.each(CONTRACT)('%s has a title, an explanation and a fix in both languages', (code) => {
    const r = REJECTION_REASONS[code as keyof typeof REJECTION_REASONS];
    for (const text of [r.title, r.explanation, r.message, r.fix]) {
      expect(text.zh).toMatch(/\p{Script=Han}/u);
      expect(text.en).toMatch(/^[A-Z]/);
    }
    expect(r.fix.zh).not.toBe(r.explanation.zh);
  });

  it('looks codes up, falling back to OTHER', () => {
    expect(isRejectionReasonCode('PHONE_UNREACHABLE')).toBe(true);
    expect(isRejectionReasonCode('NOPE')).toBe(false);
    expect(rejectionReason('NOPE').code).toBe('OTHER');
    expect(rejectionReason('SMS_VERIFICATION_TIMEOUT').fix.en).toMatch(/24 hours/);
  });
});

describe('finding catalogue', () => {
  it('contains every code the contract requires', () => {
    for (const code of REQUIRED_FINDINGS) expect(FINDING_CODES).toContain(code);
  });

  it('uses stable SCREAMING_SNAKE codes with both languages', () => {
    for (const code of FINDING_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      const t = FINDING_TEXTS[code];
      expect(t.zh).toMatch(/\p{Script=Han}/u);
      expect(t.en.length).toBeGreaterThan(10);
      // placeholders must match between languages so no message loses a value
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      if (code !== 'PRECHECK_FAILED') expect(names(t.zh), code).toEqual(names(t.en)); // zh hides internal detail
    }
  });
});
