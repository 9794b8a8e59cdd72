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

describe('field names in messages', () => {
  it('names fields as the form does, never by their path', () => {
    const result = precheck({ province: '330000', subject: { nature: 'enterprise', leader: {} }, services: [{ kind: 'website', domains: [{}] }] }, { today: '2026-12-01' });
    const texts = result.findings.flatMap((f) => [f.message.zh, f.message.en]);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(text, text).not.toMatch(/[a-z]\.[a-z]|\w\[\d+\]/);
    const zh = result.findings.map((f) => f.message.zh).join('\n');
    expect(zh).toContain('请填写通信地址。');
    expect(zh).toContain('请填写主体负责人的手机号码。');
    expect(zh).toContain('请填写主体证件。');
  });

  it('uses the form’s words for the nature and the mailing address', () => {
    const draft = enterpriseDraft();
    draft.subject.certificate.type = 'resident_id';
    const zh = precheck(draft, { today: '2026-12-01' }).findings.map((f) => f.message.zh).join('\n');
    expect(zh).not.toContain('主办者性质');
    expect(zh).not.toContain('通讯地址');
  });

  it('asks for a service, not for a filing kind, when a filed subject adds one', () => {
    const draft = { ...enterpriseDraft(), services: [] };
    const findings = precheck(draft, { today: '2026-12-01', known: { subject: 'here', subjectNumber: '浙ICP备2026000001号' } }).findings;
    expect(findings.map((f) => f.code)).toContain('SERVICE_REQUIRED');
    expect(findings.map((f) => f.code)).not.toContain('KIND_UNDECIDED');
  });
});
