import { describe, expect, it } from 'vitest';
import { diffSinceDecision, type DecisionReason } from './draft-diff.ts';
import { clone, enterpriseDraft, personalDraft } from './testing/fixtures.ts';

describe('diffSinceDecision', () => {
  it('lists each changed, added and removed field with its values, and nothing else', () => {
    const before = enterpriseDraft();
    const after = clone(before);
    after.services[0]!.name = '甲乙科技门户';
    after.subject.previousNames = ['甲乙信息有限公司'];
    delete after.subject.leader.email;
    after.services[0]!.access.ips = ['47.96.1.2', '47.96.1.3'];
    const diff = diffSinceDecision({ before, after, reasons: [] });
    expect(diff.fields).toEqual([
      { path: 'subject.leader.email', change: 'removed', before: 'zhangsan@example.com', after: null, personal: 'email', reasons: [] },
      { path: 'services[0].name', change: 'changed', before: '甲乙科技资料站一', after: '甲乙科技门户', reasons: [] },
      { path: 'services[0].access.ips', change: 'changed', before: '47.96.1.2', after: '47.96.1.2, 47.96.1.3', reasons: [] },
      { path: 'subject.previousNames', change: 'added', before: null, after: '甲乙信息有限公司', reasons: [] },
    ]);
    expect(diffSinceDecision({ before, after: clone(before), reasons: [] }).fields).toEqual([]);
  });

  it('ignores the declared materials and the judgement date, which are not what a reviewer decided on', () => {
    const before = enterpriseDraft();
    const after = { ...clone(before), submittedOn: '2026-04-01', materials: [{ kind: 'subject_certificate' as const }] };
    expect(diffSinceDecision({ before, after, reasons: [] }).fields).toEqual([]);
  });

  it('takes a new domain or certificate as the answer to the 管局 holding a record under another certificate', () => {
    const before = enterpriseDraft();
    const after = clone(before);
    after.services[0]!.domains[0]!.name = 'jiayi-new.com';
    const reasons: DecisionReason[] = [{ code: 'RECORD_EXISTS_AT_REGULATOR', note: 'jiayi0.com is filed under another certificate' }];
    expect(diffSinceDecision({ before, after, reasons }).answers).toEqual([
      { reason: 0, paths: ['services[0].domains[0].name'], materials: [], isAnswered: true },
    ]);
    const recertified = clone(before);
    recertified.subject.certificate.address = '浙江省甲市乙区丙路9号';
    expect(diffSinceDecision({ before, after: recertified, reasons }).answers[0]!.isAnswered).toBe(true);
    const unrelated = clone(before);
    unrelated.subject.mailingAddress = '浙江省甲市乙区丁路2号';
    expect(diffSinceDecision({ before, after: unrelated, reasons }).answers[0]!.isAnswered).toBe(false);
  });

  it('marks the fields a reason names, by path or by what its code is about, and flags reasons nothing answers', () => {
    const before = enterpriseDraft('330000', 2);
    const after = clone(before);
    after.services[1]!.domains[0]!.holder = '甲乙科技（杭州）有限公司';
    after.services[0]!.name = '甲乙科技门户';
    after.subject.mailingAddress = '浙江省甲市乙区丁路2号';
    const reasons: DecisionReason[] = [
      { code: 'DOMAIN_OWNER_WRONG', path: 'services[1].domains[0]' }, // a whole domain: its holder answers it
      { code: 'SITE_NAME_UNACCEPTABLE' }, // no path: any site name
      { code: 'PHONE_PROBLEM', path: 'subject.leader.mobile' }, // unchanged
    ];
    const diff = diffSinceDecision({ before, after, reasons });
    expect(diff.fields.map((f) => [f.path, f.reasons])).toEqual([
      ['subject.mailingAddress', []],
      ['services[0].name', [1]],
      ['services[1].domains[0].holder', [0]],
    ]);
    expect(diff.answers).toEqual([
      { reason: 0, paths: ['services[1].domains[0].holder'], materials: [], isAnswered: true },
      { reason: 1, paths: ['services[0].name'], materials: [], isAnswered: true },
      { reason: 2, paths: [], materials: [], isAnswered: false },
    ]);
  });

  it('a reason naming one part of a person is answered by that part only; one naming the person by any part', () => {
    const before = enterpriseDraft();
    const after = clone(before);
    after.subject.leader.emergencyPhone = '13900139009';
    const byPart = diffSinceDecision({ before, after, reasons: [{ code: 'PHONE_PROBLEM', path: 'subject.leader.mobile' }] });
    expect(byPart.answers[0]!.isAnswered).toBe(false);
    const byPerson = diffSinceDecision({ before, after, reasons: [{ code: 'OTHER', path: 'subject.leader' }] });
    expect(byPerson.answers[0]).toMatchObject({ isAnswered: true, paths: ['subject.leader.emergencyPhone'] });
  });

  it('answers supplement items about a material with new uploads of that kind', () => {
    const draft = enterpriseDraft();
    const reasons: DecisionReason[] = [
      { kind: 'subject_certificate', note: '营业执照照片模糊，请重新上传' },
      { kind: 'domain_certificate', path: 'services[0]', note: '请上传域名证书' },
      { code: 'CERTIFICATE_UNACCEPTABLE' },
    ];
    const uploads = [{ kind: 'subject_certificate', appliesTo: 'subject', change: 'replaced' as const, at: '2026-03-03T02:00:00.000Z' }];
    const diff = diffSinceDecision({ before: draft, after: draft, reasons, uploads });
    expect(diff.materials).toEqual([{ ...uploads[0], reasons: [0, 2] }]);
    expect(diff.answers.map((a) => a.isAnswered)).toEqual([true, false, true]);
  });

  it('says which values are personal so they can be masked', () => {
    const before = personalDraft();
    const after = clone(before);
    after.subject.leader.mobile = '13700137000';
    after.subject.leader.idNumber = '11010519491231002X';
    after.subject.certificate.number = '11010519491231002X';
    after.subject.leader.email = 'new@example.com';
    const personal = diffSinceDecision({ before, after, reasons: [] }).fields.map((f) => [f.path, f.personal]);
    expect(personal).toEqual([
      ['subject.certificate.number', 'id_number'],
      ['subject.leader.idNumber', 'id_number'],
      ['subject.leader.mobile', 'mobile'],
      ['subject.leader.email', 'email'],
    ]);
    // An organisation's certificate number (a credit code) is not personal.
    const org = enterpriseDraft();
    const renumbered = clone(org);
    renumbered.subject.certificate.number = '91330100MA1234569X';
    expect(diffSinceDecision({ before: org, after: renumbered, reasons: [] }).fields[0]!.personal).toBeUndefined();
  });
});
